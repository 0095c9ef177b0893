"""The targets of issue 17, each figure from one `bench` run beside its target: met, missed or not measured."""
from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any, Optional

from bot.measure.load import Result

# 615 documents took 4 minutes on a fresh clone before this work (2.56 documents/s); the goal is 4x that.
INDEXING_BEFORE_DOCS_PER_S = 2.56


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    compare: str  # ">=" or "<="
    goal: float

    def met(self, value: Optional[float]) -> Optional[bool]:
        if value is None:
            return None
        return {">=": operator.ge, "<=": operator.le}[self.compare](value, self.goal)


TARGETS = (
    Target("throughput_vs_ceiling_10", "full turn at 10 closed-loop senders / parse+retrieval ceiling", ">=", 0.80),
    Target("overhead_ratio_1", "one sender: full turn p50 / (parse p50 + retrieval p50)", "<=", 1.5),
    Target("paced_10_p95_ms", "10 paced senders (1 s think): p95 ms", "<=", 150),
    Target("rasa_peak_rss_mb", "Rasa peak resident memory, MB", "<=", 1000),
    Target("cold_start_s", "cold start to the first answer, s", "<=", 20),
    Target("training_s", "Rasa training on this machine, s", "<=", 180),
    Target("indexing_docs_per_s", "index documents embedded per second", ">=",
           round(4 * INDEXING_BEFORE_DOCS_PER_S, 1)),
)


def _at(results: list[Result], kind: str, concurrency: int) -> Optional[Result]:
    return next((r for r in results if r.kind == kind and r.concurrency == concurrency), None)


def throughput_vs_ceiling(results: list[Result], concurrency: int = 10) -> Optional[float]:
    """Full-turn turns/s over 1 / (1/parse + 1/retrieval), all at `concurrency` closed-loop senders."""
    parse, retrieval, turn = (_at(results, kind, concurrency) for kind in ("parse", "retrieval", "turn"))
    if not (parse and retrieval and turn and parse.msg_per_s and retrieval.msg_per_s):
        return None
    ceiling = 1 / (1 / parse.msg_per_s + 1 / retrieval.msg_per_s)
    return round(turn.msg_per_s / ceiling, 2)


def figures(results: list[Result], extras: dict[str, Any]) -> dict[str, Optional[float]]:
    paced = _at(results, "turn-paced", 10)
    return {
        "throughput_vs_ceiling_10": throughput_vs_ceiling(results),
        "overhead_ratio_1": extras.get("overhead_ratio_full_turn_vs_parse_plus_retrieval"),
        "paced_10_p95_ms": paced.p95_ms if paced else None,
        "rasa_peak_rss_mb": (extras.get("peak_memory_mb") or {}).get("rasa"),
        "cold_start_s": extras.get("cold_start_to_first_answer_s"),
        "training_s": extras.get("training_seconds"),
        "indexing_docs_per_s": extras.get("indexing_docs_per_s"),
    }


def check(results: list[Result], extras: dict[str, Any]) -> list[dict[str, Any]]:
    values = figures(results, extras)
    return [{"target": t.key, "what": t.label, "value": values[t.key], "goal": f"{t.compare} {t.goal:g}",
             "met": t.met(values[t.key])} for t in TARGETS]


def print_targets(rows: list[dict[str, Any]]) -> None:
    print("\nTargets (issue 17):")
    for row in rows:
        verdict = {True: "met", False: "MISSED", None: "not measured"}[row["met"]]
        value = "-" if row["value"] is None else f"{row['value']:g}"
        print(f"  {row['what']:<64} {value:>8}  target {row['goal']:<8} {verdict}")
