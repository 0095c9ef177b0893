"""The handoff state machine with a fake Rasa and a real (SQLite, migrated) store and a fixed clock."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import text as sql
from sqlalchemy.exc import OperationalError

from bot.chat.handoff.flow import HandoffFlow
from bot.chat.handoff.queue import HandoffStore
from bot.chat.handoff.safety import safety_texts
from bot.store.handoff_models import ACTIVE, CLOSED, REVIEW, WAITING
from tests.handoff.conftest import SATURDAY, Clock, FakeRasa

pytestmark = pytest.mark.asyncio
SENDER = "web-123"
CONVERSATION = f"hash-{SENDER}"
TRACKER = {
    "slots": {"role": "citizen", "language": "nl"},
    "events": [
        {"event": "user", "text": "Mijn buurman Sanne slaat zijn vrouw, bel mij op 0612345678",
         "parse_data": {"intent": {"name": "situation_bystander"}, "entities": []}},
        {"event": "bot", "text": "Je kunt Veilig Thuis bellen: 0800-2000."},
        {"event": "slot", "name": "last_topic", "value": "omstander-advies"},
    ],
}


def texts(replies: list[dict[str, Any]]) -> list[str]:
    return [r["text"] for r in replies if "text" in r]


def state_marker(replies: list[dict[str, Any]]) -> str | None:
    markers = [r["custom"]["handoff"]["state"] for r in replies if "custom" in r]
    return markers[-1] if markers else None


async def to_summary(flow: HandoffFlow, rasa: FakeRasa) -> list[dict[str, Any]]:
    rasa.tracker_data = TRACKER
    first = await flow.turn(SENDER, "ik wil een mens spreken")
    assert any("doorverbind" in t for t in texts(first))
    return await flow.turn(SENDER, "ja")


async def test_request_asks_consent_and_hides_the_payload(flow: HandoffFlow, store: HandoffStore) -> None:
    replies = await flow.turn(SENDER, "kan ik een mens spreken")
    assert texts(replies)[0] == "bot: kan ik een mens spreken"  # the bot's own answer stays first
    assert "ja of nee" in texts(replies)[-1]
    assert replies[-1]["buttons"][0]["payload"] == "ja"
    assert all("custom" not in r for r in replies)
    assert store.open_for(CONVERSATION).state == "consent"


async def test_summary_shown_redacted_and_without_the_persons_words(flow: HandoffFlow, rasa: FakeRasa,
                                                                    store: HandoffStore) -> None:
    replies = await to_summary(flow, rasa)
    summary = texts(replies)[0]
    assert "omstander" in summary and "buren" in summary and "Veilig Thuis 0800-2000" in summary
    for private in ("Sanne", "0612345678", "slaat zijn vrouw"):
        assert private not in summary
    assert "1 = versturen" in texts(replies)[1]
    assert store.open_for(CONVERSATION).state == REVIEW


async def test_person_edits_the_summary_and_it_is_redacted(flow: HandoffFlow, rasa: FakeRasa,
                                                           store: HandoffStore) -> None:
    await to_summary(flow, rasa)
    prompt = await flow.turn(SENDER, "2")
    assert "Typ" in texts(prompt)[0]
    shown = await flow.turn(SENDER, "Mijn vriendin Sanne wordt door haar partner gecontroleerd, nummer 06-12345678")
    assert "[NAAM]" in texts(shown)[0] and "[TELEFOON]" in texts(shown)[0]
    assert "Sanne" not in store.open_for(CONVERSATION).summary


async def test_no_at_consent_sends_nothing(flow: HandoffFlow, store: HandoffStore, rasa: FakeRasa) -> None:
    await flow.turn(SENDER, "een mens graag")
    replies = await flow.turn(SENDER, "nee")
    assert "stuur niets door" in texts(replies)[0]
    assert store.open_for(CONVERSATION) is None
    assert rasa.events == []


async def test_stop_at_review_sends_nothing(flow: HandoffFlow, rasa: FakeRasa, store: HandoffStore) -> None:
    await to_summary(flow, rasa)
    replies = await flow.turn(SENDER, "4")
    assert "stuur niets door" in texts(replies)[0]
    assert store.open_for(CONVERSATION) is None


async def test_another_question_at_consent_goes_to_rasa(flow: HandoffFlow, rasa: FakeRasa,
                                                        store: HandoffStore) -> None:
    await flow.turn(SENDER, "een mens graag")
    replies = await flow.turn(SENDER, "wat is de kindcheck?")
    assert texts(replies) == ["bot: wat is de kindcheck?"]
    assert store.open_for(CONVERSATION) is None


async def test_yes_understood_by_rasa_when_not_a_keyword(flow: HandoffFlow, rasa: FakeRasa) -> None:
    rasa.intents["dat wil ik wel"] = ("affirm", 0.93)
    await flow.turn(SENDER, "een mens graag")
    replies = await flow.turn(SENDER, "dat wil ik wel")
    assert "samenvatting" in texts(replies)[0]


async def test_no_counsellor_chat_open(flow: HandoffFlow, rasa: FakeRasa, store: HandoffStore) -> None:
    await to_summary(flow, rasa)
    replies = await flow.turn(SENDER, "1")
    joined = "\n".join(texts(replies))
    assert "veiligthuis.nl" in joined and "meestal open" in joined and "nu open" not in joined
    assert "in de chat plakken" in joined and "omstander" in joined
    assert store.open_for(CONVERSATION) is None
    assert rasa.events == []  # Rasa was never paused


async def test_no_counsellor_chat_closed(flow: HandoffFlow, rasa: FakeRasa, clock: Clock) -> None:
    clock.now = SATURDAY
    await to_summary(flow, rasa)
    replies = await flow.turn(SENDER, "3")  # without summary
    joined = "\n".join(texts(replies))
    assert "nu dicht" in joined and "0800-2000" in joined and "maandag om 09:00" in joined
    assert "plakken" not in joined


async def test_live_relay_both_ways_then_resume(flow: HandoffFlow, rasa: FakeRasa, store: HandoffStore) -> None:
    store.set_available("counsellor1", True)
    await to_summary(flow, rasa)
    queued = await flow.turn(SENDER, "1")
    assert state_marker(queued) == "waiting" and "hulpverlener" in texts(queued)[0]
    assert rasa.events == [("pause", SENDER)]
    handoff = store.open_for(CONVERSATION)
    assert handoff.state == WAITING and store.inbox()[0].id == handoff.id

    early = await flow.turn(SENDER, "hallo? mijn nummer is 0612345678")
    assert state_marker(early) == "waiting" and "geduld" in texts(early)[0]
    assert store.take(handoff.id, "counsellor1")
    counsellor_id = store.add_message(handoff, "counsellor", "Hoi, ik ben Mirjam van Wegwijs.")

    box = await flow.outbox(SENDER, 0)
    assert box["state"] == "handed_off"
    assert [m["text"] for m in box["messages"]] == ["Hoi, ik ben Mirjam van Wegwijs."]

    talk = await flow.turn(SENDER, "hij slaat me nu, ik ben bang")
    assert "112" in texts(talk)[0]  # the safety net still answers while Rasa is paused
    assert state_marker(talk) == "handed_off"
    seen = store.messages(handoff.id)
    assert [m.author for m in seen] == ["user", "counsellor", "user"]
    assert seen[0].text == "hallo? mijn nummer is [TELEFOON]"
    assert seen[2].safety == "acute"
    assert "hallo?" not in rasa.relayed and "hij slaat me nu, ik ben bang" not in rasa.relayed

    assert store.end(handoff.id, "counsellor")
    store.add_message(handoff, "bot", "De hulpverlener heeft het gesprek afgesloten.")
    after_end = await flow.outbox(SENDER, counsellor_id)
    assert after_end["state"] == "normal" and after_end["messages"][0]["from"] == "bot"
    assert rasa.events == [("pause", SENDER), ("resume", SENDER)]
    again = await flow.turn(SENDER, "wat moet ik nu doen?")
    assert texts(again) == ["bot: wat moet ik nu doen?"]
    assert store.get(handoff.id).state == CLOSED


async def test_person_can_stop_the_live_chat(flow: HandoffFlow, rasa: FakeRasa, store: HandoffStore) -> None:
    store.set_available("counsellor1", True)
    await to_summary(flow, rasa)
    await flow.turn(SENDER, "1")
    replies = await flow.turn(SENDER, "stop")
    assert "weer met Wegwijs" in texts(replies)[0]
    assert rasa.events[-1] == ("resume", SENDER)
    assert store.open_for(CONVERSATION) is None


async def test_queue_without_counsellor_in_time_falls_back_to_veilig_thuis(
        flow: HandoffFlow, rasa: FakeRasa, store: HandoffStore, clock: Clock) -> None:
    store.set_available("counsellor1", True)
    await to_summary(flow, rasa)
    await flow.turn(SENDER, "1")
    clock.advance(minutes=11)
    box = await flow.outbox(SENDER, 0)
    assert box["state"] == "normal"
    assert "veiligthuis.nl" in " ".join(m["text"] for m in box["messages"])
    assert rasa.events[-1] == ("resume", SENDER)


async def test_counsellor_marked_available_but_gone_does_not_count(
        flow: HandoffFlow, rasa: FakeRasa, store: HandoffStore, clock: Clock) -> None:
    store.set_available("counsellor1", True)
    clock.advance(minutes=30)  # inbox not open for half an hour
    await to_summary(flow, rasa)
    replies = await flow.turn(SENDER, "1")
    assert "veiligthuis.nl" in " ".join(texts(replies))


async def test_counsellor_offer(flow: HandoffFlow, rasa: FakeRasa, store: HandoffStore) -> None:
    rasa.tracker_data = {"slots": {"language": "en"}, "events": []}
    store.set_available("counsellor1", True)
    store.start(CONVERSATION, "counsellor", "", counsellor="counsellor1")
    box = await flow.outbox(SENDER, 0)
    assert "counsellor" in box["messages"][0]["text"] and "yes or no" in box["messages"][0]["text"]
    review = await flow.turn(SENDER, "yes")
    assert "summary" in texts(review)[0]
    connected = await flow.turn(SENDER, "1")
    assert state_marker(connected) == "handed_off"
    assert store.open_for(CONVERSATION).state == ACTIVE


async def test_counsellor_offer_shown_with_the_next_answer(flow: HandoffFlow, store: HandoffStore) -> None:
    store.set_available("counsellor1", True)
    store.start(CONVERSATION, "counsellor", "", counsellor="counsellor1")
    replies = await flow.turn(SENDER, "wat is de meldcode")  # the person had not polled: no answer is lost
    assert texts(replies)[0] == "bot: wat is de meldcode"
    assert "hulpverlener" in texts(replies)[1]


async def test_risk_offer_made_once(flow: HandoffFlow, rasa: FakeRasa) -> None:
    rasa.handoff_reason = "risk"
    first = await flow.turn(SENDER, "iets over een mens")
    assert "kan helpen" in texts(first)[-1]
    await flow.turn(SENDER, "nee")
    second = await flow.turn(SENDER, "nog iets over een mens")
    assert texts(second) == ["bot: nog iets over een mens"]


async def test_unanswered_question_expires(flow: HandoffFlow, store: HandoffStore, clock: Clock) -> None:
    await flow.turn(SENDER, "een mens graag")
    clock.advance(hours=2)
    replies = await flow.turn(SENDER, "ja")
    assert texts(replies) == ["bot: ja"]
    assert store.open_for(CONVERSATION) is None


async def test_long_poll_returns_when_a_message_arrives(flow: HandoffFlow, rasa: FakeRasa,
                                                        store: HandoffStore) -> None:
    store.set_available("counsellor1", True)
    await to_summary(flow, rasa)
    await flow.turn(SENDER, "1")
    handoff = store.open_for(CONVERSATION)

    async def counsellor_writes() -> None:
        await asyncio.sleep(0.05)
        store.add_message(handoff, "counsellor", "Ik ben er.")

    writer = asyncio.create_task(counsellor_writes())
    box = await flow.outbox(SENDER, 0, wait_s=5)
    await writer
    assert [m["text"] for m in box["messages"]] == ["Ik ben er."]


async def test_chat_keeps_working_without_the_tables(flow: HandoffFlow, store: HandoffStore) -> None:
    with store.engine.begin() as connection:
        connection.execute(sql("DROP TABLE handoff_messages"))
        connection.execute(sql("DROP TABLE handoffs"))
    replies = await flow.turn(SENDER, "kan ik een mens spreken")
    assert texts(replies) == ["bot: kan ik een mens spreken"]
    assert all("custom" not in r for r in replies)


async def test_message_reaches_rasa_once_when_the_store_fails_after_the_answer(
        flow: HandoffFlow, store: HandoffStore, rasa: FakeRasa) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("INSERT", {}, Exception("disk full"))

    store.start = broken  # type: ignore[method-assign]
    replies = await flow.turn(SENDER, "kan ik een mens spreken")
    assert texts(replies) == ["bot: kan ik een mens spreken"]
    assert rasa.relayed == ["kan ik een mens spreken"]


async def test_live_chat_uses_rasas_combined_safety_net(flow: HandoffFlow, rasa: FakeRasa,
                                                       store: HandoffStore) -> None:
    """A danger the lexicon misses but Rasa's trained detectors flag still gets 112 while Rasa is paused."""
    store.set_available("counsellor1", True)
    await to_summary(flow, rasa)
    await flow.turn(SENDER, "1")
    handoff = store.open_for(CONVERSATION)
    message = "er staat iemand met een jerrycan in de gang te zwaaien"
    rasa.safety_flags[message] = ("acute",)
    acute_text = safety_texts(("acute",), "nl")[0]
    talk = await flow.turn(SENDER, message)
    assert texts(talk)[0] == acute_text
    assert store.messages(handoff.id)[-1].safety == "acute"
    plain = await flow.turn(SENDER, "ok ik wacht wel even")
    assert acute_text not in texts(plain) and store.messages(handoff.id)[-1].safety is None


async def test_lexicon_still_answers_when_rasa_is_unreachable(flow: HandoffFlow, rasa: FakeRasa,
                                                            store: HandoffStore) -> None:
    store.set_available("counsellor1", True)
    await to_summary(flow, rasa)
    await flow.turn(SENDER, "1")
    rasa.reachable = False
    talk = await flow.turn(SENDER, "ik wil niet meer leven")
    assert texts(talk)[0] == safety_texts(("suicide",), "nl")[0]
