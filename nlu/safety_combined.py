"""All safety detectors on one message: the lexicon (nlu/safety_net.py) OR the semantic detectors
(nlu/semantic_safety.py: the kNN bank and the trained head, the head's votes confirmed by the n-gram model) OR the
n-gram model alone (nlu/safety_ngrams.py, at its own, higher thresholds). Any one firing sets the flag; acute wins
over suicide for ``level``. Without an alarm, ``watch`` names the levels the head or the n-gram model leans towards
(nlu/safety_watch.py): the reply then ends with a short line giving 112 or 113, not the alarm."""
from __future__ import annotations

import logging

from nlu.safety_net import SafetySignal, detect
from nlu.safety_ngrams import best_of, ngrams
from nlu.safety_watch import watched
from nlu.semantic_safety import chunks, detect_semantic

log = logging.getLogger(__name__)


def detect_both(text: str) -> SafetySignal:
    lexical = detect(text or "")
    acute, suicide, reasons = lexical.acute, lexical.suicide, lexical.reasons
    gram_odds = None  # the n-gram model's log-odds per chunk: its own firing and the head's veto read them
    gram_best: dict[str, float] = {}
    head_best: dict[str, float] = {}
    try:
        gram_odds = ngrams().log_odds(chunks(text or ""))
        grams, gram_best = ngrams().fires_on(gram_odds), best_of(gram_odds)
    except Exception:  # noqa: BLE001 - a broken model must never silence the lexicon
        log.exception("n-gram safety detector failed; the others only for this message")
        grams = {"acute": False, "suicide": False}
    try:
        semantic = detect_semantic(text or "", gram_odds=gram_odds)
        found, head_best = {"acute": semantic.acute, "suicide": semantic.suicide}, semantic.head_best
    except Exception:  # noqa: BLE001 - a broken model must never silence the lexicon
        log.exception("semantic safety detector failed; lexicon and n-grams only for this message")
        found = {"acute": False, "suicide": False}
    for name, fired in (("semantic", found), ("ngrams", grams)):
        new = tuple(f"{name}_{level}" for level in ("acute", "suicide")
                    if fired[level] and not (acute if level == "acute" else suicide))
        acute, suicide, reasons = acute or fired["acute"], suicide or fired["suicide"], reasons + new
    level = "acute" if acute else "suicide" if suicide else "none"
    return SafetySignal(level=level, acute=acute, suicide=suicide, reasons=reasons,
                        watch=_watched(head_best, gram_best, acute or suicide))


def _watched(head_best: dict[str, float], gram_best: dict[str, float], alarmed: bool) -> tuple[str, ...]:
    try:
        return watched(head_best, gram_best, alarmed)
    except Exception:  # noqa: BLE001 - a missing watch file must not break the alarm
        log.exception("safety watch thresholds unreadable; no watch line for this message")
        return ()
