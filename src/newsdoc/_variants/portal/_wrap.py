"""Undoing the text browser: hard-wrapped lines joined again, lynx's link numbers dropped."""

from __future__ import annotations

import functools
import re
import unicodedata

from ..._draft import Draft
from ._shapes import BULLET

#: w3m's -cols 200 wraps a line that would reach column 200.
_WRAP_COLUMNS = 199
#: Other browsers wrap narrower (lynx at about 78 columns): a file whose widest lines (at least 3, and 30% of the
#: lines within 20 columns of the widest) end within 3 columns of one width was wrapped there. A character that
#: would have reached within _WRAP_SLACK columns of that width was wrapped: those browsers keep a margin.
_MIN_WRAPPED = 3
_WRAPPED_SHARE = 0.3
_WRAP_SLACK = 2
#: Lynx numbers every link ([11]东方财报) and lists their addresses after "References" or "Visible links".
_LINK_MARK = re.compile(r"\[\d+\]")
LYNX_LIST = re.compile(r"^(?:References|Visible links)\s*$", re.MULTILINE)


def strip_link_marks(lines: list[str], draft: Draft) -> list[str]:
    """A lynx dump: the link numbers ([11]东方财报) are no text; recorded as removed."""
    marks = [m for line in lines for m in _LINK_MARK.findall(line)]
    draft.remove("portal-header", " ".join(marks))
    return [_LINK_MARK.sub("", line) for line in lines]


@functools.lru_cache(maxsize=1024)  # the wrap width and the joining measure the same lines
def width(text: str) -> int:
    """Display columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def join_wrapped(lines: list[str]) -> list[str]:
    """Re-join lines a text browser hard-wrapped: the next line's first word would not have fitted."""
    if any(len(line) >= _WRAP_COLUMNS // 2 for line in lines):
        columns, slack = _WRAP_COLUMNS, 0
    else:
        detected = _wrap_width(lines)
        if detected is None:
            return lines
        columns, slack = detected, _WRAP_SLACK
    out: list[list[str]] = []  # each output line as the pieces joined into it
    prev = ""  # the last physical line, which may already have been joined onto out[-1]
    for line in lines:
        if out and out[-1][-1].strip() and line.strip() and not BULLET.match(line):
            nxt = line.lstrip()
            first = re.match(r"[\x21-\x7e]+", nxt)
            unit = first.group(0) if first else nxt[0]
            if _overflows(prev, unit, columns, slack):
                last = out[-1][-1][-1:]
                ascii_words = last.isascii() and last.isalnum() and unit.isascii() and unit[0].isalnum()
                out[-1].append((" " if ascii_words else "") + nxt)
                prev = line
                continue
        out.append([line])
        prev = line
    return ["".join(pieces) for pieces in out]


def _wrap_width(lines: list[str]) -> int | None:
    """The width a browser wrapped a narrow dump at: the widest lines (all but two at most) end near one width."""
    widths = sorted((width(line.rstrip()) for line in lines if len(line) >= 20), reverse=True)
    for top in widths[:3]:
        near = sum(1 for w in widths if top - 3 <= w <= top)
        long = sum(1 for w in widths if w >= top - 20)
        if 60 <= top < _WRAP_COLUMNS - 10 and near >= _MIN_WRAPPED and near >= _WRAPPED_SHARE * long:
            return top
    return None


def _overflows(line: str, unit: str, columns: int, slack: int) -> bool:
    """True when ``unit`` would not have fitted after ``line`` within the wrap column: the browser wrapped there."""
    # width() is costly: a character is 1 or 2 columns, so the lengths often decide without it
    if len(line) > columns or 2 * (len(line) + len(unit)) <= columns - slack:
        return False
    line_width = width(line)
    return line_width <= columns and line_width + width(unit) > columns - slack
