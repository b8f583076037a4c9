"""Boilerplate rules, kept as data: a name, what it matches, and what it turns the match into.

Two kinds:

* :data:`MARKUP_RULES` cut HTML elements (scripts, embeds, promos) out of the tree before text is read;
* :data:`TEXT_RULES` look at the text of body blocks. A rule's named groups are the document fields the match
  fills (``sources``, ``editor``, ``author``, ``url``, ``original_title``, ``dateline``); the matched span is removed
  from the body and recorded with the rule's name. ``where`` says which blocks a rule looks at: ``block`` (a whole
  block, any position), ``head`` (the start of the first paragraph), ``tail`` (the end of the last paragraph).

The docs' rule table is generated from these tuples, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

import attrs


@attrs.frozen(kw_only=True)
class MarkupRule:
    """Removes HTML elements by tag, class or inline style."""

    name: str
    description: str
    tags: frozenset[str] = frozenset()
    classes: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    ends_paragraph: bool = True

    def matches(self, tag: str, attributes: Mapping[str, str | None] | None) -> bool:
        if tag in self.tags:
            return True
        if attributes is None or not (self.classes or self.styles or self.attributes):
            return False
        if any(a in attributes for a in self.attributes):
            return True
        klass = attributes.get("class") or ""
        if klass and any(c in klass for c in self.classes):
            return True
        style = (attributes.get("style") or "").replace(" ", "").lower()
        return bool(style) and any(s in style for s in self.styles)


@attrs.frozen(kw_only=True)
class TextRule:
    """Turns a credit line or a boilerplate line of the body into fields and a recorded removal."""

    name: str
    description: str
    pattern: re.Pattern[str]
    where: Literal["block", "head", "tail"] = "block"
    #: Blocks longer than this are article text, whatever they start with.
    max_length: int = 160
    #: False for rules that only read a field and leave the text as it is (datelines open the first sentence).
    removes: bool = True
    #: Words the pattern cannot match without: a block holding none of them is not tried (a cheap pre-check).
    #: Block text is white-space normalised: a colon after 文 follows it directly or after a single space.
    needs: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.pattern.groupindex)


MARKUP_RULES: tuple[MarkupRule, ...] = (
    MarkupRule(name="script", description="scripts and their fallbacks", tags=frozenset({"script", "noscript"})),
    MarkupRule(name="style-block", description="CSS style blocks", tags=frozenset({"style", "link", "meta"})),
    MarkupRule(
        name="embedded-media",
        description="video/audio embeds and frames (their src is kept in the removal)",
        tags=frozenset({"iframe", "video", "audio", "embed", "object", "source", "canvas", "svg"}),
    ),
    MarkupRule(
        name="form",
        description="comment forms, buttons and inputs",
        tags=frozenset({"form", "input", "button", "select", "textarea", "template"}),
    ),
    MarkupRule(
        name="hidden-element",
        description="elements hidden with display:none, visibility:hidden or the hidden attribute",
        styles=("display:none", "visibility:hidden"),
        attributes=("hidden",),
    ),
    MarkupRule(
        name="qr-promo", description="QR-code / app download promos", classes=("appendQr", "qrcode", "app-promo")
    ),
    MarkupRule(
        name="related-links",
        description="related-article and recommendation boxes",
        classes=("article-relation", "related", "recommend"),
    ),
    MarkupRule(name="ad", description="advertisement slots", classes=("adlist", "advert", "ad-box", "ad_")),
    MarkupRule(name="more-link", description="'read more / discuss' link boxes", classes=("view-more", "read-more")),
)

#: Widgets that live between two marker comments: (rule name, start marker, end marker).
WIDGET_COMMENTS: tuple[tuple[str, str, str], ...] = (("stock-widget", "EM_StockImg_Start", "EM_StockImg_End"),)

_OPEN = r"[（(【\[]?\s*"
_CLOSE = r"\s*[）)】\]]?"
_NAME = r"[^（）()【】\[\]]"
#: Outlet names end like outlets: …社, …网, …报, …台, …新闻, …客户端. Parentheses such as （附名单） do not.
_OUTLET = rf"{_NAME}{{1,14}}?(?:社|网|报|台|新闻|客户端|周刊|杂志|通讯|资讯|财经|日报|时报|晚报|早报|APP)"
_DATE_MD = r"\d{1,2}月\d{1,2}日"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_CJK_NAME = r"[\u4e00-\u9fff·]{2,4}"
_NAMES = rf"{_CJK_NAME}(?:[、，,\s]+{_CJK_NAME})*"
#: Parenthesised words that close an article but are not credits: （附名单）, （完）, （图）.
_NOT_A_NAME = r"(?!附|注|完|图|下同|详见|资料|原标题|编者|续)"

TEXT_RULES: tuple[TextRule, ...] = (
    TextRule(
        name="original-title",
        needs=("原标题",),
        description="原标题 line: the title the article first ran under",
        pattern=_rx(rf"{_OPEN}原标题\s*[:：]\s*(?P<original_title>.+?){_CLOSE}"),
        max_length=200,
    ),
    TextRule(
        name="image-credit",
        needs=("图", "照片", "视频"),
        description="image credit line (图片来源：…, 封面图片来源：…): not a source of the article",
        pattern=_rx(r"[（(]?\s*(?:封面)?(?:图片|图|照片|视频|截图|配图)\s*[（(]?\s*(?:来源|来自|提供|作者)\s*[:：]?.*"),
        max_length=60,
    ),
    TextRule(
        name="source-line",
        needs=("来源",),
        description="来源/文章来源/本文来源 line: the outlets credited (split on 、)",
        pattern=_rx(rf"{_OPEN}(?:文章|本文|稿件|新闻|消息)?来源(?:于)?\s*[:：]\s*(?P<sources>{_NAME}+?){_CLOSE}"),
        max_length=60,
    ),
    TextRule(
        name="editor-line",
        needs=("编辑", "责编"),
        description="责任编辑/责编/编辑 line: the editor, staff codes dropped",
        pattern=_rx(
            rf"{_OPEN}(?:责任编辑|责编|[\u4e00-\u9fff]{{0,2}}编辑)\s*[:：|｜/]?\s*(?P<editor>{_NAME}+?){_CLOSE}"
        ),
        max_length=40,
    ),
    TextRule(
        name="byline",
        needs=("记者", "作者", "文：", "文:", "文/", "文 "),
        description="byline line: 本报记者X发自Y, 记者A、B, 作者：X",
        pattern=_rx(
            rf"{_OPEN}(?:《[^》]{{1,12}}》)?(?:(?:本报|本刊|特约)?记者\s*[:：/]?|作者\s*[:：/]?|(?:撰文|文)\s*[:：/])"
            rf"\s*(?P<author>{_NAMES})"
            rf"\s*(?:发自\S{{0,8}}|报道)?{_CLOSE}"
        ),
        max_length=40,
    ),
    TextRule(
        name="credit-line",
        needs=("作者", "文字", "文：", "文:", "文/", "文｜", "文|", "文 "),
        description="closing credit line 文字：…摄影：… (writer and photographer)",
        pattern=_rx(
            r"(?:文字|撰文|作者|文)\s*[:：/｜|]\s*(?P<author>[^:：，。,]+?)\s*"
            r"(?:摄影|图片|摄像|图)\s*[:：/｜|]\s*[^:：，。,]+?"
        ),
        max_length=40,
    ),
    TextRule(
        name="staff-credits",
        needs=("校对", "图表", "美编", "审核", "监制", "统筹", "制图", "设计"),
        description="other staff credit lines: 校对|…, 图表：…, 编辑| A B",
        pattern=_rx(r"(?:校对|图表|美编|审核|监制|统筹|制图|设计)\s*[:：|｜/]\s*\S.{0,30}"),
        max_length=40,
    ),
    TextRule(
        name="source-url",
        needs=("<",),
        description="trailing autolink <http://…> of the article's own page (<> when empty)",
        pattern=_rx(r"<(?P<url>https?://[^\s<>]*)?>"),
    ),
    TextRule(
        name="page-url",
        needs=("http",),
        description="本文地址/本文链接/原文链接 line: the article's own page",
        pattern=_rx(r"(?:本文|原文)(?:地址|链接|网址)\s*[:：]\s*(?P<url>https?://\S+)"),
    ),
    TextRule(
        name="nav-links",
        needs=("](",),
        description="navigation links such as [返回首页](//…)",
        pattern=_rx(r"(?:\[[^\]]*\]\([^)]*\)\s*[｜|/]?\s*)+"),
        max_length=400,
    ),
    TextRule(
        name="disclaimer",
        needs=("声明", "本文", "风险提示"),
        description="disclaimers: 免责声明：…, 特别声明：…, 本文仅代表作者观点…",
        pattern=_rx(
            r"[（(【]?\s*(?:免责声明|特别声明|版权声明|平台声明|风险提示)\s*[:：].*|本文仅代表作者.*|本文系作者授权.*"
        ),
        max_length=300,
    ),
    TextRule(
        name="promo",
        needs=("点击", "二维码", "扫码", "关注我们", "APP"),
        description="calls to action: 请点击…, 扫描/长按二维码…, 关注我们, 下载…APP",
        pattern=_rx(
            r".*(?:请点击|点击下方|点击进入|长按(?:识别)?二维码|扫描(?:下方)?二维码|扫码(?:关注|下载)|关注我们|下载\S{0,8}APP).*"
        ),
        max_length=80,
    ),
    TextRule(
        name="dateline",
        description="dateline opening the first paragraph (新华社北京3月1日电, 本报讯); kept in the text",
        pattern=_rx(
            rf"^(?P<dateline>{_NAME}{{0,12}}?{_DATE_MD}(?:电|讯)|本报讯|本刊讯|{_NAME}{{1,8}}?(?:网|社|报|台)讯"
            rf"|{_NAME}{{1,8}}?[（(][^（）()]{{1,20}}[）)]讯)"
        ),
        where="head",
        removes=False,
    ),
    TextRule(
        name="dateline-credit",
        description="reporter or editor in a dateline: 本报讯（记者 X）, 财联社（上海，编辑 X）讯",
        pattern=_rx(
            rf"^{_NAME}{{0,20}}?[（(](?:[^（）()]{{0,12}}?[，,]\s*)?(?:编辑\s*(?P<editor>{_CJK_NAME})"
            rf"|(?:本报)?(?:记者|通讯员)\s*(?P<author>{_NAMES}))\s*[）)]"
        ),
        where="head",
        removes=False,
    ),
    TextRule(
        name="byline-head",
        description="byline opening the first paragraph: 本报记者X发自Y / 本报记者X报道",
        pattern=_rx(rf"^(?:本报|本刊)记者\s*(?P<author>{_CJK_NAME}?)\s*(?:发自\S{{0,6}}?|报道)(?=\s)"),
        where="head",
    ),
    TextRule(
        name="outlet-credit",
        description="parenthesised outlet closing the article: （新华社）, (央视新闻)",
        pattern=_rx(rf"\s*[（(](?P<sources>{_OUTLET})[）)]\s*$"),
        where="tail",
    ),
    TextRule(
        name="reporter-credit",
        description="parenthesised reporter credit closing the article: （记者 王明）",
        pattern=_rx(rf"\s*[（(](?:{_NAME}{{0,12}}?记者|通讯员)\s*(?P<author>{_NAME}{{1,20}}?)\s*[）)]\s*$"),
        where="tail",
    ),
    TextRule(
        name="author-credit",
        description="parenthesised author closing the article: （王明）, （某报评论员）",
        pattern=_rx(
            rf"\s*[（(]{_NOT_A_NAME}(?P<author>[\u4e00-\u9fff·]{{2,4}}|[\u4e00-\u9fff]{{2,10}}(?:评论员|观察员))[）)]\s*$"
        ),
        where="tail",
    ),
    TextRule(
        name="return-link",
        description="'back to the home page' links left at the end of the text: 返回某网首页>>",
        pattern=_rx(r"\s*返回[^\s，。]{0,8}(?:首页>*|，查看更多)\s*$"),
        where="tail",
    ),
)
