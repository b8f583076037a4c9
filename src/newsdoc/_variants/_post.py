"""What Jekyll and Hexo posts share: front matter, then an HTML body with a few Markdown lines around it."""

from __future__ import annotations

import re
from typing import ClassVar

from .._draft import Draft, clean
from .._frontmatter import find_header, read_header
from .._metadata import read_metadata
from .._model import Variant
from ._protocol import Body, Score

#: A Markdown autolink alone on a line, ``<http://…>`` or the empty ``<>`` (the HTML parser would eat it as a tag).
_AUTOLINK_LINE = re.compile(r"^[ \t]*(<(?:https?://[^\s<>]*)?>)[ \t]*$", re.MULTILINE)
#: A Markdown heading line (``## 小标题``), as newsdoc's own Markdown export writes them.
_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(\S.*?)[ \t#]*$", re.MULTILINE)
#: Leading Markdown blockquote lines: a digest of the article.
_DIGEST = re.compile(r"\A\s*((?:>[^\n]*(?:\n|\Z))+)")


class PostHandler:
    """Base of the front matter handlers; subclasses say how they recognise their generator."""

    variant: ClassVar[Variant]
    structural: ClassVar[bool] = True

    def detect(self, text: str) -> Score:  # pragma: no cover - abstract
        raise NotImplementedError

    def split(self, text: str, draft: Draft) -> Body:
        found = find_header(text)
        if found is None:  # detect() saw a header, so this is only reachable through direct use
            return Body(text, "html")
        header = read_header(text, *found)
        read_metadata(header.metadata, draft)
        return Body(self._markdown_lines(header.body, draft), "html")

    def finish(self, draft: Draft) -> None:
        pass

    @staticmethod
    def _markdown_lines(body: str, draft: Draft) -> str:
        """Read the Markdown the generators put around the HTML: a '> digest' and autolinks."""
        digest = _DIGEST.match(body)
        if digest:
            lines = [line.lstrip()[1:] for line in digest.group(1).splitlines()]
            draft.offer("summary", clean(" ".join(lines)))
            body = body[digest.end() :]
        if "<>" in body or "<http" in body:  # literal checks first: the line regexes cost a pass over the body
            body = _AUTOLINK_LINE.sub(lambda m: m.group(1).replace("<", "&lt;").replace(">", "&gt;"), body)
        if body.startswith("#") or "\n#" in body:
            body = _ATX_HEADING.sub(lambda m: f"<h{len(m.group(1))}>{m.group(2)}</h{len(m.group(1))}>", body)
        return body


_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


def header_keys(text: str, limit: int = 3000) -> set[str]:
    """The top-level keys of a front matter, read cheaply from its first lines (for detection only)."""
    end = text.find("\n---", 3, limit)  # the closing fence: the keys end there
    return set(_KEY.findall(text, 0, end if end > 0 else limit))
