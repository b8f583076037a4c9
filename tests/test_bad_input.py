"""The bad-input catalogue (``tests/data/bad/``): one test per entry, with the error class or diagnostic code.

Every error must name the file (``str(exc)`` holds the path) and, for front matter problems, the line. Entries where
newsdoc's behaviour falls short are written for the right behaviour and marked ``xfail(strict=True, reason="bug: …")``:
when the fix lands the strict xfail fails, and the mark is removed. Tests whose docstring starts "Regression" pin bugs
found while writing issue 4 and fixed since. ``regressions/`` holds the minimal inputs of bugs the property tests and
the fuzz found (inputs that raise live directly in ``bad/``, where tests/test_nothing_lost.py does not look).
"""

from __future__ import annotations

import gc
import os
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

import newsdoc

from .conftest import DATA, ROOT

BAD = DATA / "bad"
REGRESSIONS = BAD / "regressions"
#: Depth of the nested-<div> input in CI. Lexbor's tree builder is quadratic in nesting depth (20,000 levels take
#: ~0.6 s, 100,000 take ~14 s), so CI uses 20,000; the 100,000 figure is in benchmarks/scaling.py.
DEEP_HTML_LEVELS = 20_000


def raises(cls: type[newsdoc.NewsdocError], path: Path) -> newsdoc.NewsdocError:
    """parse_file(path) raises ``cls`` (exactly a NewsdocError subclass, no raw exception), naming the file."""
    with pytest.raises(newsdoc.NewsdocError) as info:
        newsdoc.parse_file(path)
    exc = info.value
    assert type(exc) is cls, f"{type(exc).__name__}: {exc}"
    assert exc.path == str(path)
    assert str(exc).startswith(f"{path}: ")
    return exc


def front_matter_error(path: Path) -> newsdoc.NewsdocError:
    exc = raises(newsdoc.FrontMatterError, path)
    assert exc.lineno is not None and exc.lineno >= 1
    assert f"(at line {exc.lineno}" in str(exc)
    return exc


def parsed(path: Path) -> newsdoc.Document:
    doc = newsdoc.parse_file(path)
    assert doc.path == str(path)
    return doc


def codes(doc: newsdoc.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line of ``path`` (UTF-8) holding ``needle``."""
    for number, line in enumerate(path.read_bytes().decode("utf-8").split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# -- not a news file at all: InputError ------------------------------------------------------------------------------


def test_empty_file() -> None:
    exc = raises(newsdoc.InputError, BAD / "empty.txt")
    assert "empty" in exc.msg


def test_only_whitespace() -> None:
    """Spaces, tabs, CR/LF, U+3000 and NBSP only."""
    exc = raises(newsdoc.InputError, BAD / "whitespace.txt")
    assert "white space" in exc.msg


def test_png_header() -> None:
    exc = raises(newsdoc.InputError, BAD / "png-header.bin")
    assert "PNG" in exc.msg


def test_zip_header() -> None:
    exc = raises(newsdoc.InputError, BAD / "zip-header.bin")
    assert "ZIP" in exc.msg


def test_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "news.md"
    folder.mkdir()
    exc = raises(newsdoc.InputError, folder)
    assert "directory" in exc.msg


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    exc = raises(newsdoc.InputError, tmp_path / "missing" / "news.md")
    assert "No such file" in exc.msg


# -- not text: DecodeError --------------------------------------------------------------------------------------------


def test_undecodable_bytes() -> None:
    """Random bytes (no magic number): more than 2% undecodable in every candidate encoding."""
    exc = raises(newsdoc.DecodeError, BAD / "undecodable.bin")
    assert exc.lineno is not None and exc.colno is not None


def test_invalid_utf8_after_a_bom() -> None:
    exc = raises(newsdoc.DecodeError, BAD / "utf8-bom-invalid.txt")
    assert (exc.lineno, exc.colno) == (2, 1)  # the first bad byte opens line 2


def test_utf8_with_one_bad_byte() -> None:
    """Regression (fixed during issue 4): one corrupted byte in a UTF-8 file makes _decode.decode give up on UTF-8; the
    GB18030 fallback then replaces far more than 2% of the bytes and the whole file is refused (the docs promise an
    error only when more than 2% of the bytes cannot be decoded)."""
    doc = parsed(BAD / "utf8-one-bad-byte.txt")
    assert doc.encoding == "utf-8" and "encoding-replaced" in codes(doc)
    assert doc.title == "临江港新码头正式启用" and "港口负责人表示" in doc.text


def test_utf8_with_three_bad_bytes() -> None:
    """Regression (fixed during issue 4): _decode_utf8_damaged tolerated max(2, len/2000) bad runs, so three flipped
    bytes in 476 bytes (0.6%) raised DecodeError or, for other files, decoded the whole file as GB18030 mojibake."""
    doc = parsed(BAD / "utf8-three-bad-bytes.txt")
    assert doc.encoding == "utf-8" and "encoding-replaced" in codes(doc)
    assert doc.title == "临江港新码头正式启用" and "港口负责人表示" in doc.text


# -- odd bytes that are still text: a document and a diagnostic ------------------------------------------------------


def test_nul_bytes_are_removed_and_reported() -> None:
    doc = parsed(BAD / "nul-bytes.txt")
    assert "control-characters" in codes(doc)
    assert "\x00" not in repr(doc.to_dict())
    assert doc.title == "临江港新码头正式启用"


def test_nul_bytes_keep_their_encoding_name() -> None:
    """Regression (fixed during issue 4): _decode.decode sends NUL-heavy UTF-8 to _decode_mixed, which labels it
    'utf-8+gb18030' with an encoding-mixed diagnostic although every line was UTF-8."""
    doc = parsed(BAD / "nul-bytes.txt")
    assert doc.encoding == "utf-8"
    assert "encoding-mixed" not in codes(doc)


def test_gbk_file_with_a_line_that_is_valid_utf8() -> None:
    """Regression (fixed during issue 4): _decode._has_utf8_line took any GBK line that happened to be valid UTF-8
    (tags: ["平台"] is C6 BD CC A8) as proof of a mixed file, and _decode_mixed decoded that line as UTF-8: ('ƽ̨',)."""
    doc = parsed(REGRESSIONS / "gbk-line-valid-utf8.md")
    assert doc.encoding == "gb18030"
    assert doc.tags == ("平台",)


def test_gbk_post_with_one_chinese_word() -> None:
    """Regression (fixed during issue 4): the first _decode_utf8_damaged took a GBK post whose only Chinese is one
    short word for damaged UTF-8 and replaced the word with U+FFFD: tags ('�ٽ�',)."""
    doc = parsed(REGRESSIONS / "gbk-one-word.md")
    assert doc.encoding == "gb18030"
    assert doc.tags == ("临江",)


def test_mixed_utf8_and_gbk_lines() -> None:
    doc = parsed(BAD / "mixed-utf8-gbk.txt")
    assert "encoding-mixed" in codes(doc)
    assert doc.encoding == "utf-8+gb18030"
    assert doc.title == "临江港新码头正式启用"
    assert "\ufffd" not in doc.text and "港口负责人表示" in doc.text  # the GBK line, decoded as GBK


def test_utf16_without_bom() -> None:
    doc = parsed(BAD / "utf16-no-bom.txt")
    assert doc.encoding == "utf-16-le"
    assert "encoding-guessed" in codes(doc)
    assert doc.title == "临江港新码头正式启用"


# -- front matter: FrontMatterError with the line ---------------------------------------------------------------------


def test_front_matter_never_closed() -> None:
    exc = front_matter_error(BAD / "unclosed-front-matter.md")
    assert exc.lineno == 1  # where it was opened
    assert "never closed" in exc.msg


def test_tabs_in_yaml() -> None:
    path = BAD / "yaml-tabs.md"
    exc = front_matter_error(path)
    assert (exc.lineno, exc.colno) == (line_of(path, "\t"), 1)


def test_unbalanced_quotes() -> None:
    front_matter_error(BAD / "unbalanced-quote.md")


def test_unbalanced_quotes_point_at_the_opening_quote() -> None:
    """Regression (fixed during issue 4): _frontmatter._load reports the problem mark (end of stream, the closing
    fence) instead of the context mark where the unclosed quoted scalar starts."""
    path = BAD / "unbalanced-quote.md"
    exc = front_matter_error(path)
    assert exc.lineno == line_of(path, 'title: "')


def test_front_matter_not_a_mapping() -> None:
    exc = front_matter_error(BAD / "front-matter-list.md")
    assert "list" in exc.msg and exc.lineno <= 2  # type: ignore[operator]


def test_invalid_json_front_matter() -> None:
    path = BAD / "json-invalid.md"
    exc = front_matter_error(path)
    assert exc.lineno == line_of(path, '"date"')


def test_invalid_json_front_matter_after_an_opening_semicolons_line() -> None:
    """Regression (fixed during issue 4): _frontmatter.read_header computes the JSON front matter's first line before
    skipping an opening ';;;', so errors in ';;;'-prefixed JSON are reported one line too early."""
    path = BAD / "json-prefixed-invalid.md"
    exc = front_matter_error(path)
    assert exc.lineno == line_of(path, '"date"')


def test_invalid_toml_front_matter() -> None:
    """Regression (fixed during issue 4): _frontmatter._load gives TOML errors the front matter's first line and leaves
    tomllib's own front-matter-relative '(at line L, column C)' in the message."""
    path = BAD / "toml-invalid.md"
    exc = front_matter_error(path)
    assert exc.lineno == line_of(path, "date =")
    assert str(exc).count("(at line") == 1


def test_python_tag_is_refused() -> None:
    path = BAD / "python-tag.md"
    exc = front_matter_error(path)
    assert exc.lineno == line_of(path, "!!python")
    assert "python/object/apply" in exc.msg


@pytest.mark.parametrize(
    "tag",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        '!!python/object/apply:builtins.open ["{marker}", "w"]',
        '!!python/object/new:builtins.open ["{marker}", "w"]',
        "!!python/name:os.system",
        '!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
    ],
)
def test_unsafe_yaml_tags_run_nothing(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "executed"
    path = tmp_path / "post.md"
    header = f"---\nlayout: post\ntitle: {tag.format(marker=marker)}\n---\n<p>临江港新码头正式启用。</p>\n"
    path.write_text(header, encoding="utf-8")
    exc = front_matter_error(path)
    assert exc.lineno == 3
    assert not marker.exists()


def test_alias_bomb_is_refused_in_bounded_memory() -> None:
    """Billion laughs (9 levels x 9 aliases): refused before anything walks 387 million leaves. Memory is measured
    (Python allocations with tracemalloc, the process's peak RSS with getrusage); time is not asserted."""
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    tracemalloc.start()
    try:
        with pytest.raises(newsdoc.FrontMatterError) as info:
            newsdoc.parse_file(BAD / "alias-bomb.md")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert peak < 32 * 2**20, f"peak Python allocations {peak / 2**20:.1f} MiB"
    assert rss_growth_mib < 256
    assert info.value.lineno is not None and str(BAD / "alias-bomb.md") in str(info.value)
    assert "alias" in info.value.msg


# -- front matter values: a document and a diagnostic -----------------------------------------------------------------


def test_impossible_date() -> None:
    """``date: 2021-13-45``: published None and a date-unreadable diagnostic, never a guess or a raw ValueError."""
    doc = parsed(BAD / "bad-date.md")
    assert doc.published is None
    assert "date-unreadable" in codes(doc)
    assert doc.title == "临江港新码头正式启用"


def test_title_that_is_a_list() -> None:
    """A list title is reported (value-not-scalar) and is never the list's repr. (tests/data/README.md expects title
    None here; newsdoc joins the items — both are text, the repr is what must never appear.)"""
    doc = parsed(BAD / "title-list.md")
    assert "value-not-scalar" in codes(doc)
    assert doc.title is None or (isinstance(doc.title, str) and "[" not in doc.title and "'" not in doc.title)


def test_title_that_is_a_number() -> None:
    doc = parsed(BAD / "title-number.md")
    assert doc.title == "12.5" and isinstance(doc.title, str)


def test_title_that_is_binary() -> None:
    """Regression (fixed during issue 4): _metadata.text_value called str() on any scalar, so a !!binary title became
    the repr b'\\xe4…'."""
    doc = parsed(BAD / "title-binary.md")
    assert doc.title in (None, "临江港新码头")
    assert doc.title is not None or "value-not-scalar" in codes(doc)


# -- deep nesting -----------------------------------------------------------------------------------------------------


def test_deeply_nested_yaml_does_not_crash_the_process() -> None:
    """Regression (fixed during issue 4): PyYAML's CSafeLoader recurses once per nesting level and overflows the C
    stack (SIGSEGV) on a 60 KB front matter of 30,000 nested '['; _frontmatter must refuse deep nesting before
    loading Run in a child process: should the crash come back, it must not take the test run with it."""
    code = (
        "import newsdoc, sys\n"
        "try:\n    newsdoc.parse_file(sys.argv[1])\n"
        "except newsdoc.FrontMatterError as exc:\n    print('FrontMatterError', exc.lineno)\n"
        "else:\n    print('Document')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(BAD / "yaml-deep-nesting.md")], capture_output=True, text=True, env=env,
        timeout=120, check=False,
    )
    assert proc.returncode == 0, f"exit status {proc.returncode} (negative: killed by signal)"
    assert proc.stdout.startswith(("FrontMatterError", "Document"))


def test_deeply_nested_tags() -> None:
    """Regression (fixed during issue 4): _metadata._as_tuple flattens one level and str()s the rest, so 3,000 nested
    lists under 'tags' raise a raw RecursionError; _frontmatter._check_size should bound depth as well as size."""
    path = BAD / "yaml-deep-tags.md"
    try:
        doc = newsdoc.parse_file(path)
    except newsdoc.FrontMatterError as exc:
        assert exc.lineno is not None and exc.path == str(path)
    else:
        doc.to_dict()


def test_deeply_nested_extra_value() -> None:
    """Regression (fixed during issue 4): a front matter value nested 600 deep parses, but Document.to_dict()
    (_model._jsonable recurses) raises RecursionError; bound the depth in _frontmatter._check_size."""
    path = BAD / "yaml-deep-extra.md"
    try:
        doc = newsdoc.parse_file(path)
    except newsdoc.FrontMatterError as exc:
        assert exc.lineno is not None and exc.path == str(path)
    else:
        doc.to_dict()
        repr(doc)


def test_html_nested_very_deep(tmp_path: Path) -> None:
    """<div> nested DEEP_HTML_LEVELS deep: a document (the walk is iterative) or a NewsdocError, never a crash.
    No time assertion: the time is printed with -s, and benchmarks/scaling.py reports the 100,000-level figure."""
    path = tmp_path / "deep.md"
    n = DEEP_HTML_LEVELS
    header = '---\nlayout: post\ntitle: "临江港新码头正式启用"\ndate: 2024-03-02 09:15:00 +0800\n---\n'
    path.write_text(header + "<div>" * n + "<p>临江港新码头今天正式启用。</p>" + "</div>" * n + "\n", encoding="utf-8")
    start = time.perf_counter()
    try:
        doc = newsdoc.parse_file(path)
    except newsdoc.NewsdocError as exc:
        assert exc.path == str(path)
    else:
        assert doc.text == "临江港新码头今天正式启用。"
    print(f"{n} nested <div>: {time.perf_counter() - start:.2f} s")


# -- very large input -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["plain", "jekyll"])
def test_fifty_megabyte_single_line_body(tmp_path: Path, variant: str) -> None:
    """A 50 MB body on one line returns (no time assertion)."""
    path = tmp_path / f"huge.{'txt' if variant == 'plain' else 'md'}"
    line = "临江港新码头今天正式启用，年通过能力将提升三成" * (50 * 2**20 // 69 + 1)  # 69 bytes per repeat in UTF-8
    jekyll_head = '---\nlayout: post\ntitle: "临江港新码头正式启用"\n---\n<p>'
    head = "临江港新码头正式启用\n" if variant == "plain" else jekyll_head
    with open(path, "wb") as fh:
        fh.write(head.encode())
        fh.write(line.encode())
        fh.write(b"\n" if variant == "plain" else b"</p>\n")
    assert path.stat().st_size >= 50 * 2**20
    del line
    doc = newsdoc.parse_file(path)
    assert doc.variant.value == variant and doc.title == "临江港新码头正式启用"
    assert len(doc.blocks) == 1 and len(doc.blocks[0].text) > 17_000_000  # 23 characters per 69 bytes


# -- regressions found by the property tests -------------------------------------------------------------------------


def test_portal_tag_that_prefixes_another() -> None:
    """Regression (fixed during issue 4): portal._header.read_meta finds the tags with line.rindex(first tag), which
    lands inside a later tag that contains the first one (城市 in 城市建设) and drops the tags before it."""
    doc = parsed(REGRESSIONS / "portal-tag-prefix.txt")
    assert doc.tags == ("城市", "城市建设")


def test_portal_title_entities_are_decoded() -> None:
    """Regression (fixed during issue 4): portal.PortalHandler.split takes the headline with clean(), not
    clean_entities(), so &amp; and &nbsp; stay in the title."""
    doc = parsed(REGRESSIONS / "portal-title-entities.txt")
    assert doc.title == "临江新区&星河科技 共建智轨线路"


def test_portal_meta_line_entities_are_decoded() -> None:
    """Regression (fixed during issue 4): portal._header.read_meta read the meta line with clean(), not
    clean_entities(), so &amp; stayed in the category and the tags."""
    doc = parsed(REGRESSIONS / "portal-meta-entities.txt")
    assert doc.categories == ("城建&交通",)
    assert doc.tags == ("智轨&公交", "城市建设")


def test_portal_headline_that_starts_with_a_dash() -> None:
    """Regression (found by the thorough property run): a line starting with —— is passed over as a subtitle, so a
    page whose only headline starts with one had no title."""
    doc = parsed(REGRESSIONS / "portal-dash-headline.txt")
    assert doc.title == "——临江二号线开通"


def test_heading_that_starts_with_wen_is_not_a_byline() -> None:
    """Regression (fixed during issue 4): the byline rule accepted a bare 文 with no separator, so a heading such
    as 文化惠民 was removed as a byline by '化惠民'."""
    doc = parsed(REGRESSIONS / "heading-wen-byline.txt")
    assert ("heading", "文化惠民") in [(b.kind.value, b.text) for b in doc.blocks]
    assert doc.author is None


def test_bom_entity_in_html() -> None:
    """Regression (fixed during issue 4): _draft.clean() leaves U+FEFF (an HTML &#65279;) in block text and alt text."""
    doc = parsed(REGRESSIONS / "html-bom-entity.md")
    assert doc.text == "临江港新码头今天正式启用。"


def test_escaped_control_characters_in_yaml_title() -> None:
    """Regression (fixed during issue 4): _draft.clean() keeps the NUL and U+FEFF that YAML escapes (\\0, \\ufeff) put
    into front matter strings."""
    doc = parsed(REGRESSIONS / "yaml-escaped-controls.md")
    assert doc.title == "临江港新码头正式启用"


def test_escaped_nul_in_json_title() -> None:
    """Regression (fixed during issue 4): _draft.clean() kept NUL and U+FEFF from JSON \\u escapes."""
    doc = parsed(REGRESSIONS / "json-escaped-nul.md")
    assert doc.title == "临江港新码头正式启用"


def test_control_entities_in_image_attributes() -> None:
    """Regression (fixed during issue 4): an image src (and alt) is taken from the attribute as decoded, so &#13; and
    &#65279; reach Image.src/Image.alt."""
    doc = parsed(REGRESSIONS / "img-src-control.md")
    image = doc.images[0]
    assert not re.search("[\r\ufeff\x00]", image.src + (image.alt or ""))


def test_utf8_truncated_inside_a_character() -> None:
    """Regression (fixed during issue 4): a UTF-8 file cut inside its last character goes to _decode._decode_mixed,
    which decodes the last line as GB18030 without complaint: the paragraph becomes mojibake (娓彛璐熻矗…) under
    'utf-8+gb18030'."""
    doc = parsed(REGRESSIONS / "utf8-truncated.md")
    assert doc.encoding == "utf-8"
    assert "港口负责人表示，新码头可停靠万吨级货轮" in doc.text


def test_plain_file_opening_with_original_title() -> None:
    """Regression (fixed during issue 4): plain.is_headline accepted a 原标题 line as the headline; it is a credit
    line (→ original_title)."""
    doc = parsed(REGRESSIONS / "plain-original-title-first.txt")
    assert doc.original_title == "临江港新码头正式启用"
    assert doc.title is None or not doc.title.startswith("原标题")


def test_str_input_with_nul_bytes() -> None:
    """Regression (fixed during issue 4): _parse._decoded normalises str input (CRLF, U+FEFF) but skips the
    control-character removal that decode() does for bytes, so NULs reach the fields."""
    text = (BAD / "nul-bytes.txt").read_bytes().decode("utf-8")
    doc = newsdoc.parse(text)
    assert "\x00" not in repr(doc.to_dict())
    assert "control-characters" in codes(doc)


def test_every_catalogue_file_has_a_test() -> None:
    """A new file in tests/data/bad/ needs its test here."""
    source = Path(__file__).read_text(encoding="utf-8")
    files = sorted(p for p in BAD.rglob("*") if p.is_file())
    assert files
    assert [p.name for p in files if f'"{p.name}"' not in source] == []
