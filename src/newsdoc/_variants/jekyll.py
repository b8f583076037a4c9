"""Jekyll posts: ``---`` YAML front matter on the first line, ``layout:`` among its keys."""

from __future__ import annotations

from typing import ClassVar

from .._frontmatter import find_header
from .._model import Variant
from ._post import PostHandler, header_keys
from ._protocol import Score


class JekyllHandler(PostHandler):
    variant: ClassVar[Variant] = Variant.JEKYLL

    def detect(self, text: str) -> Score:
        found = find_header(text)
        if found is None or found != ("yaml", 0):
            return Score(0.0)
        keys = header_keys(text)
        if "layout" in keys:
            return Score(0.95, ("front matter on the first line", "front matter key 'layout'"), decisive=True)
        return Score(0.6, ("front matter on the first line",), decisive=True)
