"""Stage 2: which variant is this text? The handlers score it in order; the highest wins, bare text on ties.

Front matter at the top of a file is decisive: once a handler says so, the handlers after it (portal dumps, bare
text) are not asked, which saves their work and stops a post that quotes page furniture being read as a dump.
"""

from __future__ import annotations

from ._model import Detection
from ._variants import HANDLERS, Handler, Score


def detect_text(text: str) -> tuple[Handler, Detection]:
    best, best_score = HANDLERS[-1], Score(-1.0)
    for handler in HANDLERS:
        if best_score.decisive and not handler.structural:
            continue
        score = handler.detect(text)
        if score.value > best_score.value:
            best, best_score = handler, score
    return best, Detection(variant=best.variant, confidence=round(best_score.value, 3), evidence=best_score.evidence)
