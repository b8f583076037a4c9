"""Bare text: an optional headline line, then paragraphs. The fallback for anything else."""

from __future__ import annotations

import re

from .._draft import Draft, clean_entities
from .._model import Variant
from ._protocol import Body, Score

#: A headline is a short line; the longest seen is 38 characters.
MAX_HEADLINE = 60
#: A first line that is a dateline or a byline opens the body: there is no headline, and none is invented.
_NOT_HEADLINE = re.compile(
    r"(?:\d{1,2}月\d{1,2}日(?:电|讯)|本报讯|本刊讯|^\S{0,10}讯\s*[（(]|^[（(]?\s*(?:本报)?记者|^(?:作者|来源|编辑)[:：]|https?://)"
)


class PlainHandler:
    variant = Variant.PLAIN

    def detect(self, text: str) -> Score:
        return Score(0.3, ("no front matter and no page furniture: bare text",))

    def split(self, text: str, draft: Draft) -> Body:
        lines = text.split("\n")
        for i, raw in enumerate(lines):
            line = clean_entities(raw)
            if not line:
                continue
            rest = "\n".join(lines[i + 1 :])
            if is_headline(line) and rest.strip():
                draft.fields["title"] = line
                return Body(rest, "text")
            break
        draft.note("title-missing", "the first line is not a headline; no title")
        return Body(text, "text")

    def finish(self, draft: Draft) -> None:
        pass


def is_headline(line: str) -> bool:
    return len(line) <= MAX_HEADLINE and not line.endswith(("。", "；", "，", "：")) and not _NOT_HEADLINE.search(line)
