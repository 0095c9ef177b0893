"""Reuse the e5 query vector Rasa already computed for the message (nlu/e5_featurizer.py puts it in the
parse data as ``query_vector``), so a turn embeds the user's text once, not once in Rasa and again here.

Used only when the vector was made by the same model as the index's queries and the search is for the
message's own text; any other search embeds as before.
"""
from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any, Optional

import numpy as np

from knowledge.index import KnowledgeIndex, SearchResult

QUERY_VECTOR = "query_vector"


def decode(payload: Any, model: str, dim: int) -> Optional[np.ndarray]:
    """The vector in ``payload`` when it is one of ``model`` with ``dim`` dimensions, else None."""
    if not isinstance(payload, Mapping) or payload.get("model") != model:
        return None
    try:
        raw = base64.b64decode(str(payload.get("f32", "")), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) != 4 * dim:
        return None
    return np.frombuffer(raw, dtype="<f4").astype(np.float32)


class MessageKnowledge:
    """The index, with the current message's query vector known in advance."""

    def __init__(self, index: KnowledgeIndex, text: str, vector: Optional[np.ndarray]) -> None:
        self.index, self.text, self.vector = index, text, vector

    def search(self, text: str, audience: Optional[str] = None, lang: str = "nl", k: int = 5) -> SearchResult:
        if self.vector is not None and text == self.text and text.strip():
            return self.index.search_vector(text, self.vector, audience=audience, lang=lang, k=k)
        return self.index.search(text, audience=audience, lang=lang, k=k)

    def entry(self, entry_id: str, lang: str = "nl") -> Any:
        return self.index.entry(entry_id, lang)


def for_message(index: KnowledgeIndex, message: Mapping[str, Any]) -> MessageKnowledge:
    """The index for one turn: ``message`` is Rasa's parse data of the latest user message."""
    embedder = index.embedder
    vector = decode(message.get(QUERY_VECTOR), getattr(embedder, "name", ""), int(getattr(embedder, "dim", 0)))
    return MessageKnowledge(index, str(message.get("text") or ""), vector)
