"""Where ``newsdoc.parse`` spends its time on the benchmark mix.

    python -m benchmarks.profile_parse [--docs 2000] [--seed 1] [--cprofile | --stages] [--variant jekyll]
                                       [--encoding gbk]

Default: pyinstrument's call tree (``pip install pyinstrument``). ``--cprofile`` prints the standard library
profiler's functions by own time (tottime) and by cumulative time instead; it adds more overhead per call but needs
nothing installed. ``--stages`` times each pipeline stage of ``newsdoc._parse.parse`` with a clock around it (no
profiler overhead inside the stages) and prints microseconds per document, best of 5 passes. The documents are
parsed from memory (no file reads), so the profile shows parse alone.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import newsdoc
from newsdoc import _parse
from newsdoc._draft import Draft
from newsdoc._variants import HANDLERS

from .make_corpus import describe, make_corpus


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_parse", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents to parse (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variant", help="only this variant (jekyll, hexo, portal, plain)")
    parser.add_argument("--encoding", help="only this encoding label (utf-8, utf-8+crlf, utf-8-sig, gbk, gb18030)")
    parser.add_argument("--cprofile", action="store_true", help="use cProfile instead of pyinstrument")
    parser.add_argument("--stages", action="store_true", help="microseconds per document in each pipeline stage")
    parser.add_argument("--limit", type=int, default=40, help="functions to list with --cprofile (default 40)")
    args = parser.parse_args(argv)

    files = [
        f
        for f in make_corpus(args.docs, args.seed)
        if args.variant in (None, f.variant) and args.encoding in (None, f.encoding)
    ]
    print(describe(files))
    for f in files[:50]:  # imports and first-call costs are not what we are after
        newsdoc.parse(f.data, path=f.name)

    def work() -> None:
        for f in files:
            newsdoc.parse(f.data, path=f.name)

    if args.stages:
        print_stages(files)
        return 0
    if args.cprofile:
        cprofiler = cProfile.Profile()
        cprofiler.runcall(work)
        stats = pstats.Stats(cprofiler, stream=sys.stdout).strip_dirs()
        stats.sort_stats("tottime").print_stats(args.limit)
        stats.sort_stats("cumulative").print_stats(args.limit)
        return 0
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed (pip install pyinstrument); use --cprofile", file=sys.stderr)
        return 1
    profiler = Profiler(interval=0.0005)
    profiler.start()
    work()
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


def print_stages(files: Sequence[Any]) -> None:
    """Wrap each stage the orchestrator calls in a clock, parse the files 5 times, print the best pass."""
    spent: dict[str, float] = {}

    def clocked(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

        return wrapper

    for name in ("_decoded", "detect_text", "read_html", "read_lines", "strip_boilerplate"):
        setattr(_parse, name, clocked(name, getattr(_parse, name)))
    Draft.freeze = clocked("freeze", Draft.freeze)  # type: ignore[method-assign]
    for handler_class in {type(h) for h in HANDLERS}:
        handler_class.split = clocked("split", handler_class.split)  # type: ignore[method-assign]
    passes = []
    for _ in range(5):
        spent.clear()
        start = time.perf_counter()
        for f in files:
            newsdoc.parse(f.data, path=f.name)
        passes.append((time.perf_counter() - start, dict(spent)))
    total, stages = min(passes, key=lambda p: p[0])
    n = len(files)
    print(f"\nstage (best of 5 passes)    µs/doc   share\n{'-' * 42}")
    for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"{name:26s} {seconds / n * 1e6:8.0f} {seconds / total:7.0%}")
    print(f"{'rest of parse()':26s} {(total - sum(stages.values())) / n * 1e6:8.0f}")
    print(f"{'parse() in all':26s} {total / n * 1e6:8.0f}")


if __name__ == "__main__":
    sys.exit(main())
