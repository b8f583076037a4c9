"""The header above the article: the meta line chosen and read into fields (date, author, sources, editor), the
headline above it, and the credit lines and bylines around them."""

from __future__ import annotations

import html
import re

from ..._boilerplate import editor_name
from ..._dates import DateResult, find_date
from ..._draft import Draft, clean
from .._shapes import DATE_START, PROSE
from ._article import FOOTER, body_start
from ._shapes import BULLET, SIMPLIFIED

# -- the meta line: a short dated header line near the headline ----------------------------------------------------

#: The labels of a meta line or a credit line (simplified and traditional forms). Each value runs to the next label;
#: 来源 may go without a colon (本文来源于国家统计局). The ``other`` labels are passed over, not read into fields.
_LABEL = re.compile(
    r"(?P<editor>责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]"
    r"|(?P<author>(?:作者|记者|記者|通讯员|通訊員)\s*[:：]|(?<![^\s|｜])作者(?=[\u4e00-\u9fff]))"  # | 作者周明
    r"|(?P<source>(?:本文|文章|信息|新闻|稿件)?(?:来源|來源|稿源|出处)于?)\s*[:：]?"
    r"|(?P<other>发布时间|发布日期|發佈時間|發布日期|发表时间|更新时间|更新時間|时间|時間|日期|浏览次数|浏览|点击数|点击|阅读|字号|字体)\s*[:：]"
)
#: A meta line is not prose: no sentence punctuation, and at most this long (a government site's meta line with
#: 发布时间, 来源, 作者, 浏览次数 and its page tools runs to about 90 characters).
_MAX_META = 120
#: A line with a date and nothing to say it is a meta line (no label, no time) must be shorter, and must not run the
#: date on into words (国家统计局2023年5月6日发布…): that is a sentence or a headline.
_MAX_BARE_DATE_LINE = 60
#: Today's date in a page's top bar ("今天是：2023年5月8日 星期一"), not the article's.
_TODAY = re.compile(r"今天是|今日是|今天[:：]|今日[:：]|当前日期|当前时间|现在时间|现在是")
#: A weekday beside a bare date: a page's clock ("2023年5月8日 星期一"), the meta line only when no other line is.
_WEEKDAY = re.compile(r"(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]")
#: A relative time (3小时前, 昨天 10:20, 刚刚) on a page that prints no date.
_RELATIVE_TIME = re.compile(r"\d+\s*(?:秒|分钟|小时|天)前|刚刚|(?:昨天|前天)\s*\d{1,2}[:：]\d{2}")
#: Where a labelled value ends, besides the next label: a bracket (【字号】, （实习）), white space or a page tool.
_VALUE_END = re.compile(r"[\s【】\[\]（）()]|举报|分享|收藏|打印")
#: A reporter's title before the names in an author value (作者：本报记者 张三).
_REPORTER_TITLE = re.compile(r"^(?:(?:本报|本刊|特约|实习)?记者|通讯员)\s*")
#: One or more personal names: 2-4 characters each, separated by 、 or a space, not running on into more text.
_NAMES = re.compile(r"[\u4e00-\u9fff·]{2,4}(?:[、 ][\u4e00-\u9fff·]{2,4})*(?![\u4e00-\u9fff])")
#: A writer's name after the outlet on a source label, set apart by a space (来源：临江新闻网 王帆).
_WRITER_AFTER_OUTLET = re.compile(r"\s+(?P<x>[\u4e00-\u9fff]{2,3})\s*")
#: An author value that names nobody (作者：未知).
_NO_AUTHOR = frozenset(("未知", "佚名", "不详", "不詳", "匿名", "网络", "網絡", "本站", "管理员", "admin"))
#: A labelled author value longer than a personal name, wholly Chinese and at most this long, names a team or an office
#: (作者：医技药剂党支部); a longer one is a sentence.
_MAX_TEAM_NAME = 10
_TEAM_NAME = re.compile(rf"[\u4e00-\u9fff]{{2,{_MAX_TEAM_NAME}}}")
#: The unlabelled meta line of sample 002: "author category date time comments tag tag".
_SHAPED_META = re.compile(r"(?P<author>\S+) (?P<category>\S+) .*?\d{1,2}:\d{2}(?::\d{2})? \d+ ?(?P<tags>.*)")
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|"
    "陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
_OUTLET_END = "网|網|报|報|社|台|刊|新闻|新聞|客户端"
#: Words beside an unlabelled date that name no source: a weekday, the poster's IP location (发布于云港).
_NOT_SOURCE = re.compile(r"(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]$|发布于")
#: Words between an unlabelled date and its source: a weekday, a 12-hour time (下午3:30), a bare time, 来自 ("from",
#: 2023年06月12日 08:21:35　来自 北平日报).
_BESIDE_DATE_FILLER = re.compile(
    r"(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|(?:上午|下午|中午|晚上|凌晨)(?:\d{1,2}[:：]\d{2})?|[\d:：]+|来自|來自"
)
#: A channel or column after the outlet's name (人民网－社会频道): part of the source, never a person's name.
_CHANNEL = re.compile(r"[－\-—–]\s*\S*(?:频道|頻道|栏目|欄目|专栏|專欄|版)$")
#: A date label of the publication, and the weaker dates printed beside or instead of it (a document's 成文日期, an
#: update time): a line holding only a weaker one is the meta line only when no other line is.
_PUBLISH_LABEL = re.compile(r"(?:发布|發佈|發布|发表|發表)(?:时间|時間|日期)")
_SECONDARY_DATE = re.compile(r"成文日期|(?:更新|修改|修订|修訂)(?:时间|時間|日期)")
#: A source printed as an account: "发布于北京经济日报官方账号" (the province is the account's IP location).
_ACCOUNT = re.compile(r"发布于(?:" + _PROVINCES + r")?(?P<x>\S+?)官方账号")

# -- the headline and the credit lines around the meta line ---------------------------------------------------------

#: A credit line led by a label (作者：何文　来源：川渝经济报, 来源：南湖晚报): read like the meta line.
_CREDIT_LINE = re.compile(
    r"^[\[【(（]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|作者|记者|記者|(?:本文|文章|信息|新闻|稿件)?(?:来源|來源|稿源|出处))"
    r"\s*[:：]"
)
#: Other credit lines in the header (原标题, 《棱镜》作者周纯): passed to the text rules with the article.
_CREDIT_WORDS = re.compile(r"原[标標][题題]|作者|[记記]者|[编編][辑輯]|[来來]源")
#: Lines that are never the headline: credit lines, dated labels (发布时间：…) and page tools (【字号】, 字号：).
_NOT_HEADLINE = re.compile(
    _CREDIT_LINE.pattern
    + r"|^[\[【(（]?\s*(?:发布|發布|發佈|更新)?(?:时间|時間|日期)\s*[:：]"
    + r"|^[\[【]\s*(?:字号|字体|打印|分享|收藏|关闭)|^(?:字号|字体)\s*[:：]"
)
#: A headline is at least this long. A 4-5 character one (春耕正当时) must be the nearest line above the meta line,
#: all Chinese, not an outlet's or account's name (经济日报, 北疆网) and not under a longer headline-like line (an
#: account or column name printed between the headline and the meta line).
_MIN_HEADLINE = 6
_MIN_SHORT_HEADLINE = 4
#: An account's or outlet's name is at most this long.
_MAX_NAME = 16
#: How many non-empty lines above the article a page with no meta line is searched for its headline.
_HEADLINE_WINDOW = 60
#: A short account's name of letters alone, printed between the headline and the meta line (IT之家, 云港Daily).
_ACCOUNT_NAME = re.compile(rf"[\u4e00-\u9fffA-Za-z·]{{2,{_MIN_HEADLINE - 1}}}")
#: An outlet's or account's name (经济日报, 北疆网, 临江在线).
_OUTLET_NAME = re.compile(r"(?:" + _OUTLET_END + r"|在线)$")
#: A reporter's byline on a line of its own, after the outlet's name or not: 本报记者 李明 张华, 澎湖新闻记者 沈一舟,
#: Taiwan's 記者林宜君／台北報導 and 〔記者王小明／台北報導〕. Never the headline; its names are the author.
BYLINE = re.compile(
    r"^[〔【\[(（]?(?:[\u4e00-\u9fff]{1,8}(?:新闻|新聞|报|報|网|網|社|台)\s*)?(?:本报|本報|本刊|特约|特約|实习|實習|首席)?"
    r"(?:记者|記者|通讯员|通訊員)\s*(?P<names>[\u4e00-\u9fff·]{2,4}(?:[、\s]+[\u4e00-\u9fff·]{2,4})*)"
    r"(?:\s*[／/]\s*[\u4e00-\u9fff]{2,4}(?:报导|報導|报道|報道))?[〕】\])）]?$"
)
#: A row of a government disclosure table, never a headline: labels spaced out to align (索 引 号：, 名　　称：), or
#: two label：value fields on one line set apart by a wide gap (发布机构：…　　成文日期：…).
_TABLE_FIELD = re.compile(
    r"^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}\s*[:：]|^[^:：]{2,8}[:：]\S+(?: {2,}|\u3000)+\S{2,8}\s*[:：]"
)
#: A subtitle under the headline (——南塘老街传统产业转型升级调查).
_SUBTITLE = re.compile(r"^(?:——|—|--)")
#: A row of three or more short menu words (2-6 characters) set apart by bars or wide gaps (首页 | 新闻 | 财经,
#: 网站首页    本地    国内    国际): never a headline, which separates its words by one space if at all.
_MENU_ROW = re.compile(r"^(?:[^\s|｜]{2,6}(?:[^\S\n]*[|｜][^\S\n]*|[^\S\n]{2,})){2,}[^\s|｜]{2,6}$")


def meta_line(lines: list[str], site: str | None) -> int | None:
    """The dated header line of the article. Only lines above the article's first prose count when one is (a
    comment's or an e-paper's date comes after it); failing those, a labelled line under the headline with no date
    (来源：…　作者：…) anchors the header. The best of them: one under a headline, shaped as a meta line (not a
    page clock), not naming only a weaker date (成文日期, 更新时间); then the first."""
    prose = body_start(lines, 0)
    dated = [
        (i, shape) for i, shape in _dated_lines(lines) if shape != "run-on" or under_headline(lines, i, site)
    ]
    candidates = [(i, shape) for i, shape in dated if i < prose]
    if not candidates:
        anchor = _undated_meta_line(lines, prose, site)
        if anchor is not None:
            return anchor
        candidates = dated
    if not candidates:
        return None

    def rank(item: tuple[int, str]) -> tuple[bool, bool, bool, int]:
        i, shape = item
        text = clean(lines[i])
        weaker = bool(_SECONDARY_DATE.search(text)) and not _PUBLISH_LABEL.search(text)
        return under_headline(lines, i, site), shape == "meta", not weaker, -i

    return max(candidates, key=rank)[0]


def is_clock(line: str) -> bool:
    found = find_date(line)
    return found is not None and _meta_shape(line, found[1]) == "clock"


def _dated_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Lines with a date that read as a meta line or a page clock; list items (a sidebar's • 标题 2023-05-04) never."""
    out = []
    for i, line in enumerate(lines):
        if "20" not in line and "19" not in line:  # no year: no date (a cheap test before the date pattern)
            continue
        found = find_date(line) if not BULLET.match(line) else None
        shape = _meta_shape(line, found[1]) if found is not None else None
        if shape is not None:
            out.append((i, shape))
    return out


def _undated_meta_line(lines: list[str], prose: int, site: str | None) -> int | None:
    """A page that prints no date (or one the dates module cannot read, 112-05-06): a labelled line under the
    headline (来源：…　作者：…, 發布日期：…) is the meta line."""
    for i in range(prose):
        line = clean(lines[i])
        if _NOT_HEADLINE.match(line) and len(line) <= _MAX_META and under_headline(lines, i, site):
            return i
    return None


def under_headline(lines: list[str], i: int, site: str | None) -> bool:
    """The nearest real line above line ``i``, passing over credit lines, bylines, an outlet's or account's name and
    short menu items (• 正文), reads as a headline."""
    near = [j for j in range(i - 1, max(i - 30, -1), -1) if clean(lines[j])][:5]
    for j in near:
        raw = lines[j]
        line = clean(raw)
        if _CREDIT_LINE.match(line) or BYLINE.match(line) or (BULLET.match(raw) and len(line) <= 6):
            continue
        if (_OUTLET_NAME.search(line) and len(line) <= 12 and line != site) or _named_on(line, lines[i]):
            continue
        if _ACCOUNT_NAME.fullmatch(line) and not _short_headline(raw, site):  # an account's name (IT之家)
            continue
        return _headline_like(raw, site)
    return False


def _named_on(line: str, meta: str) -> bool:
    """A short line whose words the meta line repeats (临江晚报新媒体 over 2024-05-18 16:56
    发布于临江晚报新媒体官方账号): the account's or outlet's name printed above it, not a headline."""
    return len(line) <= _MAX_NAME and line in meta and len(line) < len(clean(meta))


def _headline_like(raw: str, site: str | None) -> bool:
    line = clean(raw)
    if _NOT_HEADLINE.match(line) or _TABLE_FIELD.search(line) or line == site:
        return False
    found = find_date(line)
    if found is not None and found[1]["H"] is not None:  # a list item with its time, or another meta line
        return False
    return _plausible(raw) and (len(line) >= _MIN_HEADLINE or _short_headline(raw, site))


def relative_meta_line(lines: list[str], article: int) -> int | None:
    """A page that prints no date: a short line above the article with a relative time (3小时前) is its meta line."""
    for i in range(article):
        text = clean(lines[i])
        if _RELATIVE_TIME.search(text) and len(text) <= _MAX_BARE_DATE_LINE and not PROSE.search(text):
            return i
    return None


def _meta_shape(line: str, date: re.Match[str]) -> str | None:
    """How a dated line reads: "meta" (a short header line), "clock" (a bare date and a weekday), "run-on" (a bare
    date run on into words: a meta line under a headline, else a sentence or a headline), or None (prose, a headline
    holding a date, or the top bar's 今天是…)."""
    text = clean(line)
    if len(text) > _MAX_META or PROSE.search(text) or _TODAY.search(text):
        return None
    if _LABEL.search(text):
        return "meta"
    if "，" in text:
        return None
    if date["H"] is not None:
        return "meta"
    if len(text) > _MAX_BARE_DATE_LINE:
        return None
    if _runs_on(line, date):  # 2019年09月11日临江传媒时政新闻 1665 0: a meta line only right under a headline
        return "run-on"
    return "clock" if _WEEKDAY.search(text) else "meta"


def _runs_on(line: str, date: re.Match[str]) -> bool:
    """The date runs on into Chinese words with no space between (2019年09月11日临江传媒…)."""
    end = date.end()
    return end < len(line) and not line[end - 1].isspace() and _is_cjk(line[end])


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def find_headline(lines: list[str], meta: int, site: str | None) -> int | None:
    """The nearest real line above the meta line; credit and label lines are passed over. A short line (4-5
    characters) is the headline when it is the nearest, unless a longer headline-like line sits right above it."""
    near = [i for i in range(meta - 1, max(meta - 9, -1), -1) if clean(lines[i])]
    near = [i for i in near if not _NOT_HEADLINE.match(clean(lines[i])) and not BYLINE.match(clean(lines[i]))]
    near = [i for i in near if not _named_on(clean(lines[i]), lines[meta])]
    subtitles = [i for i in near if _SUBTITLE.match(clean(lines[i]))]  # ——副标题: the headline is another line
    near = [i for i in near if i not in subtitles]
    headline_like = [i for i in near if _plausible(lines[i]) and len(clean(lines[i])) >= _MIN_HEADLINE]
    if near and _short_headline(lines[near[0]], site):
        above = near[1] if len(near) > 1 else None
        if above is None or above not in headline_like or _OUTLET_NAME.search(clean(lines[above])):
            return near[0]
    if not headline_like:  # no other line: the one that starts with a dash is the headline after all
        headline_like = [i for i in subtitles if _plausible(lines[i]) and len(clean(lines[i])) >= _MIN_HEADLINE]
    return headline_like[0] if headline_like else None


def headline_without_meta(lines: list[str], start: int, site: str | None) -> int | None:
    """A page with no meta line: the headline-like line above the article that the header repeats (a title bar, a
    share box) or that opens the page, as app and chat-platform pages print it; the nearest such line wins."""
    filled = [i for i in range(start) if clean(lines[i])]
    header = "\n".join(clean(lines[i]) for i in filled)  # a title bar, a share box: above the article
    best: tuple[int, int] | None = None
    for i in filled[-_HEADLINE_WINDOW:]:
        text = clean(lines[i])
        if not _headline_like(lines[i], site) or len(text) < _MIN_HEADLINE or PROSE.search(text[:-1]):
            continue
        score = (i == filled[0]) + header.count(text) - 1  # the page's first line; printed again above the article
        if score and (best is None or score >= best[0]):
            best = (score, i)
    return best[1] if best else None


def _plausible(raw: str) -> bool:
    """Not a menu item or row, a breadcrumb or a footer line."""
    line = clean(raw)
    return not (BULLET.match(raw) or ">" in line or _MENU_ROW.match(raw.strip()) or FOOTER.match(line))


def _short_headline(raw: str, site: str | None) -> bool:
    line = clean(raw)
    return (
        len(line) >= _MIN_SHORT_HEADLINE
        and all(_is_cjk(ch) for ch in line)
        and line != site
        and not _OUTLET_NAME.search(line)
        and _plausible(raw)
    )


def header_credits(lines: list[str], span: range, meta: int | None) -> tuple[list[int], list[int], list[int]]:
    """Credit lines between the headline and the article: those led by a label (作者：…　来源：…), read here like
    the meta line; bylines (本报记者 李明, 記者林宜君／台北報導), read here; the others (原标题), left for the text
    rules."""
    labelled: list[int] = []
    bylines: list[int] = []
    others: list[int] = []
    for i in span:
        line = clean(lines[i])
        if i == meta or not line:
            continue
        if _CREDIT_LINE.match(line) and len(line) <= _MAX_META:
            labelled.append(i)
        elif BYLINE.match(line):
            bylines.append(i)
        elif _CREDIT_WORDS.search(line) and len(line) <= 40:
            others.append(i)
    return labelled, bylines, others


def offer_names(byline: re.Match[str] | None, draft: Draft) -> None:
    if byline is not None:
        draft.offer("author", " ".join(re.split(r"[、\s]+", byline["names"])))


def read_meta(line: str, draft: Draft, editors: dict[str, str]) -> None:
    """Published date, author, sources and editor from the meta line (a relative time gives no date). A date
    labelled as the publication's (发布时间) wins over one printed before it (更新時間 18:42  發佈時間 14:05)."""
    publish = _PUBLISH_LABEL.search(line)
    found = (find_date(line[publish.end() :]) if publish else None) or find_date(line)
    if found is not None:
        set_published(draft, found)
    draft.remove("portal-meta-line", line)
    line = html.unescape(line) if "&" in line else line
    text = clean(line)
    labelled = _LABEL.search(text) is not None
    shaped = None if labelled else _SHAPED_META.fullmatch(text)
    if shaped:  # "author category date time comments tag tag"
        draft.offer("author", shaped["author"])
        draft.fields["categories"] = (shaped["category"],)
        draft.fields["tags"] = tuple(shaped["tags"].split())
        return
    if read_labels(text, draft, editors):
        return
    hit = _ACCOUNT.search(line)
    if hit:  # the posting account: the source unless the article credits another (来源：…)
        draft.posted_by = (hit["x"],)
    else:
        _source_beside_date(line, draft)


def set_published(draft: Draft, found: tuple[DateResult, re.Match[str]]) -> None:
    """A portal date as the publication date, noting when Beijing time was assumed."""
    result, match = found
    draft.fields["published"] = result.value
    if result.provenance == "assumed-beijing":
        draft.note("date-assumed-beijing", f"portal date {match.group(0).strip()!r} read as Beijing time")


def _source_beside_date(line: str, draft: Draft) -> None:
    """An unlabelled meta line's source: the word after the date and time (2024年05月10日 00:26 每日经济新闻), or
    the words before them (金融市场棱镜2019-09-23 07:48)."""
    found = find_date(line)
    if found is None or _runs_on(line, found[1]):  # 2019年09月11日临江传媒时政新闻: site and channel glued, no source
        return
    rest = clean(line[found[1].end() :])
    label = _LABEL.search(rest)  # 2024年05月16日 17:02 临江日报作者：王明: the source ends at the next label
    rest = rest[: label.start()] if label else rest
    after = [w.lstrip("·•|｜/") for w in rest.split(" ")]  # 2024-05-09 22:30·新华社
    after = [w for w in after if w and not _BESIDE_DATE_FILLER.fullmatch(w)]
    candidate = after[0] if after else clean(line[: found[1].start()])
    candidate = re.sub(r"^(?:来自|來自)", "", candidate)
    if candidate and re.fullmatch(r"[\u4e00-\u9fff\-－]{2,20}", candidate) and not _NOT_SOURCE.match(candidate):
        _offer_source(candidate, draft)


def read_labels(text: str, draft: Draft, editors: dict[str, str]) -> bool:
    """Read the labelled values of a meta or credit line (作者：…, 来源：…, 编辑：…). True when it names a source."""
    labels = list(_LABEL.finditer(text))
    named_source = False
    authors: list[str] = []  # 记者：乔娜　通讯员：孔祥 → 乔娜 孔祥
    for n, label in enumerate(labels):
        stop = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        value = text[label.end() : stop].strip()
        if label["author"]:
            value = _REPORTER_TITLE.sub("", value)
        value = value[: _value_end(value)]
        if not value:
            continue
        if label["author"]:
            authors.extend(_author_names(value))
        elif label["source"]:
            _offer_source(value, draft)
            named_source = True
            writer = _WRITER_AFTER_OUTLET.fullmatch(text[label.end() : stop].strip()[len(value) :])
            # 来源：临江新闻网 王帆: the outlet, then its writer (not a page tool: 来源：新华社 举报)
            if writer and _OUTLET_NAME.search(value) and not _VALUE_END.search(writer["x"]):
                authors.append(writer["x"])
        elif label["editor"]:
            editors.setdefault(label["editor"].translate(SIMPLIFIED), editor_name(value))
    if authors:
        draft.offer("author", " ".join(authors))
    return named_source


def _author_names(value: str) -> list[str]:
    """The names of a labelled author value: personal names (2-4 characters), or a whole short value naming a team
    (临江区医技党支部); nothing for 未知 or 佚名."""
    if value in _NO_AUTHOR:
        return []
    names = _NAMES.match(value)
    if _TEAM_NAME.fullmatch(value) and (names is None or names.end() < len(value)):
        return [value]
    return [names.group(0).replace("、", " ")] if names else []


def _value_end(value: str) -> int:
    """Where a labelled value ends: at a bracket, white space, a page tool or a date run on to it."""
    ends = [m.start() for m in (_VALUE_END.search(value), DATE_START.search(value)) if m]
    return min(ends, default=len(value))


def _offer_source(raw: str, draft: Draft) -> None:
    source = re.sub(rf"(?:{_PROVINCES})(?:省|市)?$", "", raw.strip()) or raw.strip()
    person = (
        None
        if _CHANNEL.search(source)
        else re.fullmatch(rf"(?P<outlet>.+(?:{_OUTLET_END}))(?P<name>[\u4e00-\u9fff]{{2,3}})", source)
    )
    if person and not person["name"].endswith(("版", "刊", "网", "报", "社")):
        source = person["outlet"]
        draft.offer("author", person["name"])
    if source and not source.startswith(("图片", "视频")):
        draft.add_sources((source,))
