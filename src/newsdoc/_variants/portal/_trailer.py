"""The trailer: credits printed right after the article (editor, source, author, the article's address)."""

from __future__ import annotations

import re

from ..._boilerplate import editor_name, read_credit
from ..._draft import Draft, clean
from ._shapes import SIMPLIFIED

#: Editor labels after the article, most specific first: 责任编辑 is the editor when several are named.
EDITOR_RANK = ("责任编辑", "责编", "编辑")
_TRAILER_EDITOR = re.compile(
    r"(?P<label>责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[：:/]\s*"
    r"(?P<x>[A-Za-z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*)?(?![^\s\[\]【】（）()：:])|[^\s\[\]【】（）()：:]+)"  # Demi Xia
)


def read_trailer(lines: list[str], draft: Draft, editors: dict[str, str]) -> None:
    """Credits printed right after the article: editor, source, author. Searched, not anchored: they run together.
    A line none of them reads is tried with the article's credit rules (责编：Demi Xia, （综合整理自…）)."""
    for raw in lines:
        line = clean(raw)
        read = False
        for editor in _TRAILER_EDITOR.finditer(line):
            editors.setdefault(editor["label"].translate(SIMPLIFIED), editor_name(editor["x"]))
            read = True
        hit = re.search(r"本文来源\s*[：:]\s*(?P<x>[^\s，。（）()]+?)(?=作者|责任编辑|[）)]|\s|$)", line)
        if hit:
            draft.add_sources((hit["x"],))
        author = re.search(
            r"作者\s*[：:]\s*(?:.*(?:员|长|师|授|任|家))?(?P<x>[\u4e00-\u9fff]{2,4})(?:[）)]|\s|$)", line
        ) or re.fullmatch(r"文\s*/\s*(?P<x>\S{2,8})", line)
        if author:
            draft.offer("author", author["x"])
        url = re.search(r"本文(?:地址|链接|网址)\s*[:：]\s*(?P<x>https?://\S+)", line)
        if url:
            draft.offer("url", url["x"])
        if not (read or hit or author or url):
            read_credit(draft, line)
