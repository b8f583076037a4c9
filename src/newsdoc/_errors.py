"""newsdoc's errors: one base class, a few subclasses, each naming the file and, where it applies, the place."""

from __future__ import annotations

import os


class NewsdocError(ValueError):
    """Base class of every error newsdoc raises for bad input.

    ``str(error)`` reads ``"<path>: <msg> (at line L, column C)"``; the parts are also attributes.
    """

    def __init__(
        self,
        msg: str,
        *,
        path: str | os.PathLike[str] | None = None,
        lineno: int | None = None,
        colno: int | None = None,
    ) -> None:
        self.msg = msg
        """What is wrong, without the place."""
        self.path = os.fspath(path) if path is not None else None
        """The file, or ``None`` for in-memory input."""
        self.lineno = lineno
        """1-based line of the problem, or ``None``."""
        self.colno = colno
        """1-based column of the problem, or ``None``."""
        super().__init__(self._render())

    def _render(self) -> str:
        where = f"{self.path}: " if self.path else ""
        at = ""
        if self.lineno is not None:
            at = f" (at line {self.lineno}" + (f", column {self.colno}" if self.colno is not None else "") + ")"
        return f"{where}{self.msg}{at}"

    def with_path(self, path: str | os.PathLike[str] | None) -> NewsdocError:
        """The same error naming ``path`` (used when the file is only known higher up)."""
        if path is None or self.path is not None:
            return self
        return type(self)(self.msg, path=path, lineno=self.lineno, colno=self.colno)

    def __reduce__(self) -> tuple[object, ...]:  # picklable across worker processes
        return (_rebuild, (type(self), self.msg, self.path, self.lineno, self.colno))


def _rebuild(
    cls: type[NewsdocError], msg: str, path: str | None, lineno: int | None, colno: int | None
) -> NewsdocError:
    return cls(msg, path=path, lineno=lineno, colno=colno)


class InputError(NewsdocError):
    """The input cannot be read as a news file at all: empty, binary, a directory, unreadable."""


class DecodeError(NewsdocError):
    """The bytes cannot be decoded as text in any supported encoding."""


class FrontMatterError(NewsdocError):
    """The front matter is malformed: never closed, invalid YAML/JSON/TOML, unsafe tags, or far too large."""
