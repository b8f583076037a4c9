"""Shared test helpers and hypothesis settings profiles.

``HYPOTHESIS_PROFILE=thorough pytest`` runs the property tests with many more examples than CI's quick profile.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: CI draws the same examples on every run (derandomize): a red CI always means a bug in the change, never a new
#: random draw. The thorough profile explores: HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py
settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"
#: The shared reference files live beside the repository, never inside it.
SHARED = Path(os.environ.get("NEWSDOC_SHARED", ROOT.parent / "shared"))


def shared_files(*parts: str) -> list[Path]:
    """Sample or corpus files, or a skip saying why there are none."""
    folder = SHARED.joinpath(*parts)
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the shared samples/corpus are not checked out beside the repository")
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
