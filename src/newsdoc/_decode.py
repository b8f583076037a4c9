"""Stage 1: bytes to text, recording the encoding used.

Order, cheapest and surest first: a byte-order mark; strict UTF-8 (most files, ~1x the read cost); only then chardet,
on a bounded prefix and restricted to the encodings Chinese scrapes really use (chardet on every file costs ~60x the
read+decode floor, so it must stay off the common path); then line-by-line UTF-8/GB18030 for files that mix both;
then a replacement decode that says so in a diagnostic.
"""

from __future__ import annotations

import codecs
import re

import attrs
import chardet

from ._errors import DecodeError, InputError
from ._model import Diagnostic

#: (BOM, codec that strips it, name recorded). UTF-32 first: its LE BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
#: The candidates chardet may choose from: GB18030 covers GBK and GB2312.
_CANDIDATES = ("gb18030", "big5", "utf-16-le", "utf-16-be")
#: chardet reads at most this much: enough for a confident answer on Chinese text, bounded on huge files.
_SNIFF_BYTES = 32 * 1024
#: Above this share of undecodable bytes the input is not text in any encoding we know.
_MAX_REPLACED = 0.02
#: GB18030 text with more than this share of its non-ASCII characters outside GB2312 is probably not GB18030.
_MAX_OUTSIDE_GB2312 = 0.03
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
)
#: Chinese characters: UTF-8 lines that hold some are really UTF-8 (GBK bytes rarely form them by chance).
_CJK = re.compile("[\u3400-\u9fff]")
_REPLACED_RUN = re.compile("\ufffd+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@attrs.frozen
class Decoded:
    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode ``data``; CRLF and CR become LF; U+FEFF is dropped. Raises InputError/DecodeError."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"this is {what}, not a text file")
    decoded = _decode_bom(data) or _decode_utf8(data) or _decode_utf8_damaged(data)
    if decoded is None and _has_utf8_line(data):  # some lines are UTF-8: the rest is another encoding, line by line
        decoded = _decode_mixed(data)
    decoded = decoded or _decode_gbk(data) or _decode_sniffed(data) or _decode_mixed(data)
    if decoded is None:
        decoded = _decode_replacing(data)
    if not decoded.text.strip():
        raise InputError("the file is empty" if not data else "the file holds only white space")
    text, diagnostics = normalise(decoded.text)
    return Decoded(text, decoded.encoding, decoded.diagnostics + diagnostics)


def normalise(text: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """LF line ends, no U+FEFF, no control characters (NUL etc.): for decoded bytes and for str input alike."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if _CONTROL_BYTES.search(text.encode("ascii", errors="ignore")):  # control characters are ASCII: search only those
        text, count = _CONTROL.subn("", text)
        return text, (Diagnostic(code="control-characters", message=f"removed {count} control characters (NUL etc.)"),)
    return text, ()


def _decode_bom(data: bytes) -> Decoded | None:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), name)
            except UnicodeDecodeError as exc:
                if codec == "utf-8-sig":  # that codec counts offsets from after the BOM
                    exc.start += len(bom)
                raise _decode_error(data, exc, f"invalid {name} after its byte-order mark") from None
    return None


def _decode_utf8(data: bytes) -> Decoded | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\x00" in text and text.count("\x00") * 4 > len(text):
        return None  # ASCII-heavy UTF-16 without BOM is valid UTF-8 full of NULs: let chardet look
    return Decoded(text, "utf-8")


def _decode_utf8_damaged(data: bytes) -> Decoded | None:
    """UTF-8 with a few damaged bytes (one flipped byte, a file cut inside its last character): replace just those."""
    text = data.decode("utf-8", errors="replace")
    genuine = data.count("\ufffd".encode())  # U+FFFD written in the file itself
    allowed = max(2, int(len(data) * _MAX_REPLACED / 3))  # up to 2% of the bytes, a damaged character being 1-3
    if text.count("\ufffd") - genuine > 3 * allowed:  # far too many (a GBK file): no need to look closer
        return None
    runs = _REPLACED_RUN.findall(text)
    damaged = len(runs) - genuine
    if damaged > allowed or sum(map(len, runs)) > 3 * allowed:  # one damaged character gives 1-3 U+FFFD
        return None
    if len(_CJK.findall(text)) < 5 * max(damaged, 1):  # a GBK file with one short Chinese word is not damaged UTF-8
        return None
    message = f"{damaged} invalid UTF-8 byte sequence(s) replaced with U+FFFD; the rest is UTF-8"
    return Decoded(text, "utf-8", (Diagnostic(code="encoding-replaced", message=message),))


def _has_utf8_line(data: bytes) -> bool:
    """True when a line with non-ASCII bytes is valid UTF-8 (GBK text almost never is: its bytes rarely form UTF-8)."""
    for line in data.splitlines():
        if not line.isascii() and len(line) >= 6:
            try:
                if _CJK.search(line.decode("utf-8")):
                    return True
            except UnicodeDecodeError:
                continue
    return False


def _decode_gbk(data: bytes) -> Decoded | None:
    """Strict GB18030 whose characters are nearly all common simplified ones (in GB2312): no need to ask chardet.

    Big5 bytes often decode as GB18030 too, but into rare characters outside GB2312; those go on to chardet.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:  # NULs between characters: UTF-16 without a BOM, for chardet to tell
        return None
    wide = len(text) - len(text.encode("ascii", errors="ignore"))  # non-ASCII characters, counted in C
    if wide == 0:
        return None
    outside = text.encode("gb2312", errors="replace").count(b"?") - text.count("?")
    if outside > wide * _MAX_OUTSIDE_GB2312:
        return None
    message = "no byte-order mark and not UTF-8; decoded as gb18030 (its characters are common simplified Chinese)"
    return Decoded(text, "gb18030", (Diagnostic(code="encoding-guessed", message=message),))


def _decode_sniffed(data: bytes) -> Decoded | None:
    guess = chardet.detect(data[:_SNIFF_BYTES], include_encodings=_CANDIDATES, no_match_encoding="gb18030")
    first = codecs.lookup(guess["encoding"] or "gb18030").name
    order = [first] + [c for c in _CANDIDATES if codecs.lookup(c).name != first]
    for codec in order:
        if codec.startswith("utf-16") and b"\x00" not in data:
            continue  # chardet's UTF-16 guesses on NUL-free bytes are noise
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text[:4096]):
            continue
        name = codecs.lookup(codec).name.replace("_", "-")
        message = f"no byte-order mark and not UTF-8; decoded as {name} (chardet's guess: {first})"
        return Decoded(text, name, (Diagnostic(code="encoding-guessed", message=message),))
    return None


def _decode_mixed(data: bytes) -> Decoded | None:
    lines, other = [], 0
    for line in data.splitlines(keepends=True):
        try:
            text = line.decode("utf-8")
            if line.isascii() or _CJK.search(text):
                lines.append(text)
                continue
        except UnicodeDecodeError:
            text = None
        try:  # not UTF-8, or UTF-8 only by chance (GBK 平台 is valid UTF-8 for 'ƽ̨'): the line's other encoding
            lines.append(line.decode("gb18030"))
            other += 1
        except UnicodeDecodeError:
            if text is None:
                return None
            lines.append(text)
    if not other:  # every line was UTF-8 after all (NUL-heavy text the UTF-8 step left for UTF-16 checks)
        return Decoded("".join(lines), "utf-8")
    message = "lines in both UTF-8 and GB18030; each line decoded in the encoding it is valid in"
    return Decoded("".join(lines), "utf-8+gb18030", (Diagnostic(code="encoding-mixed", message=message),))


def _decode_replacing(data: bytes) -> Decoded:
    text = data.decode("gb18030", errors="replace")
    replaced = text.count("\ufffd")
    if replaced > max(1, len(data) * _MAX_REPLACED):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _decode_error(data, exc, "cannot decode as UTF-8, GB18030, Big5 or UTF-16") from None
    message = f"{replaced} undecodable bytes replaced with U+FFFD (decoded as gb18030)"
    return Decoded(text, "gb18030", (Diagnostic(code="encoding-replaced", message=message),))


def _decode_error(data: bytes, exc: UnicodeDecodeError, msg: str) -> DecodeError:
    head = data[: exc.start]
    lineno = head.count(b"\n") + 1
    colno = exc.start - (head.rfind(b"\n") + 1) + 1
    return DecodeError(
        f"{msg}: byte {data[exc.start : exc.start + 1]!r} at offset {exc.start}", lineno=lineno, colno=colno
    )
