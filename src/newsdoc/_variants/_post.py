"""What Jekyll and Hexo posts share: front matter, then a body that is HTML with a few Markdown lines around it,
Markdown (rendered, see :mod:`newsdoc._markdown`) or lines of bare text."""

from __future__ import annotations

import html
import re
from typing import ClassVar

from .._draft import Draft, clean
from .._frontmatter import find_header, read_header
from .._markdown import is_markdown, render
from .._metadata import read_metadata
from .._model import Variant
from ._protocol import Body, Score

#: A Markdown autolink alone on a line, ``<http://…>`` or the empty ``<>`` (the HTML parser would eat it as a tag).
_AUTOLINK_LINE = re.compile(r"^[ \t]*(<(?:https?://[^\s<>]*)?>)[ \t]*$", re.MULTILINE)
#: A Markdown autolink inside a line.
_AUTOLINK = re.compile(r"<(https?://[^\s<>\"']*)>")
#: A Markdown heading line (``## 小标题``), as newsdoc's own Markdown export writes them.
_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(\S.*?)[ \t#]*$", re.MULTILINE)
#: Leading Markdown blockquote lines: a digest of the article.
_DIGEST = re.compile(r"\A\s*((?:>[^\n]*(?:\n|\Z))+)")
#: An HTML tag or comment (``<http://…>`` is not one: a colon follows its name).
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*[\s/>]|<!--")


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
        return self._body(header.body, draft)

    def finish(self, draft: Draft) -> None:
        pass

    @staticmethod
    def _body(body: str, draft: Draft) -> Body:
        """Read the Markdown lines the generators put around the body (a '> digest', autolink lines), then say what
        the rest is: Markdown (rendered to HTML), HTML, or bare text lines (read as bare text files are, so that
        short unpunctuated lines are sub-headings)."""
        digest = _DIGEST.match(body)
        if digest:
            lines = [line.lstrip()[1:] for line in digest.group(1).splitlines()]
            draft.offer("summary", clean(" ".join(lines)))
            body = body[digest.end() :]
        autolinks = "<>" in body or "<http" in body  # literal checks first: the line regexes cost a pass over the body
        if autolinks:
            body = _AUTOLINK_LINE.sub(lambda m: m.group(1).replace("<", "&lt;").replace(">", "&gt;"), body)
        rendered = render(body) if is_markdown(body) else None  # None too for Markdown nested too deep to render
        if rendered is not None:
            return Body(rendered, "html")
        if autolinks and "<http" in body:  # inside a line of HTML: its URL, as Markdown shows it (Lexbor eats a tag)
            body = _AUTOLINK.sub(lambda m: html.escape(m.group(1)), body)
        headings = (body.startswith("#") or "\n#" in body) and _ATX_HEADING.search(body) is not None
        if not headings and ("<" not in body or _HTML_TAG.search(body) is None):
            return Body(body, "text")
        if headings:  # newsdoc's own Markdown export writes them
            body = _ATX_HEADING.sub(lambda m: f"<h{len(m.group(1))}>{m.group(2)}</h{len(m.group(1))}>", body)
        return Body(body, "html")


_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


def header_keys(text: str, limit: int = 3000) -> set[str]:
    """The top-level keys of a front matter, read cheaply from its first lines (for detection only)."""
    end = text.find("\n---", 3, limit)  # the closing fence: the keys end there
    return set(_KEY.findall(text, 0, end if end > 0 else limit))
