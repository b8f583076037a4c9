"""Hypothesis strategies: news articles, rendered into the files of each variant, in each encoding.

Three layers, each usable alone:

* :func:`articles` builds what a file *means* (an :class:`Article`: title, date, categories, tags, body blocks,
  credit lines, boilerplate), from a small vocabulary chosen so that body text can never look like a credit or
  boilerplate line (no 来源/编辑/记者/原标题/电/讯/图/文/点击 … words) — a paragraph that looked like one could
  rightly be removed, and the round trip could not say what to expect.
* :func:`rendered` writes an article as the text of one variant's file, with that variant's quirks (Hexo: leading
  blank lines, no opening fence, brace-less ``;;;`` JSON, ``&#123;`` braces; portal: menus, meta line, footer), and
  returns a :class:`Case` holding the text and the fields a parser must recover from it (:attr:`Case.expected`:
  only what the variant can carry — a bare text file has no date, a portal dump one category).
* :func:`encodings` and :func:`encode` turn text into bytes: UTF-8, UTF-8 with BOM, GB18030, UTF-16 with BOM; LF
  or CRLF. Every generated character is encodable in GB18030.

YAML values are rendered with ``yaml.safe_dump`` or JSON quoting, so a file means what the article says.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
from collections.abc import Callable
from typing import Any

import attrs
import yaml
from hypothesis import strategies as st

# -- vocabulary -------------------------------------------------------------------------------------------------------

#: Two-character words for body text, headings, captions and names of things. None of them contains a character that
#: opens a credit or boilerplate rule (文 图 电 讯 记 编 源 原 摄 点 返 …), so no generated block can match one.
WORDS = (
    "临江", "新区", "城市", "公园", "居民", "交通", "线路", "今天", "开通", "社区", "工程", "项目", "服务", "学校",
    "医院", "市场", "河道", "绿地", "桥梁", "道路", "地铁", "公交", "广场", "春季", "游客", "农业", "科技", "企业",
    "产品", "能源", "储能", "计划", "完成", "提升", "改造", "港口", "码头", "智慧", "青年", "人才", "夜游", "菜场",
    "隧道", "湿地", "山区", "乡村", "旅游", "消费", "数据", "平台", "就业", "岗位", "政策", "支持", "发展", "质量",
    "安全", "环境", "生态", "保护", "群众", "生活", "便利", "运行", "正式", "首批", "全市", "星河", "云帆", "云港",
    "智轨", "夜市", "花海", "步道", "书屋", "食堂", "养老", "托育", "快递", "冷链",
)
#: Units after a number, so that digits never form a date or a time (no 年/月/日, no colon after a digit).
UNITS = ("个", "条", "项", "亿元", "万人", "公里", "座", "家", "所", "辆")
#: ASCII words seen in real titles.
ASCII_WORDS = ("AI", "5G", "Linjiang", "App", "CBD", "ETF")
#: Names (editors, portal authors): a surname and one or two given-name characters.
SURNAMES = "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "小明华丽强伟芳娜静敏军杰涛斌雨晨帆川峰岚"
OUTLET_SUFFIXES = ("日报", "晚报", "发布", "融媒", "新闻网", "时报")
SITE_SUFFIXES = ("资讯网", "新闻网", "在线", "网")
SLUGS = ("city", "finance", "qingdaocaijingwang", "Linjiang Finance (HK)", "tech-news", "Local News")

#: The four variants, by their names in :class:`newsdoc.Variant`.
VARIANTS = ("jekyll", "hexo", "portal", "plain")
#: (codec used to write the bytes, name the document records).
ENCODINGS = (("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("utf-16", "utf-16"))

# -- what a file means ------------------------------------------------------------------------------------------------


@attrs.frozen
class Paragraph:
    text: str


@attrs.frozen
class Heading:
    text: str
    #: How the HTML variants write it: "strong" (<p><strong>, level 2) or "h2"/"h3".
    markup: str = "strong"

    @property
    def level(self) -> int:
        return 2 if self.markup == "strong" else int(self.markup[1])


@attrs.frozen
class Figure:
    src: str
    caption: str | None
    #: How the HTML variants write it: "center" (<center><img></center><p>caption</p>), "p", or "figure".
    markup: str = "center"


Block = Paragraph | Heading | Figure


@attrs.frozen
class Boilerplate:
    """A piece of boilerplate and the removal rule that must record it."""

    html: str  # how the HTML variants write it
    line: str  # how the text variants write it ("" when it has no text form)
    text: str  # the words that must leave the body and appear in a removal
    html_rule: str
    line_rule: str


@attrs.frozen
class Article:
    """What a news file says, independent of how it is written down."""

    title: str | None
    published: dt.datetime | None  # aware when the file gives an offset, naive when it does not (Beijing assumed)
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    blocks: tuple[Block, ...]
    sources: tuple[str, ...] = ()
    editor: str | None = None
    original_title: str | None = None
    boilerplate: tuple[Boilerplate, ...] = ()
    url: str | None = None
    summary: str | None = None
    author: str | None = None
    site: str | None = None
    lead_image: tuple[str, str] | None = None  # (as written, as expected)
    #: How a scalar category/tag is written when there is exactly one: True = a scalar, False = a one-item list.
    scalar_lists: bool = False


def _join(words: list[str]) -> str:
    return "".join(words)


words = st.sampled_from(WORDS)


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A number with a unit: 12个, 3.5亿元 (never a date or a time)."""
    value = draw(st.integers(1, 999))
    decimal = draw(st.booleans())
    return f"{value}{'.' + str(draw(st.integers(1, 9))) if decimal else ''}{draw(st.sampled_from(UNITS))}"


@st.composite
def clauses(draw: st.DrawFn, braces: bool = False) -> str:
    parts = draw(st.lists(st.one_of(words, words, words, numbers()), min_size=2, max_size=6))
    if draw(st.integers(0, 5)) == 0:
        i = draw(st.integers(0, len(parts) - 1))
        parts[i] = f"“{parts[i]}”"
    if braces and draw(st.integers(0, 7)) == 0:
        i = draw(st.integers(0, len(parts) - 1))
        parts[i] = "{" + parts[i] + "}"
    return _join(parts)


@st.composite
def sentences(draw: st.DrawFn, braces: bool = False) -> str:
    """Body text: clauses joined by ，, ending in 。 (sometimes ！ or ？). Never a credit or boilerplate line."""
    parts = draw(st.lists(clauses(braces=braces), min_size=1, max_size=4))
    return "，".join(parts) + draw(st.sampled_from("。。。。！？"))


@st.composite
def paragraphs_text(draw: st.DrawFn, min_chars: int = 14, braces: bool = False) -> str:
    text = draw(sentences(braces=braces))
    while len(text) < min_chars:
        text += draw(sentences(braces=braces))
    return text


@st.composite
def short_phrases(draw: st.DrawFn, max_words: int = 4) -> str:
    """Headings and captions: a few words, no sentence-ending or continuing punctuation."""
    return _join(draw(st.lists(st.one_of(words, words, numbers()), min_size=2, max_size=max_words)))


@st.composite
def titles(draw: st.DrawFn, braces: bool = False) -> str:
    """Headlines with CJK, quotes, colons, '#', a leading '-'/'+', digits and ASCII words; 6-40 characters."""
    tokens: list[str] = []
    for _ in range(draw(st.integers(2, 5))):
        kind = draw(st.integers(0, 9))
        word = draw(words)
        if kind <= 3:
            tokens.append(word)
        elif kind == 4:
            tokens.append(draw(numbers()))
        elif kind == 5:
            left, right = draw(st.sampled_from(["“”", "「」", '""', "''", "‘’", "《》"]))
            tokens.append(left + word + draw(words) + right)
        elif kind == 6:
            tokens.append(draw(st.sampled_from(["：", ":", " | ", "——"])) + word)
        elif kind == 7:
            tokens.append(f"#{word}#")
        elif kind == 8:
            tokens.append(f" {draw(st.sampled_from(ASCII_WORDS))} ")
        else:
            tokens.append("{" + word + "}" if braces else word)
    title = "".join(tokens).strip()
    title = " ".join(title.split())  # single spaces only: the parser normalises runs, the article should not differ
    if draw(st.integers(0, 5)) == 0:
        title = draw(st.sampled_from("-+")) + title
    while len(title) < 6:
        title += draw(words)
    return title[:40].rstrip()


def names() -> st.SearchStrategy[str]:
    return st.builds(
        lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(alphabet=GIVEN, min_size=1, max_size=2)
    )


def outlets() -> st.SearchStrategy[str]:
    return st.builds(lambda w, s: w + s, words, st.sampled_from(OUTLET_SUFFIXES))


# Boilerplate with both an HTML and a text form; the text form is a block the text rules remove.
_BOILERPLATE = (
    Boilerplate(
        html='<div class="appendQr_wrap"><p>海量资讯、精准解读，尽在星河财经APP</p></div>',
        line="",
        text="海量资讯、精准解读，尽在星河财经APP",
        html_rule="qr-promo",
        line_rule="",
    ),
    Boilerplate(
        html="<p>免责声明：本站信息仅供参考，不构成投资建议。</p>",
        line="免责声明：本站信息仅供参考，不构成投资建议。",
        text="免责声明：本站信息仅供参考，不构成投资建议。",
        html_rule="disclaimer",
        line_rule="disclaimer",
    ),
    Boilerplate(
        html="<p>扫描二维码关注临江发布</p>",
        line="扫描二维码关注临江发布",
        text="扫描二维码关注临江发布",
        html_rule="promo",
        line_rule="promo",
    ),
    Boilerplate(
        html='<p style="display:none;">隐藏的统计代码</p>',
        line="",
        text="隐藏的统计代码",
        html_rule="hidden-element",
        line_rule="",
    ),
    Boilerplate(
        html="<script>var pv = 1; // 访问统计</script>",
        line="",
        text="访问统计",
        html_rule="script",
        line_rule="",
    ),
    Boilerplate(html="<!-- 正文结束 广告位 -->", line="", text="广告位", html_rule="html-comment", line_rule=""),
)


@st.composite
def dates(draw: st.DrawFn) -> dt.datetime:
    """Aware (some offset from -12:00 to +14:00) or naive (Beijing time assumed), 1990-2037, whole seconds."""
    naive = draw(st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2037, 12, 31), allow_imaginary=True))
    naive = naive.replace(microsecond=0)
    if draw(st.booleans()):
        naive = naive.replace(second=0)
    if draw(st.booleans()):
        return naive
    minutes = draw(st.sampled_from([0, 0, 0, 30, 45]))
    hours = draw(st.integers(-12, 14))
    offset = dt.timedelta(hours=hours, minutes=minutes if hours >= 0 else -minutes)
    if offset > dt.timedelta(hours=14):
        offset = dt.timedelta(hours=14)
    return naive.replace(tzinfo=dt.timezone(offset))


@st.composite
def blocks(draw: st.DrawFn, figures: bool, min_first: int = 0, braces: bool = False) -> tuple[Block, ...]:
    """Paragraphs, headings and (HTML variants) figures. Every heading is followed by a longer paragraph, as the
    text variants need to tell a sub-heading from a paragraph; the first block is a paragraph."""
    out: list[Block] = [Paragraph(draw(paragraphs_text(min_chars=max(min_first, 14), braces=braces)))]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["p", "p", "h", "f"] if figures else ["p", "p", "h"]))
        if kind == "p":
            out.append(Paragraph(draw(paragraphs_text(braces=braces))))
        elif kind == "h":
            heading = draw(short_phrases(max_words=4))[:12]
            out.append(Heading(heading, draw(st.sampled_from(["strong", "strong", "h2", "h3"]))))
            out.append(Paragraph(draw(paragraphs_text(min_chars=len(heading) + 2, braces=braces))))
        else:
            n = draw(st.integers(1, 9999))
            src = draw(st.sampled_from([f"https://img.example.com/news/{n}.jpg", f"//img.example.com/{n}.png"]))
            # A caption after an image is at most 30 characters (newsdoc._draft.MAX_CAPTION); longer is a paragraph.
            caption = draw(st.one_of(st.none(), short_phrases(max_words=5).map(lambda c: c[:30])))
            out.append(Figure(src, caption, draw(st.sampled_from(["center", "p", "figure"]))))
    return tuple(out)


def _list_items(item: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(item, min_size=0, max_size=4).map(tuple)


@st.composite
def articles(draw: st.DrawFn, variant: str, braces: bool = False) -> Article:
    """An article the given variant can carry (see the module docstring)."""
    html_body = variant in ("jekyll", "hexo")
    credits = draw(st.booleans())
    title: str | None = draw(titles(braces=braces))
    if variant == "plain":
        title = title.rstrip("：:，、—。；") if draw(st.integers(0, 4)) else None
        if title is not None and len(title) < 2:
            title = draw(words) + draw(words)
    category = st.one_of(words, st.sampled_from(SLUGS))
    tag = st.one_of(words, words, st.sampled_from(SLUGS))
    if variant == "portal":
        categories: tuple[str, ...] = (draw(words),)
        # Tags are one to three words, separated by NBSP on the meta line; one may hold another (城市, 城市建设).
        tag_words = st.lists(words, min_size=1, max_size=3).map("".join)
        tags = tuple(dict.fromkeys(draw(st.lists(tag_words, max_size=4))))
    elif html_body:
        categories, tags = draw(_list_items(category)), draw(_list_items(tag))
    else:
        categories, tags = (), ()
    published = None
    if variant in ("jekyll", "hexo"):
        published = draw(st.one_of(st.none(), dates()))
    elif variant == "portal":
        published = draw(dates()).replace(tzinfo=None)
    body = draw(blocks(figures=html_body, min_first=20 if variant == "portal" else 0, braces=braces))
    if variant == "plain" and title is None:  # a first line ending in ！/？ may be a headline ("何去何从？")
        first = body[0]
        assert isinstance(first, Paragraph)
        body = (Paragraph(first.text[:-1] + "。"), *body[1:])
    bp: tuple[Boilerplate, ...] = ()
    if variant != "portal":
        pool = [b for b in _BOILERPLATE if html_body or b.line]
        bp = tuple(draw(st.lists(st.sampled_from(pool), max_size=2, unique=True)))
    return Article(
        title=title,
        published=published,
        categories=categories,
        tags=tags,
        blocks=body,
        sources=tuple(dict.fromkeys(draw(st.lists(outlets(), min_size=1, max_size=3))))
        if credits and variant != "portal"
        else (),
        editor=draw(names()) if credits else None,
        original_title=draw(titles()) if credits and variant != "portal" and draw(st.booleans()) else None,
        boilerplate=bp,
        url=f"http://finance.example.com/news/{draw(st.integers(1, 10**6))}.html"
        if variant in ("jekyll", "portal") and draw(st.booleans())
        else None,
        summary=draw(sentences()) if variant == "jekyll" and draw(st.integers(0, 3)) == 0 else None,
        author=draw(st.one_of(names(), st.just("网络编辑"))) if variant == "portal" else None,
        site=draw(words) + draw(words) + draw(st.sampled_from(SITE_SUFFIXES)) if variant == "portal" else None,
        lead_image=draw(
            st.sampled_from(
                [
                    None,
                    ("https://img.example.com/cover/1.jpg", "https://img.example.com/cover/1.jpg"),
                    ("https://cors.example.workers.dev/?http://img.example.com/c/2.jpg", "http://img.example.com/c/2.jpg"),
                ]
            )
        )
        if variant == "hexo"
        else None,
        scalar_lists=draw(st.booleans()),
    )


# -- rendering --------------------------------------------------------------------------------------------------------


def yaml_scalar(value: str, style: str | None = None) -> str:
    """``value`` as one YAML scalar that loads back as exactly this string (style None, "'" or '"')."""
    out = yaml.safe_dump(value, allow_unicode=True, default_style=style, width=10**9)
    out = out.removesuffix("\n...\n").removesuffix("\n")
    assert "\n" not in out, out
    return out


def _yaml_list(key: str, items: tuple[str, ...], scalar: bool, block_indent: str | None) -> list[str]:
    """A list as YAML: a scalar when it has one item and ``scalar``; else a flow list (``block_indent`` None) or a
    block list with ``block_indent`` before each ``-``."""
    if len(items) == 1 and scalar:
        return [f"{key}: {yaml_scalar(items[0])}"]
    if not items:
        return [f"{key}: []"]
    if block_indent is None:
        return [f"{key}: [" + ", ".join(yaml_scalar(i, '"') for i in items) + "]"]
    return [f"{key}:"] + [f"{block_indent}- {yaml_scalar(i)}" for i in items]


def _html_blocks(article: Article, indent: str = "") -> list[str]:
    lines: list[str] = []
    if article.original_title:
        lines.append(f"<p>{indent}原标题：{html.escape(article.original_title, quote=False)}</p>")
    for block in article.blocks:
        if isinstance(block, Paragraph):
            lines.append(f"<p>{indent}{html.escape(block.text, quote=False)}</p>")
        elif isinstance(block, Heading):
            text = html.escape(block.text, quote=False)
            tag = block.markup
            lines.append(f"<p><strong>{text}</strong></p>" if tag == "strong" else f"<{tag}>{text}</{tag}>")
        else:
            img = f'<img src="{html.escape(block.src)}">'
            caption = html.escape(block.caption, quote=False) if block.caption else None
            if block.markup == "figure":
                figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
                lines.append(f"<figure>{img}{figcaption}</figure>")
            else:
                lines.append(f"<center>{img}</center>" if block.markup == "center" else f"<p>{img}</p>")
                if caption:
                    lines.append(f'<p style="text-align:center;">{caption}</p>')
    at = 2 if article.original_title else 1  # right after the first paragraph (never right after a figure)
    lines[at:at] = [bp.html for bp in article.boilerplate]
    if article.sources:
        lines.append(f"<p>来源：{'、'.join(article.sources)}</p>")
    if article.editor:
        lines.append(f'<p class="article-editor">责任编辑：{article.editor} SF0{len(article.editor)}</p>')
    return lines


def _date_text(value: dt.datetime, style: int) -> str:
    if value.tzinfo is None:  # seconds are left out only when they are zero
        return value.strftime("%Y-%m-%d %H:%M" if style % 2 == 0 and value.second == 0 else "%Y-%m-%d %H:%M:%S")
    offset = value.utcoffset()
    assert offset is not None
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    zone = f"{sign}{minutes // 60:02d}{minutes % 60:02d}"
    if style == 0:
        return value.strftime("%Y-%m-%d %H:%M:%S ") + zone
    if style == 1:
        return value.strftime("%Y-%m-%dT%H:%M:%S") + zone[:3] + ":" + zone[3:]
    return email.utils.format_datetime(value, usegmt=offset == dt.timedelta(0) and style == 2)


def render_jekyll(article: Article, style: int) -> str:
    lines = ["---", "layout: post"]
    if article.title is not None:
        lines.append(f"title: {json.dumps(article.title, ensure_ascii=False)}")
    if article.published is not None:
        lines.append(f"date: {_date_text(article.published, style % 2)}")
    lines += _yaml_list("categories", article.categories, article.scalar_lists, "  " if style % 3 else None)
    lines += _yaml_list("tags", article.tags, article.scalar_lists, "" if style % 2 else None)
    lines.append("---")
    if article.summary:
        lines.append(f"> {article.summary}")
        lines.append("")
    lines += _html_blocks(article)
    lines.append("")
    if article.url is not None:
        lines.append(f"<{article.url}>")
        lines.append("")
    lines.append("[返回临江财经网新闻](//news.example.com/category/city.html)｜[返回首页](//news.example.com/)")
    return "\n".join(lines) + "\n"


def render_hexo(article: Article, quirk: str, style: int) -> str:
    """Hexo: quirk is "fenced" (blank line first, as the RSS generator writes), "no-opening-fence", "json"
    (brace-less ``"key": value,`` lines ended by ``;;;``), "json-prefixed" (opening ``;;;`` too) or "json-braces"."""
    if quirk.startswith("json"):
        items: list[tuple[str, Any]] = []
        if article.title is not None:
            items.append(("title", article.title))
        if article.published is not None:
            items.append(("date", _date_text(article.published, style % 3)))
        for key, values in (("categories", article.categories), ("tags", article.tags)):
            items.append((key, values[0] if len(values) == 1 and article.scalar_lists else list(values)))
        items.append(("comments", False))
        if article.lead_image:
            items.append(("headimg", article.lead_image[0]))
        pairs = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in items]
        if quirk == "json-braces":
            header = "{\n" + ",\n".join(pairs) + "\n}\n;;;"
        else:
            header = (";;;\n" if quirk == "json-prefixed" else "") + ",\n".join(pairs) + ",\n;;;"
        head = [header]
    else:
        head = ["---"] if quirk == "fenced" else []
        if article.title is not None:
            style_char = '"' if "'" in article.title else "'"
            head.append(f"title: {yaml_scalar(article.title, style_char)}")
        head += _yaml_list("categories", article.categories, article.scalar_lists, " ")
        if article.lead_image:
            head.append(f"headimg: {yaml_scalar(article.lead_image[0], chr(39))}")
        head.append("author: 星河财经")
        head.append("comments: false")
        if article.published is not None:
            head.append(f"date: {_date_text(article.published, style % 3)}")
        head += _yaml_list("tags", article.tags, article.scalar_lists, None if style % 2 else "  ")
        head.append("---")
    body = ["", "<div>", *_html_blocks(article, indent="\u3000\u3000" if style % 2 else ""), "</div>"]
    blank_lines = 1 + style % 3 if quirk in ("fenced", "no-opening-fence") else 0
    text = "\n" * blank_lines + "\n".join(head + body) + "\n" + " " * 12  # the generator's 12 trailing spaces
    if quirk != "json-braces":  # the generator replaced every brace in the file (JSON with braces cannot survive it)
        text = text.replace("{", "&#123;").replace("}", "&#125;")
    return text


def render_portal(article: Article, style: int) -> str:
    assert article.published is not None and article.site and article.title
    published = article.published
    date = (
        published.strftime("%Y-%m-%d %H:%M:%S"),
        published.strftime("%Y/%m/%d %H:%M"),
        f"{published.year}年{published.month}月{published.day}日 {published:%H:%M}",
    )[style % 3 if published.second == 0 else 0]
    count = style % 50
    meta = f"{article.author} {article.categories[0]} {date} {count}"
    if article.tags:
        meta += " " + "\xa0".join(article.tags)
    lines = [article.site, "\xa0\xa0", "  • 首页  • 国内  • 城建  • 社会", "0", article.title, meta]
    indent = "\u3000\u3000" if style % 2 else ""
    for block in article.blocks:
        assert not isinstance(block, Figure)  # portal articles have none
        lines.append(indent + block.text if isinstance(block, Paragraph) else block.text)
    if article.editor:
        lines.append(f"责任编辑：{article.editor}")
    lines += ["0", "版权声明：本站所有内容均为原创，未经授权不得转载。"]
    if article.url:
        lines.append(f"本文地址:{article.url}")
    lines += ["留言与评论(共有 0 条评论)", "验证码:", f"Copyright © 2024 {article.site} All Rights Reserved"]
    lines.append("ICP备12345678号")
    return "\n\n".join(lines) + "\n"


def render_plain(article: Article, style: int) -> str:
    sep = "\n\n" if style % 2 else "\n"
    indent = "\u3000\u3000" if style % 3 else ""
    lines: list[str] = []
    if article.title is not None:
        lines.append((" " if style % 5 == 0 else "") + article.title)
    if article.original_title and article.title is not None:
        lines.append(f"原标题：{article.original_title}")
    for i, block in enumerate(article.blocks):
        if isinstance(block, Paragraph):
            lines.append(indent + block.text)
        elif isinstance(block, Heading):
            lines.append(block.text)
        if i == 0 and article.original_title and article.title is None:
            lines.append(f"原标题：{article.original_title}")
        if i == 0:
            lines += [bp.line for bp in article.boilerplate]
    if article.sources:
        lines.append(f"来源：{'、'.join(article.sources)}")
    if article.editor:
        lines.append(f"编辑:{article.editor}")
    return ("\n" if style % 4 == 0 else "") + sep.join(lines) + "\n"


HEXO_QUIRKS = ("fenced", "no-opening-fence", "json", "json-prefixed", "json-braces")


@attrs.frozen
class Case:
    """A rendered file: its text, what it should parse to, and how it was written (for failure reports)."""

    variant: str
    text: str
    article: Article
    how: str

    @property
    def expected(self) -> dict[str, Any]:
        """The fields a parser must recover, as :meth:`newsdoc.Document.to_dict` spells them (a subset)."""
        return expected_fields(self.article, self.variant)


def _beijing(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _unescaped(text: str | None) -> str | None:
    return None if text is None else " ".join(html.unescape(text).split())


def expected_fields(article: Article, variant: str) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = []
    for b in article.blocks:
        if isinstance(b, Paragraph):
            blocks.append({"kind": "paragraph", "text": b.text})
        elif isinstance(b, Heading):
            level = b.level if variant in ("jekyll", "hexo") else 2
            blocks.append({"kind": "heading", "text": b.text, "level": level})
        else:
            blocks.append({"kind": "figure", "text": b.caption or "", "src": b.src, "caption": b.caption})
    out: dict[str, Any] = {
        "variant": variant,
        "title": _unescaped(article.title),
        "published": _beijing(article.published) if article.published else None,
        "categories": list(article.categories),
        "tags": list(article.tags),
        "blocks": blocks,
        "sources": list(article.sources),
        "editor": article.editor,
        "original_title": article.original_title,
    }
    if variant == "jekyll":
        out["url"] = article.url
        out["summary"] = article.summary
    if variant == "hexo":
        out["lead_image"] = article.lead_image[1] if article.lead_image else None
    if variant == "portal":
        out.update(url=article.url, site=article.site, author=article.author)
    return out


@st.composite
def rendered(draw: st.DrawFn, variant: str | None = None) -> Case:
    """A file of ``variant`` (any when None) rendered from a generated article."""
    variant = variant or draw(st.sampled_from(VARIANTS))
    article = draw(articles(variant, braces=variant == "hexo"))
    style = draw(st.integers(0, 59))
    quirk = draw(st.sampled_from(HEXO_QUIRKS)) if variant == "hexo" else ""
    how = f"{variant}{' ' + quirk if quirk else ''} style {style}"
    return Case(variant, render(article, variant, style, quirk), article, how)


def render(article: Article, variant: str, style: int, quirk: str = "fenced") -> str:
    """The text of ``article`` as a ``variant`` file; ``style`` picks among equivalent spellings (date formats,
    list styles, indents, blank lines), ``quirk`` the Hexo header form (:data:`HEXO_QUIRKS`)."""
    if variant == "jekyll":
        return render_jekyll(article, style)
    if variant == "hexo":
        return render_hexo(article, quirk or "fenced", style)
    if variant == "portal":
        return render_portal(article, style)
    return render_plain(article, style)


def encodings() -> st.SearchStrategy[tuple[str, str]]:
    """(codec, name the document records) for every encoding the issue names."""
    return st.sampled_from(ENCODINGS)


def encode(text: str, codec: str, crlf: bool = False) -> bytes:
    """The bytes of ``text`` in ``codec``, with CRLF line endings when asked (utf-16 writes its BOM itself)."""
    if crlf:
        text = text.replace("\n", "\r\n")
    return text.encode(codec)


# -- hostile text for totality and hygiene -----------------------------------------------------------------------------

#: Fragments that stress the splitter, the YAML/JSON loaders, the HTML parser and the normalisers.
HOSTILE = (
    "---", "+++", ";;;", "\n---\n", "title: ", "date: ", "layout: post\n", '"title": "x",', "{", "}", "&#123;",
    "&#125;",
    "&nbsp;", "&amp;", "&lt;p&gt;", "&#0;", "&#13;", "&#65279;", "\ufeff", "\x00", "\r", "\r\n", "\u3000", "\xa0",
    "<p>", "</p>", "<div>", "<img src=x>", "<center>", "<strong>", "<!--", "-->", "<script>", "<style>", "<![CDATA[",
    "原标题：", "来源：", "责任编辑：", "记者", "本报讯", "（新华社）", "<http://a.example/>", "[返回首页](//x/)",
    "2021-13-45", "2021-12-24 17:22:41 +0800", "Sat, 25 Dec 2021 04:39:10 GMT", "12:30", "版权声明", "Copyright ©",
    "  • ", "上一篇", "*a", "&a ", "!!python/object", "!!binary", "? ", "- ", "\t", "'", '"', "\\", "[[[[[[",
    "<div><div><div><div>",
)


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """Text stitched from hostile fragments, generated words and arbitrary characters."""
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(HOSTILE), words, st.text(max_size=8), sentences()),
            max_size=40,
        )
    )
    return "".join(pieces)


def mutate(data: bytes, draw: Callable[[st.SearchStrategy[Any]], Any]) -> bytes:
    """One random edit of ``data``: a byte flip, a truncation, an insertion of a hostile fragment, or a duplication."""
    if not data:
        return data
    op = draw(st.integers(0, 3))
    i = draw(st.integers(0, len(data) - 1))
    if op == 0:
        return data[:i] + bytes([data[i] ^ (1 << draw(st.integers(0, 7)))]) + data[i + 1 :]
    if op == 1:
        return data[:i]
    if op == 2:
        return data[:i] + draw(st.sampled_from(HOSTILE)).encode("utf-8", "surrogatepass") + data[i:]
    j = draw(st.integers(i, len(data)))
    return data[:j] + data[i:j] + data[j:]
