"""Stage 5 for text bodies (bare text, portal dumps): lines to paragraphs and sub-headings."""

from __future__ import annotations

from ._draft import Draft, DraftBlock, clean_entities, ends_sentence, without_closing_note
from ._model import BlockKind

#: Sub-headings are short: the longest seen in bare text is 14 characters; the shortest one-line paragraph
#: that does not end with punctuation is far longer. Lines ending with these marks continue a sentence.
MAX_SUBHEADING = 24
_CONTINUES = ("，", ",", "、", "：", ":", "—", "-")


def read_lines(text: str, draft: Draft) -> None:
    """Append one block per non-blank line: a sub-heading when short, unpunctuated and followed by text."""
    lines = [line for line in (clean_entities(raw) for raw in text.split("\n")) if line]
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is not None and is_subheading(line, following):
            draft.blocks.append(DraftBlock(BlockKind.HEADING, line, level=2))
        else:
            draft.blocks.append(DraftBlock(BlockKind.PARAGRAPH, line))


def is_subheading(line: str, following: str) -> bool:
    return (
        len(line) <= MAX_SUBHEADING
        and not line.endswith(_CONTINUES)
        and not ends_sentence(line)
        and len(following) > len(line)
        and ends_sentence(without_closing_note(following))
    )
