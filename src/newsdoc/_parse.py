"""The pipeline, in one place: decode -> detect -> split -> metadata -> body -> boilerplate -> document."""

from __future__ import annotations

import os

from ._boilerplate import strip_boilerplate
from ._decode import Decoded, decode, normalise
from ._detect import detect_text
from ._draft import Draft
from ._errors import InputError, NewsdocError
from ._html import read_html
from ._lines import read_lines
from ._model import Detection, Document

PathLike = str | os.PathLike[str]


def parse(data: bytes | str, *, path: PathLike | None = None) -> Document:
    """Parse one news file given as bytes (preferred: newsdoc finds the encoding) or as already-decoded text."""
    name = os.fspath(path) if path is not None else None
    try:
        decoded = _decoded(data)
        handler, detection = detect_text(decoded.text)
        draft = Draft(detection.variant, name, decoded.encoding, diagnostics=list(decoded.diagnostics))
        body = handler.split(decoded.text, draft)  # the header: front matter, or a dump's header lines
        if body.format == "html":
            read_html(body.text, draft)
        else:
            read_lines(body.text, draft)
        strip_boilerplate(draft)
        handler.finish(draft)
        if not draft.blocks:
            draft.note("body-empty", "no body text was found")
        if "published" not in draft.fields and not any(d.code.startswith("date-") for d in draft.diagnostics):
            draft.note("date-missing", "the file gives no publication date")
        return draft.freeze()
    except NewsdocError as exc:
        raise exc.with_path(name) from None


def detect(data: bytes | str) -> Detection:
    """Which variant ``data`` is, how sure newsdoc is, and the evidence."""
    return detect_text(_decoded(data).text)[1]


def parse_file(path: PathLike) -> Document:
    """Read a file's bytes and parse them; ``path`` is recorded in the document and in any error."""
    if hasattr(path, "read"):
        mode = getattr(path, "mode", "")
        if "b" not in mode and not hasattr(path, "readinto"):
            raise TypeError(
                "parse_file() needs a path or a binary file: open the file with open(path, 'rb'), "
                "or pass the path itself, so that newsdoc can detect the encoding"
            )
        data = path.read()
        return parse(data, path=getattr(path, "name", None))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None
    return parse(data, path=path)


def _decoded(data: bytes | str) -> Decoded:
    if isinstance(data, str):
        if not data.replace("\ufeff", "").strip():
            raise InputError("the text is empty" if not data else "the text holds only white space")
        text, diagnostics = normalise(data)
        return Decoded(text, "unicode", diagnostics)
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"parse() takes bytes or str, not {type(data).__name__}")
    return decode(data)
