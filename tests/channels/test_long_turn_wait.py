"""A long story may take Rasa longer than a short message (the safety net reads it in chunks), so the gateway waits
longer for it before it answers the safe fallback. Measured against a real HTTP server on loopback that answers
after a fixed delay: longer than the short messages' wait, shorter than a long story's."""
from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from bot.chat import gateway
from bot.chat.messages import fallback
from bot.chat.rasa_pool import RasaPool
from bot.chat.validation import MAX_MESSAGE_CHARS

BASE_WAIT_S = 1.0
DELAY_S = 1.4  # past the short wait, well within a 10,000-character story's (twice it)
ANSWER = "Rasa's answer"


class _SlowRasa(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        sender = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))["sender"]
        time.sleep(DELAY_S)
        body = json.dumps([{"recipient_id": sender, "text": ANSWER}]).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the gateway stopped waiting
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def slow_rasa(monkeypatch: pytest.MonkeyPatch) -> Iterator[RasaPool]:
    monkeypatch.setattr(gateway, "RASA_TIMEOUT_S", BASE_WAIT_S)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowRasa)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield RasaPool([f"http://127.0.0.1:{server.server_address[1]}"])
    server.shutdown()
    server.server_close()


def _turn(pool: RasaPool, message: str) -> list[str]:
    async def run() -> list[str]:
        async with httpx.AsyncClient(timeout=BASE_WAIT_S) as client:
            replies = await gateway.relay(client, pool, "sender-1", message)
        return [reply["text"] for reply in replies]

    return asyncio.run(run())


def test_the_wait_grows_with_the_message_to_twice_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gateway, "RASA_TIMEOUT_S", 30.0)
    assert gateway.turn_timeout_s("hoi") == pytest.approx(30.0, abs=0.01)
    assert gateway.turn_timeout_s("x" * (MAX_MESSAGE_CHARS // 2)) == pytest.approx(45.0)
    assert gateway.turn_timeout_s("x" * MAX_MESSAGE_CHARS) == pytest.approx(60.0)
    assert gateway.turn_timeout_s("x" * (MAX_MESSAGE_CHARS * 3)) == pytest.approx(60.0)


def test_a_slow_answer_to_a_short_message_gives_the_safe_fallback(slow_rasa: RasaPool) -> None:
    assert _turn(slow_rasa, "wat moet ik doen?") == [fallback()]


def test_the_same_slow_answer_to_a_long_story_reaches_the_user(slow_rasa: RasaPool) -> None:
    line = "Ik schrijf alles op wat er thuis gebeurt, omdat ik niet meer weet wat normaal is. "
    story = (line * 130)[:MAX_MESSAGE_CHARS]
    assert _turn(slow_rasa, story) == [ANSWER]
