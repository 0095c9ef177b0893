"""The Telegram bridge's parts, without a network: splitting, history, ids, config, retries, log redaction."""
from __future__ import annotations

import asyncio
import io
import logging

import httpx
import pytest
from fastapi.testclient import TestClient
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.channels import log_safety
from bot.channels.gateway_client import BotReply, Choice, OutboxMessage, bot_replies, outbox_messages, reply_texts
from bot.channels.telegram import retry
from bot.channels.telegram.bridge import PartJoiner, chunks
from bot.channels.telegram.config import WEBHOOK_PATH, ConfigError, config_from_env, sender_id
from bot.channels.telegram.history import DELETE_WINDOW_S, ChatHistory
from bot.channels.telegram.relay import OutboxRelay

TOKEN = "123456:AAH-secret-token-value"


def test_long_replies_are_split_at_line_breaks_within_the_limit():
    text = "\n".join(f"regel {i} " + "x" * 50 for i in range(200))
    parts = list(chunks(text, size=1000))
    assert all(len(p) <= 1000 for p in parts)
    assert "\n".join(parts) == text
    assert list(chunks("kort")) == ["kort"]
    assert [len(p) for p in chunks("y" * 2500, size=1000)] == [1000, 1000, 500]


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_history_keeps_only_messages_telegram_still_lets_the_bot_delete():
    clock = Clock()
    history = ChatHistory(clock)
    history.add(1, 10)
    clock.now += DELETE_WINDOW_S - 60
    history.add(1, 11)
    history.add(2, 20)
    assert history.deletable(1) == [10, 11]
    clock.now += 120
    assert history.deletable(1) == [11]
    history.forget(1, [11])
    assert history.deletable(1) == []
    assert history.deletable(2) == [20]


def test_sender_id_hides_the_chat_id_and_is_stable():
    first = sender_id(TOKEN, 987654321)
    assert first == sender_id(TOKEN, 987654321)
    assert first.startswith("tg-") and "987654321" not in first
    assert first != sender_id(TOKEN, 987654322)
    assert first != sender_id("other:token", 987654321)


def test_config_needs_a_token_and_a_public_url_for_webhooks():
    with pytest.raises(ConfigError, match="WEGWIJS_TELEGRAM_TOKEN"):
        config_from_env({})
    config = config_from_env({"WEGWIJS_TELEGRAM_TOKEN": TOKEN})
    assert config.mode == "polling" and config.api_url == "https://api.telegram.org/bot"
    assert TOKEN not in repr(config)
    with pytest.raises(ConfigError, match="WEBHOOK_URL"):
        config_from_env({"WEGWIJS_TELEGRAM_TOKEN": TOKEN, "WEGWIJS_TELEGRAM_MODE": "webhook"})
    with pytest.raises(ConfigError):
        config_from_env({"WEGWIJS_TELEGRAM_TOKEN": TOKEN, "WEGWIJS_TELEGRAM_MODE": "carrier-pigeon"})
    hooked = config_from_env({"WEGWIJS_TELEGRAM_TOKEN": TOKEN, "WEGWIJS_TELEGRAM_MODE": "webhook",
                              "WEGWIJS_TELEGRAM_WEBHOOK_URL": "https://bot.example.org",
                              "WEGWIJS_TELEGRAM_WEBHOOK_PORT": "24060"})
    assert hooked.listen_port == 24060 and len(hooked.webhook_secret) >= 32


def test_log_lines_never_contain_the_token():
    formatter = log_safety.RedactingFormatter([TOKEN])
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    log = logging.getLogger("test.redaction")
    log.addHandler(handler)
    try:
        log.warning("HTTP Request: POST https://api.telegram.org/bot%s/getUpdates", TOKEN)
        try:
            raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
        except RuntimeError:
            log.exception("failed")
    finally:
        log.removeHandler(handler)
    output = stream.getvalue()
    assert TOKEN not in output and "123456:AAH" not in output
    assert output.count(log_safety.REDACTED) >= 2 and "getUpdates" in output


def test_configure_quiets_httpx_request_logging():
    root = logging.getLogger()
    saved = (list(root.handlers), root.level, logging.getLogger("httpx").level)
    try:
        log_safety.configure([TOKEN])
        assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)
        assert not logging.getLogger("telegram").isEnabledFor(logging.DEBUG)
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        logging.getLogger("httpx").setLevel(saved[2])


class Flaky:
    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


@pytest.fixture
def no_sleep(monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # as the bridge runs
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(retry, "pause", fake_sleep)  # only the retries' waits, not another loop's sleeps
    return slept


def test_rate_limit_and_server_errors_are_retried(no_sleep):
    call = Flaky(RetryAfter(3), NetworkError("Internal Server Error"), TimedOut())
    assert asyncio.run(retry.call_with_retry(call, "sendMessage")) == "ok"
    assert call.calls == 4
    assert no_sleep[0] == 3.0 and len(no_sleep) == 3


def test_errors_a_retry_cannot_fix_are_not_retried(no_sleep):
    for error in (BadRequest("message to delete not found"), Forbidden("bot was blocked by the user")):
        call = Flaky(error)
        assert asyncio.run(retry.call_with_retry(call, "deleteMessage")) is None
        assert call.calls == 1


def test_retries_give_up_without_raising(no_sleep):
    call = Flaky(*[NetworkError("Bad Gateway")] * 10)
    assert asyncio.run(retry.call_with_retry(call, "sendMessage", attempts=4)) is None
    assert call.calls == 4 and len(no_sleep) == 3


def test_backoff_grows_and_is_capped():
    waits = [retry.backoff_s(a, 0.5, 30.0) for a in range(12)]
    assert waits[0] < 1.0 and waits[3] > waits[0] and max(waits) <= 30.0 * 1.25


def response(status: int, body: object) -> httpx.Response:
    return httpx.Response(status, json=body)


def test_gateway_answers_become_texts_to_show():
    assert reply_texts(response(200, [{"text": "a"}, {"image": "x"}, {"text": "b"}])) == ["a", "b"]
    assert reply_texts(response(429, {"error": "Wacht even"})) == ["Wacht even"]
    assert reply_texts(response(400, {"error": "leeg"})) == ["leeg"]
    for broken in (response(500, {}), response(200, []), response(200, {"x": 1}), httpx.Response(502, text="<html>")):
        assert "112" in reply_texts(broken)[0]
    assert "Call 112" in reply_texts(response(500, {}), "en")[0]


def test_buttons_and_state_markers_in_gateway_answers():
    body = [{"text": "Wil je dat?", "buttons": [{"title": "Ja", "payload": "ja"}, {"title": "Nee"}]},
            {"custom": {"handoff": {"state": "waiting"}}}]
    assert bot_replies(response(200, body)) == [BotReply("Wil je dat?", (Choice("Ja", "ja"), Choice("Nee", "Nee")))]
    assert bot_replies(response(200, [{"custom": {"handoff": {"state": "handed_off"}}}])) == []


def test_a_step_record_is_sent_as_a_message_of_its_own():
    record = {"kind": "step_record", "title": "Stappenverslag", "text": "Stappenverslag\nDatum: 2026-12-05\n",
              "filename": "stappenverslag"}
    replies = bot_replies(response(200, [{"text": "Hier is je verslag."}, {"custom": record}]))
    assert [reply.text for reply in replies] == ["Hier is je verslag.", "Stappenverslag\nDatum: 2026-12-05"]


def test_outbox_answers_are_parsed():
    body = {"state": "handed_off", "messages": [{"id": 3, "text": "Hoi, ik ben Sanne", "from": "counsellor"},
                                                {"id": "x"}]}
    assert outbox_messages(response(200, body)) == [OutboxMessage(3, "Hoi, ik ben Sanne", "counsellor")]
    assert outbox_messages(response(200, [{"id": 4, "text": "t"}])) == [OutboxMessage(4, "t", "counsellor")]
    assert outbox_messages(response(404, {})) is None


class FakeOutbox:
    def __init__(self) -> None:
        self.batches: list[list[OutboxMessage] | None] = [[OutboxMessage(1, "Hallo", "counsellor")], None,
                                                           [OutboxMessage(2, "Ben je er nog?", "counsellor")]]
        self.asked: list[int] = []

    async def outbox(self, sender: str, after: int, wait_s: float) -> list[OutboxMessage] | None:
        self.asked.append(after)
        if self.batches:
            return self.batches.pop(0)
        await asyncio.sleep(wait_s)
        return []


def test_relay_delivers_counsellor_messages_in_order_and_stops_on_unwatch():
    async def scenario() -> tuple[list[tuple[int, str, str]], list[int], list[str]]:
        gateway = FakeOutbox()
        delivered: list[tuple[int, str, str]] = []

        async def deliver(chat_id: int, text: str, author: str) -> None:
            delivered.append((chat_id, text, author))

        relay = OutboxRelay(gateway, deliver, poll_wait_s=0.05, error_pause_s=0.01)  # type: ignore[arg-type]
        relay.watch("tg-1", 77)
        relay.watch("tg-1", 77)  # already watched: no second loop
        for _ in range(100):
            if len(delivered) == 2:
                break
            await asyncio.sleep(0.01)
        relay.unwatch("tg-1")
        await asyncio.sleep(0)
        left = relay.watching()
        await relay.close()
        return delivered, gateway.asked, left

    delivered, asked, left = asyncio.run(scenario())
    assert delivered == [(77, "Hallo", "counsellor"), (77, "Ben je er nog?", "counsellor")]
    assert asked[:3] == [0, 1, 1]  # the cursor moves past what was delivered
    assert left == []


def test_webhook_receiver_accepts_only_the_secret():
    from bot.channels.telegram.webhook import SECRET_HEADER, receiver

    class App:
        bot = None
        update_queue: asyncio.Queue = asyncio.Queue()

    client = TestClient(receiver(App, "s3cret"))  # type: ignore[arg-type]
    update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"},
                                          "text": "hallo"}}
    assert client.post(WEBHOOK_PATH, json=update).status_code == 403
    assert client.post(WEBHOOK_PATH, json=update, headers={SECRET_HEADER: "wrong"}).status_code == 403
    assert client.post(WEBHOOK_PATH, content=b"{", headers={SECRET_HEADER: "s3cret"}).status_code == 400
    assert client.post(WEBHOOK_PATH, json=update, headers={SECRET_HEADER: "s3cret"}).status_code == 200
    assert App.update_queue.qsize() == 1
    assert client.get("/health").status_code == 200


def test_parts_of_a_split_text_are_joined_and_short_messages_pass_at_once():
    joiner = PartJoiner(near_limit=10)
    assert joiner.add(1, "kort") == "kort"
    assert joiner.add(1, "0123456789") is None and joiner.add(1, "abcdefghij") is None
    assert joiner.add(2, "ander") == "ander"  # other chats are not held up
    assert joiner.add(1, "einde") == "0123456789 abcdefghij einde"
    assert joiner.take(1) is None


def test_a_lone_long_message_is_taken_after_the_wait():
    joiner = PartJoiner(near_limit=10)
    assert joiner.add(3, "een lang bericht") is None
    generation = joiner.generation[3]
    assert joiner.take(3) == "een lang bericht" and generation == 1
    assert joiner.add(4, "eerste stuk ") is None and joiner.add(4, "x") == "eerste stuk x"  # no double space
