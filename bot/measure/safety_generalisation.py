"""Does the safety net generalise? Recall on the held-out danger set and false alarms on ordinary text.

    python -m bot.measure.safety_generalisation [--report PATH]

Recall per language and class on tests/safety/heldout_danger.yml (written before tuning, never used
to tune) for the lexicon alone, the semantic detector alone and both combined; false-alarm rate on
the `measure` part of tests/safety/ordinary.yml. Exit status 1 when the combined recall is below
MIN_RECALL or the combined false-alarm rate above MAX_FALSE_ALARMS (the targets of issue 12).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nlu.safety_net import detect  # noqa: E402
from nlu.semantic_safety import detect_semantic  # noqa: E402

HERE = Path(__file__).resolve().parents[2] / "tests" / "safety"
MIN_RECALL = 1.0
MAX_FALSE_ALARMS = 0.005
DETECTORS = ("lexicon", "semantic", "combined")


def flags(text: str) -> dict[str, tuple[bool, bool]]:
    """Per detector: (acute, suicide)."""
    lexical, semantic = detect(text), detect_semantic(text)
    return {
        "lexicon": (lexical.acute, lexical.suicide),
        "semantic": (semantic.acute, semantic.suicide),
        "combined": (lexical.acute or semantic.acute, lexical.suicide or semantic.suicide),
    }


def caught(label: str, acute: bool, suicide: bool) -> bool:
    # A suicidal message that gets 112 still reaches help; an acute one needs 112.
    return acute if label == "acute" else suicide or acute


def load(name: str) -> list[Any]:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8")) or []


def recall(cases: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    hits: dict[str, dict[str, list[int]]] = {d: defaultdict(lambda: [0, 0]) for d in DETECTORS}
    misses: list[str] = []
    for case in cases:
        found = flags(case["text"])
        for detector in DETECTORS:
            ok = caught(case["label"], *found[detector])
            for key in ("all", f"lang={case['lang']}", f"class={case['label']}"):
                hits[detector][key][0] += ok
                hits[detector][key][1] += 1
            if detector == "combined" and not ok:
                misses.append(f"[{case['lang']} {case['label']}] {case['text'][:160]}")
    table = {d: {k: round(h / n, 4) for k, (h, n) in sorted(v.items())} for d, v in hits.items()}
    return table, misses


def false_alarms(rows: list[dict[str, Any]]) -> tuple[dict[str, float], list[str], int]:
    measured = [row["text"] for row in rows if row["part"] == "measure"]
    counts = dict.fromkeys(DETECTORS, 0)
    alarms: list[str] = []
    for text in measured:
        found = flags(text)
        for detector in DETECTORS:
            counts[detector] += any(found[detector])
        if any(found["combined"]):
            alarms.append(text[:160])
    return {d: round(c / len(measured), 4) for d, c in counts.items()}, alarms, len(measured)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", type=Path, default=None, help="JSON output path")
    args = parser.parse_args(argv)
    detect_semantic("warm-up")
    started = time.perf_counter()
    danger = load("heldout_danger.yml")
    table, misses = recall(danger)
    rates, alarms, measured = false_alarms(load("ordinary.yml"))
    ms = 1000 * (time.perf_counter() - started) / (len(danger) + measured)
    for detector in DETECTORS:
        print(f"== recall, {detector}: " + "  ".join(f"{k} {v:.3f}" for k, v in table[detector].items()))
    print(f"== false alarms on {measured} ordinary sentences: "
          + "  ".join(f"{d} {rates[d]:.4f}" for d in DETECTORS))
    print(f"== mean time {ms:.1f} ms/message (both detectors)")
    for line in misses:
        print(f"  MISS        {line}")
    for line in alarms:
        print(f"  FALSE ALARM {line}")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps({"recall": table, "false_alarms": rates, "ms": round(ms, 1)}, indent=2))
    failed = table["combined"]["all"] < MIN_RECALL or rates["combined"] > MAX_FALSE_ALARMS
    print("FAIL" if failed else "OK", f"(targets: recall >= {MIN_RECALL}, false alarms <= {MAX_FALSE_ALARMS})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
