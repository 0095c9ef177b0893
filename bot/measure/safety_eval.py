"""Evaluate the safety net on the labelled cases.

    python -m bot.measure.safety_eval            # from the repository root
    python bot/measure/safety_eval.py [--holdout] [--report PATH]

Prints acute recall, suicide recall and the false-alarm rate (non-acute messages that raised either
flag) for the tuning set (cases.yml), the held-out set (holdout.yml) and the development probe rounds
(probes.yml), lists every miss, and writes
the figures as JSON to var/reports/safety.json (or $WEGWIJS_VAR_DIR/reports/safety.json).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.settings import load_settings  # noqa: E402
from nlu.safety_net import detect  # noqa: E402

HERE = Path(__file__).resolve().parents[2] / "tests" / "safety"
SETS = {"main": HERE / "cases.yml", "holdout": HERE / "holdout.yml", "probes": HERE / "probes.yml"}


@dataclass
class Figures:
    name: str
    acute_total: int = 0
    acute_hits: int = 0
    suicide_total: int = 0
    suicide_hits: int = 0
    none_total: int = 0
    false_alarms: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    mean_ms: float = 0.0

    @property
    def acute_recall(self) -> float:
        return self.acute_hits / self.acute_total if self.acute_total else 1.0

    @property
    def suicide_recall(self) -> float:
        return self.suicide_hits / self.suicide_total if self.suicide_total else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.none_total if self.none_total else 0.0

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            acute_recall=round(self.acute_recall, 4),
            suicide_recall=round(self.suicide_recall, 4),
            false_alarm_rate=round(self.false_alarm_rate, 4),
        )
        return data


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for case in cases:
        if case.get("label") not in {"acute", "suicide", "none"}:
            raise ValueError(f"{path.name}: bad label in {case!r}")
    return cases


def _correct(label: str, acute: bool, suicide: bool) -> bool:
    if label == "acute":
        return acute
    if label == "suicide":
        return suicide
    return not (acute or suicide)


def evaluate(name: str, cases: list[dict[str, Any]]) -> Figures:
    figures = Figures(name)
    detect("")  # compile the lexicon before timing
    started = time.perf_counter()
    for case in cases:
        label, text = case["label"], case["text"] or ""
        signal = detect(text)
        correct = _correct(label, signal.acute, signal.suicide)
        if label == "acute":
            figures.acute_total += 1
            figures.acute_hits += correct
        elif label == "suicide":
            figures.suicide_total += 1
            figures.suicide_hits += correct
        else:
            figures.none_total += 1
            figures.false_alarms += not correct
        if not correct:
            figures.misses.append({"text": text, "label": label, "got": signal.level, "reasons": list(signal.reasons)})
    figures.mean_ms = round(1000 * (time.perf_counter() - started) / max(len(cases), 1), 4)
    return figures


def print_figures(figures: Figures) -> None:
    print(f"== {figures.name}")
    print(f"acute recall     {figures.acute_recall:.3f}  ({figures.acute_hits}/{figures.acute_total})")
    print(f"suicide recall   {figures.suicide_recall:.3f}  ({figures.suicide_hits}/{figures.suicide_total})")
    print(f"false-alarm rate {figures.false_alarm_rate:.3f}  ({figures.false_alarms}/{figures.none_total})")
    print(f"mean time        {figures.mean_ms:.3f} ms/message")
    for miss in figures.misses:
        kind = "FALSE ALARM" if miss["label"] == "none" else "MISS"
        print(f"  {kind:11} [{miss['label']} -> {miss['got']}] {miss['text']!r} {miss['reasons']}")


def default_report() -> Path:
    return load_settings().var_dir / "reports" / "safety.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=[*SETS, "all"], default="all", help="which labelled set(s)")
    parser.add_argument("--report", type=Path, default=None, help="JSON output path")
    args = parser.parse_args(argv)
    names = list(SETS) if args.set == "all" else [args.set]
    results = [evaluate(name, load_cases(SETS[name])) for name in names]
    for figures in results:
        print_figures(figures)
    report = args.report or default_report()
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps({f.name: f.summary() for f in results}, ensure_ascii=False, indent=2), "utf-8")
    print(f"report: {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
