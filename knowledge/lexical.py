"""Lexical (keyword) retrieval: character n-gram TF-IDF and word BM25, used together.

``CharTfidf`` hashes char_wb 3-5-grams (lower case, accents stripped: "clienten" matches
"cliënten"), uses sublinear tf and smoothed idf and scores by cosine; it copes with Dutch
compounds and typos. ``Bm25`` scores folded word tokens and rewards exact rare words.
``LexicalIndex`` holds both; the retrieval eval showed their fusion beats either alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from knowledge.textnorm import words

N_FEATURES = 2**20


def _l2_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sp.csr_matrix(sp.diags(1.0 / np.maximum(norms, 1e-12)) @ matrix)


class CharTfidf:
    """Cosine similarity over hashed character n-gram TF-IDF vectors."""

    kind = "char-tfidf"

    def __init__(self, matrix: sp.csr_matrix, idf: np.ndarray) -> None:
        self.matrix = matrix.astype(np.float32).tocsr()
        self.by_feature = self.matrix.T.tocsr()  # feature rows: a query touches only its own n-grams
        self.idf = idf.astype(np.float32)

    @staticmethod
    def _hasher() -> HashingVectorizer:
        return HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), n_features=N_FEATURES,
                                 alternate_sign=False, norm=None, strip_accents="unicode", lowercase=True)

    @classmethod
    def fit(cls, texts: list[str]) -> CharTfidf:
        counts = cls._hasher().transform(texts).tocsr()
        df = np.bincount(counts.indices, minlength=N_FEATURES)
        idf = (np.log((1 + len(texts)) / (1 + df)) + 1).astype(np.float32)
        return cls(cls._weigh(counts, idf), idf)

    @staticmethod
    def _weigh(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
        weighted = counts.astype(np.float32).tocsr()
        weighted.data = (1 + np.log(weighted.data)) * idf[weighted.indices]
        return _l2_rows(weighted)

    def scores(self, query: str) -> np.ndarray:
        counts = self._hasher().transform([query]).tocsr()
        if not counts.nnz:
            return np.zeros(self.matrix.shape[0], dtype=np.float32)
        weights = (1 + np.log(counts.data.astype(np.float32))) * self.idf[counts.indices]
        weights /= max(float(np.linalg.norm(weights)), 1e-12)
        return np.asarray(self.by_feature[counts.indices].T @ weights).ravel()

    def save(self, directory: Path) -> None:
        used = np.unique(self.matrix.indices)
        sp.save_npz(directory / "lexical.npz", self.matrix)
        np.savez(directory / "lexical_idf.npz", indices=used, values=self.idf[used],
                 default=np.log(1 + self.matrix.shape[0]) + 1)

    @classmethod
    def load(cls, directory: Path) -> CharTfidf:
        matrix = sp.load_npz(directory / "lexical.npz").tocsr()
        stored = np.load(directory / "lexical_idf.npz")
        idf = np.full(N_FEATURES, float(stored["default"]), dtype=np.float32)
        idf[stored["indices"]] = stored["values"]
        return cls(matrix, idf)


class Bm25:
    """Okapi BM25 over folded word tokens (k1=1.2, b=0.75)."""

    kind = "bm25"

    def __init__(self, vocabulary: dict[str, int], weights: sp.csr_matrix) -> None:
        self.vocabulary = vocabulary
        self.weights = weights.tocsc()

    @classmethod
    def fit(cls, texts: list[str], k1: float = 1.2, b: float = 0.75) -> Bm25:
        tokenised = [words(t) for t in texts]
        vocabulary: dict[str, int] = {}
        rows, cols, tfs = [], [], []
        for row, tokens in enumerate(tokenised):
            counts: dict[int, int] = {}
            for token in tokens:
                column = vocabulary.setdefault(token, len(vocabulary))
                counts[column] = counts.get(column, 0) + 1
            rows += [row] * len(counts)
            cols += list(counts)
            tfs += list(counts.values())
        tf = sp.csr_matrix((np.array(tfs, dtype=np.float32), (rows, cols)),
                           shape=(len(texts), max(len(vocabulary), 1)))
        lengths = np.array([len(t) for t in tokenised], dtype=np.float32)
        df = np.bincount(tf.indices, minlength=tf.shape[1])
        idf = np.log(1 + (len(texts) - df + 0.5) / (df + 0.5)).astype(np.float32)
        norm = k1 * (1 - b + b * lengths / max(float(lengths.mean()) if len(lengths) else 1.0, 1e-9))
        tf.data = tf.data * (k1 + 1) / (tf.data + np.repeat(norm, np.diff(tf.indptr))) * idf[tf.indices]
        return cls(vocabulary, tf)

    def scores(self, query: str) -> np.ndarray:
        ids = sorted({self.vocabulary[t] for t in words(query) if t in self.vocabulary})
        if not ids:
            return np.zeros(self.weights.shape[0], dtype=np.float32)
        return np.asarray(self.weights[:, ids].sum(axis=1)).ravel()

    def save(self, directory: Path) -> None:
        sp.save_npz(directory / "lexical.npz", self.weights.tocsr())
        (directory / "lexical_vocabulary.json").write_text(json.dumps(self.vocabulary), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> Bm25:
        vocabulary = json.loads((directory / "lexical_vocabulary.json").read_text(encoding="utf-8"))
        return cls(vocabulary, sp.load_npz(directory / "lexical.npz"))


class LexicalIndex:
    """Both lexical scorers over the same documents; ``similarity`` (char cosine, 0..1) feeds the gate."""

    kind = "char-tfidf+bm25"

    def __init__(self, char: CharTfidf, bm25: Bm25) -> None:
        self.char = char
        self.bm25 = bm25

    @classmethod
    def fit(cls, texts: list[str]) -> LexicalIndex:
        return cls(CharTfidf.fit(texts), Bm25.fit(texts))

    def score_lists(self, query: str) -> list[np.ndarray]:
        """[char n-gram cosine, BM25] per document."""
        return [self.char.scores(query), self.bm25.scores(query)]

    def save(self, directory: Path) -> None:
        for name, part in (("char", self.char), ("bm25", self.bm25)):
            target = directory / f"lexical_{name}"
            target.mkdir(parents=True, exist_ok=True)
            part.save(target)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        return cls(CharTfidf.load(directory / "lexical_char"), Bm25.load(directory / "lexical_bm25"))
