"""Time newsdoc on a scrape-like corpus against the read+decode floor, trafilatura, and itself in 2 processes.

    python -m benchmarks.run [--docs N] [--rounds 5] [--quick] [--seed 1] [--rst]

Every timed row runs once per round, rounds interleave the rows (their order rotates each round, so drift on a noisy
machine hits every row alike), and each figure is the median over the rounds. Ratios (× floor, speed-ups) are the
median of the per-round ratios, which cancels most of the drift; absolute docs/s drift 10-30% on a shared machine.

Rows:

* floor: open + read + ``bytes.decode`` with the codec the file was written in (known to the benchmark).
* newsdoc ``parse`` per variant, per encoding and on the whole mix (the mix is the sum of the groups' times, so it
  is exactly the union of the groups); then ``parse`` + ``to_dict()`` + ``json.dumps`` on the mix.
* trafilatura ``extract(page, output_format="json", with_metadata=True)`` on the front matter + HTML files, each
  body wrapped as a page with its title, against newsdoc ``parse`` of the same files. trafilatura is handed the
  ready page as ``str`` (no read, no decode, no front matter), which favours it.
* 1 vs 2 worker processes (``multiprocessing.Pool.imap`` in chunks; the worker reads, parses, serialises and
  returns the JSON string; the parent receives and discards it).
* peak memory (``VmHWM``, else ``ru_maxrss``, of a fresh subprocess) while streaming 10k and 100k generated
  documents through parse → to_dict → json.dumps → discard: flat (ratio ≈ 1) means nothing is retained per document.
"""

from __future__ import annotations

import argparse
import functools
import gc
import html
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any, NamedTuple

import newsdoc

from .make_corpus import (
    CODECS,
    ROOT,
    VARIANTS,
    describe,
    fingerprint,
    iter_corpus,
    make_corpus,
    split_front_matter,
    write_corpus,
)

#: Encoding groups reported as rows; gbk and gb18030 files are one group (both are the non-UTF-8 path).
ENCODING_GROUPS = {"utf-8": "utf-8", "utf-8+crlf": "utf-8+crlf", "utf-8-sig": "utf-8-sig", "gbk": "gbk/gb18030",
                   "gb18030": "gbk/gb18030"}
#: Work units handed to a worker at a time: large enough that IPC per document is small, small enough to balance.
CHUNK = 32
#: Targets from issue 5.
TARGET_VS_TRAFILATURA = 15.0  # newsdoc docs/s ≥ 15 × trafilatura's, same front matter + HTML files
TARGET_VS_FLOOR = 15.0  # newsdoc on the mix ≤ 15 × the read+decode floor's time
TARGET_WORKERS = 1.8  # 2 workers ≥ 1.8 × one
TARGET_MEMORY = 1.2  # peak while streaming 100k ≤ 1.2 × peak at 10k



class Preset(NamedTuple):
    docs: int  # documents in the timed corpus
    traf_docs: int  # front matter files given to trafilatura (it is ~5x slower than newsdoc)
    memory: tuple[int, int]  # documents streamed for the peak memory comparison


DEFAULTS = Preset(docs=2000, traf_docs=300, memory=(10_000, 100_000))
QUICK = Preset(docs=400, traf_docs=60, memory=(1_500, 15_000))


class Item(NamedTuple):
    path: str
    codec: str
    size: int


# -- timed bodies (each returns seconds) ----------------------------------------------------------------------------
def _time_floor(items: Sequence[Item]) -> float:
    start = time.perf_counter()
    for item in items:
        with open(item.path, "rb") as fh:
            fh.read().decode(item.codec)
    return time.perf_counter() - start


def _time_parse(items: Sequence[Item]) -> float:
    parse = newsdoc.parse
    start = time.perf_counter()
    for item in items:
        with open(item.path, "rb") as fh:
            parse(fh.read(), path=item.path)
    return time.perf_counter() - start


def _time_parse_json(items: Sequence[Item]) -> float:
    parse, dumps = newsdoc.parse, json.dumps
    start = time.perf_counter()
    for item in items:
        with open(item.path, "rb") as fh:
            dumps(parse(fh.read(), path=item.path).to_dict(), ensure_ascii=False)
    return time.perf_counter() - start


def _time_trafilatura(extract: Callable[..., Any], pages: Sequence[str]) -> float:
    start = time.perf_counter()
    for page in pages:
        extract(page, output_format="json", with_metadata=True)
    return time.perf_counter() - start


def convert(path: str) -> str:
    """The worker's job: read, parse, serialise (what ``newsdoc convert`` does per file)."""
    with open(path, "rb") as fh:
        return json.dumps(newsdoc.parse(fh.read(), path=path).to_dict(), ensure_ascii=False)


def _time_pool(pool: Any, paths: Sequence[str]) -> float:
    start = time.perf_counter()
    for _ in pool.imap(convert, paths, chunksize=CHUNK):
        pass
    return time.perf_counter() - start


def spin(n: int) -> int:
    """Pure-Python work with no I/O and no data: what the machine's cores give two processes at best."""
    total = 0
    for i in range(n):
        total += i * i
    return total


#: The ceiling's work: SPIN_TASKS tasks of SPIN_LOOPS iterations (about 10 ms each here).
SPIN_TASKS, SPIN_LOOPS = 64, 200_000


def _time_spin(pool: Any) -> float:
    start = time.perf_counter()
    pool.map(spin, [SPIN_LOOPS] * SPIN_TASKS, chunksize=1)
    return time.perf_counter() - start


def html_page(text: str) -> str:
    """A front matter post's HTML body wrapped as a page, its title in ``<title>`` (trafilatura's input)."""
    header, body = split_front_matter(text.lstrip("\ufeff").replace("\r\n", "\n"))
    match = re.search(r'^\s*"?title"?\s*[:=]\s*(.*?),?\s*$', "\n".join(header), re.MULTILINE)
    title = match.group(1).strip("'\"") if match else ""
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>\n'
        f"<body><article>\n" + "\n".join(body) + "\n</article></body></html>\n"
    )


# -- memory (in a fresh subprocess) -----------------------------------------------------------------------------------
def peak_rss_kb() -> int:
    """This process's peak resident size in KB.

    Linux's ``VmHWM`` first: ``ru_maxrss`` survives fork + exec, so a child started by a big parent would report the
    parent's peak and hide its own (both sizes would show the same number).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss  # bytes on macOS, KB elsewhere


def memory_child(n: int, seed: int) -> dict[str, Any]:
    """Stream ``n`` generated files through parse → to_dict → json.dumps → discard; report the peak RSS (KB)."""
    for f in iter_corpus(200, seed, start=10_000_000):  # warm up imports and caches on files outside the stream
        json.dumps(newsdoc.parse(f.data, path=f.name).to_dict(), ensure_ascii=False)
    baseline = peak_rss_kb()
    start = time.perf_counter()
    total = 0
    for f in iter_corpus(n, seed):
        total += len(json.dumps(newsdoc.parse(f.data, path=f.name).to_dict(), ensure_ascii=False))
    peak = peak_rss_kb()
    return {"docs": n, "baseline_kb": baseline, "peak_kb": peak, "seconds": time.perf_counter() - start,
            "json_mb": total / 1e6}


def _run_memory(sizes: Sequence[int], seed: int) -> list[dict[str, Any]]:
    """Both sizes at once, one process each (the machine has 2 cores; only peak memory is read from them)."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "benchmarks.run", "--memory-child", str(n), "--seed", str(seed)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )
        for n in sizes
    ]
    results = []
    for proc in procs:
        out, _ = proc.communicate()
        if proc.returncode != 0:
            raise RuntimeError(f"memory subprocess failed with status {proc.returncode}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


# -- reporting ------------------------------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        nproc = os.cpu_count() or 0
    info = {
        "nproc": str(nproc),
        "cpu": model,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": f"{platform.system()} {platform.release()}",
        "newsdoc": f"{newsdoc.__version__} ({_revision()})",
    }
    try:
        from importlib.metadata import version

        for dist in ("selectolax", "PyYAML", "chardet", "trafilatura"):
            try:
                info[dist] = version(dist)
            except Exception:
                info[dist] = "not installed"
    except ImportError:  # pragma: no cover
        pass
    return info


def _revision() -> str:
    """The git commit of the working tree, marked when src/ has uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"git {head}{' + uncommitted src changes' if dirty else ''}"


class Row(NamedTuple):
    name: str
    docs: int
    mbytes: float
    seconds: float  # median over rounds
    vs_floor: float | None  # median over rounds of (row time / floor time of the same files)

    def cells(self) -> list[str]:
        return [
            self.name,
            f"{self.docs}",
            f"{self.docs / self.seconds:,.0f}",
            f"{self.mbytes / self.seconds:.2f}",
            "1.0" if self.vs_floor == 1.0 else (f"{self.vs_floor:.1f}" if self.vs_floor is not None else "–"),
        ]


HEADERS = ["row", "docs", "docs/s", "MB/s", "× floor time"]


def format_table(rows: Sequence[Row], rst: bool) -> str:
    cells = [HEADERS] + [r.cells() for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADERS))]

    def line(c: list[str]) -> str:
        return "  ".join(c[0].ljust(widths[0]) if i == 0 else c[i].rjust(widths[i]) for i in range(len(c))).rstrip()

    if rst:
        rule = "  ".join("=" * w for w in widths)
        return "\n".join([rule, line(cells[0]), rule, *(line(c) for c in cells[1:]), rule])
    rule = "-" * len(line(cells[0]))
    return "\n".join([line(cells[0]), rule, *(line(c) for c in cells[1:])])


def _is_variant(variant: str, group: tuple[str, str]) -> bool:
    return group[0] == variant


def _is_encoding(encoding: str, group: tuple[str, str]) -> bool:
    return group[1] == encoding


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# -- the run --------------------------------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, help=f"documents in the timed corpus (default {DEFAULTS.docs}, "
                        f"--quick {QUICK.docs})")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds, median reported (default 5, min 5)")
    parser.add_argument("--quick", action="store_true", help="a smaller run (under a minute): fewer documents, "
                        f"memory at {QUICK.memory[0]} vs {QUICK.memory[1]}")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--traf-docs", type=int, help="front matter files given to trafilatura (default "
                        f"{DEFAULTS.traf_docs}, --quick {QUICK.traf_docs})")
    parser.add_argument("--no-memory", action="store_true", help="skip the streaming memory measurement")
    parser.add_argument("--rst", action="store_true", help="print the table as reStructuredText")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child is not None:
        print(json.dumps(memory_child(args.memory_child, args.seed)))
        return 0
    if args.rounds < 5:
        parser.error("--rounds must be at least 5 (the figures are medians)")
    preset = QUICK if args.quick else DEFAULTS
    n_docs = args.docs or preset.docs
    traf_docs = args.traf_docs or preset.traf_docs
    wall = time.perf_counter()

    info = machine()
    print("machine   " + ", ".join(f"{k} {v}" for k, v in info.items()))
    files = make_corpus(n_docs, args.seed)
    print(f"corpus    seed {args.seed}, templates {fingerprint()}\n"
          + "\n".join("          " + line for line in describe(files).splitlines()))

    traf_extract: Callable[..., Any] | None
    try:
        from trafilatura import extract as traf_extract
    except Exception as exc:  # ImportError, or trafilatura's own dependencies missing (lxml_html_clean)
        traf_extract = None
        print(f"note      trafilatura is not usable ({type(exc).__name__}: {exc}); its rows are skipped. "
              "Install it with: pip install -e '.[bench]'")

    with tempfile.TemporaryDirectory(prefix="newsdoc-bench-") as tmp:
        write_corpus(Path(tmp), files)
        items = {f.name: Item(os.path.join(tmp, f.name), CODECS[f.encoding], len(f.data)) for f in files}
        groups: dict[tuple[str, str], list[Item]] = {}
        for f in files:
            groups.setdefault((f.variant, ENCODING_GROUPS[f.encoding]), []).append(items[f.name])
        everything = [items[f.name] for f in files]
        fm_files = [f for f in files if f.variant in ("jekyll", "hexo")][:traf_docs]
        fm_items = [items[f.name] for f in fm_files]
        pages = [html_page(f.data.decode(CODECS[f.encoding])) for f in fm_files]

        tasks: list[tuple[Any, Callable[[], float]]] = []
        for key, group in groups.items():
            tasks.append((("floor", key), functools.partial(_time_floor, group)))
            tasks.append((("parse", key), functools.partial(_time_parse, group)))
        tasks.append((("json", "mix"), lambda: _time_parse_json(everything)))
        tasks.append((("floor", "fm"), lambda: _time_floor(fm_items)))
        tasks.append((("parse", "fm"), lambda: _time_parse(fm_items)))
        if traf_extract is not None:
            traf_extract(pages[0], output_format="json", with_metadata=True)  # trafilatura's first call loads data
            tasks.append((("trafilatura", "fm"), functools.partial(_time_trafilatura, traf_extract, pages)))
        paths = [i.path for i in everything]
        with Pool(1) as pool1, Pool(2) as pool2:
            for pool in (pool1, pool2):
                list(pool.imap(convert, paths[: 4 * CHUNK], chunksize=CHUNK))  # start and warm the workers
            tasks.append((("pool", 1), lambda: _time_pool(pool1, paths)))
            tasks.append((("pool", 2), lambda: _time_pool(pool2, paths)))
            tasks.append((("spin", 1), lambda: _time_spin(pool1)))
            tasks.append((("spin", 2), lambda: _time_spin(pool2)))

            _parse_json_warm = [convert(p) for p in paths[:50]]  # warm this process's caches as well
            del _parse_json_warm
            times: dict[Any, list[float]] = {key: [] for key, _ in tasks}
            for r in range(args.rounds):
                shift = (r * len(tasks)) // args.rounds
                for key, task in tasks[shift:] + tasks[:shift]:
                    gc.collect()
                    times[key].append(task())
                print(f"round     {r + 1}/{args.rounds} done ({time.perf_counter() - wall:.0f} s)", flush=True)

    rounds = range(args.rounds)

    def total(kind: str, select: Callable[[tuple[str, str]], bool]) -> list[float]:
        return [sum(t[r] for (k, g), t in times.items() if k == kind and isinstance(g, tuple) and select(g))
                for r in rounds]

    def size(select: Callable[[tuple[str, str]], bool]) -> tuple[int, float]:
        chosen = [i for g, group in groups.items() if select(g) for i in group]
        return len(chosen), sum(i.size for i in chosen) / 1e6

    def row(name: str, kind: str, select: Callable[[tuple[str, str]], bool]) -> Row:
        t, floor = total(kind, select), total("floor", select)
        docs, mb = size(select)
        return Row(name, docs, mb, median(t), median([a / b for a, b in zip(t, floor, strict=True)]))

    mix_docs, mix_mb = size(lambda g: True)
    floor_mix = total("floor", lambda g: True)
    rows = [row("floor: read + decode (mix)", "floor", lambda g: True)]
    for v in VARIANTS:
        if any(g[0] == v for g in groups):
            rows.append(row(f"parse, {v}", "parse", functools.partial(_is_variant, v)))
    for e in dict.fromkeys(ENCODING_GROUPS.values()):
        if any(g[1] == e for g in groups):
            rows.append(row(f"parse, {e}", "parse", functools.partial(_is_encoding, e)))
    rows.append(row("parse, mix", "parse", lambda g: True))
    parse_mix = total("parse", lambda g: True)
    json_mix = times[("json", "mix")]
    rows.append(Row("parse + to_dict + json.dumps, mix", mix_docs, mix_mb, median(json_mix),
                    median([a / b for a, b in zip(json_mix, floor_mix, strict=True)])))
    fm_mb = sum(i.size for i in fm_items) / 1e6
    fm_floor, fm_parse = times[("floor", "fm")], times[("parse", "fm")]
    rows.append(Row("parse, front matter + HTML subset", len(fm_items), fm_mb, median(fm_parse),
                    median([a / b for a, b in zip(fm_parse, fm_floor, strict=True)])))
    traf_ratio = None
    if traf_extract is not None:
        traf = times[("trafilatura", "fm")]
        rows.append(Row("trafilatura extract, same subset", len(fm_items), fm_mb, median(traf),
                        median([a / b for a, b in zip(traf, fm_floor, strict=True)])))
        traf_ratio = median([a / b for a, b in zip(traf, fm_parse, strict=True)])
    one, two = times[("pool", 1)], times[("pool", 2)]
    rows.append(Row("convert in 1 worker process, mix", mix_docs, mix_mb, median(one),
                    median([a / b for a, b in zip(one, floor_mix, strict=True)])))
    rows.append(Row("convert in 2 worker processes, mix", mix_docs, mix_mb, median(two),
                    median([a / b for a, b in zip(two, floor_mix, strict=True)])))
    speedup = median([a / b for a, b in zip(one, two, strict=True)])
    ceiling = median([a / b for a, b in zip(times[("spin", 1)], times[("spin", 2)], strict=True)])
    speedup_inproc = median([a / b for a, b in zip(json_mix, two, strict=True)])
    vs_floor = median([a / b for a, b in zip(parse_mix, floor_mix, strict=True)])

    print()
    print(format_table(rows, args.rst))
    print()
    print(f"(median of {args.rounds} interleaved rounds; × floor time = row time / read+decode time of the same files, "
          "median of per-round ratios; MB are input file bytes)")

    memory = None
    if not args.no_memory:
        sizes = preset.memory
        print(f"\nmemory    streaming {sizes[0]} and {sizes[1]} documents in two subprocesses …", flush=True)
        memory = _run_memory(sizes, args.seed)
        for m in memory:
            print(f"          {m['docs']:>7} docs: peak RSS {m['peak_kb'] / 1024:.1f} MB (after warm-up "
                  f"{m['baseline_kb'] / 1024:.1f} MB, +{(m['peak_kb'] - m['baseline_kb']) / 1024:.1f} MB while "
                  f"streaming), {m['docs'] / m['seconds']:,.0f} docs/s")

    print("\ntargets (issue 5)")

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    if traf_ratio is not None:
        print(f"  newsdoc vs trafilatura, docs/s on the same front matter + HTML files: {traf_ratio:.1f}× "
              f"(target ≥ {TARGET_VS_TRAFILATURA:.0f}×) — {verdict(traf_ratio >= TARGET_VS_TRAFILATURA)}")
    else:
        print("  newsdoc vs trafilatura: skipped (trafilatura not installed)")
    print(f"  newsdoc parse on the mix vs read+decode floor: {vs_floor:.1f}× the floor's time "
          f"(target ≤ {TARGET_VS_FLOOR:.0f}×) — {verdict(vs_floor <= TARGET_VS_FLOOR)}")
    print(f"  2 workers vs 1 worker: {speedup:.2f}× (target ≥ {TARGET_WORKERS}×) — {verdict(speedup >= TARGET_WORKERS)}"
          f"; 2 workers vs in-process parse+to_dict+json: {speedup_inproc:.2f}×")
    print(f"    machine ceiling: a pure-Python loop (no I/O, no data) in 2 processes vs 1: {ceiling:.2f}×"
          + ("  ← this machine cannot give 2 processes twice the work of one" if ceiling < TARGET_WORKERS else ""))
    if memory is not None:
        small, large = memory
        ratio = large["peak_kb"] / small["peak_kb"]
        print(f"  peak memory streaming {large['docs']} vs {small['docs']} documents: {ratio:.2f}× "
              f"(target ≤ {TARGET_MEMORY}×) — {verdict(ratio <= TARGET_MEMORY)}")
    print(f"\ntotal wall time {time.perf_counter() - wall:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
