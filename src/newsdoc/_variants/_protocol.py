"""The one small protocol every variant handler follows."""

from __future__ import annotations

from typing import ClassVar, Literal, Protocol

import attrs

from .._draft import Draft
from .._model import Variant


@attrs.frozen
class Score:
    """How strongly a handler recognises a text (0-1), and what it saw."""

    value: float
    evidence: tuple[str, ...] = ()
    #: The file's structure settles the question (front matter at the top): later handlers need not look.
    decisive: bool = False


@attrs.frozen
class Body:
    """The body left once the header is read: HTML (front matter files) or lines of text (dumps, bare text)."""

    text: str
    format: Literal["html", "text"]


class Handler(Protocol):
    """A variant: how to recognise it, split its header from its body, and finish the draft.

    ``detect`` must be cheap (no parsing: it runs once per handler per file). ``split`` reads the header into
    the draft (front matter via :func:`newsdoc._metadata.read_metadata`, or a dump's header lines) and returns the
    body. ``finish`` runs after the boilerplate rules, for touches that need the whole document.
    """

    variant: ClassVar[Variant]
    #: Reads a header structure (front matter): its decisive scores can only be beaten by another such handler.
    structural: ClassVar[bool]

    def detect(self, text: str) -> Score: ...

    def split(self, text: str, draft: Draft) -> Body: ...

    def finish(self, draft: Draft) -> None: ...
