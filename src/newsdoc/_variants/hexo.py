"""Hexo posts: YAML front matter that may follow blank lines or lack its opening fence, or JSON ended by ``;;;``.

The RSS-to-Hexo generator replaced ``:/\\?*“”<>|[]`` in titles with ``_``; when the body's 原标题 line is the same
title with those characters in place, that line is the real title.
"""

from __future__ import annotations

import re
from typing import ClassVar

from .._draft import Draft
from .._frontmatter import find_header
from .._model import Variant
from ._post import PostHandler, header_keys
from ._protocol import Score

#: Keys that only Hexo generators write.
_HEXO_KEYS = ("headimg", "thumbnail", "comments", "updated", "top_img", "cover")
_RFC2822 = re.compile(r"^date:\s*['\"]?[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}", re.MULTILINE)
#: What the generator replaced, and the full-width forms a 原标题 line may print them in.
_REPLACED = ":/\\?*“”<>|[]：／＼？＊＜＞｜［］"


class HexoHandler(PostHandler):
    variant: ClassVar[Variant] = Variant.HEXO

    def detect(self, text: str) -> Score:
        found = find_header(text)
        if found is None:
            return Score(0.0)
        kind, start = found
        evidence: list[str] = []
        score = 0.5
        if kind in ("json", "yaml-unfenced", "toml"):
            evidence.append(
                {
                    "json": "JSON front matter ended by ';;;'",
                    "toml": "TOML front matter",
                    "yaml-unfenced": "front matter without an opening '---'",
                }[kind]
            )
            score = 0.9
        if start > 0:
            evidence.append("blank line before the front matter")
            score = max(score, 0.85)
        keys = header_keys(text[start:])
        for key in _HEXO_KEYS:
            if key in keys:
                evidence.append(f"front matter key {key!r}")
                score = max(score, 0.9)
        if _RFC2822.search(text, start, start + 3000):
            evidence.append("RFC 2822 date")
            score = max(score, 0.8)
        return Score(min(score + 0.02 * len(evidence), 0.99), tuple(evidence), decisive=True)

    def finish(self, draft: Draft) -> None:
        title, original = draft.fields.get("title"), draft.fields.get("original_title")
        if title and original and "_" in title and title != original and _restores(title, original):
            draft.fields["title"] = original
            draft.note("title-restored", f"title {title!r} restored from its 原标题 line")


def _restores(title: str, original: str) -> bool:
    """True when ``original`` is ``title`` with each ``_`` put back as one of the characters the generator replaced."""
    wildcard = "[" + re.escape(_REPLACED) + "_]"
    pattern = "".join(wildcard if ch == "_" else re.escape(ch) for ch in title)
    return re.fullmatch(pattern, original) is not None
