"""Properties every parse must have, on generated files (see ``tests/strategies.py``).

Each property is its own test. CI runs hypothesis's ``ci`` profile; ``HYPOTHESIS_PROFILE=thorough`` runs thousands
of examples per property. ``python -m benchmarks.fuzz`` drives the totality property much harder without hypothesis.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, note
from hypothesis import strategies as st

import newsdoc
from newsdoc import cli

from . import strategies as s
from .conftest import DATA
from .test_nothing_lost import missing

# -- helpers ----------------------------------------------------------------------------------------------------------


def parse_or_error(data: bytes | str) -> newsdoc.Document | None:
    """Totality: a Document, or None when parse raised a NewsdocError. Anything else propagates and fails the test."""
    try:
        doc = newsdoc.parse(data)
    except newsdoc.NewsdocError as exc:
        assert isinstance(exc, ValueError) and str(exc)
        return None
    assert isinstance(doc, newsdoc.Document)
    json.dumps(doc.to_dict(), ensure_ascii=False)  # serialisable, whatever the input
    return doc


def comparable(doc: newsdoc.Document) -> dict[str, Any]:
    """``to_dict()`` without what an encoding may change: the encoding's name and the encoding-* diagnostics."""
    record = doc.to_dict()
    del record["encoding"]
    record["diagnostics"] = [d for d in record["diagnostics"] if not d["code"].startswith("encoding-")]
    return record


def block_view(doc: newsdoc.Document) -> list[dict[str, Any]]:
    out = []
    for block in doc.blocks:
        item: dict[str, Any] = {"kind": block.kind.value, "text": block.text}
        if block.kind is newsdoc.BlockKind.HEADING:
            item["level"] = block.level
        if block.image is not None:
            item.update(src=block.image.src, caption=block.image.caption)
        out.append(item)
    return out


#: Fields whose text must be clean; removals and diagnostics are checked for control characters only (they quote
#: what was removed), metadata/extra hold the front matter raw by design.
_TEXT_FIELDS = ("site", "title", "original_title", "summary", "author", "editor", "dateline", "url", "lead_image")
_TUPLE_FIELDS = ("sources", "categories", "tags")
_BAD_CHARS = re.compile("[\ufeff\r\x00]")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def hygiene_problems(doc: newsdoc.Document, entities: bool = True) -> list[str]:
    """Every text field str or None; no U+FEFF, CR or NUL anywhere; no undecoded entity in a text field."""
    problems: list[str] = []

    def check(where: str, value: object, optional: bool = True, check_entities: bool = entities) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            problems.append(f"{where} is {type(value).__name__}, not str")
            return
        if _BAD_CHARS.search(value):
            problems.append(f"{where} holds {_BAD_CHARS.findall(value)!r}: {value!r}")
        if check_entities and _ENTITY.search(value):
            problems.append(f"{where} holds an undecoded entity: {value!r}")

    for name in _TEXT_FIELDS:
        check(name, getattr(doc, name))
    for name in _TUPLE_FIELDS:
        for i, item in enumerate(getattr(doc, name)):
            check(f"{name}[{i}]", item, optional=False)
    for i, block in enumerate(doc.blocks):
        check(f"blocks[{i}].text", block.text, optional=False)
    for i, image in enumerate(doc.images):
        check(f"images[{i}].src", image.src, optional=False, check_entities=False)  # URLs may hold & legitimately
        check(f"images[{i}].caption", image.caption)
        check(f"images[{i}].alt", image.alt)
    for i, removal in enumerate(doc.removed):
        check(f"removed[{i}].text", removal.text, optional=False, check_entities=False)
    for i, diagnostic in enumerate(doc.diagnostics):
        check(f"diagnostics[{i}].message", diagnostic.message, optional=False, check_entities=False)
    return problems


# -- round trip -------------------------------------------------------------------------------------------------------


def assert_round_trip(case: s.Case, doc: newsdoc.Document) -> None:
    expected = case.expected
    note(f"{case.how}\n{case.text}")
    assert doc.variant.value == expected["variant"]
    assert newsdoc.detect(case.text).variant is doc.variant
    assert doc.title == expected["title"]
    published = expected["published"]
    if published is None:
        assert doc.published is None
    else:
        assert doc.published == published and doc.published.utcoffset() == published.utcoffset()
    assert list(doc.categories) == expected["categories"]
    assert list(doc.tags) == expected["tags"]
    assert block_view(doc) == expected["blocks"]
    figures = [b for b in expected["blocks"] if b["kind"] == "figure"]
    assert [(i.src, i.caption) for i in doc.images] == [(f["src"], f["caption"]) for f in figures]
    assert list(doc.sources) == expected["sources"]
    assert doc.editor == expected["editor"]
    assert doc.original_title == expected["original_title"]
    for name in ("url", "summary", "lead_image", "site", "author"):
        if name in expected:
            assert getattr(doc, name) == expected[name], name
    for bp in case.article.boilerplate:
        rule = bp.html_rule if case.variant in ("jekyll", "hexo") else bp.line_rule
        assert bp.text not in doc.text
        assert any(r.rule == rule and bp.text in r.text for r in doc.removed), (rule, doc.removed)
    if case.variant == "portal":
        assert {"portal-header", "portal-meta-line", "portal-footer"} <= {r.rule for r in doc.removed}


@given(case=s.rendered())
def test_round_trip(case: s.Case) -> None:
    """Parsing a rendered file recovers what its variant can carry: title, date, categories/tags, blocks, credits."""
    assert_round_trip(case, newsdoc.parse(case.text.encode("utf-8")))


# -- invariance -------------------------------------------------------------------------------------------------------


@given(case=s.rendered(), encoding=s.encodings(), crlf=st.booleans())
def test_encoding_and_line_endings_change_only_the_encoding(
    case: s.Case, encoding: tuple[str, str], crlf: bool
) -> None:
    """The same file in UTF-8 LF, in another encoding (with or without BOM), with CRLF, or as str parses the same."""
    codec, name = encoding
    note(f"{case.how}, {codec}, crlf={crlf}")
    reference = newsdoc.parse(case.text.encode("utf-8"))
    other = newsdoc.parse(s.encode(case.text, codec, crlf))
    assert other.encoding == name
    assert comparable(other) == comparable(reference)
    as_text = newsdoc.parse(case.text.replace("\n", "\r\n") if crlf else case.text)
    assert as_text.encoding == "unicode"
    assert comparable(as_text) == comparable(reference)


# -- markdown export --------------------------------------------------------------------------------------------------


def _markdown_export_available() -> bool:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        cli.main(["convert", "--help"])
    return "markdown" in out.getvalue()


@pytest.mark.skipif(not _markdown_export_available(), reason="markdown export not implemented yet")
@given(case=s.rendered())
def test_markdown_export_round_trip(case: s.Case) -> None:
    """``newsdoc convert --format markdown`` writes a file that newsdoc reads back to the same fields and blocks."""
    doc = newsdoc.parse(case.text.encode("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp, "in" + (".txt" if case.variant in ("plain", "portal") else ".md")), Path(tmp, "out.md")
        source.write_bytes(case.text.encode("utf-8"))
        assert cli.main(["convert", "--format", "markdown", "--workers", "1", "-q", str(source), "-o", str(out)]) == 0
        exported = out.read_text(encoding="utf-8")
    note(exported)
    again = newsdoc.parse(exported.encode("utf-8"))
    for name in _EXPORTED_FIELDS:
        assert getattr(again, name) == getattr(doc, name), name
    assert block_view(again) == block_view(doc)
    assert again.images == doc.images


#: What the Markdown export carries (the variant, removals, metadata and diagnostics are the source file's business).
_EXPORTED_FIELDS = (
    "title", "original_title", "published", "author", "editor", "sources", "categories", "tags", "url", "site",
    "summary", "lead_image", "dateline", "text",
)


# -- totality ---------------------------------------------------------------------------------------------------------

#: Every fixture, the bad ones included (tests/data/bad/yaml-deep-nesting.md once crashed the interpreter: should
#: that come back, this test run dies loudly rather than passing).
_FIXTURES = sorted(p for p in DATA.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".bin"))


@given(data=st.binary(max_size=4096))
@example(data=b"")
@example(data=b"\xff\xfe")
@example(data=b"\xef\xbb\xbf---\n")
@example(data=b"\x00" * 64)
def test_totality_bytes(data: bytes) -> None:
    """Arbitrary bytes: a Document or a NewsdocError, nothing else (detect() too)."""
    parse_or_error(data)
    with contextlib.suppress(newsdoc.NewsdocError):
        assert isinstance(newsdoc.detect(data), newsdoc.Detection)


@given(text=st.text(max_size=2000))
def test_totality_text(text: str) -> None:
    """Arbitrary text, as str and as UTF-8 bytes (lone surrogates passed through): a Document or a NewsdocError."""
    parse_or_error(text)
    parse_or_error(text.encode("utf-8", "surrogatepass"))


@given(text=s.hostile_texts(), encoding=s.encodings())
def test_totality_hostile_text(text: str, encoding: tuple[str, str]) -> None:
    """Text stitched from front matter fences, markup, entities, credit words and control characters."""
    parse_or_error(text)
    parse_or_error(text.encode(encoding[0], "replace" if encoding[0] != "utf-8" else "surrogatepass"))


@given(path=st.sampled_from(_FIXTURES), data=st.data())
def test_totality_mutated_fixtures(path: Path, data: st.DataObject) -> None:
    """Fixture files with byte flips, truncations, insertions of hostile fragments and duplicated spans."""
    content = path.read_bytes()
    for _ in range(data.draw(st.integers(1, 4))):
        content = s.mutate(content, data.draw)
    parse_or_error(content)


@given(case=s.rendered(), data=st.data())
def test_totality_mutated_renderings(case: s.Case, data: st.DataObject) -> None:
    content = case.text.encode("utf-8")
    for _ in range(data.draw(st.integers(1, 4))):
        content = s.mutate(content, data.draw)
    parse_or_error(content)


# -- text hygiene -----------------------------------------------------------------------------------------------------

#: Entities a scraped file carries; the parser must decode them all in text fields.
ENTITIES = ("&nbsp;", "&amp;", "&#123;", "&#125;", "&quot;", "&#x4E34;", "&lt;", "&gt;", "&#39;")


def _with_entities(text: str, picks: list[int], entity_choice: list[str]) -> str:
    """``text`` with entities inserted between its characters (never inside another entity)."""
    places = sorted({at % (len(text) + 1) for at in picks}, reverse=True)
    for at, entity in zip(places, entity_choice[: len(places)], strict=True):
        text = text[:at] + entity + text[at:]
    return text


@st.composite
def entity_cases(draw: st.DrawFn) -> s.Case:
    """Rendered files whose paragraphs, headings, captions, titles, categories and tags hold HTML entities."""
    variant = draw(st.sampled_from(s.VARIANTS))
    article = draw(s.articles(variant))
    positions = st.lists(st.integers(0, 200), min_size=1, max_size=3)
    entities = st.lists(st.sampled_from(ENTITIES), min_size=3, max_size=3)

    def sprinkle(text: str) -> str:
        return _with_entities(text, draw(positions), draw(entities))

    blocks: list[s.Block] = []
    for block in article.blocks:
        if isinstance(block, s.Paragraph):
            blocks.append(s.Paragraph(sprinkle(block.text)))
        elif isinstance(block, s.Heading):
            blocks.append(s.Heading(sprinkle(block.text), block.markup))
        else:
            blocks.append(s.Figure(block.src, sprinkle(block.caption) if block.caption else None, block.markup))
    title = sprinkle(article.title) if article.title is not None else None
    categories = tuple(sprinkle(c) for c in article.categories)
    tags = tuple(sprinkle(t) for t in article.tags)
    article = attrs.evolve(article, title=title, blocks=tuple(blocks), categories=categories, tags=tags)
    style = draw(st.integers(0, 59))
    text = s.render(article, variant, style, draw(st.sampled_from(s.HEXO_QUIRKS)))
    if variant in ("jekyll", "hexo"):
        # In HTML an entity in the source is how the text is written: html.escape turned '&' into '&amp;' above, so
        # undo it for the sprinkled entities only.
        for entity in ENTITIES:
            text = text.replace(entity.replace("&", "&amp;"), entity)
    return s.Case(variant, text, article, f"{variant} style {style} with entities")


@given(case=entity_cases(), encoding=s.encodings(), crlf=st.booleans())
def test_text_hygiene(case: s.Case, encoding: tuple[str, str], crlf: bool) -> None:
    """No U+FEFF, CR, NUL or undecoded entity in any text field, block, caption; text fields are str or None."""
    note(case.text)
    doc = newsdoc.parse(s.encode(case.text, encoding[0], crlf))
    assert hygiene_problems(doc) == []


@given(text=s.hostile_texts())
def test_text_hygiene_on_hostile_text(text: str) -> None:
    """Whatever the input, no U+FEFF, CR or NUL reaches a field (entities are not checked: hostile text may hold
    double-escaped ones, which decode once to a literal entity, correctly)."""
    for data in (text, text.encode("utf-8", "surrogatepass")):
        doc = parse_or_error(data)
        if doc is not None:
            assert hygiene_problems(doc, entities=False) == []


# -- nothing lost -----------------------------------------------------------------------------------------------------


@given(case=s.rendered(), encoding=s.encodings())
def test_nothing_lost(case: s.Case, encoding: tuple[str, str]) -> None:
    """Every visible character of a rendered file ends up in a field, the text, a removal or the metadata."""
    note(case.how)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("article.md" if case.variant in ("jekyll", "hexo") else "article.txt")
        path.write_bytes(s.encode(case.text, encoding[0]))
        lost = missing(path)
    if case.article.summary:  # the '> ' of a digest line is Markdown syntax, not text (missing() counts it)
        lost[">"] -= 1
    assert not +lost


def test_strategies_cover_every_variant_and_quirk() -> None:
    """The strategies render what they say (a guard against a renderer that silently drifts to another variant)."""
    seen = set()
    for variant in s.VARIANTS:
        for style in range(6):
            article = s.Article(
                title="临江新区智轨开通" if variant != "plain" or style % 2 else None,
                published=dt.datetime(2024, 3, 2, 9, 15) if variant in ("jekyll", "hexo", "portal") else None,
                categories=("城建",) if variant != "plain" else (),
                tags=("交通", "智轨") if variant != "plain" else (),
                blocks=(s.Paragraph("临江市首条智轨线路今天正式开通运行，全长十二公里。"),),
                author="网络编辑" if variant == "portal" else None,
                site="云港资讯网" if variant == "portal" else None,
            )
            quirks = s.HEXO_QUIRKS if variant == "hexo" else ("",)
            for quirk in quirks:
                doc = newsdoc.parse(s.render(article, variant, style, quirk).encode())
                assert doc.variant.value == variant, (variant, quirk, style)
                seen.add((variant, quirk))
    assert len(seen) == 3 + len(s.HEXO_QUIRKS)
