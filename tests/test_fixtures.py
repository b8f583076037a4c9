"""File-driven tests: every fixture in tests/data/<variant>/ has a reviewed expected .json beside it.

The expected files hold a compact view of the document (``view()`` below): fields, blocks as "kind: text", removals
as "rule: text", diagnostic codes. ``python tests/make_expected.py`` writes the missing ones; it never overwrites.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsdoc

from .conftest import DATA

VARIANT_DIRS = ("jekyll", "hexo", "portal", "plain", "encodings")


def fixtures() -> list[Path]:
    return sorted(p for d in VARIANT_DIRS for p in (DATA / d).iterdir() if p.suffix in (".md", ".txt"))


def view(doc: newsdoc.Document) -> dict[str, Any]:
    """What a reviewer checks: every field, with blocks and removals one line each."""
    record = doc.to_dict()
    for key in ("path", "metadata", "text", "images"):
        record.pop(key)
    record["blocks"] = [
        f"{b['kind']}: {b['text']}" + (f" [img {b['src']}]" if b["kind"] == "figure" else "") for b in record["blocks"]
    ]
    record["removed"] = [f"{r['rule']}: {r['text']}" for r in record["removed"]]
    record["diagnostics"] = [d["code"] for d in record["diagnostics"]]
    return record


def test_every_fixture_has_an_expected_file() -> None:
    cases = fixtures()
    assert len(cases) >= 60
    assert [p for p in cases if not p.with_suffix(".json").exists()] == []


@pytest.mark.parametrize("path", fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path) -> None:
    expected_file = path.with_suffix(".json")
    if not expected_file.exists():
        pytest.fail(f"no expected output {expected_file.name}: run tests/make_expected.py and review it")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert view(newsdoc.parse_file(path)) == expected
