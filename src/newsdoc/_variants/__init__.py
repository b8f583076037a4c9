"""The variant handlers, in the order they are tried; bare text last, as the fallback."""

from __future__ import annotations

from ._protocol import Body, Handler, Score
from .hexo import HexoHandler
from .jekyll import JekyllHandler
from .plain import PlainHandler
from .portal import PortalHandler

HANDLERS: tuple[Handler, ...] = (JekyllHandler(), HexoHandler(), PortalHandler(), PlainHandler())

__all__ = ["HANDLERS", "Body", "Handler", "Score"]
