"""Fit the semantic detector's thresholds on TUNING data only and print them.

    python -m tests.safety.calibrate [--scores CACHE.json]

Tuning data: danger and ordinary messages of cases.yml and probes.yml, plus the `tune` part of
ordinary.yml. Never heldout_danger.yml, holdout.yml or the `measure` part. For each level the grid
search keeps the setting that catches the most tuning danger messages while at most MAX_TUNE_ALARMS
of the tuning ordinary messages fire. Copy the result into nlu/safety_bank.yml (`thresholds`).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nlu.semantic_safety import LEVELS, scores  # noqa: E402

HERE = Path(__file__).resolve().parent
MAX_TUNE_ALARMS = 0.0025


def tuning_data() -> tuple[list[tuple[str, str]], list[str]]:
    danger: list[tuple[str, str]] = []
    ordinary: list[str] = []
    for name in ("cases.yml", "probes.yml"):
        for case in yaml.safe_load((HERE / name).read_text(encoding="utf-8")):
            (ordinary.append(case["text"] or "") if case["label"] == "none"
             else danger.append((case["label"], case["text"] or "")))
    rows = yaml.safe_load((HERE / "ordinary.yml").read_text(encoding="utf-8"))
    ordinary += [row["text"] for row in rows if row["part"] == "tune"]
    return danger, ordinary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scores", type=Path, default=None, help="JSON cache of scores per text")
    args = parser.parse_args(argv)
    cache = json.loads(args.scores.read_text()) if args.scores and args.scores.exists() else {}
    danger, ordinary = tuning_data()
    for text in [t for _, t in danger] + ordinary:
        if text not in cache:
            cache[text] = scores(text)
    if args.scores:
        args.scores.write_text(json.dumps(cache))
    for level in LEVELS:
        pos = np.array([cache[t][level] for label, t in danger if label == level])
        neg = np.array([cache[t][level] for t in ordinary])
        best = (-1, 0.0, 0.0, 0)
        for threshold in np.arange(0.84, 0.97, 0.0025):
            for margin in np.arange(-0.02, 0.06, 0.0025):
                alarms = int(((neg[:, 0] >= threshold) & (neg[:, 1] >= margin)).sum())
                if alarms > MAX_TUNE_ALARMS * len(neg):
                    continue
                hits = int(((pos[:, 0] >= threshold) & (pos[:, 1] >= margin)).sum())
                if hits > best[0] or (hits == best[0] and threshold + margin > best[1] + best[2]):
                    best = (hits, float(threshold), float(margin), alarms)
        hits, threshold, margin, alarms = best
        print(f"{level}: threshold {threshold:.4f} margin {margin:.4f} -> tuning recall "
              f"{hits}/{len(pos)}, tuning alarms {alarms}/{len(neg)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
