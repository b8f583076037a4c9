"""Text dumps of whole portal pages: menus, a headline, a meta line, the article, then a long footer.

Found by shape, not by one site's words: the meta line is a short dated line that reads as a header line, not as
prose (no sentence punctuation), a list item nor the top bar's 今天是…; of those above the article's first prose the
one under a headline wins, then a meta line over a page clock (a bare date with a weekday), then one naming the
publication date over one naming only an update or document date. Its labels (来源, 作者, 编辑, 发布时间) and those
of credit lines and bylines beside it are read into fields. The headline is the nearest real line above it,
passing over credit lines and bylines. The article starts at the first sentence-like line after it (or at a
notice's salutation just before that) and ends at the first footer line (:data:`FOOTER`). Text browsers hard-wrap
long lines (w3m at 200 display columns, lynx at about 78); wrapped lines are joined first. Everything outside the
article is recorded as removed."""

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

#: w3m's -cols 200 wraps a line that would reach column 200.
_WRAP_COLUMNS = 199
#: Other browsers wrap narrower (lynx at about 78 columns): a file whose widest lines (at least 3, and 30% of the
#: lines within 20 columns of the widest) end within 3 columns of one width was wrapped there. A character that
#: would have reached within _WRAP_SLACK columns of that width was wrapped: those browsers keep a margin.
_MIN_WRAPPED = 3
_WRAPPED_SHARE = 0.3
_WRAP_SLACK = 2
#: Page furniture that marks a portal dump (each distinct hit is evidence).
_SIGNALS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (label, literals, re.compile(rx.replace(r"^\s*", r"^[^\S\n]*").replace(r"^\s+", r"^[^\S\n]+"), re.MULTILINE))
    for label, literals, rx in (
        ("footer line 版权声明", ("版权声明",), r"^\s*版权声明"),
        (
            "copyright line",
            ("Copyright", "©", "版权所有", "版權所有", "All Rights"),
            r"Copyright|©|版[权權]所有|All Rights Reserved",
        ),
        ("ICP licence number", ("ICP", "公网安备"), r"ICP[备证]|公网安备"),
        (
            "comment form",
            ("评论", "評論", "验证码", "跟贴"),
            r"^\s*(?:留言与评论|验证码|网友评论|\d+条评论|跟贴|发表评论|我要评论|热门评论|熱門評論|全部评论)",
        ),
        ("previous/next links", ("上一篇", "下一篇"), r"^\s*(?:上一篇|下一篇)"),
        (
            "related-article list",
            ("相关", "相關", "推荐", "推薦", "延伸阅读", "延伸閱讀", "热门文章", "阅读排行"),
            r"^\s*(?:相[关關](?:阅读|閱讀|新闻|新聞|推荐|推薦)|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门文章|阅读排行)",
        ),
        (
            "site links",
            ("关于我们", "联系我们", "网站地图", "返回"),
            r"关于我们\s*[|｜]|联系我们\s*[|｜]|网站地图|^\s*返回首页|返回顶部",
        ),
        (
            "page tools",
            ("打印本页", "【字体", "字号", "分享到", "举报", "【打印", "【关闭", "【纠错", "列印", "回上一頁"),
            r"打印本页|【字体|^\s*字号|^\s*分享到|^\s*举报\s*$|【\s*(?:打印|关闭|纠错)】|友善列印|回上一頁",
        ),
        ("bullet menu", ("•", "□"), r"^\s+[•□]\s"),
        # three or more short items between bars ("首页 | 文化动态 | 非遗传承"), or after 首页 ("网站首页  本地  国内")
        (
            "navigation bar",
            ("|", "｜", "首页", "首頁"),
            r"^\s*[^\s|｜]{1,8}(?:[^\S\n]*[|｜][^\S\n]*[^\s|｜]{1,8}){2,}[^\S\n]*$"
            r"|^\s*(?:网站)?首[页頁](?:[^\S\n]+[^\s|｜]{1,8}){2,}[^\S\n]*$",
        ),
        ("NBSP-only lines", ("\xa0",), r"^\xa0+\s*$"),
        # a mobile page's app furniture: 打开APP, 下载客户端, 展开全文, 打开新浪新闻 查看更多精彩
        (
            "app furniture",
            ("APP", "App", "客户端", "客戶端", "全文", "更多"),
            r"^\s*(?:打开|打開|下载|下載)\S{0,10}(?:APP|App|客户端|客戶端)|^\s*展[开開]全文\s*$"
            r"|^\s*(?:打开|打開)\S{2,10}\s*(?:查看|阅读|閱讀)更多",
        ),
        # a related item's reading or play count closing its line (南江晚报 1.2万阅读 · 356评论, 3.1万次播放)
        (
            "reading count",
            ("阅读", "閱讀", "播放"),
            r"\d(?:\.\d+)?万?\s*(?:阅读|閱讀|次?播放)(?:\s*[·•]\s*\d+\s*评论)?[^\S\n]*$",
        ),
        (
            "breadcrumb",
            ("首页", "首頁", "正文", "正在阅读", "正在浏览", "当前位置"),
            r"首[页頁]\s*>|>\s*正文|正在阅读|正在浏览|当前位置",
        ),
    )
)

# -- the meta line: a short dated header line near the headline ----------------------------------------------------

#: The labels of a meta line or a credit line (simplified and traditional forms). Each value runs to the next label;
#: 来源 may go without a colon (本文来源于国家统计局). The ``other`` labels are passed over, not read into fields.
_LABEL = re.compile(
    r"(?P<editor>责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]"
    r"|(?P<author>作者|记者|記者|通讯员|通訊員)\s*[:：]"
    r"|(?P<source>(?:本文|文章|信息|新闻|稿件)?(?:来源|來源|稿源|出处)于?)\s*[:：]?"
    r"|(?P<other>发布时间|发布日期|發佈時間|發布日期|发表时间|更新时间|更新時間|时间|時間|日期|浏览次数|浏览|点击数|点击|阅读|字号|字体)\s*[:：]"
)
#: A meta line is not prose: no sentence punctuation, and at most this long (a government site's meta line with
#: 发布时间, 来源, 作者, 浏览次数 and its page tools runs to about 90 characters).
_MAX_META = 120
_PROSE = re.compile(r"[。！？；]")
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
#: Where a date starts in a value run on to it: 来源：人民日报2024-05-13 08:49.
_DATE_START = re.compile(r"(?:19|20)\d\d\s*[-年/.]")
#: A reporter's title before the names in an author value (作者：本报记者 张三).
_REPORTER_TITLE = re.compile(r"^(?:(?:本报|本刊|特约|实习)?记者|通讯员)\s*")
#: One or more personal names: 2-4 characters each, separated by 、 or a space, not running on into more text.
_NAMES = re.compile(r"[\u4e00-\u9fff·]{2,4}(?:[、 ][\u4e00-\u9fff·]{2,4})*(?![\u4e00-\u9fff])")
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
#: An outlet's or account's name (经济日报, 北疆网, 临江在线).
_OUTLET_NAME = re.compile(r"(?:" + _OUTLET_END + r"|在线)$")
#: A reporter's byline on a line of its own, after the outlet's name or not: 本报记者 李明 张华, 澎湖新闻记者 沈一舟,
#: Taiwan's 記者林宜君／台北報導 and 〔記者王小明／台北報導〕. Never the headline; its names are the author.
_BYLINE = re.compile(
    r"^[〔【\[(（]?(?:[\u4e00-\u9fff]{1,8}(?:新闻|新聞|报|報|网|網|社|台)\s*)?(?:本报|本報|本刊|特约|特約|实习|實習|首席)?"
    r"(?:记者|記者|通讯员|通訊員)\s*(?P<names>[\u4e00-\u9fff·]{2,4}(?:[、\s]+[\u4e00-\u9fff·]{2,4})*)"
    r"(?:\s*[／/]\s*[\u4e00-\u9fff]{2,4}(?:报导|報導|报道|報道))?[〕】\])）]?$"
)
#: A Taiwan byline in brackets opening the first paragraph: 〔記者王小明／台北報導〕台北市….
_LEAD_BYLINE = re.compile(
    r"^\s*[〔【\[(（](?:记者|記者)(?P<x>[\u4e00-\u9fff]{2,4})[／/][\u4e00-\u9fff]{2,4}(?:报导|報導|报道|報道)[〕】\])）]"
)
#: A row of a government disclosure table, never a headline: labels spaced out to align (索 引 号：, 名　　称：), or
#: two label：value fields on one line set apart by a wide gap (发布机构：…　　成文日期：…).
_TABLE_FIELD = re.compile(
    r"^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}\s*[:：]|^[^:：]{2,8}[:：]\S+(?: {2,}|\u3000)+\S{2,8}\s*[:：]"
)
#: A subtitle under the headline (——南塘老街传统产业转型升级调查).
_SUBTITLE = re.compile(r"^(?:——|—|--)")
_BULLET = re.compile(r"^\s*(?:[•□·▪◆●]|\d{1,2}\.\s)")
#: A row of three or more short menu words (2-6 characters) set apart by bars or wide gaps (首页 | 新闻 | 财经,
#: 网站首页    本地    国内    国际): never a headline, which separates its words by one space if at all.
_MENU_ROW = re.compile(r"^(?:[^\s|｜]{2,6}(?:[^\S\n]*[|｜][^\S\n]*|[^\S\n]{2,})){2,}[^\s|｜]{2,6}$")

# -- the article: from the first sentence-like line to the footer ----------------------------------------------------

#: A notice's salutation (各乡镇人民政府，县直各有关单位：, 尊敬的旅客：) opens the article when a sentence follows it.
_SALUTATION = re.compile(r"^(?:各|尊敬的|亲爱的|全体|全市|全省|全县|全区|广大)[^。！？：:]{1,60}[：:]$")
#: Where the footer starts, by shape: the credits and link lists that follow an article (责任编辑, 上一篇, 相关阅读,
#: a lone counter); page tools in brackets (【打印】【关闭】, 【打印本页】, Xinhua's 【纠错】); the site's licence
#: numbers and credits (ICP备…号, 公网安备, 网站标识码, 版权所有, 关于我们 | 联系我们).
_FOOTER_SHAPES = (
    r"[\[(（【]?\s*(?:责任编辑|責任編輯|责编|責編|(?:本版|本期)?(?:编辑|編輯)\s*[：:/]|文/|免责声明|特别声明|平台声明|版权声明|"
    r"正文已结束|延伸阅读|延伸閱讀|相[关關](?:阅读|閱讀|新闻|新聞|推荐|推薦|文章|视频|影音|图集|圖集|附件)|推荐阅读|推薦閱讀|关键字|关键词|"
    r"标签[:：]|点击进入专题|此前报道|上一篇|下一篇|[上下]一[图圖]集|更多[图圖]集|阅读剩余全文|分享到|本文来源|返回\S*首页|回上一頁|"
    r"网友评论|\d+条评论|跟贴|热门评论|熱門評論|我要反馈|留言与评论|打印本页|【字体|本文仅代表|Copyright|©|\d+$)",
    # a page's other links and tools: the article's address (本文链接：http://…), its page count (本文共3页 1 2 3
    # 下一页), a lone 举报, 扫一扫在手机打开当前页, the visitor counter, lynx's list of the page's links
    r"本文(?:地址|链接|網址|网址)\s*[:：]|本文共\d+页|[上下]一[页頁]\s*$|(?:我要)?举报\s*$|(?:扫一扫|掃一掃)\S{0,12}$"
    r"|(?:浏览|瀏覽)(?:人次|次数|次數)\s*[:：]|(?:References|Visible links|Hidden links:?)$",
    r"[\[【]\s*(?:打印|关闭|纠错|收藏)",
    r"\S{0,12}(?:ICP[备证][^\s，。]{0,6}\d|公网安备\s*\d)|网站标识码|\S{0,20}版[权權]所有",
    r"(?:关于我们|联系我们)\s*(?:[|｜]|$)|网站地图",
)
#: An app promotion ending a mobile page's article (打开APP阅读更多精彩内容, 打开新浪新闻 查看更多精彩, 点我下载APP)
#: when the line is no sentence.
_APP_PROMO = re.compile(
    r"(?:下载|下載|打开|打開)\S{0,10}(?:APP|App|客户端|客戶端)|^(?:打开|打開)\S{2,10}\s*(?:查看|阅读|閱讀)更多|點我訂閱"
)
#: Page furniture inside the article, removed where it stands: 展开全文 (a mobile page's fold).
_INLINE_FURNITURE = re.compile(r"^(?:展[开開]全文|阅读全文|閱讀全文)\s*[>»]?$")
#: Lynx numbers every link ([11]东方财报) and lists their addresses after "References" or "Visible links".
_LINK_MARK = re.compile(r"\[\d+\]")
_LYNX_LIST = re.compile(r"^(?:References|Visible links)\s*$", re.MULTILINE)
#: A line that starts the footer: the article has ended.
FOOTER = re.compile(r"^\s*(?:" + "|".join(_FOOTER_SHAPES) + ")")
#: The site owner's credits (主办单位：…, 技术支持：…) start the footer only when they run on to the site's licence or
#: copyright line: an event article lists its own 主办单位 and 承办单位 in the text.
_SITE_CREDIT = re.compile(r"^\s*(?:(?:主办|承办|协办)(?:单位)?|技术支持)\s*[:：]")
_SITE_LICENCE = re.compile(r"ICP[备证]|公网安备|网站标识码|版权所有|Copyright|©")

# -- the trailer: credits after the article ------------------------------------------------------------------------

#: Editor labels after the article, most specific first: 责任编辑 is the editor when several are named.
_EDITOR_RANK = ("责任编辑", "责编", "编辑")
_TRAILER_EDITOR = re.compile(
    r"(?P<label>责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[：:/]\s*(?P<x>[^\s\[\]【】（）()：:]+)"
)
#: Traditional editor labels (責任編輯) ranked as their simplified forms.
_SIMPLIFIED = str.maketrans("責編輯", "责编辑")

# -- the site's name ----------------------------------------------------------------------------------------------

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
        if _LYNX_LIST.search(text):
            lines = _strip_link_marks(lines, draft)
        site = _site(lines)
        meta = _meta_line(lines, site)
        if meta is None:
            meta = _relative_meta_line(lines, _body_start(lines, 0))
        editors: dict[str, str] = {}  # 责任编辑 / 责编 / 编辑 → name, from the meta line, credit lines and trailer
        if meta is None:
            draft.note("portal-no-meta-line", "no line with a full date and time: no headline or date found")
            start = _body_start(lines, 0)
            headline = None
        else:
            _read_meta(lines[meta], draft, editors)
            start = _body_start(lines, meta + 1)
            # a page clock far above the article (an e-paper's issue date): the headline is above the article
            far = _is_clock(lines[meta]) and not _under_headline(lines, meta, site)
            headline = _headline(lines, start if far else meta, site)
        end = _body_end(lines, start)
        if site:
            draft.fields["site"] = site
        if headline is not None:
            draft.fields["title"] = clean_entities(lines[headline])
        top = headline if headline is not None else meta if meta is not None else -1
        labelled, bylines, credits = _header_credits(lines, range(top + 1, start), meta)
        for i in labelled:  # credit lines read here, like the meta line they continue
            _read_labels(clean_entities(lines[i]), draft, editors)
            draft.remove("portal-meta-line", lines[i])
        for i in bylines:
            _offer_names(_BYLINE.match(clean(lines[i])), draft)
            draft.remove("byline", lines[i])
        skip = {headline, meta, *labelled, *bylines, *credits}
        draft.remove("portal-header", "\n".join(line for i, line in enumerate(lines[:start]) if i not in skip))
        _read_trailer(lines[end : end + 40], draft, editors)
        draft.remove("portal-footer", "\n".join(lines[end:]))
        for label in _EDITOR_RANK:
            if editors.get(label):
                draft.offer("editor", editors[label])
                break
        return Body("\n".join([lines[i] for i in credits] + _article(lines[start:end], draft)), "text")

    def finish(self, draft: Draft) -> None:
        pass


def _article(lines: list[str], draft: Draft) -> list[str]:
    """The article's lines less the page furniture inside it (展开全文); a Taiwan byline opening it gives the author."""
    out: list[str] = []
    for line in lines:
        if _INLINE_FURNITURE.match(clean(line)):
            draft.remove("portal-header", line)  # page furniture inside the article
            continue
        lead = _LEAD_BYLINE.match(line) if not any(x.strip() for x in out) else None
        if lead:
            draft.offer("author", lead["x"])
            draft.remove("byline", lead.group(0))
            line = line[lead.end() :]
        out.append(line)
    return out


def _strip_link_marks(lines: list[str], draft: Draft) -> list[str]:
    """A lynx dump: the link numbers ([11]东方财报) are no text; recorded as removed."""
    marks = [m for line in lines for m in _LINK_MARK.findall(line)]
    draft.remove("portal-header", " ".join(marks))
    return [_LINK_MARK.sub("", line) for line in lines]


def width(text: str) -> int:
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
        if out and out[-1][-1].strip() and line.strip() and not _BULLET.match(line):
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


def _meta_line(lines: list[str], site: str | None) -> int | None:
    """The dated header line of the article. Only lines above the article's first prose count when one is (a
    comment's or an e-paper's date comes after it); failing those, a labelled line under the headline with no date
    (来源：…　作者：…) anchors the header. The best of them: one under a headline, shaped as a meta line (not a
    page clock), not naming only a weaker date (成文日期, 更新时间); then the first."""
    prose = _body_start(lines, 0)
    dated = [(i, shape) for i, shape in _dated_lines(lines)]
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
        return _under_headline(lines, i, site), shape == "meta", not weaker, -i

    return max(candidates, key=rank)[0]


def _is_clock(line: str) -> bool:
    found = find_date(line)
    return found is not None and _meta_shape(line, found[1]) == "clock"


def _dated_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Lines with a date that read as a meta line or a page clock; list items (a sidebar's • 标题 2023-05-04) never."""
    out = []
    for i, line in enumerate(lines):
        found = find_date(line) if not _BULLET.match(line) else None
        shape = _meta_shape(line, found[1]) if found is not None else None
        if shape is not None:
            out.append((i, shape))
    return out


def _undated_meta_line(lines: list[str], prose: int, site: str | None) -> int | None:
    """A page that prints no date (or one the dates module cannot read, 112-05-06): a labelled line under the
    headline (来源：…　作者：…, 發布日期：…) is the meta line."""
    for i in range(prose):
        line = clean(lines[i])
        if _NOT_HEADLINE.match(line) and len(line) <= _MAX_META and _under_headline(lines, i, site):
            return i
    return None


def _under_headline(lines: list[str], i: int, site: str | None) -> bool:
    """The nearest real line above line ``i``, passing over credit lines, bylines, an outlet's or account's name and
    short menu items (• 正文), reads as a headline."""
    near = [j for j in range(i - 1, max(i - 30, -1), -1) if clean(lines[j])][:5]
    for j in near:
        raw = lines[j]
        line = clean(raw)
        if _CREDIT_LINE.match(line) or _BYLINE.match(line) or (_BULLET.match(raw) and len(line) <= 6):
            continue
        if _OUTLET_NAME.search(line) and len(line) <= 12 and line != site:
            continue
        return _headline_like(raw, site)
    return False


def _headline_like(raw: str, site: str | None) -> bool:
    line = clean(raw)
    if _NOT_HEADLINE.match(line) or _TABLE_FIELD.search(line) or line == site:
        return False
    found = find_date(line)
    if found is not None and found[1]["H"] is not None:  # a list item with its time, or another meta line
        return False
    return _plausible(raw) and (len(line) >= _MIN_HEADLINE or _short_headline(raw, site))


def _relative_meta_line(lines: list[str], article: int) -> int | None:
    """A page that prints no date: a short line above the article with a relative time (3小时前) is its meta line."""
    for i in range(article):
        text = clean(lines[i])
        if _RELATIVE_TIME.search(text) and len(text) <= _MAX_BARE_DATE_LINE and not _PROSE.search(text):
            return i
    return None


def _meta_shape(line: str, date: re.Match[str]) -> str | None:
    """How a dated line reads: "meta" (a short header line), "clock" (a bare date and a weekday), or None (prose,
    a headline holding a date, or the top bar's 今天是…)."""
    text = clean(line)
    if len(text) > _MAX_META or _PROSE.search(text) or _TODAY.search(text):
        return None
    if _LABEL.search(text):
        return "meta"
    if "，" in text:
        return None
    if date["H"] is not None:
        return "meta"
    end = date.end()
    run_on = end < len(line) and not line[end - 1].isspace() and _is_cjk(line[end])
    if len(text) > _MAX_BARE_DATE_LINE or run_on:
        return None
    return "clock" if _WEEKDAY.search(text) else "meta"


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _headline(lines: list[str], meta: int, site: str | None) -> int | None:
    """The nearest real line above the meta line; credit and label lines are passed over. A short line (4-5
    characters) is the headline when it is the nearest, unless a longer headline-like line sits right above it."""
    near = [i for i in range(meta - 1, max(meta - 9, -1), -1) if clean(lines[i])]
    near = [i for i in near if not _NOT_HEADLINE.match(clean(lines[i])) and not _BYLINE.match(clean(lines[i]))]
    near = [i for i in near if not _SUBTITLE.match(clean(lines[i]))]
    headline_like = [i for i in near if _plausible(lines[i]) and len(clean(lines[i])) >= _MIN_HEADLINE]
    if near and _short_headline(lines[near[0]], site):
        above = near[1] if len(near) > 1 else None
        if above is None or above not in headline_like or _OUTLET_NAME.search(clean(lines[above])):
            return near[0]
    return headline_like[0] if headline_like else None


def _plausible(raw: str) -> bool:
    """Not a menu item or row, a breadcrumb or a footer line."""
    line = clean(raw)
    return not (_BULLET.match(raw) or ">" in line or _MENU_ROW.match(raw.strip()) or FOOTER.match(line))


def _short_headline(raw: str, site: str | None) -> bool:
    line = clean(raw)
    return (
        len(line) >= _MIN_SHORT_HEADLINE
        and all(_is_cjk(ch) for ch in line)
        and line != site
        and not _OUTLET_NAME.search(line)
        and _plausible(raw)
    )


def _body_start(lines: list[str], start: int) -> int:
    """The first sentence-like line: long enough, indented like a paragraph or holding a full stop. A notice's
    salutation (各有关单位：) right before it opens the article."""
    salutation = None
    for i in range(start, len(lines)):
        raw = lines[i]
        line = clean(raw)
        if not line:
            continue
        credit_or_menu = line.lstrip("（(").startswith(("原标题", "原標題")) or _BULLET.match(raw)
        if len(line) >= 20 and not credit_or_menu and (raw.startswith("\u3000") or re.search(r"[。！？]", line)):
            return i if salutation is None else salutation
        salutation = i if _SALUTATION.match(line) else None
    return start


def _body_end(lines: list[str], start: int) -> int:
    for i in range(start + 1, len(lines)):
        if not lines[i].strip():
            continue
        line = clean(lines[i])
        if FOOTER.match(line) or (_SITE_CREDIT.match(line) and _beside_licence(lines, i)):
            return i
        if _APP_PROMO.search(line) and not _PROSE.search(line):
            return i
    return len(lines)


def _beside_licence(lines: list[str], i: int) -> bool:
    """A run of site credits from line ``i`` that holds or ends at the site's licence or copyright line."""
    for line in lines[i:]:
        if not line.strip():
            continue
        if _SITE_LICENCE.search(line):
            return True
        if not _SITE_CREDIT.match(clean(line)):
            return False
    return False


def _header_credits(lines: list[str], span: range, meta: int | None) -> tuple[list[int], list[int], list[int]]:
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
        elif _BYLINE.match(line):
            bylines.append(i)
        elif _CREDIT_WORDS.search(line) and len(line) <= 40:
            others.append(i)
    return labelled, bylines, others


def _offer_names(byline: re.Match[str] | None, draft: Draft) -> None:
    if byline is not None:
        draft.offer("author", " ".join(re.split(r"[、\s]+", byline["names"])))


def _read_meta(line: str, draft: Draft, editors: dict[str, str]) -> None:
    """Published date, author, sources and editor from the meta line (a relative time gives no date). A date
    labelled as the publication's (发布时间) wins over one printed before it (更新時間 18:42  發佈時間 14:05)."""
    publish = _PUBLISH_LABEL.search(line)
    found = (find_date(line[publish.end() :]) if publish else None) or find_date(line)
    if found is not None:
        result, match = found
        draft.fields["published"] = result.value
        if result.provenance == "assumed-beijing":
            draft.note("date-assumed-beijing", f"portal date {match.group(0).strip()!r} read as Beijing time")
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
    if _read_labels(text, draft, editors):
        return
    hit = _ACCOUNT.search(line)
    if hit:
        _offer_source(hit["x"], draft)
    else:
        _source_beside_date(line, draft)


def _source_beside_date(line: str, draft: Draft) -> None:
    """An unlabelled meta line's source: the word after the date and time (2024年05月10日 00:26 每日经济新闻), or
    the words before them (金融市场棱镜2019-09-23 07:48)."""
    found = find_date(line)
    if found is None:
        return
    after = [w for w in clean(line[found[1].end() :]).split(" ") if w and not _BESIDE_DATE_FILLER.fullmatch(w)]
    candidate = after[0] if after else clean(line[: found[1].start()])
    candidate = re.sub(r"^(?:来自|來自)", "", candidate)
    if candidate and re.fullmatch(r"[\u4e00-\u9fff\-－]{2,20}", candidate) and not _NOT_SOURCE.match(candidate):
        _offer_source(candidate, draft)


def _read_labels(text: str, draft: Draft, editors: dict[str, str]) -> bool:
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
            names = _NAMES.match(value)
            if names:
                authors.append(names.group(0).replace("、", " "))
        elif label["source"]:
            _offer_source(value, draft)
            named_source = True
        elif label["editor"]:
            editors.setdefault(label["editor"].translate(_SIMPLIFIED), editor_name(value))
    if authors:
        draft.offer("author", " ".join(authors))
    return named_source


def _value_end(value: str) -> int:
    """Where a labelled value ends: at a bracket, white space, a page tool or a date run on to it."""
    ends = [m.start() for m in (_VALUE_END.search(value), _DATE_START.search(value)) if m]
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


def _read_trailer(lines: list[str], draft: Draft, editors: dict[str, str]) -> None:
    """Credits printed right after the article: editor, source, author. Searched, not anchored: they run together."""
    for raw in lines:
        line = clean(raw)
        for editor in _TRAILER_EDITOR.finditer(line):
            editors.setdefault(editor["label"].translate(_SIMPLIFIED), editor_name(editor["x"]))
        hit = re.search(r"本文来源\s*[：:]\s*(?P<x>[^\s，。（）()]+?)(?=作者|责任编辑|[）)]|\s|$)", line)
        if hit:
            draft.add_sources((hit["x"],))
        hit = re.search(
            r"作者\s*[：:]\s*(?:.*(?:员|长|师|授|任|家))?(?P<x>[\u4e00-\u9fff]{2,4})(?:[）)]|\s|$)", line
        ) or re.fullmatch(r"文\s*/\s*(?P<x>\S{2,8})", line)
        if hit:
            draft.offer("author", hit["x"])
        hit = re.search(r"本文(?:地址|链接|网址)\s*[:：]\s*(?P<x>https?://\S+)", line)
        if hit:
            draft.offer("url", hit["x"])


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
