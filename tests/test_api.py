"""The public face: names, types, immutability, serialisation."""

from __future__ import annotations

import datetime as dt
import io
import json

import attrs
import pytest

import newsdoc

POST = (
    "---\nlayout: post\ntitle: \"临江开通智轨\"\ndate: 2024-03-02 09:15:00 +0800\ncategories: city\ntags: 交通\n---\n"
    "<p>临江市首条智轨线路今天开通。</p>\n"
)


def test_all_names_exist_and_are_exported() -> None:
    for name in newsdoc.__all__:
        assert hasattr(newsdoc, name), name
    assert {"parse", "parse_file", "detect", "Document", "Variant", "NewsdocError"} <= set(newsdoc.__all__)


def test_variant_values() -> None:
    assert [v.value for v in newsdoc.Variant] == ["jekyll", "hexo", "portal", "plain"]


def test_document_is_frozen() -> None:
    doc = newsdoc.parse(POST.encode())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        doc.extra["x"] = 1  # type: ignore[index]
    assert isinstance(doc.blocks, tuple) and isinstance(doc.sources, tuple)


def test_to_dict_is_json_ready() -> None:
    doc = newsdoc.parse(POST.encode(), path="a/b.md")
    record = doc.to_dict()
    json.dumps(record, ensure_ascii=False)
    assert record["published"] == "2024-03-02T09:15:00+08:00"
    assert record["path"] == "a/b.md"
    assert record["text"] == doc.text == "临江市首条智轨线路今天开通。"
    assert record["blocks"] == [{"kind": "paragraph", "text": "临江市首条智轨线路今天开通。"}]
    assert record["categories"] == ["city"] and record["tags"] == ["交通"]
    assert doc.published is not None and doc.published.utcoffset() == dt.timedelta(hours=8)


def test_text_joins_headings_and_paragraphs_but_not_captions() -> None:
    body = (
        '<p><strong>小标题</strong></p><p>第一段。</p><center><img src="a.jpg"></center>'
        "<p>图片说明</p><p>第二段。</p>"
    )
    doc = newsdoc.parse((POST.split("<p>")[0] + body).encode())
    assert doc.text == "小标题\n\n第一段。\n\n第二段。"
    assert doc.images == (newsdoc.Image(src="a.jpg", caption="图片说明", alt=None),)


def test_parse_accepts_str_and_records_unicode() -> None:
    doc = newsdoc.parse(POST)
    assert doc.encoding == "unicode" and doc.title == "临江开通智轨"


def test_parse_file_refuses_text_mode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.md"
    path.write_text(POST, encoding="utf-8")
    with open(path, encoding="utf-8") as fh, pytest.raises(TypeError, match="'rb'"):
        newsdoc.parse_file(fh)  # type: ignore[arg-type]
    with open(path, "rb") as fh:
        assert newsdoc.parse_file(fh).title == "临江开通智轨"  # type: ignore[arg-type]
    assert newsdoc.parse_file(io.BytesIO(POST.encode())).title == "临江开通智轨"  # type: ignore[arg-type]
    assert newsdoc.parse_file(path).path == str(path)


def test_detect_gives_variant_confidence_and_evidence() -> None:
    found = newsdoc.detect(POST.encode())
    assert found.variant is newsdoc.Variant.JEKYLL
    assert 0.5 < found.confidence <= 1
    assert "front matter key 'layout'" in found.evidence
    hexo = newsdoc.detect(b"\n---\ntitle: t\ndate: Sat, 25 Dec 2021 04:39:10 GMT\n---\n<p>x</p>")
    assert hexo.variant is newsdoc.Variant.HEXO and "RFC 2822 date" in hexo.evidence
    plain = newsdoc.detect("标题\n正文第一段。".encode())
    assert plain.variant is newsdoc.Variant.PLAIN and plain.evidence


def test_rules_are_named_data() -> None:
    names = [r.name for r in newsdoc.TEXT_RULES] + [r.name for r in newsdoc.MARKUP_RULES]
    assert len(names) == len(set(names)), "rule names are unique"
    assert {"original-title", "source-line", "editor-line", "outlet-credit", "qr-promo"} <= set(names)
    assert all(r.description for r in newsdoc.TEXT_RULES)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-03-02 09:15:00 +0800", "2024-03-02T09:15:00+08:00"),
        ("2024-03-02T09:15:00+08:00", "2024-03-02T09:15:00+08:00"),
        ("2024-03-02 09:15:00 GMT+8", "2024-03-02T09:15:00+08:00"),
        ("2024-03-02 09:15 UTC+5:30", "2024-03-02T09:15:00+05:30"),
        ("2024-03-02 09:15:00 GMT-0500", "2024-03-02T09:15:00-05:00"),
        ("2024-03-02 09:15:00 GMT", "2024-03-02T09:15:00+00:00"),
        ("2024-03-02T01:15:00Z", "2024-03-02T01:15:00+00:00"),
        ("2024-03-02 09:15:00", "2024-03-02T09:15:00+08:00"),
        ("2024-03-02 09:15:00 +0800 CST", "2024-03-02T09:15:00+08:00"),  # Go's time.Time.String()
        ("Sat Mar 02 2024 09:15:00 GMT+0800 (China Standard Time)", "2024-03-02T09:15:00+08:00"),  # JavaScript
        ("2024-03-02 下午3:15", "2024-03-02T15:15:00+08:00"),  # 12-hour time, afternoon
        ("2024-03-02 上午9:15", "2024-03-02T09:15:00+08:00"),
        ("2024年3月2日 星期六 下午3:15", "2024-03-02T15:15:00+08:00"),  # a weekday between date and time
    ],
)
def test_front_matter_dates_keep_their_offset(written: str, expected: str) -> None:
    """An offset written after GMT/UTC is the offset, not a suffix to ignore (GMT+8 is Beijing, not UTC)."""
    doc = newsdoc.parse(POST.replace("2024-03-02 09:15:00 +0800", written).encode())
    assert doc.published is not None and doc.published.isoformat() == expected
