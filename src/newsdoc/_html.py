"""Stage 5 for HTML bodies: selectolax (Lexbor) DOM to blocks, with markup boilerplate recorded as removed.

One walk over the tree, iterative so that deeply nested input cannot exhaust the stack. Block-level elements and
``<br>`` end a paragraph; inline markup is reduced to its words; ``<img>`` becomes a figure whose caption is the
short unpunctuated paragraph right after it; ``<p>`` holding only ``<strong>`` and ``h1``-``h6`` are headings.
What the markup rules in :mod:`newsdoc._rules` name (scripts, styles, embeds, hidden elements, QR promos, widgets
between marker comments, comments) is cut out and recorded with the rule's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._draft import Draft, DraftBlock, clean, ends_sentence
from ._model import BlockKind, Image
from ._rules import MARKUP_RULES, WIDGET_COMMENTS, MarkupRule

_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONTAINERS = ("address", "article", "aside", "blockquote", "body", "center", "details", "div", "figure", "footer")
_LISTS_AND_TABLES = ("dd", "dl", "dt", "li", "ol", "ul", "table", "tbody", "tfoot", "thead", "tr")
_OTHER_BLOCKS = ("figcaption", "form", "header", "hr", "main", "nav", "p", "pre", "section", "summary")
_BLOCK = frozenset((*_HEADING_TAGS, *_CONTAINERS, *_LISTS_AND_TABLES, *_OTHER_BLOCKS))
#: Inside these, a newline in the source is just white space; elsewhere (bare text in a <div>) it ends a line.
_FLOWING = frozenset(
    (
        *_HEADING_TAGS,
        "p",
        "li",
        "dd",
        "dt",
        "figcaption",
        "tr",
        "td",
        "th",
        "a",
        "span",
        "font",
        "strong",
        "b",
        "em",
        "i",
    )
)
_BOLD = frozenset(("strong", "b"))
#: Blocks that may hold an image's caption after the image: a centred <p>, a <div>, the next row of a layout table.
_KEEP_FIGURE = frozenset(("p", "center", "div", "figcaption", "tr", "tbody"))
#: Classes that CMSs give an image's caption (Sina's img_descr, pic_text, img-desc, image-caption, caption).
_CAPTION_CLASS = re.compile(r"(?i)(?:img|pic|photo|image)[-_]?(?:descr?|text|info|title|caption|note)|caption")
_HEADINGS = {tag: int(tag[1]) for tag in _HEADING_TAGS}
#: A bold-only paragraph longer than this is an emphasised paragraph, not a heading (longest seen heading: 34).
_MAX_BOLD_HEADING = 60


class _Walker:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.pieces: list[str] = []
        self.all_bold = True
        self.heading_level: int | None = None
        self.bold_depth = 0
        self.flowing_depth = 0
        self.widget: tuple[str, str, list[str]] | None = None  # (rule, end marker, collected text)
        self.last_figure: DraftBlock | None = None
        self.figure_depth = 0  # inside <figure>: its <figcaption> is the caption of its image
        self.current_figure: DraftBlock | None = None
        self.caption_node: int | None = None  # the element marked as a caption by its class (img_descr, pic_text)

    # -- paragraphs -------------------------------------------------------------------------------------------
    def text(self, text: str) -> None:
        """A text node: words for the pending paragraph; outside flowing elements a newline ends a line."""
        if self.widget is not None:
            self.widget[2].append(text)
        elif text.strip():
            if self.flowing_depth == 0 and "\n" in text:
                first, *rest = text.split("\n")
                self._add_piece(first)
                for line in rest:
                    self.flush()
                    self._add_piece(line)
            else:
                self.pieces.append(text)
                if self.bold_depth == 0:
                    self.all_bold = False
        elif self.flowing_depth == 0 and "\n" in text:  # white space with a line break: the line ends
            self.flush()
        elif text and self.pieces:
            self.pieces.append(" ")

    def _add_piece(self, text: str) -> None:
        if text.strip():
            self.pieces.append(text)
            if self.bold_depth == 0:
                self.all_bold = False
        elif text and self.pieces:
            self.pieces.append(" ")

    def flush(self) -> None:
        if not self.pieces:  # the common case at a block's start: nothing pending
            return
        text = clean("".join(self.pieces))
        bold, level = self.all_bold, self.heading_level
        self.pieces, self.all_bold = [], True
        if not text:
            return
        if self.figure_depth and self.current_figure is not None:
            self._caption(self.current_figure, text)
            return
        after_image, self.last_figure = self.last_figure is not None, None
        if level is not None:
            self.draft.blocks.append(DraftBlock(BlockKind.HEADING, text, level=level))
        elif bold and len(text) <= _MAX_BOLD_HEADING and not ends_sentence(text):
            self.draft.blocks.append(DraftBlock(BlockKind.HEADING, text, level=2))
        else:
            self.draft.blocks.append(DraftBlock(BlockKind.PARAGRAPH, text, after_image=after_image))

    def _caption(self, figure: DraftBlock, text: str) -> None:
        assert figure.image is not None
        caption = f"{figure.image.caption} {text}" if figure.image.caption else text
        figure.image = Image(src=figure.image.src, alt=figure.image.alt, caption=caption)
        figure.text = caption

    def image(self, node: LexborNode) -> None:
        self.flush()
        attrs = node.attributes
        src = clean(attrs.get("src") or attrs.get("data-src") or attrs.get("data-original") or "").replace(" ", "%20")
        alt = clean(attrs.get("alt") or "") or None
        figure = DraftBlock(BlockKind.FIGURE, "", image=Image(src=src, alt=alt))
        self.draft.blocks.append(figure)
        self.last_figure = figure
        if self.figure_depth and self.current_figure is None:
            self.current_figure = figure

    # -- the walk ---------------------------------------------------------------------------------------------
    def walk(self, root: LexborNode) -> None:
        stack: list[tuple[LexborNode, Iterator[LexborNode]]] = [(root, root.iter(include_text=True))]
        enter, text, leave = self.enter, self.text, self.leave
        while stack:
            node, children = stack[-1]
            for child in children:
                if child.is_text_node:
                    content = child.text_content
                    if content and (self.pieces or not content.isspace()):  # else: white space between blocks
                        text(content)
                elif enter(child):
                    first = child.first_child
                    if first is None or (first.is_text_node and first.next is None):  # <p>words</p>: no descent
                        if first is not None:
                            text(first.text_content or "")
                        leave(child)
                    else:  # go down into the child; its siblings wait in this iterator
                        stack.append((child, child.iter(include_text=True)))
                        break
            else:
                stack.pop()
                leave(node)

    def enter(self, node: LexborNode) -> bool:
        """Handle an element or comment on the way down; True when its children are to be walked."""
        if node.is_comment_node:
            self.comment(node.comment_content or "")
            return False
        if self.widget is not None:
            self.widget[2].append(_node_text(node))
            return False
        tag = node.tag or ""
        rule = _markup_rule(node, tag)
        if rule is not None:
            self.remove(rule, node)
            return False
        if self.last_figure is not None and self.caption_node is None and _is_caption(node):
            self.flush()  # what this element holds is the image's caption, as in a <figcaption>
            self.figure_depth += 1
            self.current_figure, self.caption_node = self.last_figure, node.mem_id
        if tag in _BLOCK:
            self.flush()
            self.last_figure = self.last_figure if tag in _KEEP_FIGURE else None
            if tag in _HEADINGS:
                self.heading_level = _HEADINGS[tag]
            if tag == "figure":
                self.figure_depth += 1
        elif tag in ("td", "th"):  # a table row is one paragraph, its cells separated by " | "
            if self.pieces:
                self.pieces.append(" | ")
        elif tag == "br":
            self.flush()
            return False
        elif tag == "img":
            self.image(node)
            return False
        if tag in _BOLD:
            self.bold_depth += 1
        if tag in _FLOWING:
            self.flowing_depth += 1
        return True

    def leave(self, node: LexborNode) -> None:
        tag = node.tag or ""
        if tag in _BOLD:
            self.bold_depth -= 1
        if tag in _FLOWING:
            self.flowing_depth -= 1
        if tag in _BLOCK:
            self.flush()
            if tag in _HEADINGS:
                self.heading_level = None
            if tag == "figure":  # a figure holds its own caption: what follows it is not one
                self.figure_depth -= 1
                self.current_figure = self.last_figure = None
        if self.caption_node is not None and node.mem_id == self.caption_node:
            self.flush()
            self.figure_depth -= 1
            self.current_figure = self.last_figure = self.caption_node = None

    def comment(self, content: str) -> None:
        text = content.strip()
        if self.widget is not None:
            rule, end, collected = self.widget
            if end in text:
                self.draft.remove(rule, " ".join(collected))
                self.widget = None
            else:
                collected.append(text)
            return
        for rule, start, end in WIDGET_COMMENTS:
            if start in text:
                self.flush()
                self.widget = (rule, end, [])
                return
        if text:
            self.draft.remove("html-comment", text)

    def remove(self, rule: MarkupRule, node: LexborNode) -> None:
        if rule.ends_paragraph:
            self.flush()
        self.draft.remove(rule.name, _node_text(node))


def _is_caption(node: LexborNode) -> bool:
    return bool(_CAPTION_CLASS.search(node.attributes.get("class") or ""))


def _node_text(node: LexborNode) -> str:
    """What a removed element showed: its text, or for media its src/alt/title (empty for empty elements)."""
    text = node.text(deep=True, separator=" ") or ""
    if text.strip():
        return text
    media = [node, *node.css("img, iframe, video, source, embed, a")]
    values = (v for n in media for k, v in n.attributes.items() if k in ("src", "alt", "title", "href") and v)
    return " ".join(dict.fromkeys(values))  # css() may match the node itself: no value twice


def _markup_rule(node: LexborNode, tag: str) -> MarkupRule | None:
    rule = _BY_TAG.get(tag)
    if rule is not None or tag in _CHEAP_TAGS:
        return rule
    attributes = node.attributes
    if not attributes or not _ATTRIBUTE_KEYS.intersection(attributes):
        return None
    klass, style = attributes.get("class"), attributes.get("style")
    if not (
        (klass and _CLASS_WORDS.search(klass))
        or (style and _STYLE_WORDS.search(style.replace(" ", "").lower()))
        or _FLAG_ATTRIBUTES.intersection(attributes)
    ):  # the common case: a class or style that no rule names
        return None
    for rule in _BY_ATTRIBUTE:
        if rule.matches(tag, attributes):
            return rule
    return None


#: The markup rules by tag (looked up once per element), and those that read attributes (class, style, hidden).
_BY_TAG = {tag: rule for rule in reversed(MARKUP_RULES) for tag in rule.tags}
_BY_ATTRIBUTE = tuple(r for r in MARKUP_RULES if r.classes or r.styles or r.attributes)
_FLAG_ATTRIBUTES = frozenset(a for r in MARKUP_RULES for a in r.attributes)
_ATTRIBUTE_KEYS = frozenset({"class", "style", *_FLAG_ATTRIBUTES})
_CLASS_WORDS = re.compile("|".join(re.escape(c) for r in MARKUP_RULES for c in r.classes))
_STYLE_WORDS = re.compile("|".join(re.escape(s) for r in MARKUP_RULES for s in r.styles))
#: Tags that never carry a class/style rule: skip reading their attributes (the walk's hottest path).
_CHEAP_TAGS = frozenset(("br", "strong", "b", "em", "i", "u"))


#: Lexbor's tree builder is quadratic in element nesting (100,000 nested <div>: ~15 s); no real page nests 512 deep.
MAX_HTML_DEPTH = 512
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>")
#: Elements that never hold others open: void elements, and those closed implicitly by their next sibling.
_VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
_FLAT = frozenset((*_VOID, "p", "li", "dt", "dd", "option", "tr", "td", "th"))


def _flatten_deep(body: str, draft: Draft) -> str:
    """``body`` without the tags nested deeper than MAX_HTML_DEPTH (their text stays). A guard run before Lexbor,
    not a parser: one linear scan of the tags, and a no-op on real pages."""
    if body.count("<") <= MAX_HTML_DEPTH:
        return body
    depth, dropped, pieces, last = 0, 0, [], 0
    for m in _TAG.finditer(body):
        if m.group(2).lower() in _FLAT or m.group(0).endswith("/>"):
            continue
        deep = depth >= MAX_HTML_DEPTH if m.group(1) == "" else depth > MAX_HTML_DEPTH
        depth = depth + 1 if m.group(1) == "" else max(0, depth - 1)
        if deep:
            pieces.append(body[last : m.start()])
            last = m.end()
            dropped += 1
    if not dropped:
        return body
    pieces.append(body[last:])
    message = f"{dropped} tags nested deeper than {MAX_HTML_DEPTH} levels dropped; their text is kept"
    draft.note("html-too-deep", message)
    return "".join(pieces)


def read_html(body: str, draft: Draft) -> None:
    """Append the blocks of an HTML body (fragment) to ``draft``; record what markup rules removed."""
    tree = LexborHTMLParser(_flatten_deep(body, draft))
    root = tree.body
    if root is None:
        return
    walker = _Walker(draft)
    walker.walk(root)
    walker.flush()
    if walker.widget is not None:  # a widget whose end marker never came: keep its text as removed
        rule, _, collected = walker.widget
        draft.remove(rule, " ".join(collected))
    head = tree.head
    if head is not None:  # <style>/<title> at the very start of a fragment land in <head>
        for node in head.iter(include_text=False):
            text = node.text(deep=True) or ""
            if text.strip():
                draft.remove({"style": "style-block", "script": "script"}.get(node.tag or "", "html-head"), text)
