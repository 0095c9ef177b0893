"""KnowledgeIndex: FAISS (inner product over normalised vectors) + lexical indexes, fused by RRF.

Three rankings per query, each collapsed to one place per entry: dense cosine, character n-gram
TF-IDF and BM25. "dense" uses the first, "lexical" fuses the last two, "hybrid" fuses all three
(reciprocal rank fusion, k=20). Document passages get a small prior weight below curated entries,
which are written to answer questions; both choices were measured with ``python -m knowledge eval``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from knowledge.docs import QUESTION_FACET, IndexDoc, allowed
from knowledge.embeddings import Embedder
from knowledge.gate import Gate
from knowledge.lexical import LexicalIndex
from knowledge.querylang import other_language
from knowledge.ranking import entry_ranking, reciprocal_rank_fusion

FORMAT = 2
MODES = ("dense", "lexical", "hybrid")
EMBED_BATCH = 16
RRF_K = 20
PASSAGE_WEIGHT = 0.8  # fused-score weight of document passages relative to curated entries
PASSAGE_DISCOUNT = 0.03  # subtracted from a passage's cosine for the no-answer gate
# A message this close to one of an entry's questions, and this much closer than to any other entry, is that
# question in other words: the entry comes first whatever the lexical rankings say.
QUESTION_MATCH = 0.90
QUESTION_MARGIN = 0.02

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Hit:
    """One search result (or a looked-up entry), in the requested language when available."""

    id: str
    title: str
    text: str
    source: str
    source_title: str
    location: str | None
    audience: str
    lang: str
    kind: str
    verified: bool
    score: float
    checked: str = ""  # ISO date a curated entry was checked against its source ("" for passages)


@dataclass(frozen=True)
class SearchResult:
    """Hits best first; ``answered`` is False when the best match is too weak (no-answer)."""

    hits: list[Hit]
    answered: bool
    best_score: float  # raw cosine of the best dense match
    best_lexical: float = 0.0  # best character n-gram cosine
    gate_dense: float = 0.0  # best cosine with passages discounted (the gate's dense input)
    confidence: float = 0.0  # the gate's score; answered = confidence >= threshold
    mode: str = "hybrid"
    asked: bool = False  # the top hit is a clear paraphrase of one of its entry's questions (_asked_first)

    @property
    def top(self) -> Hit | None:
        return self.hits[0] if self.hits else None


@dataclass
class IndexMeta:
    input_hash: str = ""
    embedder: str = ""
    dim: int = 0
    lexical: str = LexicalIndex.kind
    gate: Gate = field(default_factory=lambda: Gate(threshold=0.5))
    calibration: dict[str, Any] = field(default_factory=dict)
    build_seconds: float = 0.0
    embedded: int = 0  # texts embedded by the build (the rest reused from the previous index)
    built_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["gate"] = self.gate.to_dict()
        return {"format": FORMAT, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexMeta:
        data = {k: v for k, v in data.items() if k != "format"}
        data["gate"] = Gate.from_dict(data["gate"])
        return cls(**data)


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _embed_all(texts: list[str], embedder: Embedder, known: Mapping[str, np.ndarray],
               progress: Progress | None) -> tuple[np.ndarray, int]:
    matrix = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    missing = []
    for row, text in enumerate(texts):
        vector = known.get(text_key(text))
        if vector is not None and vector.shape == (embedder.dim,):
            matrix[row] = vector
        else:
            missing.append(row)
    if progress and len(missing) < len(texts):
        progress(len(texts) - len(missing))
    for start in range(0, len(missing), EMBED_BATCH):
        rows = missing[start:start + EMBED_BATCH]
        matrix[rows] = embedder.embed_passages([texts[r] for r in rows])
        if progress:
            progress(len(rows))
    return matrix, len(missing)


class KnowledgeIndex:
    """Search over curated entries (per language a full and a keywords row) and document passages."""

    def __init__(self, docs: list[IndexDoc], vectors: faiss.Index, lexical: LexicalIndex,
                 embedder: Embedder, meta: IndexMeta) -> None:
        if vectors.ntotal != len(docs):
            raise ValueError(f"index has {vectors.ntotal} vectors for {len(docs)} documents")
        self.docs = docs
        self.vectors = vectors
        self.lexical = lexical
        self.embedder = embedder
        self.meta = meta
        self._entry_ids = [d.entry_id for d in docs]
        self._rows: dict[tuple[str, str], int] = {}
        for row, doc in enumerate(docs):
            self._rows.setdefault((doc.entry_id, doc.lang), row)
        self._masks: dict[str | None, np.ndarray] = {}
        self._passages = {d.entry_id for d in docs if d.kind == "passage"}

    # building ---------------------------------------------------------------------------------
    @classmethod
    def build(cls, docs: list[IndexDoc], embedder: Embedder, gate: Gate, input_hash: str = "",
              progress: Progress | None = None,
              known: Mapping[str, np.ndarray] | None = None) -> KnowledgeIndex:
        """Embed and index ``docs``; vectors in ``known`` (by :func:`text_key`) are reused, not recomputed."""
        started = time.perf_counter()
        texts = [d.search_text for d in docs]
        matrix, embedded = _embed_all(texts, embedder, known or {}, progress)
        vectors = faiss.IndexFlatIP(embedder.dim)
        if len(matrix):
            vectors.add(matrix)
        # Question rows are for the embedding only: as short lexical documents, a shared chat word ("wat", "nu")
        # would outweigh the entries' own text.
        lexical = LexicalIndex.fit(["" if d.facet == QUESTION_FACET else d.search_text for d in docs])
        meta = IndexMeta(input_hash=input_hash, embedder=embedder.name, dim=embedder.dim,
                         gate=gate, build_seconds=round(time.perf_counter() - started, 2), embedded=embedded,
                         built_at=time.strftime("%Y-%m-%dT%H:%M:%S"))
        return cls(docs, vectors, lexical, embedder, meta)

    def with_gate(self, gate: Gate, calibration: dict[str, Any]) -> None:
        self.meta = replace(self.meta, gate=gate, calibration=calibration)

    def with_build_seconds(self, seconds: float) -> None:
        self.meta = replace(self.meta, build_seconds=round(seconds, 2))

    # persistence ------------------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        """Write to a fresh sibling directory, then swap it in (readers never see half an index)."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = directory.with_name(f".{directory.name}.staging-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        faiss.write_index(self.vectors, str(staging / "dense.faiss"))
        self.lexical.save(staging)
        docs = [d.to_dict() for d in self.docs]
        (staging / "docs.json").write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        (staging / "meta.json").write_text(json.dumps(self.meta.to_dict(), indent=2), encoding="utf-8")
        old = directory.with_name(f".{directory.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        if directory.exists():
            directory.rename(old)
        staging.rename(directory)
        shutil.rmtree(old, ignore_errors=True)

    @staticmethod
    def stored_vectors(directory: Path, embedder_name: str) -> dict[str, np.ndarray]:
        """Vectors of a stored index (any format) made by ``embedder_name``, by :func:`text_key`;
        empty when there is none or it cannot be read."""
        try:
            meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
            if meta.get("embedder") != embedder_name:
                return {}
            docs = json.loads((directory / "docs.json").read_text(encoding="utf-8"))
            vectors = faiss.read_index(str(directory / "dense.faiss"))
            if vectors.ntotal != len(docs):
                return {}
            matrix = vectors.reconstruct_n(0, vectors.ntotal)
            return {text_key(d["search_text"]): matrix[i] for i, d in enumerate(docs)}
        except (OSError, ValueError, KeyError, TypeError, RuntimeError):
            return {}

    @staticmethod
    def stored_meta(directory: Path) -> IndexMeta | None:
        try:
            data = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
            return IndexMeta.from_dict(data) if data.get("format") == FORMAT else None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @classmethod
    def load(cls, directory: Path, embedder: Embedder) -> KnowledgeIndex:
        meta = cls.stored_meta(directory)
        if meta is None:
            raise FileNotFoundError(f"no usable index in {directory}")
        docs = [IndexDoc.from_dict(d) for d in json.loads((directory / "docs.json").read_text(encoding="utf-8"))]
        vectors = faiss.read_index(str(directory / "dense.faiss"))
        return cls(docs, vectors, LexicalIndex.load(directory), embedder, meta)

    # searching --------------------------------------------------------------------------------
    def _mask(self, audience: str | None) -> np.ndarray:
        if audience not in self._masks:
            self._masks[audience] = np.array([allowed(d, audience) for d in self.docs], dtype=bool)
        return self._masks[audience]

    def dense_scores(self, query_vector: np.ndarray) -> np.ndarray:
        """Cosine of the query with every row, in row order."""
        scores = np.zeros(len(self.docs), dtype=np.float32)
        if not self.docs:
            return scores
        found, rows = self.vectors.search(query_vector.reshape(1, -1).astype(np.float32), len(self.docs))
        scores[rows[0]] = found[0]
        return scores

    def search(self, text: str, audience: str | None = None, lang: str = "nl", k: int = 5,
               mode: str = "hybrid") -> SearchResult:
        """The k best entries/passages for ``text``; audience None searches everything."""
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}; choose one of {', '.join(MODES)}")
        vector = self.embedder.embed_queries([text])[0] if text.strip() else None
        return self.search_vector(text, vector, audience=audience, lang=lang, k=k, mode=mode)

    def search_vector(self, text: str, vector: np.ndarray | None, audience: str | None = None,
                      lang: str = "nl", k: int = 5, mode: str = "hybrid") -> SearchResult:
        """Like :meth:`search` with the query embedding already computed (used by the eval)."""
        mask = self._mask(audience)
        if vector is None or not mask.any():
            return SearchResult(hits=[], answered=False, best_score=0.0, mode=mode)
        dense = entry_ranking(self.dense_scores(vector), self._entry_ids, mask)
        char, bm25 = (entry_ranking(scores, self._entry_ids, mask, positive_only=True)
                      for scores in self.lexical.score_lists(text))
        best_lexical = char[0][2] if char else 0.0
        gate_dense = self._gate_dense(dense)
        lists = {"dense": [dense], "lexical": [char, bm25], "hybrid": [dense, char, bm25]}[mode]
        ranked, asked = self._fuse(lists), False
        if mode == "hybrid":
            ranked, asked = self._asked_first(ranked, dense)
        hits = [self._hit(entry_id, lang, score) for entry_id, score in ranked[:k]]
        gate = self.meta.gate
        other = other_language(text)
        return SearchResult(hits=hits, answered=gate.answered(gate_dense, best_lexical, other),
                            best_score=dense[0][2] if dense else 0.0, best_lexical=best_lexical,
                            gate_dense=gate_dense, confidence=round(gate.score(gate_dense, best_lexical), 6),
                            mode=mode, asked=asked)

    def _gate_dense(self, dense: list[tuple[str, int, float]]) -> float:
        scores = [score - (PASSAGE_DISCOUNT if entry_id in self._passages else 0.0) for entry_id, _, score in dense]
        return max(scores, default=0.0)

    def _asked(self, dense: list[tuple[str, int, float]]) -> str | None:
        """The entry whose own question the message clearly paraphrases: the best dense row is a question, at
        QUESTION_MATCH or more and QUESTION_MARGIN clearer than any other entry."""
        if len(dense) < 2:
            return None
        (entry_id, row, best), (_, _, second) = dense[0], dense[1]
        if self.docs[row].facet != QUESTION_FACET or best < QUESTION_MATCH or best - second < QUESTION_MARGIN:
            return None
        return entry_id

    def _asked_first(self, ranked: list[tuple[str, float]],
                     dense: list[tuple[str, int, float]]) -> tuple[list[tuple[str, float]], bool]:
        """``ranked`` with the entry the message clearly asks for first, and whether there was one."""
        entry_id = self._asked(dense)
        if entry_id is None:
            return ranked, False
        first = [pair for pair in ranked if pair[0] == entry_id] + [pair for pair in ranked if pair[0] != entry_id]
        return first, True

    def _fuse(self, rankings: list[list[tuple[str, int, float]]]) -> list[tuple[str, float]]:
        fused = reciprocal_rank_fusion([[entry_id for entry_id, _, _ in r] for r in rankings], k=RRF_K)
        weighted = [(entry_id, score * (PASSAGE_WEIGHT if entry_id in self._passages else 1.0))
                    for entry_id, score in fused]
        return sorted(weighted, key=lambda pair: (-pair[1], pair[0]))

    def _row_for(self, entry_id: str, lang: str) -> int | None:
        for candidate in (lang, "nl"):
            row = self._rows.get((entry_id, candidate))
            if row is not None:
                return row
        return next((i for (eid, _), i in self._rows.items() if eid == entry_id), None)

    def _hit(self, entry_id: str, lang: str, score: float) -> Hit:
        row = self._row_for(entry_id, lang)
        assert row is not None
        doc = self.docs[row]
        return Hit(id=doc.entry_id, title=doc.title, text=doc.text, source=doc.source,
                   source_title=doc.source_title, location=doc.location, audience=doc.audience,
                   lang=doc.lang, kind=doc.kind, verified=doc.verified, score=round(float(score), 6),
                   checked=doc.checked)

    def entry(self, id: str, lang: str = "nl") -> Hit | None:
        """Look up one entry (or passage) by id, in ``lang`` when that version exists, else nl."""
        return self._hit(id, lang, 1.0) if self._row_for(id, lang) is not None else None

    def __len__(self) -> int:
        return len(self.docs)
