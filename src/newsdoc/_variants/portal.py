"""Text dumps of whole portal pages: menus, a headline, a meta line, the article, then a long footer.

Found by shape, not by one site's words: the meta line is the first line holding a full date and time; the headline is
the nearest real line above it; the article starts at the first sentence-like line after it and ends at the first
footer line (:data:`FOOTER`). Text browsers hard-wrap long lines (w3m at 200 display columns); wrapped lines are
joined first. Everything outside the article is recorded as removed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import ClassVar

from .._boilerplate import editor_name
from .._dates import find_date
from .._draft import Draft, clean, clean_entities
from .._model import Variant
from ._protocol import Body, Score

#: Page furniture that marks a portal dump (each distinct hit is evidence).
_SIGNALS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (label, literals, re.compile(rx.replace(r"^\s*", r"^[^\S\n]*").replace(r"^\s+", r"^[^\S\n]+"), re.MULTILINE))
    for label, literals, rx in (
        ("footer line 版权声明", ("版权声明",), r"^\s*版权声明"),
        ("copyright line", ("Copyright", "©", "版权所有", "All Rights"), r"Copyright|©|版权所有|All Rights Reserved"),
        ("ICP licence number", ("ICP",), r"ICP[备证]"),
        (
            "comment form",
            ("评论", "验证码", "跟贴"),
            r"^\s*(?:留言与评论|验证码|网友评论|\d+条评论|跟贴|发表评论|我要评论)",
        ),
        ("previous/next links", ("上一篇", "下一篇"), r"^\s*(?:上一篇|下一篇)"),
        (
            "related-article list",
            ("相关", "推荐阅读", "延伸阅读", "热门文章", "阅读排行"),
            r"^\s*(?:相关阅读|相关新闻|推荐阅读|延伸阅读|热门文章|阅读排行)",
        ),
        (
            "site links",
            ("关于我们", "联系我们", "网站地图", "返回"),
            r"关于我们\s*[|｜]|联系我们\s*[|｜]|网站地图|^\s*返回首页|返回顶部",
        ),
        (
            "page tools",
            ("打印本页", "【字体", "字号", "分享到", "举报"),
            r"打印本页|【字体|^\s*字号|^\s*分享到|^\s*举报\s*$",
        ),
        ("bullet menu", ("•", "□"), r"^\s+[•□]\s"),
        ("NBSP-only lines", ("\xa0",), r"^\xa0+\s*$"),
        (
            "breadcrumb",
            ("首页", "正文", "正在阅读", "正在浏览", "当前位置"),
            r"首页\s*>|>\s*正文|正在阅读|正在浏览|当前位置",
        ),
    )
)
#: A line that starts the footer: the article has ended.
FOOTER = re.compile(
    r"^\s*[\[(（【]?\s*(?:责任编辑|责编|编辑\s*[：:/]|文/|免责声明|特别声明|平台声明|版权声明|正文已结束|延伸阅读|相关阅读|"
    r"相关新闻|相关推荐|相关文章|推荐阅读|关键字|关键词|标签[:：]|点击进入专题|此前报道|上一篇|下一篇|阅读剩余全文|分享到|"
    r"本文来源|返回\S*首页|网友评论|\d+条评论|跟贴|我要反馈|留言与评论|打印本页|【字体|本文仅代表|Copyright|©|\d+$)"
)
_CREDIT_WORDS = re.compile(r"原标题|作者|记者|编辑|来源")
_TIME = re.compile(r"\d{1,2}[:：]\d{2}")
_BULLET = re.compile(r"^\s*(?:[•□·▪◆●]|\d{1,2}\.\s)")
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|"
    "陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
_OUTLET_END = "网|报|社|台|刊|新闻|客户端"
_SOURCE_ON_META = (
    re.compile(r"(?:本文)?来源(?:于)?\s*[:：]?\s*(?P<x>[^\s\u3000]+?)(?=\d{4}[-年/]|\s|\u3000|举报|发布于|$)"),
    re.compile(r"发布于(?:" + _PROVINCES + r")?(?P<x>\S+?)官方账号"),
)
_WRAP_COLUMNS = 199
_SITE_RULES = (
    re.compile(r"^(?P<x>[\u4e00-\u9fff]{2,10}(?:网|报|新闻|资讯网|在线))$"),
    re.compile(r"^(?P<x>[\u4e00-\u9fff]{2,6})首页$"),
    re.compile(r"(?:扫码|扫一扫)?(?:下载|打开)?(?P<x>[\u4e00-\u9fff]{2,4}新闻)(?:客户端|APP|-出品)"),
    re.compile(r"返回(?P<x>[\u4e00-\u9fff]{2,6}?)(?:首页|，)"),
    re.compile(
        r"(?:Copyright\s*©?\s*(?P<y>[\u4e00-\u9fff]{2,8})\s*All Rights)|(?P<x>[\u4e00-\u9fff]{2,8}?)(?:公司)?版权所有"
        r"|版权所有\s*[©:：]?\s*(?P<z>[\u4e00-\u9fff]{2,8}(?:网|报|社|台|新闻))"
    ),
)
_GENERIC_SITE = frozenset(("新闻", "频道", "顶部", "本网", "网站", "本站", "返回", "进入", "回到", "设为"))


class PortalHandler:
    variant: ClassVar[Variant] = Variant.PORTAL
    structural: ClassVar[bool] = False

    def detect(self, text: str) -> Score:
        sample = text if len(text) < 200_000 else text[:100_000] + text[-100_000:]
        evidence = tuple(
            label for label, literals, rx in _SIGNALS if any(w in sample for w in literals) and rx.search(sample)
        )
        if len(evidence) < 2:
            return Score(0.1 * len(evidence), evidence)
        return Score(min(0.45 + 0.1 * len(evidence), 0.97), evidence)

    def split(self, text: str, draft: Draft) -> Body:
        lines = join_wrapped(text.split("\n"))
        meta = _meta_line(lines)
        if meta is None:
            draft.note("portal-no-meta-line", "no line with a full date and time: no headline or date found")
            start = _body_start(lines, 0)
            headline = None
        else:
            headline = _headline(lines, meta)
            _read_meta(lines[meta], draft)
            start = _body_start(lines, meta + 1)
        end = _body_end(lines, start)
        site = _site(lines)
        if site:
            draft.fields["site"] = site
        if headline is not None:
            draft.fields["title"] = clean_entities(lines[headline])
        credits = _header_credits(lines, meta, start)
        skip = {headline, meta, *credits}
        draft.remove("portal-header", "\n".join(line for i, line in enumerate(lines[:start]) if i not in skip))
        _read_trailer(lines[end : end + 40], draft)
        draft.remove("portal-footer", "\n".join(lines[end:]))
        return Body("\n".join([lines[i] for i in credits] + lines[start:end]), "text")

    def finish(self, draft: Draft) -> None:
        pass


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def join_wrapped(lines: list[str]) -> list[str]:
    """Re-join lines a text browser hard-wrapped: the next line's first word would not have fitted."""
    if not any(len(line) >= _WRAP_COLUMNS // 2 for line in lines):
        return lines
    out: list[list[str]] = []  # each output line as the pieces joined into it
    prev = ""  # the last physical line, which may already have been joined onto out[-1]
    for line in lines:
        if out and out[-1][-1].strip() and line.strip() and not _BULLET.match(line):
            nxt = line.lstrip()
            first = re.match(r"[\x21-\x7e]+", nxt)
            unit = first.group(0) if first else nxt[0]
            if _overflows(prev, unit):
                last = out[-1][-1][-1:]
                ascii_words = last.isascii() and last.isalnum() and unit.isascii() and unit[0].isalnum()
                out[-1].append((" " if ascii_words else "") + nxt)
                prev = line
                continue
        out.append([line])
        prev = line
    return ["".join(pieces) for pieces in out]


def _overflows(line: str, unit: str) -> bool:
    """True when ``unit`` would not have fitted after ``line`` within the wrap column: the browser wrapped there."""
    # width() is costly: a character is 1 or 2 columns, so the lengths often decide without it
    if len(line) > _WRAP_COLUMNS or 2 * (len(line) + len(unit)) <= _WRAP_COLUMNS:
        return False
    line_width = width(line)
    return line_width <= _WRAP_COLUMNS and line_width + width(unit) > _WRAP_COLUMNS


def _meta_line(lines: list[str]) -> int | None:
    """The first line with a full date and time; failing that, the first short line with a full date."""
    dated = None
    for i, line in enumerate(lines):
        found = find_date(line)
        if found is not None and _TIME.search(line, found[1].start()):
            return i
        if found is not None and dated is None and len(line.strip()) <= 60:
            dated = i
    return dated


def _headline(lines: list[str], meta: int) -> int | None:
    for i in range(meta - 1, max(meta - 9, -1), -1):
        line = clean(lines[i])
        if len(line) >= 6 and not _BULLET.match(lines[i]) and ">" not in line and not FOOTER.match(line):
            return i
    return None


def _body_start(lines: list[str], start: int) -> int:
    """The first sentence-like line: long enough, indented like a paragraph or holding a full stop."""
    for i in range(start, len(lines)):
        raw = lines[i]
        line = clean(raw)
        credit_or_menu = line.startswith(("原标题", "（原标题", "(原标题")) or _BULLET.match(raw)
        if len(line) >= 20 and not credit_or_menu and (raw.startswith("\u3000") or re.search(r"[。！？]", line)):
            return i
    return start


def _body_end(lines: list[str], start: int) -> int:
    for i in range(start + 1, len(lines)):
        if lines[i].strip() and FOOTER.match(clean(lines[i])):
            return i
    return len(lines)


def _header_credits(lines: list[str], meta: int | None, start: int) -> list[int]:
    """Lines between the meta line and the article that the text rules should see (原标题, 作者, 来源)."""
    lo = 0 if meta is None else meta + 1
    return [i for i in range(lo, start) if _CREDIT_WORDS.search(lines[i]) and len(clean(lines[i])) <= 40]


def _read_meta(line: str, draft: Draft) -> None:
    found = find_date(line)
    assert found is not None
    result, match = found
    draft.fields["published"] = result.value
    if result.provenance == "assumed-beijing":
        draft.note("date-assumed-beijing", f"portal date {match.group(0).strip()!r} read as Beijing time")
    draft.remove("portal-meta-line", line)
    line = html.unescape(line) if "&" in line else line
    text = clean(line)
    shaped = re.fullmatch(r"(?P<author>\S+) (?P<category>\S+) .*?\d{1,2}:\d{2}(?::\d{2})? \d+ ?(?P<tags>.*)", text)
    if shaped:  # "author category date time comments tag tag"
        draft.offer("author", shaped["author"])
        draft.fields["categories"] = (shaped["category"],)
        draft.fields["tags"] = tuple(shaped["tags"].split())
        return
    credit = re.search(
        r"(?:作者|记者)\s*[：:]\s*(?P<x>[\u4e00-\u9fff·]{2,4}(?:[、 ][\u4e00-\u9fff·]{2,4}(?![：:\u4e00-\u9fff]))*)",
        text,
    )
    if credit:
        draft.offer("author", credit["x"].replace("、", " "))
    for rx in _SOURCE_ON_META:
        hit = rx.search(line)
        if hit:
            _offer_source(hit["x"], draft)
            return
    after = clean(line[match.end() :])
    before = clean(line[: match.start()])
    candidate = after.split(" ")[0] if after else before
    if candidate and re.fullmatch(r"[\u4e00-\u9fff\-－]{2,20}", candidate):
        _offer_source(candidate, draft)


def _offer_source(raw: str, draft: Draft) -> None:
    source = re.sub(rf"(?:{_PROVINCES})(?:省|市)?$", "", raw.strip()) or raw.strip()
    person = re.fullmatch(rf"(?P<outlet>.+(?:{_OUTLET_END}))(?P<name>[\u4e00-\u9fff]{{2,3}})", source)
    if person and not person["name"].endswith(("版", "刊", "网", "报", "社")):
        source = person["outlet"]
        draft.offer("author", person["name"])
    if source and not source.startswith(("图片", "视频")):
        draft.add_sources((source,))


def _read_trailer(lines: list[str], draft: Draft) -> None:
    """Credits printed right after the article: editor, source, author. Searched, not anchored: they run together."""
    editors: dict[str, str] = {}
    for raw in lines:
        line = clean(raw)
        for label in ("责任编辑", "责编", "编辑"):
            hit = re.search(rf"{label}\s*[：:/]\s*(?P<x>[^\s\]）)：:]+)", line)
            if hit and label not in editors:
                editors[label] = editor_name(hit["x"])
        hit = re.search(r"本文来源\s*[：:]\s*(?P<x>[^\s，。（）()]+?)(?=作者|责任编辑|[）)]|\s|$)", line)
        if hit:
            draft.add_sources((hit["x"],))
        hit = re.search(
            r"作者\s*[：:]\s*(?:.*(?:员|长|师|授|任|家))?(?P<x>[\u4e00-\u9fff]{2,4})[）)]", line
        ) or re.fullmatch(r"文\s*/\s*(?P<x>\S{2,8})", line)
        if hit:
            draft.offer("author", hit["x"])
        hit = re.search(r"本文(?:地址|链接|网址)\s*[:：]\s*(?P<x>https?://\S+)", line)
        if hit:
            draft.offer("url", hit["x"])
    for label in ("责任编辑", "责编", "编辑"):
        if editors.get(label):
            draft.offer("editor", editors[label])
            break


def _site(lines: list[str]) -> str | None:
    first = next((clean(line) for line in lines if line.strip()), "")
    hit = _SITE_RULES[0].match(first)
    if hit:
        return hit["x"]
    # menu items are never the site's name; lines indented 4 spaces are wrapped tails of menu items
    candidates = [(raw.startswith("    "), clean(raw)) for raw in lines if raw.strip() and not _BULLET.match(raw)]
    for n, rule in enumerate(_SITE_RULES[1:], 1):
        for indented, line in candidates:
            if n in (1, 3) and indented:
                continue
            hit = rule.match(line) if n == 1 else rule.search(line)
            if hit:
                name = hit.groupdict().get("x") or hit.groupdict().get("y") or hit.groupdict().get("z")
                if name and name not in _GENERIC_SITE and not name.startswith(tuple(_GENERIC_SITE)):
                    return name
    return None
