"""Stage 4: front matter keys to document fields. Keys newsdoc does not map go to ``extra`` unchanged."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from ._dates import parse_date
from ._draft import Draft, clean

#: Document field <- front matter keys, first present wins.
KEYS: Mapping[str, tuple[str, ...]] = {
    "title": ("title",),
    "published": ("date", "published", "pubDate", "pubdate", "publish_date"),
    "categories": ("categories", "category"),
    "tags": ("tags", "tag", "keywords"),
    "author": ("author", "authors"),
    "summary": ("description", "summary", "excerpt"),
    "lead_image": ("headimg", "thumbnail", "image", "cover", "banner"),
    "url": ("url", "link", "source_url", "original_url"),
    "original_title": ("original_title",),
    "editor": ("editor",),
    "sources": ("sources", "source"),
    "site": ("site",),
    "dateline": ("dateline",),
}
_MAPPED = frozenset(k for keys in KEYS.values() for k in keys)
_LISTS = ("categories", "tags", "sources")


def read_metadata(metadata: Mapping[str, Any], draft: Draft) -> None:
    """Fill ``draft`` from front matter: strings unescaped and trimmed, dates tz-aware, lists as tuples."""
    draft.metadata = metadata
    draft.extra = {k: v for k, v in metadata.items() if str(k) not in _MAPPED}
    for field, keys in KEYS.items():
        key = next((k for k in keys if k in metadata), None)
        if key is None:
            continue
        value = metadata[key]
        if field == "published":
            _read_date(value, key, draft)
        elif field in _LISTS:
            draft.fields[field] = _as_tuple(value)
        elif field == "lead_image" and isinstance(value, str):
            draft.offer(field, lead_image(value))
        else:
            text = _as_text(value, key, draft)
            if text is not None:
                draft.offer(field, text)
    if "title" in metadata and not draft.fields.get("title"):
        draft.note("title-empty", "the front matter title is empty")
    if not any(k in metadata for k in KEYS["published"]):
        draft.note("date-missing", "the front matter has no date")


def text_value(value: object) -> str:
    """A scalar front matter value as clean text: entities decoded (&#123; is '{'), white space normalised."""
    if isinstance(value, bytes):  # a YAML !!binary value
        value = value.decode("utf-8", errors="replace")
    return clean(html.unescape(str(value)))


def _as_text(value: Any, key: str, draft: Draft) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        parts = [text_value(v) for v in value if v is not None and not isinstance(v, (list, dict))]
        draft.note("value-not-scalar", f"front matter {key!r} is a list; its items are joined")
        return " ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        draft.note("value-not-scalar", f"front matter {key!r} is a mapping; kept in metadata only")
        return None
    return text_value(value) or None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, (list, tuple)):  # Hexo allows nested category lists: flatten, keep order
            out.extend(text_value(v) for v in item if v is not None)
        elif item is not None and not isinstance(item, dict):
            out.append(text_value(item))
    return tuple(v for v in out if v)


def _read_date(value: Any, key: str, draft: Draft) -> None:
    raw = "" if value is None else str(value)
    result = parse_date(raw)
    if result.value is None:
        draft.note("date-unreadable", f"front matter {key}: {result.problem}; published is None")
        return
    draft.fields["published"] = result.value
    if result.provenance == "assumed-beijing":
        draft.note("date-assumed-beijing", f"front matter {key} {raw.strip()!r} has no time zone; Beijing time assumed")


def lead_image(value: str) -> str | None:
    """A lead image URL; a CORS proxy URL (https://proxy/?http://real) is unwrapped to its target."""
    url = value.strip()
    if "/?http" in url:
        url = url[url.index("/?http") + 2 :]
    return url or None
