"""The documentation stays complete and builds.

The first tests read the reStructuredText sources and need nothing but newsdoc: every public name is in the API
page, every diagnostic code and every structural removal name the code can emit is documented. The build tests run
Sphinx (``-W``: any warning fails) for the HTML and for the doctests; they are skipped when Sphinx is not installed
(``pip install -e '.[docs]'``).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsdoc

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SRC = ROOT / "src" / "newsdoc"

needs_sphinx = pytest.mark.skipif(
    importlib.util.find_spec("sphinx") is None,
    reason="sphinx is not installed (pip install -e '.[docs]'): the documentation build is not tested",
)

#: ``.. autofunction:: parse``, ``.. py:data:: TEXT_RULES``, ``.. autoclass:: newsdoc.Document`` …
_DIRECTIVE = re.compile(r"^\s*\.\. (?:auto|py:)\w+:: +(?:newsdoc\.)?([\w.]+)", re.MULTILINE)
#: ``:py:func:`newsdoc.parse```, ``:class:`~newsdoc.Document``` …
_ROLE = re.compile(r":(?:py:)?(?:func|class|exc|data|attr|meth|obj|mod):`~?(?:newsdoc\.)?([\w.]+)`")


def _source_strings(pattern: str) -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        found.update(re.findall(pattern, path.read_text(encoding="utf-8")))
    return found


def test_api_page_names_every_public_name() -> None:
    text = (DOCS / "api.rst").read_text(encoding="utf-8")
    named = set(_DIRECTIVE.findall(text)) | set(_ROLE.findall(text))
    missing = sorted(set(newsdoc.__all__) - named)
    assert not missing, f"docs/api.rst does not document: {missing}"


def test_every_diagnostic_code_is_documented() -> None:
    emitted = _source_strings(r"""\.note\(\s*["']([a-z0-9-]+)["']""") | _source_strings(
        r"""Diagnostic\(\s*code=["']([a-z0-9-]+)["']"""
    )
    assert emitted, "no diagnostic codes found in src/newsdoc: has note() been renamed?"
    text = (DOCS / "guide" / "errors.rst").read_text(encoding="utf-8")
    documented = set(re.findall(r"^``([a-z0-9-]+)``$", text.split("\nDiagnostics\n", 1)[1], re.MULTILINE))
    assert not emitted - documented, f"codes missing from docs/guide/errors.rst: {sorted(emitted - documented)}"
    stale = sorted(documented - emitted)
    assert not stale, f"docs/guide/errors.rst lists codes the code never emits: {stale}"


def test_every_structural_removal_is_documented() -> None:
    """Removals named in the code rather than in the rule tables (portal header, HTML comments, …)."""
    names = _source_strings(r"""\.remove\(\s*["']([a-z0-9-]+)["']""")
    assert names, "no literal removal names found in src/newsdoc: has Draft.remove() been renamed?"
    text = (DOCS / "guide" / "boilerplate.rst").read_text(encoding="utf-8")
    missing = sorted(n for n in names if f"``{n}``" not in text)
    assert not missing, f"removal names missing from docs/guide/boilerplate.rst: {missing}"


def _sphinx(builder: str, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", builder,
               "-d", str(out / ".doctrees"), str(DOCS), str(out / builder)]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


@needs_sphinx
def test_html_builds_without_warnings(tmp_path: Path) -> None:
    result = _sphinx("html", tmp_path)
    assert result.returncode == 0, f"sphinx -b html failed:\n{result.stdout}\n{result.stderr}"
    # The command reference is generated from the parser: every command and option must be on the page.
    from newsdoc import cli

    build = getattr(cli, "build_parser", None) or cli._parser
    page = (tmp_path / "html" / "guide" / "cli.html").read_text(encoding="utf-8")
    parsers = [build()]
    for parser in parsers:
        for action in parser._actions:
            for option in action.option_strings:
                assert option in page, f"{parser.prog} {option} is missing from the generated CLI reference"
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    assert f"{parser.prog} {name}" in page, f"command {parser.prog} {name} is missing"
                    parsers.append(sub)


@needs_sphinx
def test_doctests_pass(tmp_path: Path) -> None:
    result = _sphinx("doctest", tmp_path)
    report = tmp_path / "doctest" / "output.txt"
    summary = report.read_text(encoding="utf-8")[-400:] if report.exists() else ""
    assert result.returncode == 0, f"sphinx -b doctest failed:\n{result.stdout}\n{result.stderr}\n{summary}"
    assert re.search(r"\b[1-9]\d* tests\b", summary), f"no doctests ran:\n{summary}"
