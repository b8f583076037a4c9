"""The document while it is being read: a mutable draft that the stages fill, frozen at the end."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ._model import Block, BlockKind, Diagnostic, Document, Image, Removal, Variant

_SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\u3000\xa0]+")
#: A caption is short and does not end like a sentence. 30 covers every caption seen in the samples and corpus
#: (longest 21) and excludes the unpunctuated 31-character paragraph that follows an image in one corpus post.
MAX_CAPTION = 30
SENTENCE_END = ("。", "！", "？", "!", "?", "；", ";", "…")
_CLOSERS = "”’\"'」』）)》"


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence: 。！？；… possibly followed by closing quotes or brackets."""
    return text.rstrip(_CLOSERS).endswith(SENTENCE_END)


_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]+")
#: What str.split() does not treat as white space the way clean() must: invisible characters and zero-width spaces.
_UNUSUAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b\u200c\u200d\u2060]")


def clean(text: str) -> str:
    """White space normalised: runs of spaces, tabs, newlines, NBSP and U+3000 become one space; ends trimmed.
    Control characters and U+FEFF (which entities and JSON escapes can still produce) are dropped."""
    if not _UNUSUAL.search(text):  # the common case: str.split() knows the same white space as \s, ~4x faster
        return " ".join(text.split())
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip()


def clean_entities(text: str) -> str:
    """:func:`clean` after decoding HTML entities (``&nbsp;``, ``&#123;``) left in non-HTML text."""
    return clean(html.unescape(text)) if "&" in text else clean(text)


#: A caption that ends with its photo credit (…。新华社记者 胡晓峰 摄, …（王明 摄）, …（图片来源：新华社）) is one
#: whatever its length, up to this many characters.
MAX_CREDITED_CAPTION = 200
_PHOTO_CREDIT = re.compile(
    r"(?:[（(][^（）()]*(?:摄|图片来源|图片提供)[^（）()]*[）)]|(?:记者|通讯员)?\s*[\u4e00-\u9fff·]{2,8}\s*摄)$"
)


#: A bracketed note closing a text (（全文完）, （记者 王明）): the sentence, or the caption, ends before it.
#: What wraps an outlet's name in a credit but is not part of it: 综合/综合自/据 before it (来源：综合临江日报), 等
#: after the last of a list (来源：临江日报、云港晚报等), a separator left at either end (CSDN|).
_SOURCE_WRAPPING = re.compile(r"^(?:综合自?|綜合自?|据|據)(?=\S{2})|(?<=\S{2})等$|^[\s|｜/·-]+|[\s|｜/·-]+$")
_CLOSING_NOTE = re.compile(r"\s*[（(][^（）()]*[）)]$")


def without_closing_note(text: str) -> str:
    return _CLOSING_NOTE.sub("", text)


def looks_like_caption(text: str) -> bool:
    """Short and not ending like a sentence once a closing （…） is set aside; or ending with a photo credit."""
    if len(text) <= MAX_CREDITED_CAPTION and _PHOTO_CREDIT.search(text):
        return True
    core = without_closing_note(text)
    return len(text) <= MAX_CAPTION and bool(core) and not ends_sentence(core)


@attrs.define
class DraftBlock:
    kind: BlockKind
    text: str
    level: int | None = None
    image: Image | None = None
    #: A paragraph that came right after an image: its caption, if it looks like one once credits are removed.
    after_image: bool = False


@attrs.define
class Draft:
    """Everything known so far about one document."""

    variant: Variant
    path: str | None
    encoding: str
    fields: dict[str, Any] = attrs.Factory(dict)
    blocks: list[DraftBlock] = attrs.Factory(list)
    removed: list[Removal] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    metadata: Mapping[str, Any] = attrs.Factory(dict)
    extra: dict[str, Any] = attrs.Factory(dict)
    #: Outlets named only by where the page was posted (发布于…官方账号): the sources when nothing credits one.
    posted_by: tuple[str, ...] = ()

    def remove(self, rule: str, text: str) -> None:
        text = clean(text)
        if text:
            self.removed.append(Removal(rule=rule, text=text))

    def note(self, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(code=code, message=message))

    def offer(self, name: str, value: Any) -> bool:
        """Set a field unless it already has a value (earlier, surer sources win). True if it was set."""
        if value in (None, "", ()) or self.fields.get(name) not in (None, "", ()):
            return False
        self.fields[name] = value
        return True

    def add_sources(self, names: tuple[str, ...]) -> None:
        known = self.fields.get("sources", ())
        for name in (_SOURCE_WRAPPING.sub("", n) for n in names):
            # the same outlet credited again, alone (光明日报 after 光明网-《光明日报》): once is enough
            if name and not any(name in k for k in known):
                known = (*known, name)
        self.fields["sources"] = known

    def freeze(self) -> Document:
        f = self.fields
        images = tuple(b.image for b in self.blocks if b.kind is BlockKind.FIGURE and b.image is not None)
        blocks = tuple(Block(kind=b.kind, text=b.text, level=b.level, image=b.image) for b in self.blocks)
        published = f.get("published")
        assert published is None or (isinstance(published, dt.datetime) and published.tzinfo is not None)
        return Document(
            variant=self.variant,
            path=self.path,
            encoding=self.encoding,
            site=f.get("site"),
            title=f.get("title"),
            original_title=f.get("original_title"),
            summary=f.get("summary"),
            published=published,
            author=f.get("author"),
            editor=f.get("editor"),
            dateline=f.get("dateline"),
            sources=tuple(f.get("sources", ()) or self.posted_by),
            categories=tuple(f.get("categories", ())),
            tags=tuple(f.get("tags", ())),
            url=f.get("url"),
            lead_image=f.get("lead_image"),
            images=images,
            blocks=blocks,
            removed=tuple(self.removed),
            metadata=self.metadata,
            extra=self.extra,
            diagnostics=tuple(self.diagnostics),
        )
