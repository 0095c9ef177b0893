"""Both safety detectors on one message: the lexicon (nlu/safety_net.py) OR the semantic bank
(nlu/semantic_safety.py). Either firing sets the flag; acute wins over suicide for ``level``."""
from __future__ import annotations

import logging

from nlu.safety_net import SafetySignal, detect
from nlu.semantic_safety import detect_semantic

log = logging.getLogger(__name__)


def detect_both(text: str) -> SafetySignal:
    lexical = detect(text or "")
    try:
        semantic = detect_semantic(text or "")
    except Exception:  # noqa: BLE001 - a broken model must never silence the lexicon
        log.exception("semantic safety detector failed; lexicon only for this message")
        return lexical
    acute = lexical.acute or semantic.acute
    suicide = lexical.suicide or semantic.suicide
    reasons = lexical.reasons + tuple(f"semantic_{level}" for level in ("acute", "suicide")
                                      if getattr(semantic, level) and not getattr(lexical, level))
    level = "acute" if acute else "suicide" if suicide else "none"
    return SafetySignal(level=level, acute=acute, suicide=suicide, reasons=reasons)
