"""The converter at corpus scale: `newsdoc convert` over a generated folder, 1 worker against 2.

    python -m benchmarks.convert_folder [-n 20000] [--rounds 2]

Generates the folder once (benchmarks.make_corpus, seeded), then runs the installed command with --workers 1 and
--workers 2 in alternating rounds (the machine is noisy: only the ratio measured in one run means much) and prints
docs/s per round, the medians, and the speed-up. Both runs must write identical output.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .make_corpus import describe, iter_corpus, write_corpus


def _newsdoc() -> str:
    exe = shutil.which("newsdoc", path=str(Path(sys.executable).parent)) or shutil.which("newsdoc")
    if exe is None:
        sys.exit("install newsdoc first: pip install .")
    return exe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.convert_folder", description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=20_000, help="files to generate (default 20000)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per worker count (default 2)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    exe = _newsdoc()
    with tempfile.TemporaryDirectory(prefix="newsdoc-convert-bench-") as tmp:
        folder = Path(tmp) / "scrape"
        write_corpus(folder, iter_corpus(args.n, args.seed))
        print(describe(iter_corpus(min(args.n, 2000), args.seed)).replace("files ", "sample", 1))
        rates: dict[int, list[float]] = {1: [], 2: []}
        digests: dict[int, str] = {}
        for round_no in range(args.rounds):
            for workers in (1, 2):
                out = Path(tmp) / f"out-{workers}.jsonl"
                started = time.perf_counter()
                proc = subprocess.run([exe, "convert", str(folder), "-o", str(out), "--workers", str(workers), "-q"],
                                      capture_output=True, text=True, check=False)
                seconds = time.perf_counter() - started
                if proc.returncode != 0:
                    print(proc.stderr[-2000:])
                    return 1
                rates[workers].append(args.n / seconds)
                digests[workers] = hashlib.sha256(out.read_bytes()).hexdigest()
                print(f"round {round_no + 1}  workers {workers}  {seconds:7.2f} s  {args.n / seconds:8,.0f} docs/s")
        one, two = statistics.median(rates[1]), statistics.median(rates[2])
        print(f"\nmedian: 1 worker {one:,.0f} docs/s, 2 workers {two:,.0f} docs/s, speed-up {two / one:.2f}x "
              f"({args.n} files, whole command including start-up and listing)")
        print("outputs identical" if digests[1] == digests[2] else "OUTPUTS DIFFER")
        return 0 if digests[1] == digests[2] else 1


if __name__ == "__main__":
    sys.exit(main())
