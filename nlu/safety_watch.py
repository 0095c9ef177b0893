"""The watch tier: a message the alarm did not flag, but whose models lean towards danger, still gets the route.

Not an alarm: the turn does not start with the 112 or 113 message. The reply ends with one short line ("Denk je aan
zelfdoding? ... 113", "Ben jij of iemand anders nu in gevaar? Bel 112") when it does not give that number already
(actions/watch_line.py). A level is watched when the trained head (without the n-gram model's veto) or the n-gram
model gives some chunk at least the log-odds in ``nlu/safety_watch.yml``, fitted by scripts/fit_safety_watch.py on
the tuning sets only, under a budget of ordinary sentences that may get the line.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

WATCH_PATH = Path(__file__).with_name("safety_watch.yml")
LEVELS = ("acute", "suicide")


@dataclass(frozen=True)
class WatchThresholds:
    """Per level, the log-odds the head or the n-gram model must reach on some chunk."""

    head: dict[str, float]
    ngrams: dict[str, float]

    def levels(self, head_best: dict[str, float], gram_best: dict[str, float]) -> tuple[str, ...]:
        return tuple(level for level in LEVELS
                     if head_best.get(level, float("-inf")) >= self.head[level]
                     or gram_best.get(level, float("-inf")) >= self.ngrams[level])


def parse_watch(data: dict) -> WatchThresholds:
    limits = data["thresholds"]
    return WatchThresholds(head={level: float(limits[level]["head"]) for level in LEVELS},
                           ngrams={level: float(limits[level]["ngrams"]) for level in LEVELS})


@lru_cache(maxsize=1)
def watch_thresholds(path: Path = WATCH_PATH) -> WatchThresholds:
    with path.open(encoding="utf-8") as handle:
        return parse_watch(yaml.safe_load(handle))


def watched(head_best: dict[str, float], gram_best: dict[str, float], alarmed: bool) -> tuple[str, ...]:
    """The watch tier's levels for a message, none when an alarm fired (its message gives 112 and 113 already)."""
    return () if alarmed else watch_thresholds().levels(head_best, gram_best)
