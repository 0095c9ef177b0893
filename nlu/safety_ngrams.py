"""Character and word n-gram safety model: a linear model over tf-idf n-grams of a chunk -> log-odds per class.

A fourth detector beside the lexicon (nlu/safety_net.py), the kNN bank (nlu/semantic_safety.py) and the trained
head (nlu/safety_head.py): a multinomial logistic regression over sublinear tf-idf character n-grams (2-5, inside
word boundaries) and word n-grams (1-2), trained by ``scripts/train_safety_ngrams.py`` on the same generated corpus
as the head (nlu/safety_corpus/*.yml), thresholds fitted on the corpus's tune split and the tune halves of
tests/safety/ordinary.yml and ordinary_requests.yml only. Spelling, typos and chat forms share most of their
character n-grams with the written form, where the e5 vector of a misspelt word can move far.

The vocabulary, idf weights and coefficients live in ``nlu/safety_ngrams.npz``; the tf-idf transform below is
written out by hand so it runs with numpy alone inside Rasa (Python 3.10, numpy 1.23), and
tests/safety/test_safety_ngrams.py checks it against scikit-learn's TfidfVectorizer.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

NGRAMS_PATH = Path(__file__).with_name("safety_ngrams.npz")
CLASSES = ("none", "acute", "suicide")
LEVELS = ("acute", "suicide")
CHAR_RANGE = (2, 5)
WORD_RANGE = (1, 2)
_WHITE_SPACES = re.compile(r"\s\s+")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def char_wb_ngrams(text: str) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer (lower-cased): n-grams inside space-padded words."""
    grams: list[str] = []
    low, high = CHAR_RANGE
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        word = " " + word + " "
        for n in range(low, high + 1):
            offset = 0
            grams.append(word[offset:offset + n])
            while offset + n < len(word):
                offset += 1
                grams.append(word[offset:offset + n])
            if offset == 0:  # a short word (shorter than n) counts once
                break
    return grams


def word_ngrams(text: str) -> list[str]:
    """scikit-learn's ``word`` analyzer (lower-cased, default token pattern): unigrams, then bigrams."""
    tokens = _TOKEN.findall(text.lower())
    grams = list(tokens)
    low, high = WORD_RANGE
    for n in range(max(low, 2), min(high + 1, len(tokens) + 1)):
        grams += [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def _split_vocabulary(blob: np.ndarray) -> dict[str, int]:
    words = bytes(blob.astype(np.uint8)).decode("utf-8").split("\n") if len(blob) else []
    return {word: index for index, word in enumerate(words)}


def join_vocabulary(words: list[str]) -> np.ndarray:
    """Vocabulary as one newline-joined UTF-8 byte array (no n-gram contains a newline): small, no pickle."""
    assert not any("\n" in word for word in words)
    return np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)


@dataclass(frozen=True)
class Part:
    """One tf-idf block: n-gram -> column, idf per column, coefficients (columns, classes)."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray

    def scores(self, grams: list[str]) -> np.ndarray:
        """The block's contribution to the class scores: l2-normalised sublinear tf-idf times the coefficients."""
        counts = Counter(index for index in (self.vocabulary.get(gram) for gram in grams) if index is not None)
        if not counts:
            return np.zeros(self.coef.shape[1])
        columns = np.fromiter(counts, dtype=np.int64, count=len(counts))
        weights = np.array([1.0 + math.log(counts[c]) for c in columns]) * self.idf[columns].astype(np.float64)
        weights /= np.sqrt((weights**2).sum())
        return weights @ self.coef[columns].astype(np.float64)


@dataclass(frozen=True)
class NgramModel:
    char: Part
    word: Part
    intercept: np.ndarray
    thresholds: dict[str, float]
    veto: dict[str, float]

    def decision(self, text: str) -> np.ndarray:
        """Shape (3,): the linear class scores of one chunk (scikit-learn's ``decision_function``)."""
        return self.char.scores(char_wb_ngrams(text)) + self.word.scores(word_ngrams(text)) + self.intercept

    def log_odds(self, pieces: list[str]) -> np.ndarray:
        """Shape (n, 3): log(p / (1 - p)) of each class for each chunk, p from the softmax of the class scores."""
        odds = np.zeros((len(pieces), len(CLASSES)))
        for row, piece in enumerate(pieces):
            logits = self.decision(piece)
            for column in range(len(CLASSES)):
                others = np.delete(logits, column)
                top = others.max()
                odds[row, column] = logits[column] - top - math.log(np.exp(others - top).sum())
        return odds

    def best(self, pieces: list[str]) -> dict[str, float]:
        """Per level, the highest log-odds over the chunks (-inf without chunks)."""
        return best_of(self.log_odds(pieces))

    def fires(self, pieces: list[str]) -> dict[str, bool]:
        return self.fires_on(self.log_odds(pieces))

    def fires_on(self, odds: np.ndarray) -> dict[str, bool]:
        """Per level, whether some chunk (rows of ``log_odds``) reaches this model's own threshold."""
        return {level: score >= self.thresholds[level] for level, score in best_of(odds).items()}

    def confirms(self, odds: np.ndarray) -> np.ndarray:
        """Shape (n, 2): per chunk (rows of ``log_odds``) and level, whether this model leaves the trained head's
        vote on that chunk standing (its own log-odds for the level at least the veto bar)."""
        return np.stack([odds[:, CLASSES.index(level)] >= self.veto[level] for level in LEVELS], axis=1)

    def save(self, path: Path = NGRAMS_PATH) -> None:
        char_words = sorted(self.char.vocabulary, key=self.char.vocabulary.__getitem__)
        word_words = sorted(self.word.vocabulary, key=self.word.vocabulary.__getitem__)
        np.savez_compressed(
            path, char_vocabulary=join_vocabulary(char_words), char_idf=self.char.idf.astype(np.float32),
            char_coef=self.char.coef.astype(np.float32), word_vocabulary=join_vocabulary(word_words),
            word_idf=self.word.idf.astype(np.float32), word_coef=self.word.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float64),
            thresholds=np.array([self.thresholds[level] for level in LEVELS], dtype=np.float64),
            veto=np.array([self.veto[level] for level in LEVELS], dtype=np.float64))


def best_of(odds: np.ndarray) -> dict[str, float]:
    """Per level, the highest log-odds over the rows of ``log_odds`` (-inf without rows)."""
    if not len(odds):
        return dict.fromkeys(LEVELS, float("-inf"))
    return {level: float(odds[:, CLASSES.index(level)].max()) for level in LEVELS}


def load_ngrams(path: Path = NGRAMS_PATH) -> NgramModel:
    with np.load(path, allow_pickle=False) as data:
        parts = {name: Part(_split_vocabulary(data[f"{name}_vocabulary"]), np.asarray(data[f"{name}_idf"]),
                            np.asarray(data[f"{name}_coef"])) for name in ("char", "word")}
        intercept = np.asarray(data["intercept"], dtype=np.float64)
        limits = [float(value) for value in data["thresholds"]]
        veto = [float(value) for value in data["veto"]]
    return NgramModel(parts["char"], parts["word"], intercept, dict(zip(LEVELS, limits, strict=True)),
                      dict(zip(LEVELS, veto, strict=True)))


@lru_cache(maxsize=1)
def ngrams() -> NgramModel:
    return load_ngrams()
