"""The typed document newsdoc returns, and the small records it is made of."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs


class Variant(str, enum.Enum):
    """The four known shapes of a scraped news file."""

    JEKYLL = "jekyll"
    """Jekyll post: ``---`` YAML front matter (``layout: post``) then an HTML or Markdown-ish body."""
    HEXO = "hexo"
    """Hexo post: YAML (possibly without its opening fence), JSON (``;;;``) or TOML front matter, then HTML."""
    PORTAL = "portal"
    """Text dump of a whole portal page: menus, headline, meta line, article, footer."""
    PLAIN = "plain"
    """Bare text article: an optional headline, then paragraphs. The fallback."""

    def __str__(self) -> str:
        return self.value


class BlockKind(str, enum.Enum):
    """What a body block is."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    FIGURE = "figure"

    def __str__(self) -> str:
        return self.value


def _freeze_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class Image:
    """An image of the article body, or its lead image."""

    src: str
    """The image URL as written in the file (``""`` when the tag had none)."""
    caption: str | None = None
    """The caption that followed the image, or ``None`` when it had none."""
    alt: str | None = None
    """The ``alt`` text, or ``None`` when absent or empty."""


@attrs.frozen(kw_only=True)
class Block:
    """One block of the body, in reading order."""

    kind: BlockKind
    """Paragraph, heading or figure."""
    text: str
    """The block's text with markup removed and white space normalised; a figure's caption (``""`` if none)."""
    level: int | None = None
    """Heading level 1-6 for headings (``<strong>``-only paragraphs and plain sub-headings are 2); else ``None``."""
    image: Image | None = None
    """The image of a figure block; ``None`` for paragraphs and headings."""


@attrs.frozen(kw_only=True)
class Removal:
    """A span of the input that newsdoc took out of the body text, and the rule that took it."""

    rule: str
    """Name of the rule that removed the span: a text or markup rule (:data:`newsdoc.TEXT_RULES`,
    :data:`newsdoc.MARKUP_RULES`) or a structural removal such as ``portal-footer`` or ``html-comment``."""
    text: str
    """The removed text, white space normalised."""


@attrs.frozen(kw_only=True)
class Diagnostic:
    """A soft problem met while parsing: the document is still returned."""

    code: str
    """A stable, kebab-case code such as ``date-assumed-beijing``; the docs list them all."""
    message: str
    """A sentence for people."""


@attrs.frozen(kw_only=True)
class Detection:
    """Which variant a file is, how sure newsdoc is, and what it saw."""

    variant: Variant
    """The variant chosen."""
    confidence: float
    """From 0 to 1."""
    evidence: tuple[str, ...]
    """Short strings saying what was seen, e.g. ``"front matter key 'layout'"``."""


@attrs.frozen(kw_only=True)
class Document:
    """A parsed news file. Every field is read-only; ``to_dict()`` gives a JSON-ready view."""

    variant: Variant
    """The variant the file was read as."""
    path: str | None
    """The path given to :func:`newsdoc.parse` or :func:`newsdoc.parse_file`; ``None`` for in-memory input."""
    encoding: str
    """The codec used to decode the bytes, e.g. ``utf-8``, ``utf-8-sig``, ``gb18030``, ``big5``, ``utf-16``."""
    site: str | None = None
    """The publishing site (portal dumps), or ``None``."""
    title: str | None = None
    """The headline; ``None`` when the file has none (never invented from the body)."""
    original_title: str | None = None
    """The text of a ``原标题`` line, or ``None``."""
    summary: str | None = None
    """A digest given by the file (a Jekyll ``> digest`` line, a ``description`` key), or ``None``."""
    published: dt.datetime | None = None
    """Publication time, always time-zone aware; ``None`` when absent or unreadable (see ``diagnostics``)."""
    author: str | None = None
    """Author as stated (front matter ``author``, a byline, a portal meta line); ``None`` when not stated."""
    editor: str | None = None
    """The name after ``责任编辑``/``编辑``, staff codes removed; ``None`` when not stated."""
    dateline: str | None = None
    """A dateline opening the body (``新华社北京3月1日电``, ``本报讯``), or ``None``."""
    sources: tuple[str, ...] = ()
    """Outlets the text credits as its source (``来源：A、B``, a closing ``（新华社）``)."""
    categories: tuple[str, ...] = ()
    """Categories, as a tuple even when the file gave a scalar."""
    tags: tuple[str, ...] = ()
    """Tags, as a tuple even when the file gave a scalar."""
    url: str | None = None
    """The article's own URL (Jekyll trailing autolink, portal ``本文地址``), or ``None``."""
    lead_image: str | None = None
    """Lead image URL from the front matter (``headimg``, ``thumbnail``, ``image``), or ``None``."""
    images: tuple[Image, ...] = ()
    """The body's images, in order, with their captions."""
    blocks: tuple[Block, ...] = ()
    """Paragraphs, headings and figures in reading order."""
    removed: tuple[Removal, ...] = ()
    """Everything taken out of the body, each with the rule that removed it."""
    metadata: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze_mapping)
    """The front matter exactly as read (all keys, raw values); empty for portal and bare text files."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze_mapping)
    """Front matter keys newsdoc did not map to a field, with their raw values."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Soft problems met while parsing."""

    @property
    def text(self) -> str:
        """The body as plain text: headings and paragraphs in order, separated by blank lines."""
        return "\n\n".join(b.text for b in self.blocks if b.kind is not BlockKind.FIGURE and b.text)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the fields above plus ``"text"``; ``published`` in ISO 8601 with its offset."""
        return {
            "path": self.path,
            "variant": self.variant.value,
            "encoding": self.encoding,
            "site": self.site,
            "title": self.title,
            "original_title": self.original_title,
            "summary": self.summary,
            "published": self.published.isoformat() if self.published else None,
            "author": self.author,
            "editor": self.editor,
            "dateline": self.dateline,
            "sources": list(self.sources),
            "categories": list(self.categories),
            "tags": list(self.tags),
            "url": self.url,
            "lead_image": self.lead_image,
            "images": [_image_dict(i) for i in self.images],
            "blocks": [_block_dict(b) for b in self.blocks],
            "removed": [{"rule": r.rule, "text": r.text} for r in self.removed],
            "metadata": _jsonable(self.metadata),
            "extra": _jsonable(self.extra),
            "diagnostics": [{"code": d.code, "message": d.message} for d in self.diagnostics],
            "text": self.text,
        }


def _image_dict(image: Image) -> dict[str, Any]:
    return {"src": image.src, "caption": image.caption, "alt": image.alt}


def _block_dict(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": block.kind.value, "text": block.text}
    if block.level is not None:
        out["level"] = block.level
    if block.image is not None:
        out.update(src=block.image.src, alt=block.image.alt)
    return out


def _jsonable(value: Any) -> Any:
    """Front matter values as JSON can hold them (dates and other scalars become strings)."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return str(value)
