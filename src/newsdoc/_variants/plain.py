"""Bare text: an optional headline line, then paragraphs. The fallback for anything else.

A headline is never invented: a first line that is a dateline, a byline or a photo caption opens the body. The only
date read is a header line that holds nothing but a full date (and perhaps the site's URL), as scrapes of Sina print
under the headline; month/day mentions in the body are not publication dates.
"""

from __future__ import annotations

import re
from typing import ClassVar

from .._dates import parse_date
from .._draft import Draft, clean_entities
from .._model import Variant
from ._protocol import Body, Score

#: A headline is a short line; the longest seen is 38 characters.
MAX_HEADLINE = 40
#: A first line that is a dateline or a byline opens the body: there is no headline, and none is invented.
_NOT_HEADLINE = re.compile(
    r"\d{1,2}月\d{1,2}日(?:电|讯|消息)|本报讯|本刊讯|^\S{0,10}讯\s*[（(]|^[（(]?\s*(?:本报)?记者|^(?:作者|来源|编辑)[:：]"
    r"|https?://|摄$|^[（(]?\s*原标题"
)
#: A header line: the date, perhaps labelled (发布时间：), with the site's URL or the outlet before or after it
#: (来源：某报 2023-05-06 09:12 / 2023-05-06 09:12 来源：某报 / 2023-05-06 09:12 某某日报).
_SOURCE_LABEL = r"(?:来源|來源|稿源)\s*[:：]\s*"
#: A bare name after the date is the outlet (某某日报, 北川融媒); counters (阅读 120) are not.
_OUTLET = r"(?!阅读|浏览|点击|评论)[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,15}"
_HEADER_DATE = re.compile(
    rf"(?:https?://\S+\s*)?(?:{_SOURCE_LABEL}(?P<before>[^\s:：]{{2,20}})\s+)?"
    r"(?:(?:发布时间|发表时间|发布日期|时间|日期|发布于|发表于)\s*[:：]?\s*)?"
    r"(?P<date>(?:19|20)\d\d\s*[年/-]\s*\d{1,2}\s*[月/-]\s*\d{1,2}\s*日?[\d:：\s]*)"
    r"(?:(?:星期|周)[一二三四五六日天]\s*)?"
    rf"(?:{_SOURCE_LABEL}(?P<source>[^\s:：]{{2,20}})|(?P<outlet>{_OUTLET}))?\s*"
)
#: How many lines after the headline may hold the header's date line.
_HEADER_LINES = 3


class PlainHandler:
    variant: ClassVar[Variant] = Variant.PLAIN
    structural: ClassVar[bool] = False

    def detect(self, text: str) -> Score:
        return Score(0.3, ("no front matter and no page furniture: bare text",))

    def split(self, text: str, draft: Draft) -> Body:
        lines = text.split("\n")
        first = next((i for i, raw in enumerate(lines) if clean_entities(raw)), None)
        if first is None:
            return Body(text, "text")
        headline = clean_entities(lines[first])
        if is_headline(headline) and any(clean_entities(raw) for raw in lines[first + 1 :]):
            draft.fields["title"] = headline
            lines = lines[first + 1 :]
        else:
            draft.note("title-missing", "the first line is not a headline; no title")
        _header_date(lines, draft)
        return Body("\n".join(lines), "text")

    def finish(self, draft: Draft) -> None:
        pass


def is_headline(line: str) -> bool:
    return (
        len(line) <= MAX_HEADLINE
        and not line.endswith(("。", "；", "，", "：", "、", "—"))
        and not _NOT_HEADLINE.search(line)
    )


def _header_date(lines: list[str], draft: Draft) -> None:
    """A header line holding only a full date (and maybe a URL): the publication date. The line is removed."""
    seen = 0
    for i, raw in enumerate(lines):
        line = clean_entities(raw)
        if not line:
            continue
        match = _HEADER_DATE.fullmatch(line)
        if match:
            result = parse_date(match["date"])
            if result.value is not None:
                draft.fields["published"] = result.value
                source = match["before"] or match["source"] or match["outlet"]
                if source:
                    draft.add_sources((source,))
                draft.remove("header-date-line", line)
                draft.note("date-assumed-beijing", f"header date {match['date'].strip()!r} read as Beijing time")
                lines[i] = ""
                return
        seen += 1
        if seen >= _HEADER_LINES:
            return
