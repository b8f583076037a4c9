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

#: What may open a credit line: a bracket, or the bullet some outlets print before bylines (●本报记者, ■编辑).
_OPEN = r"[（(【\[●○■□◆◇▲△★☆▶►▪•]?\s*"
_CLOSE = r"\s*[）)】\]]?"
_NAME = r"[^（）()【】\[\]]"
#: A dateline's words before its bracket (本报讯, 财联社): no sentence punctuation, which would make it a sentence.
_WIRE_NAME = r"[^（）()【】\[\]。！？；，,]"
#: Outlet names end like outlets: …社, …网, …报, …台, …新闻, …客户端. Parentheses such as （附名单） do not.
_OUTLET = rf"{_NAME}{{1,14}}?(?:社|网|網|报|報|台|新闻|新聞|客户端|周刊|杂志|通讯|资讯|财经|日报|时报|晚报|早报|APP)"
_DATE_MD = r"\d{1,2}\s?月\s?\d{1,2}\s?日"
#: Credit words in simplified and traditional characters (Big5 pages print 來源, 責任編輯, 原標題, 記者).
_SOURCE_WORD = "[来來]源"
_EDITOR_WORD = "[编編][辑輯]"
_REPORTER_WORD = "[记記]者"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


#: Words that follow 记者/作者 or sit in closing brackets but are not names: 记者手记, 作者简介, （完）, （综合报道）.
_NOT_A_NAME = (
    r"(?!附|注|完|图|下同|详见|资料|原标题|编者|续|未完|待续|全文|综合|本报|本刊|整理|手记|简介|观察|调查|札记|来信"
    r"|报道|编辑|通讯员|实习生|记者|摄|推介|推荐|推薦|精选|精選)"  # 编辑推介, 編輯精選: a section's heading
)
#: A Chinese name: 2-4 characters, a transliteration with · (阿依努尔·吐尔逊), or a 2-character name padded to the
#: width of 3 with a space (王 明), as bylines print them.
_CJK_NAME = (
    rf"{_NOT_A_NAME}(?![\u4e00-\u9fff]{{0,3}}?(?:{_EDITOR_WORD}|{_REPORTER_WORD}|通讯员))(?:[\u4e00-\u9fff]{{1,6}}·[\u4e00-\u9fff·]{{1,12}}|[\u4e00-\u9fff·]{{2,4}}"
    rf"|[\u4e00-\u9fff] [\u4e00-\u9fff](?![\u4e00-\u9fff]))"
)
_NAMES = rf"{_CJK_NAME}(?:[、，,\s]+{_CJK_NAME})*"
#: Correspondents credited after the reporters (记者 A 通讯员 B): writers too; the role word is dropped from the field.
_MORE_WRITERS = rf"(?:\s*(?:通讯员|实习生|{_REPORTER_WORD})\s*{_NAMES})*"
#: What the credited did, after the names (摄, 报道): not part of a name.
_ROLE = r"(?:\s*(?:摄影?|报道))?"
#: A name or staff code in a credit line: CJK (transliterations with ·) or Latin, then a staff code (SF014, _NN25).
_PERSON = (
    r"(?:(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,12}|[A-Za-z][A-Za-z.\-]{1,20})"
    r"(?:[\s_]*(?:[A-Z]{1,4}\d{1,6}|[A-Z]{2,3}))?"
    r"|[A-Z]{1,4}\d{1,6})"  # a staff code alone: （责任编辑：DF532）
)
_PEOPLE = rf"{_PERSON}(?:\s*[、，,]\s*{_PERSON}|\s+{_PERSON})*"
#: A role noted after the names: （实习生）, （见习）.
_ROLE_NOTE = r"(?:\s*[（(][\u4e00-\u9fff]{1,6}[）)])?"
#: Other staff credits that may follow on the same line (编辑：A 审核：B): removed with it, not read into the field.
_STAFF_LABEL = (
    rf"(?:责任{_EDITOR_WORD}|責任{_EDITOR_WORD}|[责責]编|{_EDITOR_WORD}|审核|校对|监制|统筹|制图|设计|美编|主编|终审|二审|三审"
    rf"|初审|排版|摄影|摄像|图片|{_REPORTER_WORD}|作者|{_SOURCE_WORD})"
)
_MORE_CREDITS = rf"(?:\s*{_STAFF_LABEL}\s*[:：|｜/]\s*.*)?"
#: Who wrote it, before the names: 作者：, 文/图, 撰文｜ (a separator is needed: 文 alone is a word).
_WRITER_LABEL = r"(?:(?:文/图|图/文)\s*[:：/｜|]?|(?:撰文|文字|采写|文|作者)\s*[:：/｜|])\s*"
#: A reporter, perhaps of a named outlet: 记者, 本报记者, 新华社记者, 澎湃新闻记者, 每经记者.
_REPORTER = rf"[\u4e00-\u9fff]{{0,6}}?{_REPORTER_WORD}\s*[:：/｜|]?\s*"
#: An editor credited on a byline's line: 每经记者 A 每经编辑 B.
_BYLINE_EDITOR = rf"(?:\s+[\u4e00-\u9fff]{{0,4}}?{_EDITOR_WORD}\s*[:：/｜|]?\s*(?P<editor>{_PEOPLE}))?"
#: An outlet named in a source line: no spaces at its ends, no brackets or sentence punctuation inside.
_SOURCE = r"[^\s（）()【】\[\]，。；！？,;:：|｜、]+(?:\s(?!(?:19|20)\d\d)[^\s（）()【】\[\]，。；！？,;:：|｜、]+)*"
#: An account's ID after its name: 来源：某某（ID：abc123）.
_ACCOUNT_ID = r"(?:\s*[（(]\s*(?:ID|微信号|公众号)\s*[:：]?[^（）()]*[）)])?"
#: A date after the outlet on a source line (来源：某报 2023-05-06 09:12): removed with the line, not an outlet.
_TRAILING_DATE = r"(?:\s+(?:19|20)\d\d\s*[-/.年][\d\s:：\-/.年月日]*)?"

TEXT_RULES: tuple[TextRule, ...] = (
    TextRule(
        name="original-title",
        needs=("原标题", "原標題"),
        description="原标题 line: the title the article first ran under",
        # a source credited on the same line (原标题：X 来源：Y) is the article's source, not part of the title
        pattern=_rx(
            rf"{_OPEN}原[标標][题題]\s*[:：]\s*(?P<original_title>[^。]+?)"
            rf"(?:\s*[|｜]?\s*(?:文章|本文)?{_SOURCE_WORD}\s*[:：丨|｜]\s*(?P<sources>{_SOURCE}))?{_CLOSE}"
        ),
        max_length=200,
    ),
    TextRule(
        name="image-credit",
        needs=("图", "照片", "视频", "圖"),
        description="image credit line (图片来源：…, 封面图片来源：…): not a source of the article",
        pattern=_rx(
            r"[（(]?\s*(?:封面)?(?:图片|图|照片|视频|截图|配图|圖片|圖)\s*[（(]?\s*(?:来源|來源|来自|來自|提供|作者)"
            r"(?:\s*[:：].*|[^，。；！？,;]*)"  # without a colon, no sentence may follow: 视频来源于网友拍摄，…
        ),
        max_length=60,
    ),
    TextRule(
        name="source-line",
        needs=("来源", "來源"),
        description="来源/文章来源/本文来源 line: the outlets credited (split on 、)",
        pattern=_rx(
            rf"{_OPEN}(?:文章|本文|稿件|新闻|消息)?{_SOURCE_WORD}(?:于)?\s*[:：丨|｜]\s*"
            rf"(?P<sources>{_SOURCE}(?:\s*[、，,;；/]\s*{_SOURCE})*){_ACCOUNT_ID}{_TRAILING_DATE}{_MORE_CREDITS}{_CLOSE}"
        ),
        max_length=60,
    ),
    TextRule(
        name="editor-line",
        needs=("编辑", "责编", "編輯", "責編"),
        description="责任编辑/责编/编辑 line: the editor, staff codes dropped",
        pattern=_rx(
            rf"{_OPEN}(?:[责責]任{_EDITOR_WORD}|[责責]编|[\u4e00-\u9fff]{{0,2}}{_EDITOR_WORD})"
            rf"(?:\s*[:：|｜/]\s*|\s+|(?={_CJK_NAME}{_CLOSE}$))"  # no separator: only a name may follow
            rf"(?P<editor>{_PEOPLE}){_ROLE_NOTE}{_MORE_CREDITS}{_CLOSE}"
        ),
        max_length=40,
    ),
    TextRule(
        name="byline",
        needs=("记者", "記者", "作者", "文：", "文:", "文/", "文 ", "文｜", "文|"),
        description="byline line: 本报记者X发自Y, 新华社记者A B, 记者A、B, 作者：X, 文/图 本报记者X",
        pattern=_rx(
            rf"{_OPEN}(?:《[^》]{{1,12}}》)?(?:{_WRITER_LABEL}(?:{_REPORTER})?|{_REPORTER}|作者\s*)"
            rf"(?P<author>{_NAMES}{_MORE_WRITERS})"
            rf"\s*(?:发自\S{{0,8}}|报道)?{_BYLINE_EDITOR}{_CLOSE}"
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
        name="credit-row",
        needs=("编辑", "責編", "责编", "編輯"),
        description="a row of credits ending an article: who supplied it, photographer, editor "
        "(临江区卫健委供稿  摄影/张艳  编辑/苏芳)",
        pattern=_rx(
            rf"(?:[^\s，。]{{2,20}}(?:供稿|供图|整理)\s+)?(?:(?:摄影|图片|摄像|文字|撰文|审核|校对)\s*[:：/]\s*{_PEOPLE}\s+)*"
            rf"(?:[责責]任{_EDITOR_WORD}|[责責]编|{_EDITOR_WORD})\s*[:：/]\s*(?P<editor>{_PEOPLE}){_MORE_CREDITS}"
        ),
        max_length=60,
    ),
    TextRule(
        name="staff-credits",
        needs=("校对", "图表", "美编", "审核", "监制", "统筹", "制图", "设计"),
        description="other staff credit lines: 校对|…, 图表：…, 编辑| A B",
        pattern=_rx(rf"(?:校对|图表|美编|审核|监制|统筹|制图|设计)\s*[:：|｜/]\s*{_PEOPLE}{_ROLE_NOTE}{_MORE_CREDITS}"),
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
        needs=("声明", "本文", "风险提示", "转载", "版权归"),
        description="disclaimers: 免责声明：…, 广告声明：…, 本文仅代表作者观点…, 本文系转载…, 转载请注明出处",
        pattern=_rx(
            r"[（(【]?\s*(?:免责声明|特别声明|版权声明|平台声明|广告声明|风险提示)\s*[:：].*|本文仅代表作者.*|本文系作者授权.*"
            r"|本文系转载.*|.*版权归原作者所有.*|.*转载请注明出处.*|.*未经授权[，,]?(?:禁止|不得)转载.*"
        ),
        max_length=300,
    ),
    TextRule(
        name="promo",
        needs=("点击", "二维码", "扫码", "关注我们", "APP"),
        description="calls to action: 请点击…, 点击阅读原文, 扫描/长按二维码…, 关注我们, 下载…APP",
        pattern=_rx(
            r".*(?:请点击|点击下方|点击进入|点击阅读原文|(?:长按|扫描|识别)\S{0,6}二维码|扫码(?:关注|下载)|(?:欢迎|请|敬请)关注我们"
            r"|^关注我们|下载\S{0,8}APP).*"
        ),
        max_length=80,
    ),
    TextRule(
        name="reprint-note",
        needs=("本文来自", "本文转载自", "本文转自", "转载自", "本文来源于"),
        description="reprint note opening or closing a post: 本文来自微信公众号“X”（ID：…），作者：…，经授权发布",
        pattern=_rx(
            r"[（(]?\s*(?:本文(?:转载)?(?:来自|转自|来源于)|转载自)\s*(?:微信)?(?:公众号|微博)?\s*[:：]?\s*"
            rf"[“\"「『]?(?P<sources>[^”\"」』（）()，,。]{{2,24}})[”\"」』]?(?:.*?作者\s*[:：]\s*(?P<author>{_CJK_NAME}(?:、{_CJK_NAME})*))?.*"
        ),
        max_length=160,
    ),
    TextRule(
        name="paper-edition",
        needs=("版",),
        description="a newspaper's edition line closing a reprint: 《 某某日报 》（ 2024年05月06日 04 版）",
        pattern=_rx(
            r"《\s*(?P<sources>[^《》]{2,16}?)\s*》\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*第?\s*\d{1,3}\s*版\s*[）)]"
        ),
        max_length=60,
    ),
    TextRule(
        name="tip-thanks",
        needs=("线索",),
        description="thanks for a reader's tip opening or closing a post: 感谢某某网友 X 的线索投递！",
        pattern=_rx(r"感谢.{1,40}?的线索(?:投递|提供)?[！!。]?"),
        max_length=60,
    ),
    TextRule(
        name="end-mark",
        needs=("END", "完"),
        description="a line marking the end of the article: - END -, （完）, （全文完）",
        pattern=_rx(r"[-—–=·\s]*(?:THE\s+)?END[-—–=·\s]*|[（(\[【]\s*(?:全文)?完\s*[）)\]】]"),
        max_length=20,
    ),
    TextRule(
        name="separator",
        needs=("---", "***", "===", "___", "~~~", "———", "···", "* * *"),
        description="a line of only rule characters (---, ***, ———) between parts of the text",
        pattern=_rx(r"(?:[-*=_~—·]\s?){3,}"),
        max_length=80,
    ),
    TextRule(
        name="page-marker",
        needs=("版", "页", "頁"),
        description="a printed page's furniture: a newspaper's page header (第3版 专栏：…), a PDF's page footer "
        "(第 2 页 共 6 页, 2/6页)",
        pattern=_rx(
            r"第\s*[\d一二三四五六七八九十]{1,3}\s*版(?:\s*[:：]?\s*\S[^。！？，]{0,24})?"
            r"|第\s*\d{1,4}\s*[页頁]\s*[/,，、]?\s*共\s*\d{1,4}\s*[页頁]|共\s*\d{1,4}\s*[页頁]\s*第\s*\d{1,4}\s*[页頁]"
            r"|\d{1,4}\s*/\s*\d{1,4}\s*[页頁]"
        ),
        max_length=30,
    ),
    TextRule(
        name="field-label",
        needs=("正文", "内容", "標題", "标题", "正　文"),
        description="a scraper's field label on a line of its own (正文：, 内容：): not text",
        pattern=_rx(r"[\[【]?(?:正\s*文|内\s*容|標題|标题)\s*[:：]?[\]】]?"),
        max_length=6,
    ),
    TextRule(
        name="writer-credit",
        needs=("/", "／"),
        description="a closing credit naming the writer before 文 (王明/文, 王明／文图)",
        pattern=_rx(rf"{_OPEN}(?P<author>{_NAMES})\s*[/／]\s*(?:文图|图文|文){_CLOSE}"),
        max_length=30,
    ),
    TextRule(
        name="original-title-lead",
        description="原标题 fused with the text after it on one line (原标题：X 新标题 正文……): the first words",
        pattern=_rx(rf"^{_OPEN}原[标標][题題]\s*[:：]\s*(?P<original_title>[^\s。！？]{{4,40}})\s+(?=\S.*[。！？])"),
        where="head",
    ),
    TextRule(
        name="dateline",
        description="dateline opening the first paragraph (新华社北京3月1日电, 本报讯); kept in the text",
        pattern=_rx(
            rf"^(?P<dateline>{_NAME}{{0,12}}?{_DATE_MD}(?:电|讯|消息)|本报讯|本刊讯|{_NAME}{{1,8}}?(?:网|社|报|台)讯"
            rf"|{_NAME}{{1,8}}?[（(][^（）()]{{1,20}}[）)]讯)"
        ),
        where="head",
        removes=False,
    ),
    TextRule(
        name="dateline-credit",
        description="reporter or editor in a dateline: 本报讯（记者 X）, 财联社（上海，编辑 X）讯",
        pattern=_rx(
            rf"^{_WIRE_NAME}{{0,20}}?[（(](?:[^（）()]{{0,12}}?[，,]\s*)?(?:编辑\s*(?P<editor>{_CJK_NAME})"
            rf"|(?:本报)?(?:{_REPORTER_WORD}|通讯员)\s*(?P<author>{_NAMES}{_MORE_WRITERS}){_ROLE})\s*[）)]"
        ),
        where="head",
        removes=False,
    ),
    TextRule(
        name="dateline-byline",
        description="reporters after a dateline, no brackets: 本报北京5月6日电 记者A、B报道, 本报讯 记者 A 通讯员 B",
        pattern=_rx(
            rf"^(?:{_NAME}{{0,12}}?{_DATE_MD}电|本报讯|本刊讯)\s*(?:本报)?{_REPORTER_WORD}\s*"
            rf"(?P<author>{_NAMES}{_MORE_WRITERS})(?:\s*报道|\s+(?=\S))"  # names end at 报道 or before the sentence
        ),
        where="head",
        removes=False,
    ),
    TextRule(
        name="dateline-names",
        description="the reporters' names alone in brackets after a wire dateline: 新华社临江5月19日电（王明、李华）",
        pattern=_rx(rf"^{_NAME}{{0,12}}?{_DATE_MD}电\s*[（(](?P<author>{_NAMES})[）)]"),
        where="head",
        removes=False,
    ),
    TextRule(
        name="byline-head",
        description="byline opening the first paragraph: 本报记者X发自Y / 本报记者X报道",
        pattern=_rx(rf"^(?:本报|本刊)记者\s*(?P<author>{_CJK_NAME})\s*(?:发自\S{{0,6}}?|报道)(?=\s)"),
        where="head",
    ),
    TextRule(
        name="outlet-credit",
        description="parenthesised outlet closing the article: （新华社）, (央视新闻)",
        pattern=_rx(
            rf"\s*[（(](?:据|综合自?|来自|{_SOURCE_WORD}[:：]?)?(?P<sources>{_OUTLET}(?:[、，,]{_OUTLET})*)[）)]\s*$"
        ),
        where="tail",
    ),
    TextRule(
        name="editor-credit",
        description="parenthesised editor closing the article: （编辑王芳）, (责任编辑：王芳、李华)",
        pattern=_rx(
            rf"\s*[（(]\s*(?:责任{_EDITOR_WORD}|責任{_EDITOR_WORD}|[责責]编|{_EDITOR_WORD})\s*[:：]?\s*"
            rf"(?P<editor>{_PEOPLE})\s*[）)]\s*$"
        ),
        where="tail",
    ),
    TextRule(
        name="compiled-credit",
        description="outlets an article was compiled from, closing it: （综合整理自临江日报、云港观察等）",
        needs=("自",),
        pattern=_rx(
            r"\s*[（(](?:综合|綜合)?(?:整理|编译|編譯|摘编|摘編)?自\s*"
            r"(?P<sources>[^（）()、，,。\s]{2,16}(?:[、，,][^（）()、，,。\s]{2,16})*?)等?[）)]\s*$"
        ),
        where="tail",
    ),
    TextRule(
        name="source-credit",
        description="parenthesised source label closing the article: （来源：某某海外版）",
        pattern=_rx(rf"\s*[（(](?:文章|本文)?{_SOURCE_WORD}\s*[:：]\s*(?P<sources>[^（）()，。]{{2,30}})[）)]\s*$"),
        where="tail",
    ),
    TextRule(
        name="reporter-credit",
        description="parenthesised reporter credit closing the article: （记者 王明）",
        pattern=_rx(
            rf"\s*[（(](?:通讯员|{_NAME}{{0,12}}?{_REPORTER_WORD})\s*(?P<author>{_NAMES}{_MORE_WRITERS}){_ROLE}\s*[）)]\s*$"
        ),
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
        name="end-note",
        description="end mark closing the last paragraph: …。（完）, …。（全文完）",
        pattern=_rx(r"\s*[（(]\s*(?:全文)?完\s*[）)]\s*$"),
        where="tail",
    ),
    TextRule(
        name="return-link",
        description="'back to the home page' links left at the end of the text: 返回某网首页>>",
        pattern=_rx(r"\s*返回[^\s，。]{0,8}(?:首页>*|，查看更多)\s*$"),
        where="tail",
    ),
)
