"""Fuzz newsdoc's totality: every input gives a Document or a NewsdocError — nothing else, no crash, no hang.

``python -m benchmarks.fuzz --examples N [--seed S] [--workers W] [--out DIR]`` (DIR defaults to a temporary folder)
``python -m benchmarks.fuzz --seed S --replay INDEX`` re-runs one input in this process, with its traceback.

Input ``i`` of seed ``S`` is a pure function of ``(S, i)`` (a ``random.Random`` seeded with ``"S:i"``), so any input
can be regenerated from its number. The mix, per input:

* random bytes (0-8 KB), sometimes behind a BOM or a magic number;
* random Unicode text (CJK, ASCII, punctuation, controls, NBSP/U+3000, emoji), as ``str`` or encoded in UTF-8,
  UTF-8 with BOM, GB18030, UTF-16 or Big5;
* a fixture file from ``tests/data`` or ``examples/`` mutated 1-6 times: byte flips, truncation, splicing with a
  second fixture, deleting or duplicating a span, inserting a fragment (``---``, ``;;;``, ``+++``, ``<``, entities,
  NUL, BOM, CR, a credit word, a date) or a deep stack of tags or YAML brackets, re-encoding.

Each input is parsed in a worker process (``fork``), then ``to_dict()`` is serialised to JSON and ``detect()`` run,
as ``newsdoc convert`` would. A worker that dies (a C-level crash) or stops making progress (``--hang`` seconds) is
replaced; the input it was on is recorded. Distinct failures (exception type and innermost newsdoc frame) are saved
to ``--out`` with the inputs that caused them (first three of each). The time per KB of the slowest input is
reported (inputs under 1 KB count as 1 KB) and that input is saved too: the 20 slowest of the run are timed again at
the end, best of three, so that a scheduling hiccup on a tiny input does not pass for a slow parse.

Exit status: 0 when every input gave a Document or a NewsdocError, 1 otherwise.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import heapq
import json
import multiprocessing
import os
import queue
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import newsdoc

ROOT = Path(__file__).resolve().parent.parent
#: Fixtures left out of the seed pool: known to crash the interpreter (tests/test_bad_input.py pins the bug), they
#: would drown every other finding. The deep-bracket mutation below still reaches the same code.
KNOWN_CRASHERS = frozenset({"yaml-deep-nesting.md"})
FRAGMENTS = (
    "---\n", "\n---\n", "+++\n", ";;;\n", '"title": "临江",\n', "layout: post\n", "title: ", "date: ",
    "tags:\n - a\n",
    "<", ">", "</p>", "<p>", "<div>", "<img src=x>", "<!--", "-->", "<script>", "<style>", "<br>", "<table><tr><td>",
    "&nbsp;", "&amp;", "&#123;", "&#65279;", "&#0;", "&#13;", "&", "\x00", "\ufeff", "\r", "\r\n", "\u3000", "\xa0",
    "原标题：", "来源：", "责任编辑：", "记者 ", "（新华社）", "本报讯", "3月1日电", "<http://a.example/x>",
    "[返回首页](//x/)",
    "2021-13-45", "2024-03-02 09:15:00 +0800", "Sat, 25 Dec 2021 04:39:10 GMT", "12:30", "版权声明", "Copyright ©",
    "  • ", "上一篇", "0\n", "*a", "&a ", "!!binary ", "!!python/object/apply:os.system [x]", "? ", "- ", "\t",
    "'", '"',
    "\\", "{", "}", "[", "]", "\n" * 50, "\xa0\n" * 20, "文/", "文化", "#", "> ", "```",
)
ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "big5")
MAGIC = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"\x89PNG", b"PK\x03\x04")
#: Code point ranges random text draws from (weights by repetition).
RANGES = (
    *((0x20, 0x7E),) * 4,  # ASCII
    *((0x4E00, 0x9FFF),) * 6,  # CJK
    (0x3000, 0x303F), (0xFF00, 0xFFEF),  # CJK punctuation, full-width forms
    (0x00, 0x1F), (0x80, 0x2FF), (0x2000, 0x206F),  # controls, Latin-1 and beyond, general punctuation
    (0x1F300, 0x1F6FF), (0xFFF0, 0xFFFF),  # emoji, specials
)


#: Known-good inputs each worker parses first (a crash here is not the fuzz's business: the run stops).
WARM_UP = (
    "临江新区智轨开通\n\n\u3000\u3000临江市首条智轨线路今天正式开通运行。\n".encode(),
    '---\nlayout: post\ntitle: "临江"\ndate: 2024-03-02 09:15:00 +0800\n---\n<p>临江开通。</p>\n'.encode("gb18030"),
    "\n---\ntitle: '临江'\ncomments: false\n---\n<div><p>临江开通。</p></div>\n".encode("utf-16"),
)


def seed_files() -> list[tuple[str, bytes]]:
    files = [*(ROOT / "tests" / "data").rglob("*"), *(ROOT / "examples").rglob("*")]
    return [
        (str(p.relative_to(ROOT)), p.read_bytes())
        for p in sorted(files)
        if p.is_file() and p.suffix in (".md", ".txt", ".bin") and p.name not in KNOWN_CRASHERS
    ]


def random_text(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        lo, hi = rng.choice(RANGES)
        out.append(chr(rng.randint(lo, hi)))
        if rng.random() < 0.08:
            out.append("\n")
    return "".join(out)


def _log_uniform(rng: random.Random, lo: int, hi: int) -> int:
    return int(lo * (hi / lo) ** rng.random())


def mutate(rng: random.Random, data: bytes, seeds: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    op = rng.choices(
        ["flip", "truncate", "splice", "delete", "duplicate", "insert", "deep-tags", "deep-brackets", "reencode"],
        weights=[20, 6, 8, 8, 8, 30, 3, 1, 4],
    )[0]
    i = rng.randint(0, len(data)) if data else 0
    if op == "flip" and data:
        i = min(i, len(data) - 1)
        return data[:i] + bytes([data[i] ^ (1 << rng.randint(0, 7))]) + data[i + 1 :], op
    if op == "truncate":
        return data[:i], op
    if op == "splice":
        other = rng.choice(seeds)[1]
        return data[:i] + other[rng.randint(0, len(other)) :], op
    if op in ("delete", "duplicate") and data:
        j = min(len(data), i + _log_uniform(rng, 1, 4096))
        return (data[:i] + data[j:] if op == "delete" else data[:j] + data[i:j] + data[j:]), op
    if op == "deep-tags":
        tag = rng.choice(["div", "span", "p", "b", "table", "ul", "blockquote", "font"])
        n = _log_uniform(rng, 10, 6000)
        return data[:i] + (f"<{tag}>" * n).encode() + b"x" + (f"</{tag}>" * rng.choice([0, n])).encode() + data[i:], op
    if op == "deep-brackets":  # in a YAML value: very deep flow collections
        n = _log_uniform(rng, 10, 40000)
        left, right = rng.choice(["[]", "{}"])
        return data[:i] + (left * n + right * rng.choice([0, n])).encode() + data[i:], op
    if op == "reencode":
        text = data.decode("utf-8", "replace")
        return text.encode(rng.choice(ENCODINGS), "replace"), op
    fragment = rng.choice(FRAGMENTS)
    return data[:i] + fragment.encode("utf-8") * rng.choice([1, 1, 1, 2, 10]) + data[i:], "insert"


def make_input(seed: int, index: int, seeds: list[tuple[str, bytes]]) -> tuple[bytes | str, str]:
    """Input number ``index`` of ``seed`` and a short description of how it was made."""
    rng = random.Random(f"{seed}:{index}")
    kind = rng.random()
    if kind < 0.12:
        data = rng.randbytes(_log_uniform(rng, 1, 8192))
        if rng.random() < 0.3:
            data = rng.choice(MAGIC) + data
        return data, "random bytes"
    if kind < 0.27:
        text = random_text(rng, _log_uniform(rng, 1, 4000))
        if rng.random() < 0.3:
            return text, "random text (str)"
        encoding = rng.choice(ENCODINGS)
        return text.encode(encoding, "replace"), f"random text ({encoding})"
    name, data = rng.choice(seeds)
    how = []
    for _ in range(rng.randint(1, 6)):
        data, op = mutate(rng, data, seeds)
        how.append(op)
    return data, f"{name} + {','.join(how)}"


def check(data: bytes | str) -> tuple[str, str]:
    """('document' | 'error:<class>', '') or raises whatever newsdoc let escape."""
    try:
        doc = newsdoc.parse(data)
    except newsdoc.NewsdocError as exc:
        outcome = f"error:{type(exc).__name__}"
    else:
        json.dumps(doc.to_dict(), ensure_ascii=False)
        outcome = "document"
    with contextlib.suppress(newsdoc.NewsdocError):
        newsdoc.detect(data)
    return outcome, ""


def signature(exc: BaseException) -> str:
    """Exception type and the innermost frame inside newsdoc (or the innermost frame at all)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "newsdoc" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno} in {ours[-1].name}" if ours else "?"
    return f"{type(exc).__name__} at {where}"


def worker(seed: int, indices: list[int], current: Any, results: Any) -> None:
    seeds = seed_files()
    for data in WARM_UP:  # lazy imports, regex caches: so that the first inputs' times are comparable
        with contextlib.suppress(Exception):
            check(data)
    batch: list[tuple[int, str, str, float, int, str]] = []
    for index in indices:
        data, how = make_input(seed, index, seeds)
        current.value = index
        start = time.perf_counter()
        try:
            outcome, detail = check(data)
        except Exception as exc:  # what the fuzz is looking for
            outcome, detail = "exception", signature(exc) + f": {str(exc)[:200]}"
        elapsed = time.perf_counter() - start
        size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
        batch.append((index, outcome, detail, elapsed, size, how))
        if len(batch) >= 25:
            results.put(batch)
            batch = []
    results.put(batch)
    results.put(("done", indices[-1] if indices else -1))


class Run:
    """The parent: hands ranges of input numbers to workers, collects results, replaces dead or stuck workers."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out = Path(args.out)
        self.counts: Counter[str] = Counter()
        self.failures: dict[str, list[tuple[int, str]]] = {}
        self.slowest: list[tuple[float, int, float, int, str]] = []  # the slowest 20: (s per KB, index, s, size, how)
        self.seen = 0
        self.ctx = multiprocessing.get_context("fork")
        self.results = self.ctx.Queue()

    def record(self, item: tuple[int, str, str, float, int, str]) -> None:
        index, outcome, detail, elapsed, size, how = item
        self.seen += 1
        self.counts[outcome] += 1
        per_kb = elapsed / max(size / 1024, 1.0)
        if len(self.slowest) < 20 or per_kb > self.slowest[0][0]:
            heapq.heappush(self.slowest, (per_kb, index, elapsed, size, how))
            if len(self.slowest) > 20:
                heapq.heappop(self.slowest)
        if outcome == "exception":
            self.fail(detail, index, how)

    def fail(self, sig: str, index: int, how: str) -> None:
        key = sig.split(": ", 1)[0]
        seen = self.failures.setdefault(key, [])
        seen.append((index, how))
        if len(seen) <= 3:
            self.save(f"{_slug(key)}-{index}", index, f"{sig}\n{how}")

    def save(self, stem: str, index: int, note: str) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        data, _ = make_input(self.args.seed, index, self.seed_files)
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        (self.out / f"{stem}.bin").write_bytes(raw)
        replay = f"python -m benchmarks.fuzz --seed {self.args.seed} --replay {index}"
        (self.out / f"{stem}.txt").write_text(f"{note}\ninput was {type(data).__name__}\nreplay: {replay}\n", "utf-8")

    def start(self, wid: int, indices: list[int]) -> tuple[Any, Any, list[int]]:
        current = self.ctx.Value("q", -1)
        proc = self.ctx.Process(target=worker, args=(self.args.seed, indices, current, self.results), daemon=True)
        proc.start()
        return proc, current, indices

    def run(self) -> int:
        args = self.args
        self.seed_files = seed_files()
        n, w = args.examples, max(1, args.workers)
        shares = [list(range(k, n, w)) for k in range(w)]  # interleaved: each worker gets every kind of input
        self.owner = {i: k for k in range(w) for i in shares[k]}
        self.workers = {k: self.start(k, shares[k]) for k in range(w) if shares[k]}
        self.reported = {k: 0 for k in self.workers}  # how many of its current list each worker has reported
        self.done: set[int] = set()
        progress = {k: (-1, time.monotonic()) for k in self.workers}
        began = last_check = last_print = time.monotonic()
        while len(self.done) < len(self.workers):
            with contextlib.suppress(queue.Empty):
                self.handle(self.results.get(timeout=0.5))
            now = time.monotonic()
            if now - last_check < 0.5:
                continue
            last_check = now
            for k, (proc, current, _) in list(self.workers.items()):
                if k in self.done:
                    continue
                if current.value != progress[k][0]:
                    progress[k] = (current.value, now)
                stuck = now - progress[k][1] > args.hang
                if proc.is_alive() and not stuck:
                    continue
                if stuck:
                    proc.kill()
                proc.join()
                self.drain()
                if k in self.done or proc.exitcode == 0:
                    self.done.add(k)
                    continue
                if current.value < 0:
                    raise SystemExit(f"fuzz: worker {k} died before its first input (exit {proc.exitcode})")
                self.replace(k, "hang" if stuck else f"crash (exit {proc.exitcode})")
                progress[k] = (-1, time.monotonic())
            if now - last_print > 30 and not args.quiet:
                last_print = now
                rate = self.seen / max(now - began, 1e-9)
                print(f"  {self.seen}/{n} ({rate:.0f}/s) {dict(self.counts)}", file=sys.stderr, flush=True)
        self.drain()
        return self.report(time.monotonic() - began)

    def handle(self, message: Any) -> None:
        if isinstance(message, tuple):  # ("done", last index)
            self.done.add(self.owner[message[1]])
            return
        for item in message:
            self.record(item)
            self.reported[self.owner[item[0]]] += 1

    def drain(self) -> None:
        time.sleep(0.2)  # let a dying worker's queue feeder finish
        while True:
            try:
                self.handle(self.results.get_nowait())
            except queue.Empty:
                return

    def replace(self, k: int, outcome: str) -> None:
        """Worker ``k`` died or hung: record the input it was on, start a new worker on what it had not reported."""
        _, current, indices = self.workers[k]
        bad = current.value
        self.counts[outcome.split(" ")[0]] += 1
        self.seen += 1
        _, how = make_input(self.args.seed, bad, self.seed_files)
        self.fail(f"{outcome}: the worker {'stopped' if outcome == 'hang' else 'died'} on this input", bad, how)
        rest = [i for i in indices[self.reported[k] :] if i != bad]
        self.reported[k] = 0
        if rest:
            self.workers[k] = self.start(k, rest)
        else:
            self.done.add(k)

    def retime(self) -> tuple[float, int, float, int, str]:
        """The slowest input per KB, the candidates timed again here (best of three)."""
        best: tuple[float, int, float, int, str] = (0.0, -1, 0.0, 0, "")
        for _, index, _, size, how in self.slowest:
            data, _ = make_input(self.args.seed, index, self.seed_files)
            elapsed = min(_timed(data) for _ in range(3))
            best = max(best, (elapsed / max(size / 1024, 1.0), index, elapsed, size, how))
        return best

    def report(self, seconds: float) -> int:
        c = self.counts
        errors = {k.split(":", 1)[1]: v for k, v in sorted(c.items()) if k.startswith("error:")}
        others = c["exception"] + c["crash"] + c["hang"]
        per_kb, index, elapsed, size, how = self.retime()
        print(f"newsdoc fuzz: seed {self.args.seed}, {self.args.workers} workers, {seconds:.0f} s")
        print(f"ran              {self.seen} inputs ({self.seen / max(seconds, 1e-9):.0f}/s)")
        print(f"documents        {c['document']}")
        print(f"NewsdocError     {sum(errors.values())}  " + ", ".join(f"{k} {v}" for k, v in errors.items()))
        print(f"other exceptions {c['exception']}")
        print(f"crashes          {c['crash']}")
        print(f"hangs            {c['hang']}  (no progress for {self.args.hang:g} s)")
        if index >= 0:
            figures = f"{per_kb * 1000:.1f} ms/KB: input {index} ({size / 1024:.1f} KB, {elapsed * 1000:.0f} ms)"
            self.save(f"slowest-{index}", index, f"slowest per KB: {figures}\n{how}")
            print(f"slowest per KB   {figures}, {how}; saved to {self.out}/slowest-{index}.bin")
        for key, hits in sorted(self.failures.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(hits):>6} x {key}  (e.g. input {hits[0][0]}: {hits[0][1]})")
        if self.failures:
            replay = f"python -m benchmarks.fuzz --seed {self.args.seed} --replay N"
            print(f"repro inputs in {self.out}/; replay one: {replay}")
        return 1 if others else 0


def _timed(data: bytes | str) -> float:
    start = time.perf_counter()
    with contextlib.suppress(Exception):
        check(data)
    return time.perf_counter() - start


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text)[:80].strip("-")


def replay(seed: int, index: int) -> int:
    data, how = make_input(seed, index, seed_files())
    print(f"input {index} of seed {seed}: {how}, {type(data).__name__} of {len(data)}", file=sys.stderr)
    start = time.perf_counter()
    outcome, _ = check(data)  # raises what escaped, with its traceback
    print(f"{outcome} in {time.perf_counter() - start:.3f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=10_000, help="how many inputs (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="seed (default 0); input i of a seed is always the same")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: CPUs)")
    default_out = Path(tempfile.gettempdir()) / "newsdoc-fuzz"
    parser.add_argument("--out", default=str(default_out), help=f"where failing and slowest inputs go ({default_out})")
    parser.add_argument("--hang", type=float, default=120.0, help="seconds without progress that count as a hang")
    parser.add_argument("--replay", type=int, metavar="INDEX", help="run input INDEX here, showing any traceback")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args.seed, args.replay)
    return Run(args).run()


if __name__ == "__main__":
    sys.exit(main())
