"""Encoding, BOM and line-ending invariance: the same document whatever the bytes, except ``encoding``."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdoc

from .conftest import DATA, EXAMPLES

SOURCES = sorted(
    p for p in [*EXAMPLES.rglob("*"), *(DATA / "jekyll").iterdir(), *(DATA / "hexo").iterdir(),
                *(DATA / "portal").iterdir(), *(DATA / "plain").iterdir()]
    if p.suffix in (".md", ".txt")
)
CODECS = {"utf-8-sig": "utf-8-sig", "gb18030": "gb18030", "utf-16": "utf-16", "utf-16-be-bom": "utf-16"}


def comparable(doc: newsdoc.Document) -> dict[str, object]:
    record = doc.to_dict()
    record.pop("encoding")
    record["diagnostics"] = [d for d in record["diagnostics"] if not d["code"].startswith("encoding-")]
    return record


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_document_in_every_encoding(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    reference = newsdoc.parse(text.encode("utf-8"))
    variants = {
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "utf-8-sig": text.encode("utf-8-sig"),
        "gb18030": text.encode("gb18030"),
        "utf-16": text.encode("utf-16"),
        "utf-16-be": b"\xfe\xff" + text.encode("utf-16-be"),
    }
    for name, data in variants.items():
        doc = newsdoc.parse(data)
        assert comparable(doc) == comparable(reference), name
        assert doc.encoding == {"crlf": "utf-8", "utf-16-be": "utf-16"}.get(name, name), name


def test_fixture_encodings_decode_to_the_same_text() -> None:
    folder = DATA / "encodings"
    reference = comparable(newsdoc.parse_file(folder / "utf8.txt"))
    seen = {}
    for path in sorted(folder.glob("*.txt")):
        doc = newsdoc.parse_file(path)
        seen[path.name] = doc.encoding
        assert comparable(doc) == {**reference, "path": str(path)}, path.name
    assert seen["big5.txt"] == "big5" and seen["gb18030.txt"] == "gb18030" and seen["utf8-bom.txt"] == "utf-8-sig"
