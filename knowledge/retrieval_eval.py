"""Retrieval evaluation: recall@1/3 and MRR per mode, latency, build time and the no-answer calibration."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.calibration import cross_validated_rates, no_answer_signals, question_signals, rates
from knowledge.evalset import NoAnswer, Question
from knowledge.index import MODES, KnowledgeIndex

DEPTH = 10


@dataclass
class ModeScores:
    recall_at_1: float
    recall_at_3: float
    mrr: float


@dataclass
class EvalReport:
    embedder: str
    documents: int
    questions: int
    modes: dict[str, ModeScores]
    latency_ms: dict[str, float]
    build_seconds: float
    build_note: str
    calibration: dict[str, Any]
    by_lang: dict[str, float] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    unknown_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["modes"] = {mode: dict(scores.__dict__) for mode, scores in self.modes.items()}
        return data


def first_relevant_rank(hit_ids: Sequence[str], relevant: Sequence[str]) -> int | None:
    """1-based rank of the first relevant id, or None."""
    return next((rank for rank, hit in enumerate(hit_ids, start=1) if hit in relevant), None)


def mode_scores(ranks: Sequence[int | None]) -> ModeScores:
    n = max(len(ranks), 1)
    return ModeScores(
        recall_at_1=round(sum(r is not None and r <= 1 for r in ranks) / n, 4),
        recall_at_3=round(sum(r is not None and r <= 3 for r in ranks) / n, 4),
        mrr=round(sum(1 / r for r in ranks if r is not None) / n, 4),
    )


def _percentiles(samples: list[float]) -> dict[str, float]:
    if not samples:
        return {"p50": 0.0, "p95": 0.0}
    arr = np.array(samples) * 1000
    return {"p50": round(float(np.percentile(arr, 50)), 2), "p95": round(float(np.percentile(arr, 95)), 2)}


def _latency(index: KnowledgeIndex, questions: Sequence[Question], vectors: np.ndarray) -> dict[str, float]:
    total, search_only = [], []
    for question, vector in zip(questions, vectors, strict=True):
        started = time.perf_counter()
        index.search(question.q, audience=question.audience, lang=question.lang)
        total.append(time.perf_counter() - started)
        started = time.perf_counter()
        index.search_vector(question.q, vector, audience=question.audience, lang=question.lang)
        search_only.append(time.perf_counter() - started)
    full, bare = _percentiles(total), _percentiles(search_only)
    return {"p50": full["p50"], "p95": full["p95"], "search_only_p50": bare["p50"], "search_only_p95": bare["p95"]}


def _calibration(index: KnowledgeIndex, questions: Sequence[Question], no_answer: Sequence[NoAnswer],
                 vectors: np.ndarray) -> dict[str, Any]:
    if not no_answer:
        return {"note": "no no_answer.yml: gate not calibrated", "gate": index.meta.gate.to_dict()}
    positives = question_signals(index, questions, vectors)
    negatives = no_answer_signals(index, no_answer)
    miss, false = rates(index.meta.gate, positives, negatives)
    cv_miss, cv_false = cross_validated_rates(positives, negatives)
    return {
        "gate": index.meta.gate.to_dict(),
        "miss_rate": round(miss, 4), "false_answer_rate": round(false, 4),
        "cv_miss_rate": round(cv_miss, 4), "cv_false_answer_rate": round(cv_false, 4),
        "no_answer_queries": len(no_answer),
        "false_answers": [n.q for n, s in zip(no_answer, negatives, strict=True)
                          if index.meta.gate.answered(s.dense, s.lexical, s.other)],
        "stored": index.meta.calibration,
    }


def evaluate(index: KnowledgeIndex, questions: Sequence[Question], no_answer: Sequence[NoAnswer],
             build_seconds: float | None = None) -> EvalReport:
    vectors = index.embedder.embed_queries([q.q for q in questions])
    ranks: dict[str, list[int | None]] = {mode: [] for mode in MODES}
    failures = []
    for question, vector in zip(questions, vectors, strict=True):
        for mode in MODES:
            result = index.search_vector(question.q, vector, audience=question.audience,
                                         lang=question.lang, k=DEPTH, mode=mode)
            hit_ids = [h.id for h in result.hits]
            ranks[mode].append(first_relevant_rank(hit_ids, question.ids))
            if mode == "hybrid" and (ranks[mode][-1] or DEPTH + 1) > 3:
                failures.append({"q": question.q, "expected": list(question.ids), "got": hit_ids[:3],
                                 "rank": ranks[mode][-1]})
    known = {doc.entry_id for doc in index.docs}
    by_lang = {}
    for lang in sorted({q.lang for q in questions}):
        lang_ranks = [r for q, r in zip(questions, ranks["hybrid"], strict=True) if q.lang == lang]
        by_lang[lang] = mode_scores(lang_ranks).recall_at_3
    return EvalReport(
        embedder=index.embedder.name, documents=len(index), questions=len(questions),
        modes={mode: mode_scores(ranks[mode]) for mode in MODES},
        latency_ms=_latency(index, questions, vectors),
        build_seconds=index.meta.build_seconds if build_seconds is None else round(build_seconds, 2),
        build_note=_build_note(index, build_seconds),
        calibration=_calibration(index, questions, no_answer, vectors),
        by_lang=by_lang, failures=failures,
        unknown_ids=sorted({i for q in questions for i in q.ids if i not in known}),
    )


def _build_note(index: KnowledgeIndex, fresh_seconds: float | None) -> str:
    if fresh_seconds is not None:
        return f"fresh build of all {len(index)} documents (eval --rebuild)"
    if index.meta.embedded < len(index):
        return (f"last build embedded {index.meta.embedded} of {len(index)} texts, the rest reused; "
                "use --rebuild to time a fresh build")
    return f"last build, all {len(index)} documents embedded"


def format_report(report: EvalReport) -> str:
    lines = [f"Retrieval eval: {report.questions} questions, {report.documents} documents, {report.embedder}", "",
             f"{'mode':<9} {'recall@1':>9} {'recall@3':>9} {'MRR':>7}"]
    for mode, scores in report.modes.items():
        lines.append(f"{mode:<9} {scores.recall_at_1:>9.3f} {scores.recall_at_3:>9.3f} {scores.mrr:>7.3f}")
    lat = report.latency_ms
    lines += ["", "hybrid recall@3 by language: " + ", ".join(f"{k} {v:.3f}" for k, v in report.by_lang.items()),
              f"query latency (embedding + search): p50 {lat['p50']:.1f} ms, p95 {lat['p95']:.1f} ms; "
              f"search only: p50 {lat['search_only_p50']:.2f} ms, p95 {lat['search_only_p95']:.2f} ms",
              f"index build time: {report.build_seconds:.1f} s ({report.build_note})"]
    lines += _calibration_lines(report.calibration)
    if report.unknown_ids:
        lines.append(f"WARNING: eval ids not in the index: {', '.join(report.unknown_ids)}")
    if report.failures:
        lines.append(f"\nhybrid misses at 3 ({len(report.failures)}):")
        lines += [f"  - {f['q']!r}: expected {f['expected']}, got {f['got']}" for f in report.failures]
    return "\n".join(lines)


def _calibration_lines(cal: dict[str, Any]) -> list[str]:
    from knowledge.gate import Gate

    rule = Gate.from_dict(cal["gate"]).describe()
    if "note" in cal:
        return [f"no-answer gate: {rule} ({cal['note']})"]
    return [
        f"no-answer gate: answered when {rule}",
        "  (fitted on knowledge/calibration/, so these questions are new to it)",
        f"  on this eval set: miss rate {cal['miss_rate']:.3f} on the questions, false-answer rate "
        f"{cal['false_answer_rate']:.3f} on {cal['no_answer_queries']} off-topic queries",
        f"  a gate fitted on this set itself, 5-fold cross-validated: miss rate {cal['cv_miss_rate']:.3f}, "
        f"false-answer rate {cal['cv_false_answer_rate']:.3f}",
    ]


def write_report(report: EvalReport, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
    return path
