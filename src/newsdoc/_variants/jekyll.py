"""Jekyll posts: ``---`` YAML front matter on the first line (or after blank lines), ``layout:`` among its keys."""

from __future__ import annotations

from typing import ClassVar

from .._frontmatter import find_header
from .._model import Variant
from ._post import PostHandler, header_keys
from ._protocol import Score

#: A fenced header after blank lines with ``layout:`` is a Jekyll post: above Hexo's score for the blank lines
#: alone (0.85) and for one of its keys (0.9).
_LAYOUT_AFTER_BLANKS = 0.92


class JekyllHandler(PostHandler):
    variant: ClassVar[Variant] = Variant.JEKYLL

    def detect(self, text: str) -> Score:
        found = find_header(text)
        if found is None or found[0] != "yaml":
            return Score(0.0)
        if found[1] > 0:  # blank lines before the fence: Jekyll's only when its own key says so
            if "layout" not in header_keys(text[found[1] :]):
                return Score(0.0)
            return Score(_LAYOUT_AFTER_BLANKS, ("blank lines before the front matter", "front matter key 'layout'"))
        keys = header_keys(text)
        if "layout" in keys:
            return Score(0.95, ("front matter on the first line", "front matter key 'layout'"), decisive=True)
        return Score(0.6, ("front matter on the first line",), decisive=True)
