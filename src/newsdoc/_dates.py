"""Dates: always time-zone aware, never invented.

A timestamp with an offset keeps it (``+08:00``, ``+0800``, ``GMT+8``); a bare ``GMT``, ``UTC`` or ``Z`` is UTC;
a naive timestamp is taken as Beijing time (+08:00) and the caller records a diagnostic saying so. A month/day
without a year is not a date.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

BEIJING = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")

_NUMERIC = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?:\s*日)?"
    r"(?:[\s\u3000]*[（(]?(?:星期|礼拜|周|週)[一二三四五六日天][）)]?)?"  # a weekday between date and time
    r"(?:[\s\u3000]*T?[\s\u3000]*(?P<half>上午|下午|中午|晚上|傍晚|凌晨|早上)?\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})"
    r"(?:\s*[:：分]\s*(?P<S>\d{1,2})(?:\.\d+)?)?\s*[分秒]?)?"
    r"\s*(?P<tz>Z|[+-]\d\d:?\d\d|(?:GMT|UTC)(?:\s*[+-]\d{1,2}(?::?\d\d)?)?)?",
)


#: A zone's name after the time, as Go prints times: "2023-05-06 20:15:00 +0800 CST".
_ZONE_NAME = re.compile(r"\s*(?:[A-Z]{2,5}|\([^()]{1,40}\))")
#: JavaScript's Date.toString(): "Sat May 06 2023 09:12:00 GMT+0800 (China Standard Time)".
_JAVASCRIPT = re.compile(r"[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}(?: \([^()]*\))?")


#: A 12-hour time's half of the day: 下午3:30, 晚上8:00 (中午1:00 is 13:00, 中午12:30 stays).
_AFTERNOON = ("下午", "晚上", "傍晚")


class DateResult:
    """A parsed date and how it was read: 'offset', 'utc', 'assumed-beijing', or an error message."""

    __slots__ = ("problem", "provenance", "value")

    def __init__(self, value: dt.datetime | None, provenance: str = "", problem: str = "") -> None:
        self.value, self.provenance, self.problem = value, provenance, problem


def parse_date(raw: str) -> DateResult:
    """Read a date string as written in front matter or a meta line."""
    text = raw.strip()
    if not text:
        return DateResult(None, problem="the date is empty")
    match = _NUMERIC.match(text)
    if match and (match.end() >= len(text.rstrip()) or _named_zone(match, text[match.end() :].strip())):
        return _from_match(match)
    if _JAVASCRIPT.fullmatch(text):
        return _javascript(text)
    if match is None and re.search(r"[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text):
        return _rfc2822(text)
    return DateResult(None, problem=f"unreadable date {text!r}")


def find_date(line: str) -> tuple[DateResult, re.Match[str]] | None:
    """The first complete date (with year) in a line of text, if any."""
    for match in _NUMERIC.finditer(line):
        result = _from_match(match)
        if result.value is not None:
            return result, match
    return None


def _from_match(match: re.Match[str]) -> DateResult:
    g = match.groupdict()
    hour = int(g["H"] or 0)
    if (g["half"] in _AFTERNOON and hour < 12) or (g["half"] == "中午" and hour < 11):  # 下午3:30 is 15:30
        hour += 12
    try:
        naive = dt.datetime(int(g["y"]), int(g["m"]), int(g["d"]), hour, int(g["M"] or 0), int(g["S"] or 0))
    except ValueError as exc:
        return DateResult(None, problem=f"impossible date {match.group(0).strip()!r} ({exc})")
    tz = g["tz"]
    if tz is None:
        return DateResult(naive.replace(tzinfo=BEIJING), "assumed-beijing")
    if tz in ("Z", "GMT", "UTC"):
        return DateResult(naive.replace(tzinfo=dt.timezone.utc), "utc")
    sign_at = max(tz.find("+"), tz.find("-"))  # +08:00, +0800, GMT+8, UTC-05:30
    sign = -1 if tz[sign_at] == "-" else 1
    hours, _, minutes = tz[sign_at + 1 :].replace(" ", "").partition(":")
    if not minutes and len(hours) > 2:  # +0800
        hours, minutes = hours[:-2], hours[-2:]
    offset = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    if offset >= dt.timedelta(hours=24):
        return DateResult(None, problem=f"impossible offset {tz!r}")
    return DateResult(naive.replace(tzinfo=dt.timezone(sign * offset)), "offset")


def _named_zone(match: re.Match[str], rest: str) -> bool:
    """A zone name after the time: its name beside a numeric offset (Go's "+0800 CST"), or CST alone, which on a
    Chinese site is China Standard Time (read as Beijing time, with the usual diagnostic)."""
    return bool(_ZONE_NAME.fullmatch(rest)) and (match["tz"] is not None or rest == "CST")


def _javascript(text: str) -> DateResult:
    try:
        value = dt.datetime.strptime(text.split(" (")[0], "%a %b %d %Y %H:%M:%S GMT%z")
    except ValueError:
        return DateResult(None, problem=f"unreadable date {text!r}")
    return DateResult(value, "utc" if value.utcoffset() == dt.timedelta(0) else "offset")


def _rfc2822(text: str) -> DateResult:
    try:
        value = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return DateResult(None, problem=f"unreadable date {text!r}")
    if value.tzinfo is None:  # "-0000" means "zone unknown" in RFC 2822
        return DateResult(value.replace(tzinfo=BEIJING), "assumed-beijing")
    return DateResult(value, "utc" if value.utcoffset() == dt.timedelta(0) else "offset")
