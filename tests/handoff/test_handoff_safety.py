"""The safety net in every state of the handoff: whatever the person was asked, a message with acute danger
gets 112 and one with suicidal thoughts 113 first, in the handoff's language; at the consent question such a
message goes to Rasa, whose SafetyNetPolicy answers it (tests/nlu/test_safety_in_rasa.py)."""
from __future__ import annotations

from typing import Any

import pytest

from bot.chat.handoff.flow import HandoffFlow
from bot.chat.handoff.queue import HandoffStore
from bot.store.handoff_models import ACTIVE, CLOSED, CONSENT, EDITING, REVIEW, WAITING
from tests.handoff.conftest import FakeRasa
from tests.handoff.test_handoff_flow import CONVERSATION, SENDER, TRACKER, texts

pytestmark = pytest.mark.asyncio

MESSAGES = {
    ("acute", "nl"): ("hij staat met een mes voor de deur, help", "Bel dan meteen 112"),
    ("suicide", "nl"): ("ik wil niet meer leven", "bel 113"),
    ("acute", "en"): ("he is hitting me right now", "call 112"),
    ("suicide", "en"): ("I want to kill myself", "call 113"),
}


async def reach(state: str, flow: HandoffFlow, rasa: FakeRasa, store: HandoffStore) -> None:
    """Walk one conversation into `state`."""
    rasa.tracker_data = TRACKER
    if state in (WAITING, ACTIVE):
        store.set_available("counsellor1", True)
    await flow.turn(SENDER, "ik wil een mens spreken")
    if state != CONSENT:
        await flow.turn(SENDER, "ja")
    if state == EDITING:
        await flow.turn(SENDER, "2")
    if state in (WAITING, ACTIVE):
        await flow.turn(SENDER, "1")
    if state == ACTIVE:
        assert store.take(store.open_for(CONVERSATION).id, "counsellor1")
    assert store.open_for(CONVERSATION).state == state


@pytest.mark.parametrize("state", [REVIEW, EDITING, WAITING, ACTIVE])
@pytest.mark.parametrize("level, language", list(MESSAGES))
async def test_the_safety_message_comes_first_in_every_state(state: str, level: str, language: str,
                                                             flow: HandoffFlow, rasa: FakeRasa,
                                                             store: HandoffStore) -> None:
    rasa.language = language
    await reach(state, flow, rasa, store)
    message, expected = MESSAGES[(level, language)]
    relayed_before = list(rasa.relayed)
    replies: list[dict[str, Any]] = await flow.turn(SENDER, message)
    assert expected in texts(replies)[0]
    assert rasa.relayed == relayed_before  # answered by the gateway itself, the message did not reach Rasa


@pytest.mark.parametrize("level, language", list(MESSAGES))
async def test_at_the_consent_question_rasa_answers_with_its_safety_net(level: str, language: str,
                                                                      flow: HandoffFlow, rasa: FakeRasa,
                                                                      store: HandoffStore) -> None:
    rasa.language = language
    await reach(CONSENT, flow, rasa, store)
    message, _ = MESSAGES[(level, language)]
    await flow.turn(SENDER, message)
    assert rasa.relayed[-1] == message
    assert store.open_for(CONVERSATION) is None and store.ever(CONVERSATION, "request")


async def test_a_live_danger_message_is_stored_with_its_level(flow: HandoffFlow, rasa: FakeRasa,
                                                             store: HandoffStore) -> None:
    await reach(WAITING, flow, rasa, store)
    await flow.turn(SENDER, MESSAGES[("suicide", "nl")][0])
    handoff = store.open_for(CONVERSATION)
    assert [m.safety for m in store.messages(handoff.id)] == ["suicide"]
    assert handoff.state != CLOSED
