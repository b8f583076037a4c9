"""How parse time grows with input size on pathological inputs (a benchmark, not a test: nothing is asserted).

``python -m benchmarks.scaling [--sizes 1,8] [--only NAME] [--budget SECONDS]``

For each shape below, an input of each size (MB) is generated and parsed once (the small size takes the best of
three); the table shows seconds per MB at each size and their ratio, large over small. Linear time gives a ratio near
1; quadratic time gives about the size ratio (8). A shape whose small input already takes longer than ``--budget``
is measured at sizes eight times smaller instead (repeatedly), and a large size that takes more than twice what linear
growth allows is stopped and shown as a lower bound (">"), so a quadratic case cannot hold the run for hours. Each
measurement runs in a child process. The last line times the 100,000-level nested ``<div>`` input named in issue 4.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import multiprocessing
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

import newsdoc

MB = 2**20
SENTENCE = "临江市首条智轨线路今天正式开通运行，全长十二公里，沿线设站十座。"  # 32 characters, 96 bytes in UTF-8
HEAD = '---\nlayout: post\ntitle: "临江新区智轨开通"\ndate: 2024-03-02 09:15:00 +0800\n---\n'
PORTAL_TAIL = "\n0\n\n版权声明：本站所有内容均为原创。\n\nCopyright © 2024 云港资讯网 All Rights Reserved\n"


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """``head`` + ``unit`` repeated to about ``size`` UTF-8 bytes + ``tail``."""
    n = max(1, (size - len((head + tail).encode())) // len(unit.encode()))
    return head + unit * n + tail


def _nested(size: int) -> str:
    n = size // len(b"<div></div>")
    return HEAD + "<div>" * n + "<p>" + SENTENCE + "</p>" + "</div>" * n + "\n"


PLAIN_HEAD = "临江新区智轨开通\n"
PORTAL_HEAD = "云港资讯网\n\n  • 首页\n\n临江新区智轨开通\n\n网络编辑 城建 2024-03-10 16:05:41 3\n\n"
PORTAL_UNIT = (
    "  • 首页  • 国内\n\n网络编辑 城建 2024-03-10 16:05:41 3 交通\n\n\u3000\u3000"
    + SENTENCE
    + "\n\n版权声明 上一篇\n\n"
)
#: Words whose presence makes the portal detector run its line-anchored regexes over the whole text.
FOOTER_WORDS = "相关阅读 上一篇 下一篇 网友评论 验证码 字号 分享到 举报 返回首页\n"
WRAPPED_LINE = (SENTENCE * 4)[:99] + "\n"  # 99 CJK characters: 198 display columns, as w3m -cols 200 wraps
CREDITS = "来源：临江日报\n编辑：王明\n" + SENTENCE + "\n"
#: name -> (what it is, the unit repeated to the size, what comes before, what comes after).
REPEATED: dict[str, tuple[str, str, str, str]] = {
    "long-line-plain": ("one line of text, bare text file", SENTENCE, PLAIN_HEAD, "\n"),
    "long-line-html": ("one <p> line, Jekyll post", SENTENCE, HEAD + "<p>", "</p>\n"),
    "blank-lines": ("blank lines, then a paragraph and a footer line", "\n", PLAIN_HEAD, f"{SENTENCE}\n{FOOTER_WORDS}"),
    "nbsp-lines": ("NBSP-only lines between paragraphs (portal-style)", "\xa0\xa0\n" + SENTENCE + "\n", "", ""),
    "many-dashes": ("a file of '---' lines", "---\n", "", ""),
    "dashes-after-header": ("a Jekyll header, then '---' lines", "---\n", HEAD, ""),
    "many-semicolons": ("'\"key\": value,' then ';;;' lines", ";;;\n", '"title": "x",\n', ""),
    "unfenced-keys": ("Hexo header without opening fence: key lines, then ---", "k: v\n", "", "---\n<p>x</p>\n"),
    "many-p": ("<p>sentence</p> repeated, Jekyll post", "<p>" + SENTENCE + "</p>\n", HEAD, ""),
    "many-br": ("text lines ended by <br> in one <div>, Hexo", SENTENCE + "<br>\n", "\n" + HEAD + "<div>", "</div>"),
    "many-images": ("<img> + caption pairs", '<p><img src="a.jpg"></p><p>临江新区夜景</p>\n', HEAD, ""),
    "many-comments": ("HTML comments between paragraphs", "<!-- 广告位 --><p>" + SENTENCE + "</p>\n", HEAD, ""),
    "many-entities": ("&nbsp; and &#123; runs in bare text", "&nbsp;&#123;临江&amp;", PLAIN_HEAD, "\n"),
    "portal-lines": ("portal-like lines: dates, footer words, bullets", PORTAL_UNIT, "云港资讯网\n\n", PORTAL_TAIL),
    "portal-wrapped": ("w3m-wrapped 99-character lines (re-joined)", WRAPPED_LINE, PORTAL_HEAD, PORTAL_TAIL),
    "credit-lines": ("short credit-like lines (rules run on each)", CREDITS, PLAIN_HEAD, ""),
}
#: name -> (what it is, generator of about ``size`` bytes of text).
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    **{
        name: (what, lambda n, u=unit, h=head, t=tail: _fill(u, n, h, t))
        for name, (what, unit, head, tail) in REPEATED.items()
    },
    "deep-nesting": ("<div> nested as deep as the size allows", _nested),
}


def _time(text: str, repeat: int) -> float:
    data = text.encode("utf-8")
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        with contextlib.suppress(newsdoc.NewsdocError):
            newsdoc.parse(data)
        best = min(best, time.perf_counter() - start)
    return best


def _child(conn: Connection, name: str, size: int, repeat: int) -> None:
    conn.send(_time(SHAPES[name][1](size), repeat))


def timed(name: str, size_mb: float, repeat: int, timeout: float) -> float | None:
    """Best parse time of shape ``name`` at ``size_mb``, measured in a child process; None past ``timeout`` s."""
    parent, child = multiprocessing.Pipe(duplex=False)
    proc = multiprocessing.get_context("fork").Process(target=_child, args=(child, name, int(size_mb * MB), repeat))
    proc.start()
    child.close()
    ready = parent.poll(timeout)
    result = parent.recv() if ready else None
    if proc.is_alive():
        proc.kill()
    proc.join()
    return result


def measure(name: str, sizes: tuple[float, float], budget: float) -> tuple[float, float | None, float, float, str]:
    """(small MB, s/MB small, large MB, s/MB large or None when it ran out of time, note)."""
    small, large = sizes
    notes = []
    t_small = timed(name, small, 3, budget)
    while t_small is None:  # superlinear: shrink both sizes eight times until the small one fits the budget
        notes.append(f"{_size(small)} took over {budget:g} s")
        small, large = small / 8, large / 8
        t_small = timed(name, small, 1, budget)
    limit = budget * (large / small) * 2  # twice what linear time would need
    t_large = timed(name, large, 1, limit)
    if t_large is None:
        notes.append(f"{_size(large)} took over {limit:.0f} s")
    return small, t_small / small, large, None if t_large is None else t_large / large, "; ".join(notes)


def _size(mb: float) -> str:
    return f"{mb:g} MB" if mb >= 1 else f"{mb * 1024:g} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scaling", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,8", help="small and large size in MB (default 1,8)")
    parser.add_argument("--only", action="append", choices=sorted(SHAPES), help="run only this shape (repeatable)")
    parser.add_argument("--budget", type=float, default=8.0, help="seconds the small size may take (default 8)")
    parser.add_argument("--skip-deep-100k", action="store_true", help="skip the 100,000-level nesting timing")
    args = parser.parse_args(argv)
    small, large = (float(x) for x in args.sizes.split(","))
    python = sys.version.split()[0]
    print(f"newsdoc {newsdoc.__version__}, Python {python}: seconds per MB at {_size(small)} and {_size(large)}")
    print(f"{'shape':<22}{'s/MB small':>12}{'s/MB large':>12}{'ratio':>8}  what")
    worst = ("", 0.0)
    for name in args.only or list(SHAPES):
        small_mb, per_small, large_mb, per_large, note = measure(name, (small, large), args.budget)
        if per_large is None:  # ran out of time: both figures are lower bounds
            limit = args.budget * (large_mb / small_mb) * 2
            ratio = limit / large_mb / per_small
            large_text, ratio_text = f"{'>' + format(limit / large_mb, '.3f'):>12}", f"{'>' + format(ratio, '.2f'):>8}"
        else:
            ratio = per_large / per_small
            large_text, ratio_text = f"{per_large:>12.3f}", f"{ratio:>8.2f}"
        worst = max(worst, (name, ratio), key=lambda x: x[1])
        extra = [note] if note else []
        if (small_mb, large_mb) != (small, large):
            extra.insert(0, f"measured at {_size(small_mb)} and {_size(large_mb)}")
        more = f" [{'; '.join(extra)}]" if extra else ""
        print(f"{name:<22}{per_small:>12.3f}{large_text}{ratio_text}  {SHAPES[name][0]}{more}", flush=True)
    print(f"worst ratio: {worst[1]:.2f} ({worst[0]}); linear is about 1, quadratic about {large / small:g}")
    if not args.skip_deep_100k:
        n = 100_000
        text = HEAD + "<div>" * n + "<p>" + SENTENCE + "</p>" + "</div>" * n + "\n"
        print(f"100,000 nested <div> ({len(text.encode()) / 1024:.0f} KB): {_time(text, 1):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
