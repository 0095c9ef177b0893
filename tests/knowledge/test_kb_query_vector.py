"""Retrieval reuses the query vector Rasa computed for the message, and only when it fits."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from kbtest import FIXTURE_DOCS

from knowledge import service
from knowledge.config import Settings
from knowledge.index import KnowledgeIndex
from knowledge.query_vector import decode, for_message

QUESTION = "Welk telefoonnummer heeft Veilig Thuis?"


@pytest.fixture
def small_index(make_settings: Callable[..., Settings], entries_copy: Path) -> KnowledgeIndex:
    service.clear_cache()
    return service.load_index(make_settings(entries_dir=entries_copy, seeds_dir=FIXTURE_DOCS))


def payload(vector: np.ndarray, model: str) -> dict[str, str]:
    """The form nlu/e5_featurizer.encode_query_vector writes (checked against it in tests/e2e)."""
    return {"model": model, "f32": base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode()}


class Counting:
    """The index's embedder, counting the queries it embeds."""

    def __init__(self, inner: object) -> None:
        self.inner, self.queries = inner, 0
        self.name, self.dim = inner.name, inner.dim  # type: ignore[attr-defined]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        self.queries += len(texts)
        return self.inner.embed_queries(texts)  # type: ignore[attr-defined]


def test_the_message_is_not_embedded_again_and_ranks_the_same(small_index: KnowledgeIndex) -> None:
    vector = small_index.embedder.embed_queries([QUESTION])[0]
    expected = small_index.search(QUESTION, k=3)
    counting = Counting(small_index.embedder)
    small_index.embedder = counting  # type: ignore[assignment]
    knowledge = for_message(small_index, {"text": QUESTION, "query_vector": payload(vector, counting.name)})
    found = knowledge.search(QUESTION, k=3)
    assert counting.queries == 0
    assert [h.id for h in found.hits] == [h.id for h in expected.hits] and found.answered == expected.answered
    knowledge.search("Wat doet de Kindertelefoon?", k=3)  # another text than the message: embedded as before
    assert counting.queries == 1


@pytest.mark.parametrize("bad", [
    None, {}, {"model": "other-model", "f32": ""}, {"f32": "AAAA"}, "text",
])
def test_a_missing_or_foreign_vector_means_embedding_as_before(small_index: KnowledgeIndex, bad: object) -> None:
    counting = Counting(small_index.embedder)
    small_index.embedder = counting  # type: ignore[assignment]
    for_message(small_index, {"text": QUESTION, "query_vector": bad}).search(QUESTION, k=3)
    assert counting.queries == 1


def test_decode_checks_the_model_and_the_length() -> None:
    vector = np.arange(4, dtype=np.float32)
    assert np.array_equal(decode(payload(vector, "m"), "m", 4), vector)
    assert decode(payload(vector, "m"), "m", 5) is None
    assert decode(payload(vector, "m"), "n", 4) is None
    assert decode({"model": "m", "f32": "not base64!"}, "m", 4) is None
