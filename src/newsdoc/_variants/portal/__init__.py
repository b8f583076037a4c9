"""Text dumps of whole portal pages: menus, a headline, a meta line, the article, then a long footer.

Found by shape, not by one site's words: the meta line is a short dated line that reads as a header line, not as
prose (no sentence punctuation), a list item nor the top bar's 今天是…; of those above the article's first prose the
one under a headline wins, then a meta line over a page clock (a bare date with a weekday), then one naming the
publication date over one naming only an update or document date. Its labels (来源, 作者, 编辑, 发布时间) and those
of credit lines and bylines beside it are read into fields. The headline is the nearest real line above it,
passing over credit lines and bylines. The article starts at the first sentence-like line after it (or at a
notice's salutation just before that) and ends at the first footer line (:data:`FOOTER`). Text browsers hard-wrap
long lines (w3m at 200 display columns, lynx at about 78); wrapped lines are joined first. Everything outside the
article is recorded as removed.

The steps, one module each, in the order :meth:`PortalHandler.split` takes them: ``_wrap`` (wrapped lines joined,
lynx's link numbers dropped), ``_site`` (the site's name), ``_header`` (the meta line, the headline and the credit
lines around them), ``_article`` (where the article starts and ends, the furniture inside it) and ``_trailer`` (the
credits after it). ``_signals`` holds the evidence :meth:`PortalHandler.detect` counts; ``_shapes`` the line shapes
several steps share."""

from __future__ import annotations

from typing import ClassVar

from ..._draft import Draft, clean, clean_entities
from ..._model import Variant
from .._protocol import Body, Score
from ._article import article, body_end, body_start
from ._header import (
    BYLINE,
    find_headline,
    header_credits,
    headline_without_meta,
    is_clock,
    meta_line,
    offer_names,
    read_labels,
    read_meta,
    relative_meta_line,
    under_headline,
)
from ._signals import SIGNALS
from ._site import site_name
from ._trailer import EDITOR_RANK, read_trailer
from ._wrap import LYNX_LIST, join_wrapped, strip_link_marks

__all__ = ["PortalHandler"]

#: Kinds of page furniture after which the score is at its highest (0.45 + 0.1 × 6 ≥ 0.97).
_CERTAIN = 6


class PortalHandler:
    variant: ClassVar[Variant] = Variant.PORTAL
    structural: ClassVar[bool] = False

    def detect(self, text: str) -> Score:
        sample = text if len(text) < 200_000 else text[:100_000] + text[-100_000:]
        evidence: list[str] = []
        for label, literals, rx in SIGNALS:
            if any(w in sample for w in literals) and rx.search(sample):
                evidence.append(label)
                if len(evidence) == _CERTAIN:  # the score cannot grow: no need to look further
                    break
        if len(evidence) < 2:
            return Score(0.1 * len(evidence), tuple(evidence))
        return Score(min(0.45 + 0.1 * len(evidence), 0.97), tuple(evidence))

    def split(self, text: str, draft: Draft) -> Body:
        lines = join_wrapped(text.split("\n"))
        if LYNX_LIST.search(text):
            lines = strip_link_marks(lines, draft)
        site = site_name(lines)
        meta = meta_line(lines, site)
        if meta is None:
            meta = relative_meta_line(lines, body_start(lines, 0))
        editors: dict[str, str] = {}  # 责任编辑 / 责编 / 编辑 → name, from the meta line, credit lines and trailer
        if meta is None:
            draft.note("portal-no-meta-line", "no line with a full date and time: no headline or date found")
            start = body_start(lines, 0)
            headline = headline_without_meta(lines, start, site)
        else:
            read_meta(lines[meta], draft, editors)
            start = body_start(lines, meta + 1)
            # a page clock far above the article (an e-paper's issue date): the headline is above the article
            far = is_clock(lines[meta]) and not under_headline(lines, meta, site)
            headline = find_headline(lines, start if far else meta, site)
        end = body_end(lines, start)
        if site:
            draft.fields["site"] = site
        if headline is not None:
            draft.fields["title"] = clean_entities(lines[headline])
        top = headline if headline is not None else meta if meta is not None else -1
        labelled, bylines, credits = header_credits(lines, range(top + 1, start), meta)
        for i in labelled:  # credit lines read here, like the meta line they continue
            read_labels(clean_entities(lines[i]), draft, editors)
            draft.remove("portal-meta-line", lines[i])
        for i in bylines:
            offer_names(BYLINE.match(clean(lines[i])), draft)
            draft.remove("byline", lines[i])
        skip = {headline, meta, *labelled, *bylines, *credits}
        header = "\n".join(line for i, line in enumerate(lines[:start]) if i not in skip)
        draft.remove("portal-header", clean_entities(header))  # as visible: &#123; is {
        read_trailer(lines[end : end + 40], draft, editors)
        draft.remove("portal-footer", "\n".join(lines[end:]))
        for label in EDITOR_RANK:
            if editors.get(label):
                draft.offer("editor", editors[label])
                break
        return Body("\n".join([lines[i] for i in credits] + article(lines[start:end], draft)), "text")

    def finish(self, draft: Draft) -> None:
        pass
