"""The trailer: credits printed right after the article (editor, source, author, the article's address)."""

from __future__ import annotations

import re

from ..._boilerplate import editor_name, read_credit
from ..._dates import find_date
from ..._draft import Draft, clean
from ._header import set_published
from ._shapes import SIMPLIFIED

#: Editor labels after the article, most specific first: 责任编辑 is the editor when several are named.
EDITOR_RANK = ("责任编辑", "责编", "编辑")
_TRAILER_EDITOR = re.compile(
    r"(?P<label>责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[：:/]\s*"
    r"(?P<x>[A-Za-z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*)?(?![^\s\[\]【】（）()：:])|[^\s\[\]【】（）()：:]+)"  # Demi Xia
)


#: A date or category line of its own under the article.
_TRAILER_LABEL = re.compile(
    r"^(?:(?P<date>(?:发布|發佈|發布|发表|發表)?(?:时间|時間|日期))|(?P<category>所属分类|所屬分類|分类|分類|栏目|欄目))"
    r"\s*[:：]"
)
#: A category is a word or two, not a sentence.
_MAX_CATEGORY = 12


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
        if not (read or hit or author or url or _trailer_fields(line, draft)):
            read_credit(draft, line)


def _trailer_fields(line: str, draft: Draft) -> bool:
    """A labelled date or category printed under the article (时间：2023-05-06 09:12, 所属分类：科技): the
    publication date when the header gave none, the category when the meta line gave none."""
    label = _TRAILER_LABEL.match(line)
    if label is None:
        return False
    value = line[label.end() :].strip()
    if label["date"]:
        found = find_date(value)
        if found is not None and "published" not in draft.fields:
            set_published(draft, found)
        return found is not None
    if value and len(value) <= _MAX_CATEGORY and not draft.fields.get("categories"):
        draft.fields["categories"] = (value,)
    return bool(value)
