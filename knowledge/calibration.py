"""Calibrate the no-answer gate on knowledge/calibration/: answerable.yml (should answer) vs off_topic.yml
(should not). Our own data, apart from the retrieval eval set and every conversation test set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from knowledge.evalset import NoAnswer, Question
from knowledge.gate import Gate
from knowledge.querylang import other_language

if TYPE_CHECKING:
    from knowledge.index import KnowledgeIndex

@dataclass(frozen=True)
class Signals:
    """Best dense cosine (passages discounted) and best character n-gram cosine of a query, and whether
    the query is in another language than nl/en."""

    dense: float
    lexical: float
    other: bool = False


OTHER_LANGUAGE_MINIMUM = 5  # questions and off-topic queries each, to fit the other-language threshold


def signals(index: KnowledgeIndex, texts: Sequence[str], audiences: Sequence[str | None],
            langs: Sequence[str], vectors: np.ndarray | None = None) -> list[Signals]:
    if not texts:
        return []
    vectors = index.embedder.embed_queries(list(texts)) if vectors is None else vectors
    results = [index.search_vector(t, v, audience=a, lang=lang, k=1)
               for t, v, a, lang in zip(texts, vectors, audiences, langs, strict=True)]
    return [Signals(r.gate_dense, r.best_lexical, other_language(t)) for r, t in zip(results, texts, strict=True)]


def question_signals(index: KnowledgeIndex, questions: Sequence[Question],
                     vectors: np.ndarray | None = None) -> list[Signals]:
    return signals(index, [q.q for q in questions], [q.audience for q in questions], [q.lang for q in questions],
                   vectors)


def no_answer_signals(index: KnowledgeIndex, no_answer: Sequence[NoAnswer]) -> list[Signals]:
    return signals(index, [n.q for n in no_answer], [None] * len(no_answer), [n.lang for n in no_answer])


def rates(gate: Gate, positives: Sequence[Signals], negatives: Sequence[Signals]) -> tuple[float, float]:
    """(miss rate on answerable questions, false-answer rate on off-topic questions)."""
    miss = sum(not gate.answered(s.dense, s.lexical, s.other) for s in positives) / max(len(positives), 1)
    false = sum(gate.answered(s.dense, s.lexical, s.other) for s in negatives) / max(len(negatives), 1)
    return miss, false


def _best_threshold(pos: np.ndarray, neg: np.ndarray) -> float:
    """Threshold minimising miss rate + false-answer rate; the middle of the best range."""
    values = np.unique(np.concatenate([pos, neg]))
    candidates = np.concatenate([[values[0] - 1e-3], (values[:-1] + values[1:]) / 2, [values[-1] + 1e-3]])
    errors = np.array([(pos < t).mean() + (neg >= t).mean() for t in candidates])
    best = np.flatnonzero(np.isclose(errors, errors.min()))
    return float(candidates[best[len(best) // 2]])


def _lexical_weight(positives: list[Signals], negatives: list[Signals]) -> float:
    """Direction of a class-balanced logistic regression on (dense, lexical), as weight of lexical
    relative to dense; 0 when lexical does not help."""
    x = np.array([[s.dense, s.lexical] for s in positives + negatives])
    y = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
    scale = x.std(axis=0) + 1e-9
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000).fit(x / scale, y)
    w_dense, w_lexical = model.coef_[0] / scale
    if w_dense <= 0 or w_lexical <= 0:
        return 0.0
    return round(float(w_lexical / w_dense), 3)


def choose_gate(positives: list[Signals], negatives: list[Signals]) -> Gate:
    """Weight and threshold fitted on the nl/en queries; a second threshold (same weight) for queries in
    other languages when there are enough of both kinds, else they share the first."""
    main_pos = [s for s in positives if not s.other] or positives
    main_neg = [s for s in negatives if not s.other] or negatives
    weight = _lexical_weight(main_pos, main_neg)
    gate = Gate(threshold=0.0, lexical_weight=weight, calibrated=True)
    threshold = _fitted_threshold(gate, main_pos, main_neg)
    other_pos = [s for s in positives if s.other]
    other_neg = [s for s in negatives if s.other]
    other = None
    if min(len(other_pos), len(other_neg)) >= OTHER_LANGUAGE_MINIMUM and len(main_pos) < len(positives):
        other = _fitted_threshold(gate, other_pos, other_neg)
    return Gate(threshold=threshold, lexical_weight=weight, calibrated=True, other_threshold=other)


def _fitted_threshold(gate: Gate, positives: list[Signals], negatives: list[Signals]) -> float:
    pos = np.array([gate.score(s.dense, s.lexical) for s in positives])
    neg = np.array([gate.score(s.dense, s.lexical) for s in negatives])
    return round(_best_threshold(pos, neg), 4)


def _summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    arr = np.array(values)
    return {"min": round(float(arr.min()), 4), "median": round(float(np.median(arr)), 4),
            "max": round(float(arr.max()), 4)}


def calibrate(index: KnowledgeIndex, questions: Sequence[Question],
              no_answer: Sequence[NoAnswer]) -> tuple[Gate, dict[str, Any]]:
    """Fit the gate; returns it with a report of the in-sample miss / false-answer rates."""
    positives = question_signals(index, questions)
    negatives = no_answer_signals(index, no_answer)
    gate = choose_gate(positives, negatives)
    miss, false = rates(gate, positives, negatives)
    report = {
        "rule": gate.describe(), "threshold": gate.threshold, "lexical_weight": gate.lexical_weight,
        "other_threshold": gate.other_threshold,
        "questions": len(positives), "no_answer": len(negatives),
        "other_language_questions": sum(s.other for s in positives),
        "other_language_no_answer": sum(s.other for s in negatives),
        "miss_rate": round(miss, 4), "false_answer_rate": round(false, 4),
        "score_questions": _summary([gate.score(s.dense, s.lexical) for s in positives]),
        "score_no_answer": _summary([gate.score(s.dense, s.lexical) for s in negatives]),
    }
    return gate, report


def cross_validated_rates(positives: list[Signals], negatives: list[Signals], folds: int = 5,
                          seed: int = 0) -> tuple[float, float]:
    """Out-of-sample (miss, false-answer) rates: fit the gate on k-1 folds, test on the rest."""
    rng = np.random.default_rng(seed)
    pos_fold = rng.permutation(len(positives)) % folds
    neg_fold = rng.permutation(len(negatives)) % folds
    misses = falses = 0
    for fold in range(folds):
        train_pos = [s for s, f in zip(positives, pos_fold, strict=True) if f != fold]
        train_neg = [s for s, f in zip(negatives, neg_fold, strict=True) if f != fold]
        if not train_pos or not train_neg:
            continue
        gate = choose_gate(train_pos, train_neg)
        misses += sum(not gate.answered(s.dense, s.lexical, s.other)
                      for s, f in zip(positives, pos_fold, strict=True) if f == fold)
        falses += sum(gate.answered(s.dense, s.lexical, s.other)
                      for s, f in zip(negatives, neg_fold, strict=True) if f == fold)
    return misses / max(len(positives), 1), falses / max(len(negatives), 1)
