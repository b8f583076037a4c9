"""Where ``newsdoc.parse`` spends its time on the benchmark mix.

    python -m benchmarks.profile_parse [--docs 2000] [--seed 1] [--cprofile] [--variant jekyll] [--encoding gbk]

Default: pyinstrument's call tree (``pip install pyinstrument``). ``--cprofile`` prints the standard library
profiler's functions by own time (tottime) and by cumulative time instead; it adds more overhead per call but needs
nothing installed. The documents are parsed from memory (no file reads), so the profile shows parse alone.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections.abc import Sequence

import newsdoc

from .make_corpus import describe, make_corpus


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_parse", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents to parse (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variant", help="only this variant (jekyll, hexo, portal, plain)")
    parser.add_argument("--encoding", help="only this encoding label (utf-8, utf-8+crlf, utf-8-sig, gbk, gb18030)")
    parser.add_argument("--cprofile", action="store_true", help="use cProfile instead of pyinstrument")
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


if __name__ == "__main__":
    sys.exit(main())
