"""The Telegram bridge as a process, against the fake Telegram API and a fake gateway.

The same bridge against the real gateway and Rasa: tests/e2e/test_telegram_stack.py.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.channels.telegram.config import sender_id
from tests.channels.fake_telegram import FakeTelegram, free_port
from tests.channels.telegram_harness import (
    QUICK_CHOICES,
    TOKEN,
    BridgeProcess,
    FakeGateway,
    start_fake_gateway,
    start_fake_telegram,
)


@pytest.fixture(scope="module")
def telegram() -> Iterator[FakeTelegram]:
    fake = start_fake_telegram()
    fake.fail("getMe", 500, times=2)  # Telegram is down when the bridge starts
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def gateway() -> Iterator[FakeGateway]:
    fake = start_fake_gateway()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def bridge(telegram: FakeTelegram, gateway: FakeGateway, tmp_path_factory) -> Iterator[BridgeProcess]:
    process = BridgeProcess(telegram.api_url, gateway.url, Path(tmp_path_factory.mktemp("tg")) / "bridge.log")
    telegram.wait_for(lambda: telegram.calls_of("getUpdates", ok_only=False), 60, "the bridge to poll")
    yield process
    process.stop()


def test_bridge_waits_out_telegram_errors_at_start_and_polls(bridge, telegram):
    assert len(telegram.calls_of("getMe", ok_only=False)) >= 3
    assert telegram.calls_of("deleteWebhook")  # polling mode clears a webhook left behind
    assert bridge.alive()


def test_start_says_what_the_bot_is_and_how_to_leave_no_traces(bridge, telegram):
    telegram.user_sends(101, "/start")
    reply = telegram.wait_for_replies(101, 1)[0]
    for words in ("chatbot", "geen mens", "politie", "112", "0800-2000", "/wis", "Verwijder"):
        assert words in reply, words


def test_help_follows_the_users_language(bridge, telegram):
    telegram.user_sends(102, "/help", language="en")
    assert "Ask your question" in telegram.wait_for_replies(102, 1)[0]
    telegram.user_sends(103, "/help", language="nl")
    assert "Stel je vraag" in telegram.wait_for_replies(103, 1)[0]


def test_text_goes_to_the_gateway_under_a_hashed_sender(bridge, telegram, gateway):
    telegram.user_sends(104, "mijn buurman slaat zijn vrouw")
    assert telegram.wait_for_replies(104, 1) == ["echo: mijn buurman slaat zijn vrouw"]
    sent = gateway.received[-1]
    assert sent["sender"] == sender_id(TOKEN, 104) and "104" not in sent["sender"]
    assert sent["metadata"] == {"channel": "telegram"}


def test_photos_are_not_downloaded_or_passed_on(bridge, telegram, gateway):
    before = len(gateway.received)
    telegram.user_sends(105, photo=True)
    assert "alleen tekst" in telegram.wait_for_replies(105, 1)[0]
    assert not telegram.calls_of("getFile", ok_only=False)
    assert len(gateway.received) == before


def test_group_chats_are_refused(bridge, telegram, gateway):
    before = len(gateway.received)
    telegram.user_sends(-1001, "/start@wegwijs_test_bot", chat_type="supergroup")
    assert "privégesprek" in telegram.wait_for_replies(-1001, 1)[0]
    assert len(gateway.received) == before


def test_send_errors_and_rate_limits_are_retried(bridge, telegram):
    telegram.fail("sendMessage", 500, times=2)
    telegram.fail("sendMessage", 429, retry_after=1)
    started = time.monotonic()
    telegram.user_sends(106, "hallo")
    assert telegram.wait_for_replies(106, 1) == ["echo: hallo"]
    assert time.monotonic() - started >= 1.0  # waited as Telegram asked
    failed = [c for c in telegram.calls_of("sendMessage", ok_only=False) if c.status != 200]
    assert len(failed) >= 3 and bridge.alive()


def test_polling_errors_do_not_stop_the_bridge(bridge, telegram):
    def failed_polls() -> int:
        return len([c for c in telegram.calls_of("getUpdates", ok_only=False) if c.status not in (0, 200)])

    before = failed_polls()
    telegram.fail("getUpdates", 500, times=2)
    telegram.fail("getUpdates", 502)
    telegram.wait_for(lambda: failed_polls() >= before + 3, 90, "three failed polls")
    telegram.user_sends(107, "nog steeds daar?")  # sent after the errors: only a bridge that goes on answers
    assert telegram.wait_for_replies(107, 1, timeout=90) == ["echo: nog steeds daar?"]
    assert bridge.alive()


def test_wis_erases_the_conversation_and_deletes_the_chat(bridge, telegram, gateway):
    incoming = [telegram.user_sends(108, "/start"), telegram.user_sends(108, "hallo")]
    telegram.wait_for_replies(108, 2)
    outgoing = [c for c in telegram.calls_of("sendMessage") if c.params["chat_id"] == 108]
    other_chat = {(c, m) for c, m in telegram.deleted if c != 108}
    incoming.append(telegram.user_sends(108, "/wis"))
    notice = telegram.wait_for_replies(108, 3)[2]
    assert sender_id(TOKEN, 108) in gateway.erased
    assert "gewist" in notice and "48 uur" in notice and "Verwijder de chat" in notice
    deleted = {m for c, m in telegram.deleted if c == 108}
    assert set(incoming) <= deleted
    assert len(deleted) == len(incoming) + len(outgoing)
    assert {(c, m) for c, m in telegram.deleted if c != 108} == other_chat  # nothing of other chats


def test_counsellor_messages_reach_the_chat_until_stop(bridge, telegram, gateway):
    sender = sender_id(TOKEN, 109)
    telegram.user_sends(109, "ik wil met iemand praten")
    telegram.wait_for_replies(109, 1)
    gateway.outbox[sender] = [{"id": 1, "text": "Hoi, ik ben Sanne van de hulplijn.", "author": "counsellor"}]
    replies = telegram.wait_for_replies(109, 2)
    assert replies[1] == "Hulpverlener: Hoi, ik ben Sanne van de hulplijn."
    telegram.user_sends(109, "/stop")
    replies = telegram.wait_for_replies(109, 4)
    assert replies[2] == "Het gesprek met de hulpverlener is beëindigd."  # /stop ended the handoff
    assert "112" in replies[3] and gateway.received[-1]["message"] == "stop"
    stopped_at = len(gateway.polls)
    gateway.outbox[sender] = [{"id": 2, "text": "Ben je er nog?", "author": "counsellor"}]
    control = sender_id(TOKEN, 190)  # another chat, so we can see the relay keep polling
    telegram.user_sends(190, "hallo")
    telegram.wait_for(lambda: gateway.polls[stopped_at:].count(control) >= 2, 30, "two polls of another chat")
    assert sender not in gateway.polls[stopped_at:]  # /stop ended the watch of this chat
    assert len(telegram.sent_to(109)) == 4  # so nothing was delivered after /stop


def test_reply_buttons_become_a_keyboard_and_send_their_payload(bridge, telegram, gateway):
    telegram.user_sends(110, "ik wil een mens spreken")
    telegram.wait_for_replies(110, 1)
    question = [c for c in telegram.calls_of("sendMessage") if c.params["chat_id"] == 110][-1]
    assert question.params["reply_markup"]["keyboard"] == [[{"text": "Ja"}, {"text": "Nee"}]]
    telegram.user_sends(110, "Ja")  # what Telegram sends when the button is tapped
    assert telegram.wait_for_replies(110, 2)[1] == "echo: ja"
    assert gateway.received[-1]["message"] == "ja"
    answer = [c for c in telegram.calls_of("sendMessage") if c.params["chat_id"] == 110][-1]
    assert answer.params["reply_markup"] == {"remove_keyboard": True}


def test_quick_choices_become_a_keyboard_and_send_their_own_words(bridge, telegram, gateway):
    telegram.user_sends(112, "(onzeker)")
    assert "112" in telegram.wait_for_replies(112, 1)[0]
    lifeline = [c for c in telegram.calls_of("sendMessage") if c.params["chat_id"] == 112][-1]
    keyboard = lifeline.params["reply_markup"]["keyboard"]
    assert [[button["text"] for button in row] for row in keyboard] == [list(QUICK_CHOICES[:2]),
                                                                        list(QUICK_CHOICES[2:])]
    telegram.user_sends(112, "ik ben jonger dan 18")  # tapping the button sends its text
    assert telegram.wait_for_replies(112, 2)[1] == "echo: ik ben jonger dan 18"
    assert gateway.received[-1]["message"] == "ik ben jonger dan 18"


def test_a_long_text_split_by_telegram_reaches_the_gateway_as_one_message(bridge, telegram, gateway):
    story = " ".join(f"zin {i} van mijn verhaal over thuis." for i in range(300))  # about 10,000 characters
    cut_1, cut_2 = story.rfind(" ", 0, 4096), story.rfind(" ", 0, 8150)
    parts = [story[:cut_1], story[cut_1 + 1:cut_2], story[cut_2 + 1:]]  # as the app sends it: cut at spaces
    assert all(len(p) <= 4096 for p in parts) and len(parts[2]) < 3000
    before = len(gateway.received)
    for part in parts:
        telegram.user_sends(113, part)
    assert telegram.wait_for_replies(113, 1) == [f"ontvangen: {len(story)} tekens"]
    assert [r["message"] for r in gateway.received[before:]] == [story]


def test_a_single_message_near_the_limit_is_passed_on_after_a_short_wait(bridge, telegram, gateway):
    text = ("Ik wil mijn verhaal kwijt. " * 160)[:3900]
    telegram.user_sends(114, text)
    assert telegram.wait_for_replies(114, 1) == ["ontvangen: 3900 tekens"]
    assert gateway.received[-1]["message"] == text


def test_a_live_handoff_turn_without_text_sends_nothing(bridge, telegram, gateway):
    telegram.user_sends(111, "(live)")
    telegram.user_sends(111, "en nu?")  # one chat's messages are handled in order: this one comes after
    assert telegram.wait_for_replies(111, 1) == ["echo: en nu?"]
    assert telegram.sent_to(111) == ["echo: en nu?"]  # the turn without text sent nothing, not the fallback


def test_stops_cleanly_and_never_logged_the_token_or_a_message(bridge):
    assert bridge.alive()
    assert bridge.stop() == 0
    log = bridge.log()
    assert "polling" in log  # the log was written
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    for text in ("mijn buurman", "hallo", "Sanne", "met iemand praten"):
        assert text not in log


def test_a_rejected_token_stops_the_bridge_with_a_clear_message(telegram, gateway, tmp_path):
    wrong = "1111111:AAF-not-the-right-token"
    process = BridgeProcess(telegram.api_url, gateway.url, tmp_path / "wrong.log", token=wrong)
    try:
        assert process.wait(60) == 2
    finally:
        process.stop()
    log = process.log()
    assert "rejected the bot token" in log
    assert wrong not in log and "not-the-right-token" not in log


def test_webhook_mode_registers_and_accepts_only_signed_updates(telegram, gateway, tmp_path):
    port = free_port(24060, 24089)
    secret = "test-webhook-secret-0123456789"
    process = BridgeProcess(telegram.api_url, gateway.url, tmp_path / "webhook.log", extra_env={
        "WEGWIJS_TELEGRAM_MODE": "webhook", "WEGWIJS_TELEGRAM_WEBHOOK_URL": "https://bot.example.org",
        "WEGWIJS_TELEGRAM_WEBHOOK_PORT": str(port), "WEGWIJS_TELEGRAM_WEBHOOK_SECRET": secret})
    try:
        telegram.wait_for(lambda: telegram.webhook.get("url"), 60, "setWebhook")
        assert telegram.webhook["url"] == "https://bot.example.org/telegram/webhook"
        assert telegram.webhook["secret_token"] == secret
        url = f"http://127.0.0.1:{port}/telegram/webhook"
        telegram.wait_for(lambda: _up(f"http://127.0.0.1:{port}/health"), 30, "the webhook receiver")
        update = {"update_id": 9001, "message": {"message_id": 77, "date": int(time.time()), "text": "via webhook",
                                                 "chat": {"id": 301, "type": "private"},
                                                 "from": {"id": 301, "is_bot": False, "first_name": "T"}}}
        assert httpx.post(url, json=update).status_code == 403
        assert httpx.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}).status_code == 200
        assert telegram.wait_for_replies(301, 1) == ["echo: via webhook"]
    finally:
        assert process.stop() == 0
    log = process.log()
    assert secret not in log and TOKEN not in log and "via webhook" not in log


def _up(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.HTTPError:
        return False
