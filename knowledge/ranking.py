"""Ranking helpers: per-entry rankings from per-document scores, and reciprocal rank fusion."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

RRF_K = 60
DEPTH = 50


def entry_ranking(scores: np.ndarray, entry_ids: Sequence[str], mask: np.ndarray,
                  depth: int = DEPTH, positive_only: bool = False) -> list[tuple[str, int, float]]:
    """Best document per entry, best first: (entry id, document row, score), at most ``depth`` entries.

    Rows outside ``mask`` are skipped; with ``positive_only`` rows scoring 0 or less are too
    (a lexical index gives no evidence for documents that share nothing with the query).
    """
    order = np.argsort(-scores, kind="stable")
    ranking: list[tuple[str, int, float]] = []
    seen: set[str] = set()
    for row in order:
        score = float(scores[row])
        if positive_only and score <= 0:
            break
        if not mask[row] or entry_ids[row] in seen:
            continue
        seen.add(entry_ids[row])
        ranking.append((entry_ids[row], int(row), score))
        if len(ranking) >= depth:
            break
    return ranking


def reciprocal_rank_fusion(rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None,
                           k: int = RRF_K) -> list[tuple[str, float]]:
    """Fuse ranked id lists: score = sum(weight / (k + rank)), rank from 1; best first."""
    weights = weights or [1.0] * len(rankings)
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (k + rank)
    return sorted(fused.items(), key=lambda pair: (-pair[1], pair[0]))
