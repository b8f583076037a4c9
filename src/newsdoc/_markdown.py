"""Markdown bodies of Jekyll and Hexo posts: when a body is Markdown, and its rendering to HTML for the HTML reader.

The scraped posts newsdoc was built on have HTML bodies with a few Markdown lines around them (a ``> digest``,
``<http://…>`` lines, ``[返回首页](…)`` lines), which :mod:`newsdoc._variants._post` reads itself. A body is
rendered with markdown-it-py only when Markdown syntax that changes what a reader sees (``**strong**``, images,
links, autolinks inside a line, block quotes, fenced code) is left once those lines are set aside, and no element
that holds paragraphs (``<p>``, ``<div>``, ``<table>``, …) says the body is HTML: HTML bodies are read exactly as
before, and nothing else pays for rendering.

The rendering keeps what newsdoc's rules and reader expect: raw HTML passes through, a line break ends a paragraph
(Hexo's default, and what the HTML reader does with lines of bare text), no indented code blocks (indented text stays
text), emphasis next to Chinese punctuation works (``在**“双碳”**目标下``) and ``*ST`` stock names keep their ``*``,
lines the ``nav-links`` rule removes stay literal, a table row is one paragraph (no table at all when a row has more
cells than GFM keeps), words after a code fence that name no language stay text, an image alone on its line with a
short alt text and no caption line after it gets the alt as caption (as Pandoc and many Hexo themes show it), and a
short unpunctuated line before a longer sentence is a sub-heading, as in bare text
(:func:`newsdoc._lines.is_subheading`) - except right after an image, where it is the caption. Link URLs are markup,
as an HTML ``href`` is; nothing else a reader sees is dropped.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from typing import TYPE_CHECKING

from ._draft import clean, looks_like_caption
from ._lines import is_subheading
from ._rules import TEXT_RULES

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

#: Block quotes and lists nested deeper than this are not rendered (markdown-it would drop what is deeper).
MAX_NESTING = 20
#: Markdown that changes the text a reader sees (lists and '#' headings alone are read without rendering): inline
#: marks (strong, images, links, autolinks inside a line), then block quotes and fenced code.
_INLINE_MARKS = (("*", "**"), ("_", "__"), ("]", "]("), ("<", "<http"))  # (a character, the mark); ![…](…) has ](
_BLOCK_MARKS = re.compile(r"^ {0,3}(?:>|```|~~~)", re.MULTILINE)
#: Elements that hold paragraphs: a body with one of them is HTML.
_HTML_BODY = re.compile(
    r"<(?:p|div|section|article|table|tr|td|ul|ol|li|dl|h[1-6]|blockquote|pre|form|body|html)[\s/>]", re.IGNORECASE
)
#: Lines of links only: the nav-links rule removes them (with their URLs) once they are text.
_NAV_LINKS = next(rule.pattern for rule in TEXT_RULES if rule.name == "nav-links")
_TAG = re.compile(r"<[^>]*>")
_TABLE_INSIDE = ("thead_", "tbody_", "tr_", "th_", "td_")
_NEWLINE = re.compile(r"\r\n|\r|\n")
#: A fenced code block's info string that names a language (anything else is text of the block).
_LANGUAGE = re.compile(r"[\w+#.-]*")
#: Alt texts that say nothing about the picture.
_EMPTY_ALT = re.compile(
    r"(?i)(?:图片?|配图|插图|照片|image|img|pic(?:ture)?|photo)\s*\d*|.*\.(?:jpe?g|png|gif|webp|bmp)|.*/.*"
)


def is_markdown(body: str) -> bool:
    """True when ``body`` (generator lines set aside) uses Markdown a reader sees and holds no paragraph markup."""
    if _HTML_BODY.search(body) is not None:
        return False
    if any(char in body and mark in body for char, mark in _INLINE_MARKS):  # one character first: memchr is fastest
        return True
    return (">" in body or "`" in body or "~" in body) and _BLOCK_MARKS.search(body) is not None


def render(body: str) -> str | None:
    """``body`` as HTML for :func:`newsdoc._html.read_html`; None when it nests blocks deeper than markdown-it reads
    (it would skip the rest of the text)."""
    md, source = _parser(tables=True), _keep_nav_links(body)
    env: dict[str, object] = {}
    tokens = md.parse(source, env)
    if _overfull_row(tokens, source):  # GFM drops the cells a row has beyond its header's: no tables then
        md = _parser(tables=False)
        tokens = md.parse(source, env)
    if any(token.nesting == 1 and token.level >= MAX_NESTING - 1 for token in tokens):
        return None
    for token in tokens:
        if token.type.startswith(_TABLE_INSIDE):  # no line breaks between cells: the reader makes a row "A | B"
            token.block = False
        elif token.type == "fence" and not _LANGUAGE.fullmatch(token.info.strip()):  # words after ``` or ~~~ stay text
            token.content, token.info = f"{token.info}\n{token.content}", ""
    return str(md.renderer.render(_rewrite(tokens), md.options, env))


def _overfull_row(tokens: list[Token], source: str) -> bool:
    """True when a table row has more cells than its header (nested tables are counted with their prefixes)."""
    from markdown_it.rules_block.table import escapedSplit

    columns, lines = 0, _NEWLINE.split(source)  # markdown-it's lines
    for token in tokens:
        if token.type == "table_open":
            columns = 0
        elif token.type == "th_open":
            columns += 1
        elif token.type == "tr_open" and columns and token.map and token.map[0] < len(lines):
            cells = escapedSplit(lines[token.map[0]].strip())
            if len(cells) - (cells[0] == "") - (len(cells) > 1 and cells[-1] == "") > columns:
                return True
    return False


@functools.lru_cache(maxsize=2)
def _parser(tables: bool = True) -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported on first use: most bodies are HTML

    options = {"html": True, "breaks": True, "maxNesting": MAX_NESTING}
    md = MarkdownIt("commonmark", options).enable(["table", "strikethrough"] if tables else ["strikethrough"])
    md.disable("code")
    md.inline.ruler.at("emphasis", _emphasis)
    return md


def _emphasis(state: StateInline, silent: bool) -> bool:
    """CommonMark emphasis, with ``*`` runs between a Chinese character and punctuation allowed to open or close
    (markdown-cjk-friendly): ``在**“双碳”**目标`` is strong, not literal asterisks. The ``*`` of an A-share name
    under a delisting warning (``*ST星河和*ST云帆``) is a character of the name."""
    from markdown_it.rules_inline import emphasis

    start, first = state.pos, len(state.delimiters)
    if not emphasis.tokenize(state, silent):
        return False
    if state.src[start] == "*":
        before = state.src[start - 1] if start > 0 else " "
        after = state.src[state.pos] if state.pos < state.posMax else " "
        opens, closes = _cjk(before) and _punctuation(after), _punctuation(before) and _cjk(after)
        stock = state.pos - start == 1 and state.src.startswith(("ST", "S*ST"), state.pos)  # *ST星河: a name
        for delimiter in state.delimiters[first:]:
            delimiter.open = not stock and (delimiter.open or opens)
            delimiter.close = not stock and (delimiter.close or closes)
    return True


def _cjk(ch: str) -> bool:
    return ch >= "\u2e80" and unicodedata.category(ch) == "Lo"


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _keep_nav_links(body: str) -> str:
    """Lines the nav-links rule removes, kept literal for it (``&#91;`` is a ``[`` that opens no link)."""
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if "](" in line and _NAV_LINKS.fullmatch(line.strip()):
            lines[i] = line.replace("[", "&#91;")
    return "\n".join(lines)


def _rewrite(tokens: list[Token]) -> list[Token]:
    """Top-level paragraphs split into their lines; lines that are sub-headings or captioned images rewritten."""
    from markdown_it.token import Token

    units = _units(tokens)
    out: list[Token] = []
    for n, unit in enumerate(units):
        previous, following = units[n - 1] if n else None, units[n + 1] if n + 1 < len(units) else None
        image = _image(unit)
        if image is not None:
            alt = clean(image.content)
            if alt and looks_like_caption(alt) and not _EMPTY_ALT.fullmatch(alt) and not _caption_line(following):
                src, alt = html.escape(str(image.attrGet("src") or "")), html.escape(alt)
                figure = f'<figure><img src="{src}" alt="{alt}"><figcaption>{alt}</figcaption></figure>\n'
                unit = [Token("html_block", "", 0, content=figure, block=True)]
        elif (
            following is not None
            and not _shows_image(previous)
            and (text := _line_text(unit))
            and (next_text := _line_text(following))
            and is_subheading(text, next_text)
        ):
            unit = [Token("heading_open", "h2", 1, block=True), unit[1], Token("heading_close", "h2", -1, block=True)]
        out += unit
    return out


def _units(tokens: list[Token]) -> list[list[Token]]:
    """The top-level blocks, each top-level paragraph cut into one paragraph a line ([open, inline, close])."""
    units: list[list[Token]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "paragraph_open" and token.level == 0:
            units += ([token, _inline(tokens[i + 1], line), tokens[i + 2]] for line in _lines(tokens[i + 1]))
            i += 3
            continue
        end = i
        if token.nesting == 1:  # the block ends at its closing token on the same level
            while not (tokens[end].nesting == -1 and tokens[end].level == token.level):
                end += 1
        units.append(tokens[i : end + 1])
        i = end + 1
    return units


def _lines(inline: Token) -> list[list[Token]]:
    """The children of a paragraph's inline token cut at its line breaks (outside any emphasis or link)."""
    lines: list[list[Token]] = [[]]
    depth = 0
    for child in inline.children or ():
        if depth == 0 and child.type in ("softbreak", "hardbreak"):
            lines.append([])
            continue
        depth += child.nesting
        lines[-1].append(child)
    return [line for line in lines if line]


def _inline(template: Token, children: list[Token]) -> Token:
    token = template.copy()
    token.children = children
    return token


def _line_children(unit: list[Token] | None) -> list[Token]:
    """The inline tokens of a paragraph line (none for any other block)."""
    if unit is None or unit[0].type != "paragraph_open" or len(unit) != 3:
        return []
    return unit[1].children or []


def _line_text(unit: list[Token] | None) -> str:
    """The words of a paragraph line ('' for other blocks and for lines holding an image)."""
    children = _line_children(unit)
    if any(child.type in ("image", "html_inline") for child in children):
        return ""
    return clean("".join(child.content for child in children if child.type in ("text", "code_inline")))


def _image(unit: list[Token] | None) -> Token | None:
    """The image of a line that shows one image and nothing else (a linked image too)."""
    shown = [child for child in _line_children(unit) if child.type != "text" or child.content.strip()]
    images = [child for child in shown if child.type == "image"]
    if len(images) != 1 or any(child.type not in ("image", "link_open", "link_close") for child in shown):
        return None
    return images[0]


def _shows_image(unit: list[Token] | None) -> bool:
    """A line that is an image, or an HTML block ending with one: the paragraph after it may be its caption."""
    if unit is None:
        return False
    if _image(unit) is not None:
        return True
    content = unit[0].content if unit[0].type == "html_block" else ""
    last = content.lower().rfind("<img")
    return last >= 0 and not _TAG.sub("", content[last:]).strip()


def _caption_line(unit: list[Token] | None) -> bool:
    text = _line_text(unit)
    return bool(text) and looks_like_caption(text)
