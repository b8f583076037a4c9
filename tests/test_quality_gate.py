"""Quality gate: score the installed `newsdoc` command against the shared gold files, with pinned floors.

The floors are the figures reached when they were pinned (see the issue notes); a change that loses accuracy on the
reference samples or corpus fails here. Skipped, with the reason, when ../shared is absent.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import SHARED

#: check -> lowest acceptable pass rate over all documents. Samples: pinned at 1.000 (2026-11-21). Corpus: re-pinned
#: on 2026-12-02 when ../shared/corpus grew from 100 to 180 files (80 portal dumps of sites newsdoc had not seen), at
#: the figures the code then reached (variant 0.939, fields 0.911, keep 0.993, drop 0.869), rounded down by 0.001;
#: raised as the portal reader improves (issue 10).
FLOORS = {
    "samples": {"parsed": 1.0, "variant": 1.0, "fields": 1.0, "keep": 1.0, "drop": 1.0},
    "corpus": {"parsed": 1.0, "variant": 0.960, "fields": 0.957, "keep": 0.999, "drop": 0.945},
}


def score(name: str) -> tuple[dict[str, float], int, str]:
    gold, folder = SHARED / name / "gold.jsonl", SHARED / name
    if not gold.exists():
        pytest.skip(f"{gold} is absent: the shared reference files are not beside the repository")
    tool = SHARED / "tools" / "score.py"
    proc = subprocess.run(
        [sys.executable, str(tool), "--gold", str(gold), "--corpus", str(folder), "--show", "20"],
        capture_output=True, text=True, check=False,
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("score:")), None)
    assert line is not None, proc.stdout + proc.stderr
    rates = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line) if k != "docs"}
    return rates, int(rates.pop("invented_dates")), proc.stdout


@pytest.mark.parametrize("name", ["samples", "corpus"])
def test_quality_gate(name: str) -> None:
    rates, invented, report = score(name)
    assert invented == 0, report
    low = {k: (rates[k], floor) for k, floor in FLOORS[name].items() if rates[k] < floor}
    assert not low, f"below the pinned floors {low}\n{report}"
