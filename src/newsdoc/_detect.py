"""Stage 2: which variant is this text? Every handler scores it; the highest wins, bare text on ties."""

from __future__ import annotations

from ._model import Detection
from ._variants import HANDLERS, Handler


def detect_text(text: str) -> tuple[Handler, Detection]:
    best, best_score = HANDLERS[-1], HANDLERS[-1].detect(text)
    for handler in HANDLERS[:-1]:
        score = handler.detect(text)
        if score.value > best_score.value:
            best, best_score = handler, score
    return best, Detection(variant=best.variant, confidence=round(best_score.value, 3), evidence=best_score.evidence)
