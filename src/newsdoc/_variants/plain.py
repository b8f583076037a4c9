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
_HEADER_DATE = re.compile(
    r"(?:https?://\S+\s*)?(?P<date>(?:19|20)\d\d\s*[年/-]\s*\d{1,2}\s*[月/-]\s*\d{1,2}\s*日?[\d:：\s]*)"
    r"(?:(?:来源|稿源)\s*[:：]\s*(?P<source>\S{2,20}))?\s*"
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
                if match["source"]:
                    draft.add_sources((match["source"],))
                draft.remove("header-date-line", line)
                draft.note("date-assumed-beijing", f"header date {match['date'].strip()!r} read as Beijing time")
                lines[i] = ""
                return
        seen += 1
        if seen >= _HEADER_LINES:
            return
