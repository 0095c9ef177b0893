"""Telegram end to end: fake Telegram API -> the bridge process -> the real gateway, Rasa and actions."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.channels.telegram.config import sender_id
from tests.channels.fake_telegram import FakeTelegram
from tests.channels.telegram_harness import TOKEN, BridgeProcess, start_fake_telegram
from tests.support.tracker_db import stored_events_with

pytestmark = pytest.mark.e2e
FALLBACK = "Er ging iets mis"  # the gateway's answer when Rasa fails: not good enough here


@pytest.fixture(scope="module")
def telegram() -> Iterator[FakeTelegram]:
    fake = start_fake_telegram()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def bridge(stack, telegram, tmp_path_factory) -> Iterator[BridgeProcess]:
    process = BridgeProcess(telegram.api_url, stack.settings.web_url,
                            Path(tmp_path_factory.mktemp("telegram")) / "bridge.log")
    telegram.wait_for(lambda: telegram.calls_of("getUpdates", ok_only=False), 60, "the bridge to poll")
    yield process
    process.stop()


def user_texts(stack, chat_id: int) -> list[tuple[str, dict]]:
    tracker = httpx.get(f"{stack.settings.rasa_url}/conversations/{sender_id(TOKEN, chat_id)}/tracker",
                        params=stack.rasa_auth(), timeout=30).json()
    return [(e.get("text"), e.get("metadata") or {}) for e in tracker.get("events", []) if e["event"] == "user"]


def test_a_bystander_gets_veilig_thuis_through_rasa(bridge, telegram, stack):
    telegram.user_sends(201, "mijn buurman slaat zijn vrouw, wat kan ik doen?")
    replies = telegram.wait_for_replies(201, 1)
    assert "0800-2000" in "\n".join(replies) and FALLBACK not in replies[0]
    texts = user_texts(stack, 201)
    assert texts and texts[-1][0].startswith("mijn buurman")
    assert texts[-1][1].get("channel") == "telegram"  # Rasa stored the channel for the console


def test_acute_danger_gets_112_first(bridge, telegram):
    telegram.user_sends(202, "help hij slaat me nu en hij heeft een mes")
    first = telegram.wait_for_replies(202, 1)[0]
    assert "112" in first and FALLBACK not in first


def test_wis_through_the_real_gateway_erases_the_conversation(bridge, telegram, stack):
    # Words no other test sends: the tracker database is shared by every test of the stack.
    telegram.user_sends(203, "mijn buurvrouw wordt geslagen, ik hoor het elke avond door de dunne muur")
    count = len(telegram.wait_for_whole_turn(203))  # a turn can have several messages
    assert any("dunne muur" in (text or "") for text, _ in user_texts(stack, 203))  # stored before /wis
    assert stored_events_with(stack, "door de dunne muur") > 0
    telegram.user_sends(203, "/wis")
    notice = telegram.wait_for(lambda: len(telegram.sent_to(203)) > count and telegram.sent_to(203)[count],
                               60, "the /wis notice")
    assert "Ik heb gewist" in notice
    assert stored_events_with(stack, "door de dunne muur") == 0
    deleted = {m for c, m in telegram.deleted if c == 203}
    assert len(deleted) == 2 + count  # two user messages and every reply


def test_the_step_record_arrives_as_a_message_of_its_own(bridge, telegram):
    telegram.user_sends(204, "loop het afwegingskader met me door")
    telegram.wait_for(lambda: any("Vraag 1 van 5" in (t or "") for t in telegram.sent_to(204)), 60, "question 1")
    telegram.user_sends(204, "ja")
    telegram.wait_for(lambda: any("Vraag 2 van 5" in (t or "") for t in telegram.sent_to(204)), 60, "question 2")
    telegram.user_sends(204, "ja")
    record = telegram.wait_for(lambda: next((t for t in telegram.sent_to(204)
                                             if (t or "").startswith("Stappenverslag afwegingskader")), None),
                               60, "the step record")
    assert "binnen 5 werkdagen" in record and "geen gegevens van je cliënt" in record


def test_no_log_contains_the_token_or_the_messages(bridge, stack):
    assert bridge.alive()
    bridge.stop()
    logs = {"bridge": bridge.log()}
    if stack.log_dir:
        logs.update({p.name: p.read_text(errors="replace") for p in Path(stack.log_dir).glob("*.log")})
    for name, text in logs.items():
        assert TOKEN not in text and TOKEN.split(":")[1] not in text, name
    assert "buurman" not in logs["bridge"] and "mes" not in logs["bridge"].split()
