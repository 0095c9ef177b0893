"""Trained safety head: a small ensemble of MLPs over the e5 embedding of a chunk -> P(none), P(acute), P(suicide).

The third detector beside the lexicon (nlu/safety_net.py) and the kNN bank (nlu/semantic_safety.py).
It reads the same e5 vectors the kNN bank computes for each chunk, so it costs no extra embedding.
Weights and thresholds live in ``nlu/safety_head.npz``, written by ``scripts/train_safety_head.py``
from ``nlu/safety_corpus/*.yml`` only (thresholds fitted on that corpus's tune split and the tune part
of tests/safety/ordinary.yml). numpy only, so it loads inside Rasa (Python 3.10, numpy 1.23).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

HEAD_PATH = Path(__file__).with_name("safety_head.npz")
CLASSES = ("none", "acute", "suicide")
LEVELS = ("acute", "suicide")


@dataclass(frozen=True)
class Head:
    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    thresholds: dict[str, float]

    def log_odds(self, vectors: np.ndarray) -> np.ndarray:
        """Shape (n, 3): log(p / (1 - p)) of each class for each row of unit e5 vectors, averaged over the
        ensemble (w1 has shape (members, dim, hidden)). Log-odds, not probabilities, so thresholds keep
        their resolution where the softmax saturates; the average tames one member's overconfidence."""
        standard = (vectors - self.mean) / self.scale
        total = np.zeros((len(vectors), self.w2.shape[-1]))
        for w1, b1, w2, b2 in zip(self.w1, self.b1, self.w2, self.b2, strict=True):
            logits = (np.maximum(standard @ w1 + b1, 0.0) @ w2 + b2).astype(np.float64)
            for column in range(logits.shape[1]):
                others = np.delete(logits, column, axis=1)
                top = others.max(axis=1)
                total[:, column] += logits[:, column] - top - np.log(np.exp(others - top[:, None]).sum(axis=1))
        return total / len(self.w1)

    def best(self, vectors: np.ndarray) -> dict[str, float]:
        """Per level, the highest log-odds over the chunks (-inf without chunks)."""
        if len(vectors) == 0:
            return dict.fromkeys(LEVELS, float("-inf"))
        odds = self.log_odds(vectors)
        return {level: float(odds[:, CLASSES.index(level)].max()) for level in LEVELS}

    def fires(self, vectors: np.ndarray) -> dict[str, bool]:
        return {level: score >= self.thresholds[level] for level, score in self.best(vectors).items()}

    def save(self, path: Path = HEAD_PATH) -> None:
        np.savez(path, mean=self.mean, scale=self.scale, w1=self.w1, b1=self.b1, w2=self.w2, b2=self.b2,
                 thresholds=np.array([self.thresholds[level] for level in LEVELS], dtype=np.float64))


def load_head(path: Path = HEAD_PATH) -> Head:
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: np.asarray(data[name], dtype=np.float32) for name in ("mean", "scale", "w1", "b1", "w2", "b2")}
        limits = [float(value) for value in data["thresholds"]]
    return Head(**arrays, thresholds=dict(zip(LEVELS, limits, strict=True)))


@lru_cache(maxsize=1)
def head() -> Head:
    return load_head()
