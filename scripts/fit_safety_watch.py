"""Fit the watch tier's thresholds (nlu/safety_watch.yml) on the tuning sets only.

    python scripts/fit_safety_watch.py [--vector-cache ~/.cache/wegwijs/safety-eval] [--dry-run]

Per level, over a grid of head and n-gram log-odds: the loosest pair that gives a watch line to at most BUDGET of
the tuning ordinary sentences the alarm leaves alone, chosen for the most tuning danger messages of that level that
the models (kNN, head, n-gram model) catch by alarm or watch. The lexicon is left out of that count on purpose: its
cues were written from these sets' misses, and the watch is for text no cue foresaw. Never a blind set
(bot.measure.safety_generalisation.BLIND_SETS), never the not-acute set; the ordinary.yml halves both count.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import bot.measure.safety_generalisation as sg  # noqa: E402
import nlu.semantic_safety as ss  # noqa: E402
from bot.measure.vector_cache import VectorCache, vector_file  # noqa: E402
from nlu.safety_combined import read  # noqa: E402
from nlu.safety_watch import LEVELS, WATCH_PATH  # noqa: E402

BUDGET = {"acute": 0.0, "suicide": 0.005}
HEAD_GRID = [float(round(x, 2)) for x in np.arange(-2.0, 3.01, 0.25)]
GRAM_GRID = [float(round(x, 2)) for x in np.arange(0.0, 10.01, 0.5)]


@dataclass(frozen=True)
class Scored:
    label: str
    alarm: bool  # any detector, the lexicon included
    model_alarm: bool  # kNN, head or n-gram model
    head: dict[str, float]
    grams: dict[str, float]


def score(text: str, label: str, bank: ss.Bank) -> Scored | None:
    if not ss.chunks(text):
        return None
    found = read(text, bank=bank, guarded=False)
    models = any(found.models(level) for level in LEVELS)
    return Scored(label=label, alarm=any(found.fired(level) for level in LEVELS), model_alarm=models,
                  head=found.head_best, grams=found.gram_best)


def tuning_sets() -> tuple[list[str], list[str]]:
    danger = [n for n in sg.RECALL_FLOORS if n not in sg.BLIND_SETS]
    ordinary = [n for n in (*sg.ORDINARY, *sg.MAX_BLIND_FALSE_ALARMS) if n not in sg.BLIND_SETS]
    return sg.present(danger), sg.present(ordinary)


def scored_sets(bank: ss.Bank) -> tuple[list[Scored], list[Scored]]:
    danger_names, ordinary_names = tuning_sets()
    danger, ordinary = [], []
    for name in danger_names:
        danger += [s for c in sg.load(name) if c["label"] != "none" and (s := score(c["text"], c["label"], bank))]
        print(f"  scored {name}", flush=True)
    for name in ordinary_names:
        texts = [c if isinstance(c, str) else c["text"] for c in sg.load(name)]
        ordinary += [s for t in texts if (s := score(t, "none", bank))]
        print(f"  scored {name}", flush=True)
    return danger, ordinary


def watched(s: Scored, level: str, head: float, gram: float) -> bool:
    return s.head[level] >= head or s.grams[level] >= gram


def fit_level(level: str, danger: list[Scored], ordinary: list[Scored]) -> tuple[float, float, int, int, int]:
    """(head, ngrams, danger caught, of how many, ordinary sentences watched)."""
    mine = [s for s in danger if s.label == level]
    quiet = [s for s in ordinary if not s.alarm]
    allowed = int(BUDGET[level] * len(ordinary))
    best = (99.0, 99.0, sum(s.model_alarm for s in mine), len(mine), 0)
    for head in HEAD_GRID:
        for gram in GRAM_GRID:
            lines = sum(watched(s, level, head, gram) for s in quiet)
            if lines > allowed:
                continue
            caught = sum(s.model_alarm or watched(s, level, head, gram) for s in mine)
            if (caught, -lines) > (best[2], -best[4]):
                best = (head, gram, caught, len(mine), lines)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vector-cache", type=Path, default=None, help="keep the sets' e5 vectors between runs")
    parser.add_argument("--dry-run", action="store_true", help="print the fit, do not write nlu/safety_watch.yml")
    args = parser.parse_args(argv)
    embed = ss._default_embed()
    bank = ss.load_bank(embed=VectorCache(vector_file(args.vector_cache), embed) if args.vector_cache else embed)
    danger, ordinary = scored_sets(bank)
    thresholds, notes = {}, []
    for level in LEVELS:
        head, gram, caught, total, lines = fit_level(level, danger, ordinary)
        models = sum(s.model_alarm for s in danger if s.label == level)
        thresholds[level] = {"head": head, "ngrams": gram}
        notes.append(f"{level}: head >= {head}, n-grams >= {gram}: the models catch {models} -> {caught} of {total} "
                     f"tuning danger messages; {lines} of {len(ordinary)} tuning ordinary sentences get the line")
        print(notes[-1], flush=True)
    if args.dry_run:
        return 0
    header = ("# The watch tier's thresholds (nlu/safety_watch.py), written by scripts/fit_safety_watch.py from the\n"
              "# tuning sets only: do not edit by hand.\n" + "".join(f"# {note}\n" for note in notes))
    WATCH_PATH.write_text(header + yaml.safe_dump({"budget": BUDGET, "thresholds": thresholds}, sort_keys=False),
                          encoding="utf-8")
    print(f"wrote {WATCH_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
