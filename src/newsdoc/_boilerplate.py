"""Stage 6: run the text rules over the body blocks, turning credit lines into fields and recording removals."""

from __future__ import annotations

import bisect
import re

from ._draft import Draft, DraftBlock, clean, looks_like_caption
from ._model import BlockKind, Image
from ._rules import TEXT_RULES, TextRule

_BLOCK_RULES = tuple(r for r in TEXT_RULES if r.where == "block")
assert all(r.needs for r in _BLOCK_RULES), "every block rule names the words it needs"
#: The block rules' lengths, and for each the words that some rule taking a block that long needs (one search
#: tells whether any rule could match: most paragraphs are longer than most credit lines and hold none of them).
_LENGTHS = sorted({r.max_length for r in _BLOCK_RULES})
_NEEDS_UP_TO = [
    re.compile("|".join(re.escape(w) for r in _BLOCK_RULES if r.max_length >= n for w in r.needs)) for n in _LENGTHS
]
_BLOCK_RULES_NEEDS = tuple((r, re.compile("|".join(re.escape(w) for w in r.needs))) for r in _BLOCK_RULES)
#: The head rules (datelines, opening bylines) are tried on the first paragraphs up to this many, on the first that
#: one of them matches: a promotion or a lead-in line left above the article's first sentence passes them on.
_HEAD_REACH = 2
_HEAD_RULES = tuple(r for r in TEXT_RULES if r.where == "head")
_TAIL_RULES = tuple(r for r in TEXT_RULES if r.where == "tail")
_SPLIT_SOURCES = re.compile(r"\s*[、，,;；/]\s*|\s{2,}")
#: Staff codes after an editor's name: SF014, NF, _NN2587, (实习生)… are not part of the name.
_STAFF_CODE = re.compile(r"(?:[\s_]*(?:[A-Z]{1,4}\d{1,6}|[A-Z]{2,3}))+$")
_NAME_LIST = re.compile(r"\s*[、，,]\s*")
#: Role words between the names of a credit (记者 A 通讯员 B): the names are the authors, the roles are not.
_WRITER_ROLES = re.compile(r"\s*(?:通讯员|实习生|[记記]者)\s*")
#: A 2-character name padded to 3 with a space, as bylines align them: 王 明.
_PADDED_NAME = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]) ([\u4e00-\u9fff])(?![\u4e00-\u9fff])")
_TEXT_BLOCKS = (BlockKind.PARAGRAPH, BlockKind.HEADING)


def strip_boilerplate(draft: Draft) -> None:
    """Apply every text rule to ``draft.blocks`` in place."""
    kept: list[DraftBlock] = []
    for block in draft.blocks:
        if block.kind in _TEXT_BLOCKS and _apply_block_rules(draft, block):
            continue
        kept.append(block)
    draft.blocks = _attach_captions(kept)
    paragraphs = [b for b in kept if b.kind is BlockKind.PARAGRAPH]
    if paragraphs:
        for block in paragraphs[:_HEAD_REACH]:  # a promo line left above the first paragraph passes them on
            if _apply_edge_rules(draft, block, _HEAD_RULES):
                break
        for block in reversed(paragraphs):  # a last paragraph the tail rules empty (返回…) passes them on
            _apply_edge_rules(draft, block, _TAIL_RULES)
            if block.text:
                break
        draft.blocks = [b for b in draft.blocks if b.kind is BlockKind.FIGURE or b.text]


def _attach_captions(blocks: list[DraftBlock]) -> list[DraftBlock]:
    """A short, unpunctuated paragraph right after an image (credits already removed) is that image's caption."""
    out: list[DraftBlock] = []
    for block in blocks:
        figure = out[-1] if out else None
        if (
            block.after_image
            and figure is not None
            and figure.kind is BlockKind.FIGURE
            and figure.image is not None
            and figure.image.caption is None
            and looks_like_caption(block.text)
        ):
            figure.image = Image(src=figure.image.src, alt=figure.image.alt, caption=block.text)
            figure.text = block.text
            continue
        out.append(block)
    return out


def _apply_block_rules(draft: Draft, block: DraftBlock) -> bool:
    text = block.text
    at = bisect.bisect_left(_LENGTHS, len(text))
    if at == len(_LENGTHS) or not _NEEDS_UP_TO[at].search(text):  # most paragraphs: no rule can match
        return False
    for rule, needs in _BLOCK_RULES_NEEDS:
        if len(text) > rule.max_length or not needs.search(text):
            continue
        match = rule.pattern.fullmatch(block.text)
        if match:
            take(draft, rule, match)
            return True
    return False


def _apply_edge_rules(draft: Draft, block: DraftBlock, rules: tuple[TextRule, ...]) -> bool:
    """Apply ``rules`` to one paragraph at the article's head or tail; True when any of them matched."""
    matched = False
    for rule in rules:
        match = rule.pattern.search(block.text)
        if match and match.group(0).strip():
            matched = True
            take(draft, rule, match)
            if rule.removes:
                block.text = clean(block.text[: match.start()] + " " + block.text[match.end() :])
    return matched


def read_credit(draft: Draft, line: str) -> bool:
    """Read a credit line found outside the body (a page's footer, already recorded as removed) with the block
    rules, into the draft's fields only. True when a rule read it."""
    line = clean(line)
    for rule, needs in _BLOCK_RULES_NEEDS:
        if len(line) <= rule.max_length and needs.search(line):
            match = rule.pattern.fullmatch(line)
            if match:
                _fill(draft, match)
                return True
    for rule in _TAIL_RULES:  # a closing credit printed on a line of its own: （综合整理自…）, （编辑王芳）
        match = rule.pattern.fullmatch(line)
        if match:
            _fill(draft, match)
            return True
    return False


def take(draft: Draft, rule: TextRule, match: re.Match[str]) -> None:
    """Record the match as removed by ``rule`` and put its named groups into the draft's fields."""
    if rule.removes:
        draft.remove(rule.name, match.group(0))
    _fill(draft, match)


def _fill(draft: Draft, match: re.Match[str]) -> None:
    for name, value in match.groupdict().items():
        if value is None or not value.strip():
            continue
        value = clean(value)
        if name == "sources":
            draft.add_sources(tuple(s for s in _SPLIT_SOURCES.split(value) if s))
        elif name == "editor":
            draft.offer("editor", _NAME_LIST.sub(" ", editor_name(value)))
        elif name == "author":
            names = _NAME_LIST.sub(" ", _WRITER_ROLES.sub(" ", value)).strip()
            draft.offer("author", _PADDED_NAME.sub(r"\1\2", names))
        else:
            draft.offer(name, value)


def editor_name(value: str) -> str:
    """An editor's name without staff codes or trailing punctuation."""
    name = _STAFF_CODE.sub("", value.strip()).strip(" _-:：|｜。.,，")
    return name or ("" if _STAFF_CODE.fullmatch(value.strip()) else value.strip())  # a staff code alone names nobody
