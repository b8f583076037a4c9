"""A reproducible, seeded corpus that looks like a real scrape, written from newsdoc's own fixture articles.

The templates are the project's own files (``examples/`` and ``tests/data/{jekyll,hexo,portal,plain}/``, all
written for newsdoc); nothing from ``../shared`` is read. Each generated file takes one template and varies, from the
seed: the title (drawn from every template's titles, sometimes with a column prefix), the date (same format as the
template), the city name, the paragraph count and their order (the template's own paragraphs plus paragraphs of the
same style borrowed from the other templates, until a size drawn from a log-normal around :data:`MEDIAN_BYTES`).

The mix imitates a scrape: :data:`VARIANT_MIX` (60% front matter + HTML, 40% plain text and portal dumps) and
:data:`ENCODING_MIX` (70% UTF-8, 8% UTF-8 with CRLF, 7% UTF-8 with a BOM, 15% GBK, or GB18030 when the text holds a
character GBK lacks). File ``i`` depends only on ``(seed, i)`` and the templates, so the first 1000 files of
``-n 20000`` are the files of ``-n 1000``; adding or editing a fixture changes the corpus, which is why the
templates' :func:`fingerprint` is printed with it.

    python -m benchmarks.make_corpus OUT_DIR -n 20000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import html
import json
import math
import random
import re
import statistics
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
#: Where the templates come from: our own articles only.
TEMPLATE_DIRS = (
    ROOT / "examples",
    ROOT / "tests" / "data" / "jekyll",
    ROOT / "tests" / "data" / "hexo",
    ROOT / "tests" / "data" / "portal",
    ROOT / "tests" / "data" / "plain",
)
VARIANTS = ("jekyll", "hexo", "portal", "plain")
#: Share of each variant: 60% front matter + HTML, 40% text (bare articles and portal dumps).
VARIANT_MIX = {"jekyll": 0.30, "hexo": 0.30, "portal": 0.15, "plain": 0.25}
#: Share of each encoding; "gbk" files whose text GBK cannot hold (NBSP, •) are written as GB18030.
ENCODING_MIX = {"utf-8": 0.70, "utf-8+crlf": 0.08, "utf-8-sig": 0.07, "gbk": 0.15}
#: The codec that decodes each encoding label (the benchmark floor decodes with it).
CODECS = {"utf-8": "utf-8", "utf-8+crlf": "utf-8", "utf-8-sig": "utf-8-sig", "gbk": "gbk", "gb18030": "gb18030"}
#: Target file size: log-normal around this median (UTF-8 bytes of the text), with this sigma, clamped.
MEDIAN_BYTES = 5000
SIZE_SIGMA = 0.55
SIZE_RANGE = (700, 60_000)
#: Cities the fixtures' 临江 is swapped for (all fictional).
CITIES = ("临江", "云港", "江城", "清河", "东澜", "北川", "南屿", "西岭", "望海", "青石")
#: Column prefixes some titles get.
TITLE_PREFIXES = ("", "", "", "", "", "", "快讯：", "聚焦｜", "独家｜", "图解：")
DATE_RANGE = (dt.datetime(2019, 1, 1), dt.datetime(2024, 12, 31))

_TITLE_FM = "\x00T\x00"  # the title as a front matter value (quoted as the template quotes it)
_TITLE_TEXT = "\x00t\x00"  # the title as text (headlines, 原标题 lines)
_DATE = "\x00D\x00"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: Date formats seen in the templates, most specific first: (pattern, renderer).
_DATE_FORMATS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00"), "iso"),
    (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0800"), "offset"),
    (re.compile(r"[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT"), "rfc2822"),
    (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"), "seconds"),
    (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d"), "minutes"),
)
_TAG = re.compile(r"<[^>]*>")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACE = re.compile(r"[\s\u3000\xa0]+")
#: Credit and boilerplate lines stay where the template has them; they are not paragraphs to shuffle or repeat.
_CREDIT = re.compile(r"^[\s\u3000（(\[【]*(?:原标题|来源|文章来源|本文来源|责任编辑|责编|编辑|文字|图片来源|文/|作者)")
_FM_TITLE = re.compile(r'^(\s*"?title"?\s*[:=]\s*)(.*?)(,?)[ \t]*$')
_FM_DATE = re.compile(r'^\s*"?date"?\s*[:=]')
_ORIGINAL_TITLE = re.compile(r"(原标题\s*[:：]\s*)([^<\n]+)")
_HEXO_REPLACED = re.compile(r"[:/\\?*“”<>|\[\]]")
_YAML_UNSAFE = re.compile(r": |#|^[\[\]{}>|*&!%@`'\"-]")


class CorpusFile(NamedTuple):
    """One generated file: its name, its bytes, the variant it imitates and the encoding label of its bytes."""

    name: str
    data: bytes
    variant: str
    encoding: str


class _Template(NamedTuple):
    variant: str
    source: str
    head: str  # text before the first paragraph, with title/date placeholders
    units: tuple[str, ...]  # the paragraphs (with any anchors that followed them), in template order
    tail: str  # text after the last paragraph
    sep: str  # what joins two paragraphs
    style: str  # paragraphs are borrowed only between templates of one style
    title_quote: str  # how the front matter quotes its title: ' " bare, or "" when there is no title value
    date_format: str  # key of _DATE_FORMATS, or "" when the date is left as written
    title: str  # the template's own title ("" when it has none), lent to other files


# -- templates ----------------------------------------------------------------------------------------------------
def _clean(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(text)).strip()


def _is_post_paragraph(line: str) -> bool:
    """A body line of a Jekyll/Hexo post that is article text (not a credit, anchor, widget or nav line)."""
    s = line.strip()
    text = _clean(_TAG.sub("", s))
    if len(text) < 12 or _CREDIT.search(text) or 'class="em_media"' in s or "article-editor" in s:
        return False
    if s.startswith(("<p", "<center", "<h2", "<h3", "<table")):
        return True
    return not s.startswith(("<", "[", ">", ".", "{")) and bool(_CJK.search(s))


def split_front_matter(text: str) -> tuple[list[str], list[str]]:
    """The lines of a post's front matter (fences included) and of its body. Only for our own well-formed posts."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    fence = lines[first].strip()
    if fence in ("---", "+++", ";;;"):
        close = next(j for j in range(first + 1, len(lines)) if lines[j].strip() == fence)
    else:  # Hexo without an opening fence, or brace-less JSON ended by ';;;'
        close = next(j for j in range(first, len(lines)) if lines[j].strip() in ("---", ";;;"))
    return lines[: close + 1], lines[close + 1 :]


def _post_template(variant: str, source: str, text: str) -> _Template | None:
    header, body = split_front_matter(text)
    title_quote, date_format, old_title = "", "", ""
    for i, line in enumerate(header):
        match = _FM_TITLE.match(line)
        if match and not title_quote and match.group(2):
            value = match.group(2)
            title_quote = value[0] if value[0] in "'\"" else "bare"
            old_title = value[1:-1] if title_quote != "bare" else value
            header[i] = match.group(1) + _TITLE_FM + match.group(3)
        elif _FM_DATE.match(line) and not date_format:
            header[i], date_format = _mark_date(line)
    marks = [i for i, line in enumerate(body) if _is_post_paragraph(line)]
    if not marks:
        return None  # nothing to vary (a link list, a one-line notice)
    units = tuple("\n".join(body[a:b]) for a, b in zip(marks, [*marks[1:], marks[-1] + 1], strict=True))
    head = "\n".join(header + body[: marks[0]]) + "\n"
    tail = "\n" + "\n".join(body[marks[-1] + 1 :])
    underscored = variant == "hexo" and "_" in old_title
    if underscored:  # the real title is on the 原标题 line
        original = _ORIGINAL_TITLE.search("\n".join(body))
        old_title = _clean(_TAG.sub("", original.group(2))) if original else old_title.replace("_", " ")
    head, units, tail = _mark_title_text(head, units, tail, old_title, underscored=underscored)
    style = "post-html" if units[0].lstrip().startswith("<") else "post-text"
    return _Template(variant, source, head, units, tail, "\n", style, title_quote, date_format, old_title)


def _plain_template(source: str, text: str) -> _Template | None:
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    headline = _clean(lines[first])
    old_title = ""
    if len(headline) <= 40 and not headline.endswith(("。", "，", "：")) and not re.search(r"\d日电|讯", headline):
        old_title = headline
        lines[first] = lines[first].replace(headline, _TITLE_TEXT) if headline in lines[first] else _TITLE_TEXT
        start = first + 1
    else:
        start = first
    marks = [i for i in range(start, len(lines)) if lines[i].strip()]
    while marks and len(_clean(lines[marks[-1]])) < 16 and _CREDIT.search(_clean(lines[marks[-1]])):
        marks.pop()  # a closing credit line (编辑:…) stays last
    if not marks:
        return None
    units = tuple("\n".join(lines[a:b]) for a, b in zip(marks, [*marks[1:], marks[-1] + 1], strict=True))
    head = "\n".join(lines[: marks[0]]) + "\n"
    tail = "\n" + "\n".join(lines[marks[-1] + 1 :])
    return _Template("plain", source, head, units, tail, "\n", "plain", "", "", old_title)


def _portal_template(source: str, text: str) -> _Template | None:
    blocks = text.split("\n\n")
    meta = next((i for i, b in enumerate(blocks) if re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", b)), None)
    if meta is None:
        return None
    blocks[meta], date_format = _mark_date(blocks[meta])
    headline = next((i for i in range(meta - 1, -1, -1) if _clean(blocks[i]) and not _clean(blocks[i]).isdigit()), None)
    if headline is None:  # a page whose headline this simple reading cannot find: not a template
        return None
    old_title = _clean(blocks[headline])
    blocks[headline] = _TITLE_TEXT

    def is_paragraph(block: str) -> bool:
        text = _clean(block)
        return len(text) >= 30 and bool(_CJK.search(text)) and not _CREDIT.search(text)

    first = next((i for i in range(meta + 1, len(blocks)) if is_paragraph(blocks[i])), None)
    if first is None:
        return None
    last = first
    while last + 1 < len(blocks) and is_paragraph(blocks[last + 1]):
        last += 1
    head = "\n\n".join(blocks[:first]) + "\n\n"
    tail = "\n\n" + "\n\n".join(blocks[last + 1 :])
    head, units, tail = _mark_title_text(head, tuple(blocks[first : last + 1]), tail, old_title, underscored=False)
    return _Template("portal", source, head, units, tail, "\n\n", "portal", "", date_format, old_title)


def _mark_date(text: str) -> tuple[str, str]:
    for pattern, name in _DATE_FORMATS:
        match = pattern.search(text)
        if match:
            return text[: match.start()] + _DATE + text[match.end() :], name
    return text, ""  # an empty or broken date stays as written: real scrapes have them too


def _mark_title_text(
    head: str, units: tuple[str, ...], tail: str, old_title: str, *, underscored: bool
) -> tuple[str, tuple[str, ...], str]:
    """Other places that repeat the title (原标题 lines, 正在阅读：…) get the new title too."""

    def mark(text: str) -> str:
        if underscored:  # Hexo put '_' where the real title, given on the 原标题 line, has “”:/…
            return _ORIGINAL_TITLE.sub(lambda m: m.group(1) + _TITLE_TEXT, text, count=1)
        return text.replace(old_title, _TITLE_TEXT) if len(old_title) >= 4 else text

    return mark(head), tuple(mark(u) for u in units), mark(tail)


@functools.lru_cache(maxsize=1)
def templates() -> dict[str, tuple[_Template, ...]]:
    """The templates of each variant, read once from the project's own example and fixture files."""
    found: dict[str, list[_Template]] = {v: [] for v in VARIANTS}
    for folder in TEMPLATE_DIRS:
        for path in sorted(folder.rglob("*")):
            variant = path.parent.name
            if path.suffix not in (".md", ".txt") or variant not in found:
                continue
            text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
            source = str(path.relative_to(ROOT))
            if variant in ("jekyll", "hexo"):
                template = _post_template(variant, source, text)
            elif variant == "portal":
                template = _portal_template(source, text)
            else:
                template = _plain_template(source, text)
            if template is not None:
                found[variant].append(template)
    missing = [v for v, ts in found.items() if not ts]
    if missing:
        raise RuntimeError(f"no usable templates for {', '.join(missing)} under {ROOT}")
    return {v: tuple(ts) for v, ts in found.items()}


def fingerprint() -> str:
    """A short hash of the templates: one seed gives one corpus only from the same templates."""
    digest = hashlib.sha256()
    for group in templates().values():
        for template in group:
            digest.update(repr(template).encode("utf-8"))
    return digest.hexdigest()[:12]


@functools.lru_cache(maxsize=1)
def _pools() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Paragraphs by style, and every template title, for borrowing."""
    pools: dict[str, list[str]] = {}
    titles: list[str] = []
    for group in templates().values():
        for t in group:
            # short lines (sub-headings) stay in their own template: borrowed, they would repeat back to back
            borrowable = (u for u in t.units if _TITLE_TEXT not in u and len(_clean(u)) >= 20)
            pools.setdefault(t.style, []).extend(borrowable)
            titles.append(t.title)
    clean_titles = tuple(dict.fromkeys(t for t in titles if len(t) >= 6 and "'" not in t and '"' not in t))
    return {k: tuple(v) for k, v in pools.items()}, clean_titles


# -- generation ---------------------------------------------------------------------------------------------------
def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    r, total = rng.random(), 0.0
    for key, weight in weights.items():
        total += weight
        if r < total:
            return key
    return key


def _render_date(when: dt.datetime, fmt: str) -> str:
    if fmt == "iso":
        return when.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"
    if fmt == "offset":
        return when.strftime("%Y-%m-%d %H:%M:%S") + " +0800"
    if fmt == "rfc2822":
        utc = when - dt.timedelta(hours=8)
        return f"{_DAYS[utc.weekday()]}, {utc.day:02d} {_MONTHS[utc.month - 1]} {utc:%Y %H:%M:%S} GMT"
    if fmt == "seconds":
        return when.strftime("%Y-%m-%d %H:%M:%S")
    return when.strftime("%Y-%m-%d %H:%M")


def _render_fm_title(title: str, quote: str) -> str:
    if quote == "'":
        return "'" + title.replace("'", "''") + "'"
    if quote == '"' or (quote == "bare" and _YAML_UNSAFE.search(title)):
        return json.dumps(title, ensure_ascii=False)  # valid YAML, JSON and TOML
    return title


def generate_text(index: int, seed: int = 1) -> tuple[str, str, str]:
    """File ``index`` of the corpus for ``seed``, as text: (text, variant, template source)."""
    rng = random.Random(f"newsdoc-bench:{seed}:{index}")
    variant = _pick(rng, VARIANT_MIX)
    template = rng.choice(templates()[variant])
    pools, titles = _pools()
    target = min(max(int(math.exp(rng.gauss(math.log(MEDIAN_BYTES), SIZE_SIGMA))), SIZE_RANGE[0]), SIZE_RANGE[1])
    units = list(template.units)
    rng.shuffle(units)
    size = len((template.head + template.tail).encode()) + sum(len(u.encode()) + 1 for u in units)
    pool = pools[template.style]
    while size < target:
        unit = rng.choice(pool)
        units.insert(rng.randint(0, len(units)), unit)
        size += len(unit.encode()) + len(template.sep)
    title = rng.choice(TITLE_PREFIXES) + rng.choice(titles)
    when = DATE_RANGE[0] + dt.timedelta(seconds=rng.randrange(int((DATE_RANGE[1] - DATE_RANGE[0]).total_seconds())))
    text = template.head + template.sep.join(units) + template.tail
    city = rng.choice(CITIES)
    if city != "临江":
        text, title = text.replace("临江", city), title.replace("临江", city)
    fm_title = _HEXO_REPLACED.sub("_", title) if template.variant == "hexo" and _TITLE_TEXT in text else title
    text = text.replace(_TITLE_FM, _render_fm_title(fm_title, template.title_quote or "bare"))
    text = text.replace(_TITLE_TEXT, title).replace(_DATE, _render_date(when, template.date_format))
    return text, variant, template.source


def generate(index: int, seed: int = 1) -> CorpusFile:
    """File ``index`` of the corpus for ``seed``, encoded as the encoding mix says."""
    text, variant, _ = generate_text(index, seed)
    rng = random.Random(f"newsdoc-bench-encoding:{seed}:{index}")
    encoding = _pick(rng, ENCODING_MIX)
    if encoding == "utf-8+crlf":
        data = text.replace("\n", "\r\n").encode("utf-8")
    elif encoding == "utf-8-sig":
        data = text.encode("utf-8-sig")
    elif encoding == "gbk":
        try:
            data = text.encode("gbk")
        except UnicodeEncodeError:
            data, encoding = text.encode("gb18030"), "gb18030"
    else:
        data = text.encode("utf-8")
    suffix = ".md" if variant in ("jekyll", "hexo") else ".txt"
    return CorpusFile(f"{index:06d}-{variant}{suffix}", data, variant, encoding)


def iter_corpus(n: int, seed: int = 1, start: int = 0) -> Iterator[CorpusFile]:
    """Files ``start`` … ``start + n - 1``, generated one at a time (nothing is kept: for streaming runs)."""
    for index in range(start, start + n):
        yield generate(index, seed)


def make_corpus(n: int, seed: int = 1) -> list[CorpusFile]:
    """The first ``n`` files for ``seed``, in memory."""
    return list(iter_corpus(n, seed))


def describe(files: Iterable[CorpusFile]) -> str:
    """The achieved mix: variants, encodings, front matter share, file sizes."""
    files = list(files)
    n = len(files)
    sizes = sorted(len(f.data) for f in files)
    variants = Counter(f.variant for f in files)
    encodings = Counter(f.encoding for f in files)

    def share(counter: Counter[str], keys: Sequence[str]) -> str:
        return ", ".join(f"{k} {100 * counter[k] / n:.1f}%" for k in keys if counter[k])

    fm = variants["jekyll"] + variants["hexo"]
    return "\n".join(
        (
            f"files      {n}, {sum(sizes) / 1e6:.1f} MB",
            f"variants   {share(variants, VARIANTS)}",
            f"           front matter + HTML {100 * fm / n:.1f}%, plain text + portal {100 * (n - fm) / n:.1f}%",
            f"encodings  {share(encodings, ('utf-8', 'utf-8+crlf', 'utf-8-sig', 'gbk', 'gb18030'))}",
            f"size       median {statistics.median(sizes) / 1000:.1f} KB, p10 {sizes[n // 10] / 1000:.1f} KB, "
            f"p90 {sizes[n * 9 // 10] / 1000:.1f} KB, max {sizes[-1] / 1000:.1f} KB",
        )
    )


def write_corpus(out_dir: Path, files: Iterable[CorpusFile]) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    for f in files:
        (out_dir / f.name).write_bytes(f.data)
        count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.make_corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the files into (created if needed)")
    parser.add_argument("-n", type=int, default=20_000, help="number of files (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="seed (default 1): same seed, same bytes")
    args = parser.parse_args(argv)
    files = make_corpus(args.n, args.seed)
    write_corpus(args.out_dir, files)
    count = sum(map(len, templates().values()))
    print(f"wrote {len(files)} files to {args.out_dir} (seed {args.seed}) from {count} templates ({fingerprint()})")
    print(describe(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
