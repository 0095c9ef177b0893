"""All safety detectors on one message: the lexicon (nlu/safety_net.py) OR the semantic detectors
(nlu/semantic_safety.py: the kNN bank and the trained head, the head's votes confirmed by the n-gram model) OR the
n-gram model alone (nlu/safety_ngrams.py, at its own, higher thresholds). Any one firing sets the flag; acute wins
over suicide for ``level``."""
from __future__ import annotations

import logging

from nlu.safety_net import SafetySignal, detect
from nlu.safety_ngrams import ngrams
from nlu.semantic_safety import chunks, detect_semantic

log = logging.getLogger(__name__)


def detect_both(text: str) -> SafetySignal:
    lexical = detect(text or "")
    acute, suicide, reasons = lexical.acute, lexical.suicide, lexical.reasons
    gram_odds = None  # the n-gram model's log-odds per chunk: its own firing and the head's veto read them
    try:
        gram_odds = ngrams().log_odds(chunks(text or ""))
        grams = ngrams().fires_on(gram_odds)
    except Exception:  # noqa: BLE001 - a broken model must never silence the lexicon
        log.exception("n-gram safety detector failed; the others only for this message")
        grams = {"acute": False, "suicide": False}
    try:
        semantic = detect_semantic(text or "", gram_odds=gram_odds)
        found = {"acute": semantic.acute, "suicide": semantic.suicide}
    except Exception:  # noqa: BLE001 - a broken model must never silence the lexicon
        log.exception("semantic safety detector failed; lexicon and n-grams only for this message")
        found = {"acute": False, "suicide": False}
    for name, fired in (("semantic", found), ("ngrams", grams)):
        new = tuple(f"{name}_{level}" for level in ("acute", "suicide")
                    if fired[level] and not (acute if level == "acute" else suicide))
        acute, suicide, reasons = acute or fired["acute"], suicide or fired["suicide"], reasons + new
    level = "acute" if acute else "suicide" if suicide else "none"
    return SafetySignal(level=level, acute=acute, suicide=suicide, reasons=reasons)
