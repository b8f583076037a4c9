"""Documents to other formats: normalised Markdown (that newsdoc reads back to the same document) and plain text."""

from __future__ import annotations

import html
from typing import Any

import frontmatter

from ._model import BlockKind, Document

#: Document field -> front matter key written (and read back by newsdoc._metadata.KEYS).
_FRONT_MATTER = (
    ("title", "title"),
    ("original_title", "original_title"),
    ("published", "date"),
    ("author", "author"),
    ("editor", "editor"),
    ("sources", "sources"),
    ("categories", "categories"),
    ("tags", "tags"),
    ("url", "url"),
    ("site", "site"),
    ("summary", "summary"),
    ("lead_image", "image"),
    ("dateline", "dateline"),
)


def to_markdown(doc: Document) -> str:
    """YAML front matter with the document's fields, then the body: paragraphs as text, headings as ``#``,
    figures as HTML ``<figure>`` (Markdown has no captions). :func:`newsdoc.parse` reads it back to the same fields
    and blocks."""
    metadata: dict[str, Any] = {}
    for field, key in _FRONT_MATTER:
        value = getattr(doc, field)
        if field == "published" and value is not None:
            value = value.isoformat()
        if isinstance(value, tuple):
            value = list(value)
        if value not in (None, "", []):
            metadata[key] = value
    post = frontmatter.Post(_markdown_body(doc), **metadata)
    return frontmatter.dumps(post, sort_keys=False) + "\n"


def _markdown_body(doc: Document) -> str:
    parts = []
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING:
            parts.append("#" * (block.level or 2) + " " + _escape(block.text))
        elif block.kind is BlockKind.FIGURE and block.image is not None:
            image = block.image
            alt = f' alt="{html.escape(image.alt)}"' if image.alt else ""
            caption = f"<figcaption>{html.escape(image.caption)}</figcaption>" if image.caption else ""
            parts.append(f'<figure><img src="{html.escape(image.src)}"{alt}>{caption}</figure>')
        else:
            parts.append(_escape(block.text))
    return "\n\n".join(parts)


#: Characters that Markdown would read as emphasis, links, code or strike-through: written as character references,
#: which the Markdown, HTML and bare-text readings all turn back into the character.
_MARKDOWN_MARKS = {ord(ch): f"&#{ord(ch)};" for ch in "*_[`~"}


def _escape(text: str) -> str:
    """Paragraph text that Markdown and newsdoc's HTML reading both take literally."""
    text = html.escape(text, quote=False).translate(_MARKDOWN_MARKS)
    if text[:1] in ("#", ">"):  # would read as a heading or a digest
        text = f"&#{ord(text[0])};" + text[1:]
    return text


def to_text(doc: Document) -> str:
    """Title, a blank line, the body text."""
    return (f"{doc.title}\n\n" if doc.title else "") + doc.text + "\n"
