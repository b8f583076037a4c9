"""The article: where it starts (the first sentence-like line), where it ends (the first footer line) and the page
furniture inside it."""

from __future__ import annotations

import re

from ..._draft import Draft, clean
from .._shapes import PROSE
from ._shapes import BULLET

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
    r"本文(?:地址|链接|網址|网址)\s*[:：]|本文共\d+页|[上下]一[页頁]\s*$|(?:我要)?举报\s*$|(?:微信)?(?:扫一扫|掃一掃)\S{0,12}$"
    r"|(?:浏览|瀏覽)(?:人次|次数|次數)\s*[:：]|(?:References|Visible links|Hidden links:?)$",
    r"[\[【]\s*(?:打印|关闭|纠错|收藏)",
    # a disclaimer or reprint notice (声明：…, 本文为X原创文章，未经允许不得转载, 本作品为X原创，转载时务请注明出处)
    r"(?:声明|聲明)\s*[：:]|本(?:文|作品)(?:为|系|為)\S{0,30}原创\S{0,20}(?:转载|轉載)",
    # the comment box, share bar and reading suggestions after an article (请先 登录 后发表评论, 查看全部 139 条评论,
    # 你可能還想看, 其他人也在看, 猜你喜欢, 相关资讯), a loading placeholder and the engine's credit (Powered By X)
    r"请先\s*登录|請先\s*登入|查看全部\s*\d+\s*条评论|发表评论|你可能[还還]想看|其他人也在看|猜你喜[欢歡]|相[关關]资讯"
    r"|加[载載]中\s*\.{0,6}$|Powered\s+By\b|标签列表",
    # a list's label standing alone (作者最新文章, 热门文章, TA的热门作品, 更多推荐)
    r"\S{0,5}(?:最新|热门|熱門|更多|精彩)(?:文章|作品|推荐|推薦)\s*$",
    # a reposted article's closing note (信息来源于网络, 内容转自网络) and a follow bar (关注该公众号)
    r"(?:信息|内容|文章|本文)(?:来源于|来自|转自|轉自)(?:网络|網絡|互联网)|关注(?:该|此|本)?公众号\s*$",
    r"\S{0,12}(?:ICP[备证][^\s，。]{0,6}\d|公网安备\s*\d)|网站标识码|\S{0,20}版[权權]所有",
    r"(?:关于我们|联系我们)\s*(?:[|｜]|$)|网站地图",
)
#: An app promotion ending a mobile page's article (打开APP阅读更多精彩内容, 打开新浪新闻 查看更多精彩, 点我下载APP)
#: when the line is no sentence.
_APP_PROMO = re.compile(
    r"(?:下载|下載|打开|打開)\S{0,10}(?:APP|App|客户端|客戶端)|^(?:打开|打開)\S{2,10}\s*(?:查看|阅读|閱讀)更多|點我訂閱"
)
#: Page furniture inside the article, removed where it stands: 展开全文 (a mobile page's fold), an image's file name
#: standing for the image (4vCK…Ew.png).
_INLINE_FURNITURE = re.compile(
    r"^(?:(?:展[开開]全文|阅读全文|閱讀全文)\s*[>»]?|[\w-]{6,}\.(?:png|jpe?g|gif|webp|bmp))$"
)
#: A link list after the article (other headlines, each a bullet with no full stop, perhaps under its time): this
#: many items in a row end the article, when none is longer than a headline.
_LINK_RUN = 2
_HEADLINE_MAX = 40
#: The time stamp under a listed headline (12-2718:40, 2024-03-09 10:12): no text of its own.
_STAMP = re.compile(r"^[\d\s:/.-]{4,19}$")
#: A listed headline's end: no sentence stop closes it.
_SENTENCE_END = re.compile(r"[。！？；.!?…”」』）)]$")
#: A Taiwan byline in brackets opening the first paragraph: 〔記者王小明／台北報導〕台北市….
_LEAD_BYLINE = re.compile(
    r"^\s*[〔【\[(（](?:记者|記者)(?P<x>[\u4e00-\u9fff]{2,4})[／/][\u4e00-\u9fff]{2,4}(?:报导|報導|报道|報道)[〕】\])）]"
)
#: A breadcrumb (首页 > 时政新闻 > headline), never the article's first line.
_CRUMB = re.compile(r"^\S{1,8}\s*[>＞›»]")
#: A line ending a sentence with ！ or ？ (closing quotes after it allowed).
_EXCLAIM_END = re.compile(r"[！？][”」』\"'）)]*$")
#: A line this long with ！ or ？ inside is a paragraph, not a headline (portal headlines run to about 40 characters).
_LONG_LINE = 48
#: A line that starts the footer: the article has ended.
FOOTER = re.compile(r"^\s*(?:" + "|".join(_FOOTER_SHAPES) + ")")
#: The site owner's credits (主办单位：…, 技术支持：…) start the footer only when they run on to the site's licence or
#: copyright line: an event article lists its own 主办单位 and 承办单位 in the text.
_SITE_CREDIT = re.compile(r"^\s*(?:(?:主办|承办|协办)(?:单位)?|技术支持)\s*[:：]")
_SITE_LICENCE = re.compile(r"ICP[备证]|公网安备|网站标识码|版权所有|Copyright|©")


def article(lines: list[str], draft: Draft) -> list[str]:
    """The article's lines less the page furniture inside it (展开全文); a Taiwan byline opening it gives the author."""
    out: list[str] = []
    started = False  # a line with text has been kept: a byline can only open the article
    for line in lines:
        if _INLINE_FURNITURE.match(clean(line)):
            draft.remove("portal-header", line)  # page furniture inside the article
            continue
        lead = None if started else _LEAD_BYLINE.match(line)
        if lead:
            draft.offer("author", lead["x"])
            draft.remove("byline", lead.group(0))
            line = line[lead.end() :]
        started = started or bool(line.strip())
        out.append(line)
    return out


def body_start(lines: list[str], start: int) -> int:
    """The first sentence-like line: long enough, indented like a paragraph or holding a full stop. A notice's
    salutation (各有关单位：) right before it opens the article."""
    salutation = None
    for i in range(start, len(lines)):
        raw = lines[i]
        line = clean(raw)
        if not line:
            continue
        credit_or_menu = line.lstrip("（(").startswith(("原标题", "原標題")) or BULLET.match(raw) or _CRUMB.match(line)
        if len(line) >= 20 and not credit_or_menu and (raw.startswith("\u3000") or _sentence_like(line)):
            return i if salutation is None else salutation
        salutation = i if _SALUTATION.match(line) else None
    return start


def _sentence_like(line: str) -> bool:
    """A paragraph's line: a full stop, or a sentence ending ！/？ (…”), or a long line with one inside. A headline
    holds its ！/？ in the middle (…太痛苦，转行当美人鱼！每小时收入近千元) and is not taken for the article."""
    if "。" in line or _EXCLAIM_END.search(line):
        return True
    return len(line) >= _LONG_LINE and ("！" in line or "？" in line)


def body_end(lines: list[str], start: int) -> int:
    for i in range(start + 1, len(lines)):
        if not lines[i].strip():
            continue
        line = clean(lines[i])
        if FOOTER.match(line) or (_SITE_CREDIT.match(line) and _beside_licence(lines, i)):
            return i
        if _APP_PROMO.search(line) and not PROSE.search(line):
            return i
        if _is_list_item(lines, i) and _link_run(lines, i):
            return i
    return len(lines)


def _link_run(lines: list[str], i: int) -> bool:
    """At least :data:`_LINK_RUN` listed headlines from line ``i`` on, only time stamps between them."""
    items = 0
    for j in range(i, len(lines)):
        line = clean(lines[j])
        if not line or _STAMP.match(line):
            continue
        if not (_is_list_item(lines, j) and _is_listed_headline(line)):
            break
        items += 1
        if items >= _LINK_RUN:
            return True
    return False


def _is_list_item(lines: list[str], i: int) -> bool:
    """A bullet item, or a line over a time stamp (a browser dump's list has no bullets)."""
    if BULLET.match(lines[i]):
        return True
    following = next((clean(lines[j]) for j in range(i + 1, len(lines)) if lines[j].strip()), "")  # no slice copy
    return bool(_STAMP.match(following))


def _is_listed_headline(line: str) -> bool:
    """A bullet item the length of a headline with no sentence stop closing it."""
    return len(line) <= _HEADLINE_MAX and not _SENTENCE_END.search(line)


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
