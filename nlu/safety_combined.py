"""All safety detectors on one message: the lexicon (nlu/safety_net.py) OR the semantic detectors
(nlu/semantic_safety.py: the kNN bank and the trained head, the head's votes confirmed by the n-gram model) OR the
n-gram model alone (nlu/safety_ngrams.py, at its own, higher thresholds). Any one firing sets the flag; acute wins
over suicide for ``level``. Without an alarm, ``watch`` names the levels the head or the n-gram model leans towards
(nlu/safety_watch.py): the reply then ends with a short line giving 112 or 113, not the alarm.

``read`` runs every detector once; Rasa (``detect_both``), the safety measure and the watch fit all build on it."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from nlu.safety_net import SafetySignal, detect
from nlu.safety_ngrams import best_of, ngrams
from nlu.safety_watch import LEVELS, watched
from nlu.semantic_safety import Bank, chunks, detect_semantic

log = logging.getLogger(__name__)
T = TypeVar("T")


def _quiet() -> dict[str, bool]:
    return {level: False for level in LEVELS}


@dataclass(frozen=True)
class Readings:
    """What each detector says about one message, per level; the best log-odds of the head (without the n-gram
    veto) and of the n-gram model feed the watch line."""
    lexical: SafetySignal
    knn: dict[str, bool] = field(default_factory=_quiet)
    head: dict[str, bool] = field(default_factory=_quiet)
    grams: dict[str, bool] = field(default_factory=_quiet)
    head_best: dict[str, float] = field(default_factory=dict)
    gram_best: dict[str, float] = field(default_factory=dict)

    def semantic(self, level: str) -> bool:
        return self.knn[level] or self.head[level]

    def models(self, level: str) -> bool:
        return self.semantic(level) or self.grams[level]

    def fired(self, level: str) -> bool:
        return bool(getattr(self.lexical, level)) or self.models(level)

    def watch(self) -> tuple[str, ...]:
        return watched(self.head_best, self.gram_best, any(self.fired(level) for level in LEVELS))


def read(text: str, bank: Bank | None = None, guarded: bool = True) -> Readings:
    """Every detector on one message. The n-gram model scores the chunks once, for its own firing and for its veto
    on the head. ``guarded`` (Rasa): a failing model is logged and counts as silent, so it never silences the
    lexicon; the measures pass False, so a broken model stops them instead of lowering a figure."""
    text = text or ""
    lexical = detect(text)
    scored = _attempt(guarded, "n-gram", lambda: _grams(text))
    gram_odds, grams, gram_best = scored if scored is not None else (None, _quiet(), {})
    semantic = _attempt(guarded, "semantic", lambda: detect_semantic(text, bank=bank, gram_odds=gram_odds))
    if semantic is None:
        return Readings(lexical=lexical, grams=grams, gram_best=gram_best)
    return Readings(lexical=lexical, knn=semantic.knn, head=semantic.head, grams=grams,
                    head_best=semantic.head_best, gram_best=gram_best)


def _grams(text: str) -> tuple[np.ndarray, dict[str, bool], dict[str, float]]:
    odds = ngrams().log_odds(chunks(text))
    return odds, ngrams().fires_on(odds), best_of(odds)


def _attempt(guarded: bool, name: str, run: Callable[[], T]) -> T | None:
    if not guarded:
        return run()
    try:
        return run()
    except Exception:  # noqa: BLE001 - a broken model must never silence the lexicon
        log.exception("%s safety detector failed; the others only for this message", name)
        return None


def detect_both(text: str) -> SafetySignal:
    readings = read(text)
    lexical = readings.lexical
    acute, suicide, reasons = lexical.acute, lexical.suicide, lexical.reasons
    for name, fired in (("semantic", readings.semantic), ("ngrams", lambda level: readings.grams[level])):
        new = tuple(f"{name}_{level}" for level in LEVELS
                    if fired(level) and not (acute if level == "acute" else suicide))
        acute, suicide, reasons = acute or fired("acute"), suicide or fired("suicide"), reasons + new
    level = "acute" if acute else "suicide" if suicide else "none"
    return SafetySignal(level=level, acute=acute, suicide=suicide, reasons=reasons, watch=_watched(readings))


def _watched(readings: Readings) -> tuple[str, ...]:
    try:
        return readings.watch()
    except Exception:  # noqa: BLE001 - a missing watch file must not break the alarm
        log.exception("safety watch thresholds unreadable; no watch line for this message")
        return ()
