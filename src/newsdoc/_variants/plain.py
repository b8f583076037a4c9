"""Bare text: an optional headline line, then paragraphs. The fallback for anything else.

A headline is never invented: a first line that is a dateline, a byline, a photo caption or a header line opens the
body. A wire feature that prints its headline after its dateline (中新社北京5月6日电 题：…) gives both.

The only date read is on a header line among the first lines under the headline, as scrapes of news sites print it:
a full date, perhaps with the site's URL or the outlet (2023-05-06 09:12 某某日报), or labelled fields, each running
to the next label or separator (发布时间：2023-05-06 09:12 | 来源：某报　作者：某某). Such a line is short and is
not prose, so a sentence of the body is never taken for it; month/day mentions in the body are not publication dates.
"""

from __future__ import annotations

import html
import re
from typing import ClassVar

import attrs

from .._boilerplate import editor_name
from .._dates import DateResult, parse_date
from .._draft import Draft, clean, clean_entities
from .._model import Variant
from ._protocol import Body, Score
from ._shapes import DATE_START, PROSE

# -- the headline ----------------------------------------------------------------------------------------------------

#: A headline is a short line; the longest seen is 38 characters.
MAX_HEADLINE = 40
#: A line with no comma or stop may be longer: the titles of government notices (省政府办公厅印发关于…的通知) run to
#: 50-60 characters, while every line of body text that long in the samples and corpus has a comma or a stop.
MAX_UNPUNCTUATED_HEADLINE = 60
_SENTENCE_MARKS = re.compile(r"[，。；！？,;!?]")
#: Words after 记者 that open a headline, not a name: 记者调查：…, 记者手记, 记者观察, 记者节里的….
_NOT_A_NAME = (
    r"(?:调查|手记|观察|札记|笔记|日记|来信|走访|探访|暗访|直击|体验|蹲点|专访|连线|追踪|跟踪|亲历|再访|实地|一线|视角"
    r"|眼中|节)"
)
#: A name in a byline: 2-4 characters, a two-character name padded to three columns (王　明), a transliteration (·).
_BYLINE_NAME = (
    r"(?:[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,12}|[\u4e00-\u9fff]\s[\u4e00-\u9fff](?![\u4e00-\u9fff])"
    r"|[\u4e00-\u9fff]{2,4})"
)
#: A byline line: 记者 (本报记者, 特约记者) then names, maybe several and with 通讯员, up to the end of the line, a
#: closing bracket, 发自…, 报道 or 摄: (记者 张曦), 本报记者康健发自上海, 记者：王明、李华.
_BYLINE = (
    rf"^[（(【□■●◆▲★○◎]?\s*(?:本报|本刊|特约|实习)?记者\s*[:：/]?\s*(?!{_NOT_A_NAME}){_BYLINE_NAME}"
    rf"(?:[\s、，,]+(?:(?:通讯员|实习生)\s*)?{_BYLINE_NAME})*\s*(?:$|[）)】]|发自|报道|摄)"
)
#: A first line that is a dateline or a byline opens the body: there is no headline, and none is invented.
_NOT_HEADLINE = re.compile(
    rf"\d{{1,2}}月\d{{1,2}}日(?:电|讯|消息)|本报讯|本刊讯|^\S{{0,10}}讯\s*[（(]|{_BYLINE}|^(?:作者|来源|编辑)[:：]"
    r"|https?://|摄$|^[（(]?\s*原标题"
)
#: Lines that may stand above the headline and are a printed page's furniture, left to the text rules: a
#: newspaper's page header (第3版 专栏：…), a page tool (【字号：大 中 小】).
_ABOVE_HEADLINE = re.compile(r"^(?:第\s*[\d一二三四五六七八九十]{1,3}\s*版|【\s*(?:字[号体號體]|打印|关闭))")
#: A scraper's label before the headline: 标题：….
_TITLE_LABEL = re.compile(r"^(?:标题|標題|题目|題目)\s*[:：]\s*")
#: A wire feature's first line: its dateline, then its headline after 题： (中新社北京5月6日电 题：一座老城的“微更新”).
_DATELINE_TITLE = re.compile(r"(?P<dateline>\S{0,16}?\d{1,2}月\d{1,2}日电)\s*题\s*[:：]\s*(?P<title>.+)")

# -- the header lines under it ---------------------------------------------------------------------------------------

#: A header line's date, perhaps labelled (发布时间：), with the site's URL or the outlet before or after it
#: (来源：某报 2023-05-06 09:12 / 2023-05-06 09:12 来源：某报 / 2023-05-06 09:12 某某日报).
_SOURCE_LABEL = r"(?:来源|來源|稿源)\s*[:：]\s*"
#: A bare name after the date is the outlet (某某日报, 北川融媒); counters (阅读 120) are not.
_OUTLET = r"(?!阅读|浏览|点击|评论)[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,15}"
_BARE_OUTLET = re.compile(_OUTLET)
_HEADER_DATE = re.compile(
    rf"(?:(?:https?://\S+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*?\.[a-z]{{2,6}})\s*)?"  # www.site.com2024年…
    rf"(?:{_SOURCE_LABEL}(?P<before>[^\s:：]{{2,20}})\s+)?"
    r"(?:(?:发布时间|发表时间|发布日期|时间|日期|发布于|发表于)\s*[:：]?\s*)?"
    r"(?P<date>(?:19|20)\d\d\s*[年/-]\s*\d{1,2}\s*[月/-]\s*\d{1,2}\s*日?[\d:：\s]*)"
    r"(?:[（(]?(?:星期|周)[一二三四五六日天][）)]?\s*)?"
    rf"(?:{_SOURCE_LABEL}(?P<source>[^\s:：]{{2,20}})|(?P<outlet>{_OUTLET}))?\s*"
)
#: The labels of a header line's fields (simplified and traditional forms), with their colon; a page counter's label
#: may go without one (阅读 1256). Each value runs to the next label or to a separator (_FIELD_SEPARATOR).
_HEADER_LABEL = re.compile(
    r"(?:(?P<date>发布时间|發布時間|發佈時間|发表时间|發表時間|发布日期|發布日期|發佈日期|时间|時間|日期)"
    r"|(?P<source>来源|來源|稿源)"
    r"|(?P<author>作者|(?:本报|本報|本刊)?(?:记者|記者)|通讯员|通訊員)"
    r"|(?P<editor>责任编辑|責任編輯|责编|責編|编辑|編輯))\s*[:：]\s*"
    r"|(?P<counter>浏览次数|瀏覽次數|浏览量|浏览|阅读量|阅读数|阅读|閱讀|点击量|点击数|点击|點擊)(?:\s*[:：]\s*|\s*(?=\d))"
)
#: What ends a labelled value besides the next label: a bar, two or more spaces, an ideographic space U+3000, or a
#: page tool's bracket.
_FIELD_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s{2,}|\u3000|\s*(?=【)")
#: Page tools printed on the header line, passed over: 【字体：大 中 小】, 【打印】, 字号：大 中 小.
_PAGE_TOOL = re.compile(
    r"【\s*(?:字[号体號體]|打印|关闭|關閉|分享|收藏|纠错)[^【】]{0,12}】|字[号体號體]\s*[:：]\s*大\s*中\s*小"
)
#: A header line is short (a government page's 发布日期, 来源 and 浏览次数 take about 40 characters) and is not prose.
_MAX_HEADER_LINE = 80
#: A page counter's value: a number, or nothing where a script filled it in the live page.
_COUNT = re.compile(r"[\d,.]*\s*[万次]?")
#: Role words around the names of an author value (作者：本报记者 张三 通讯员 李四): not names.
_ROLE_WORDS = re.compile(r"(?:本报|本刊|特约|实习)?记者|通讯员|实习生")
_LIST_SEPARATOR = re.compile(r"\s*[、，,;；]\s*")
#: How many lines after the headline may be header lines (the date line, a credit line, a subtitle among them).
_HEADER_LINES = 3


class PlainHandler:
    variant: ClassVar[Variant] = Variant.PLAIN
    structural: ClassVar[bool] = False

    def detect(self, text: str) -> Score:
        return Score(0.3, ("no front matter and no page furniture: bare text",))

    def split(self, text: str, draft: Draft) -> Body:
        lines = text.split("\n")
        filled = [i for i, raw in enumerate(lines) if clean_entities(raw)]
        if not filled:
            return Body(text, "text")
        first = next((i for i in filled if not _ABOVE_HEADLINE.match(clean(lines[i]))), filled[0])
        if any(clean_entities(raw) for raw in lines[first + 1 :]) and _read_headline(lines[first], draft):
            lines = lines[:first] + lines[first + 1 :]
        else:
            draft.note("title-missing", "the first line is not a headline; no title")
        _read_header_lines(lines, draft)
        return Body("\n".join(lines), "text")

    def finish(self, draft: Draft) -> None:
        pass


def is_headline(line: str) -> bool:
    limit = MAX_HEADLINE if _SENTENCE_MARKS.search(line) else MAX_UNPUNCTUATED_HEADLINE
    return (
        len(line) <= limit and not line.endswith(("。", "；", "，", "：", "、", "—")) and not _NOT_HEADLINE.search(line)
    )


def _read_headline(raw: str, draft: Draft) -> bool:
    """The first line as the headline (or a wire feature's dateline and headline). False when it is neither."""
    line = clean_entities(raw)
    label = _TITLE_LABEL.match(line)
    if label and is_headline(line[label.end() :]):
        draft.remove("field-label", label.group(0))
        line = line[label.end() :]
    wire = _DATELINE_TITLE.fullmatch(line)
    if wire and is_headline(wire["title"]):
        draft.fields["title"] = wire["title"]
        draft.offer("dateline", wire["dateline"])
        draft.remove("dateline-headline", line)
        return True
    if is_headline(line) and read_header_line(raw) is None:
        draft.fields["title"] = line
        return True
    return False


# -- header lines ----------------------------------------------------------------------------------------------------


@attrs.define
class HeaderLine:
    """What one header line says."""

    date: DateResult | None = None
    #: The date as printed, for the diagnostic.
    date_text: str = ""
    sources: list[str] = attrs.Factory(list)
    authors: list[str] = attrs.Factory(list)
    editor: str | None = None
    #: How many labelled fields the line has (the page counter among them).
    labels: int = 0
    #: Whether an unlabelled word after the date has been read as the outlet.
    bare_outlet: bool = False


def _read_header_lines(lines: list[str], draft: Draft) -> None:
    """Read and remove the header lines among the first lines (``lines[0]`` is the one after the headline).
    The body has begun at the first line of prose."""
    seen = 0
    for i, raw in enumerate(lines):
        line = clean_entities(raw)
        if not line:
            continue
        header = read_header_line(raw)
        if header is not None:
            _take_header(header, line, draft)
            lines[i] = ""
        elif _PAGE_TOOL.fullmatch(line):  # 【字号：大 中 小】 on a line of its own
            draft.remove("page-tools", line)
            lines[i] = ""
        elif PROSE.search(line):
            return
        seen += 1
        if seen >= _HEADER_LINES:
            return


def read_header_line(raw: str) -> HeaderLine | None:
    """The fields of a header line; None when the line is not one: prose, too long, no date and fewer than two
    labelled fields, or text that neither a label nor a date explains."""
    text = (html.unescape(raw) if "&" in raw else raw).strip()
    if not text or len(text) > _MAX_HEADER_LINE or PROSE.search(text):
        return None
    header = HeaderLine()
    if not _read_date(text, header):  # the whole line a date with what stands beside it, or fields between separators
        for part in _FIELD_SEPARATOR.split(text):
            if part and not _read_part(part, header):
                return None
    return header if header.date is not None or header.labels >= 2 else None


def _read_part(part: str, header: HeaderLine) -> bool:
    """One stretch of a header line between separators: a date, a page tool, the outlet after a date
    (2023-05-06 09:12 | 某某日报), or labelled values (perhaps after a date)."""
    if _read_date(part, header) or _PAGE_TOOL.fullmatch(part):
        return True
    if header.date is not None and not header.bare_outlet and _BARE_OUTLET.fullmatch(part):
        header.sources.append(part)
        header.bare_outlet = True  # a second unlabelled word makes a list (a category, tags): not a header line
        return True
    labels = list(_HEADER_LABEL.finditer(part))
    lead = part[: labels[0].start()] if labels else part
    if lead.strip() and not _read_date(lead, header):
        return False
    for n, label in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(part)
        if not _read_value(label, clean(part[label.end() : end]), header):
            return False
    return True


def _read_value(label: re.Match[str], value: str, header: HeaderLine) -> bool:
    """One labelled value into ``header``. False when it is not what the label says (the line is not a header)."""
    header.labels += 1
    kind = label.lastgroup
    if kind == "counter":
        return _COUNT.fullmatch(value) is not None
    if kind == "date":
        return _read_date(value, header)
    run_on = DATE_START.search(value)
    if run_on:
        if not _read_date(value[run_on.start() :], header):
            return False
        value = value[: run_on.start()].strip()
    if not value:
        return True
    if kind == "source":
        header.sources += _LIST_SEPARATOR.split(value)
    elif kind == "author":
        header.authors += _ROLE_WORDS.sub(" ", value).replace("、", " ").replace("，", " ").split()
    else:
        header.editor = editor_name(value)
    return True


def _read_date(text: str, header: HeaderLine) -> bool:
    """A date (with what may stand beside it: a URL, the outlet) into ``header``; False when ``text`` is not one."""
    match = _HEADER_DATE.fullmatch(clean(text))
    if match is None:
        return False
    result = parse_date(match["date"])
    if result.value is None:
        return False
    if header.date is None:
        header.date, header.date_text = result, match["date"].strip()
    source = match["before"] or match["source"] or match["outlet"]
    if source:
        header.sources.append(source)
    return True


def _take_header(header: HeaderLine, line: str, draft: Draft) -> None:
    """Put a header line's fields into the draft and record the line as removed."""
    date = header.date
    if date is not None and draft.offer("published", date.value) and date.provenance == "assumed-beijing":
        draft.note("date-assumed-beijing", f"header date {header.date_text!r} read as Beijing time")
    draft.add_sources(tuple(header.sources))
    draft.offer("author", " ".join(header.authors))
    if header.editor:
        draft.offer("editor", header.editor)
    draft.remove("header-date-line" if header.date is not None else "header-credit-line", line)
