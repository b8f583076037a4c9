"""Nothing lost: every non-whitespace character of the input's visible text and metadata ends up somewhere.

"Somewhere" is a field, the text, an image, a removal, ``extra`` or ``metadata``. Characters are counted with their
multiplicity, so dropping a paragraph, a caption or a footer line fails the test.
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

import newsdoc
from newsdoc._decode import decode
from newsdoc._frontmatter import find_header, read_header
from newsdoc._markdown import _parser, is_markdown

from .conftest import DATA, EXAMPLES, SHARED, shared_files


def visible_input(path: Path) -> str:
    text = decode(path.read_bytes()).text
    found = find_header(text)
    if found is None or newsdoc.detect(text).variant not in (newsdoc.Variant.JEKYLL, newsdoc.Variant.HEXO):
        return html.unescape(text)
    header = read_header(text, *found)
    # A Markdown body shows what it renders to: its ** # | ![…](…) are markup, as an HTML body's tags are.
    body = _parser().render(header.body) if is_markdown(header.body) else header.body
    tree = LexborHTMLParser(body)
    nodes = [n.text_content or "" for n in tree.root.traverse(include_text=True) if n.is_text_node] if tree.root else []
    return " ".join([*_strings(header.metadata), *nodes])


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif value is not None:
        yield str(value)


def chars(text: str) -> Counter[str]:
    """Visible characters: white space, control and format characters (NUL, U+FEFF) do not count."""
    return Counter(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf"))


def missing(path: Path) -> Counter[str]:
    doc = newsdoc.parse_file(path)
    out = chars(" ".join(_strings(doc.to_dict())))
    return chars(visible_input(path)) - out


def _files() -> list[Path]:
    ours = [p for p in [*DATA.rglob("*"), *EXAMPLES.rglob("*")] if p.is_file() and p.suffix in (".txt", ".md")]
    return sorted(p for p in ours if p.parent.name != "bad")


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(p.parents[1])))
def test_nothing_lost_in_our_fixtures(path: Path) -> None:
    assert not missing(path), f"characters lost from {path}"


def test_nothing_lost_in_samples_and_corpus() -> None:
    files = shared_files("samples") + shared_files("corpus")
    assert len(files) >= 100
    lost = {str(p.relative_to(SHARED)): dict(m.most_common(5)) for p in files if (m := missing(p))}
    assert not lost
