"""In-process gateway with a fake Rasa behind it: fast checks of what the gateway accepts and relays."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.chat import gateway
from bot.chat.ratelimit import RateLimiter


@dataclass
class FakeRasa:
    """Answers every REST message with an echo and remembers what it received."""

    received: list[dict[str, Any]] = field(default_factory=list)
    fail: bool = False

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.fail:
            return httpx.Response(500)
        body = json.loads(request.content)
        self.received.append(body)
        return httpx.Response(200, json=[{"recipient_id": body["sender"], "text": f"echo: {body['message']}"}])


@dataclass
class Gateway:
    client: TestClient
    rasa: FakeRasa

    def send(self, message: Any, sender: Any = "test-sender", **extra: Any) -> httpx.Response:
        return self.client.post("/webhooks/rest/webhook", json={"sender": sender, "message": message, **extra})


@pytest.fixture
def gw(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[Gateway]:
    # The gateway's start-up opens the tracker/console database: keep it away from var/.
    monkeypatch.setenv("WEGWIJS_TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("WEGWIJS_TRACKER_DB", str(tmp_path / "tracker.db"))
    monkeypatch.delenv("WEGWIJS_CONSOLE_DB_URL", raising=False)
    monkeypatch.setenv("WEGWIJS_PURGE_INTERVAL_S", "0")
    rasa = FakeRasa()
    with TestClient(gateway.app) as client:
        gateway.app.state.client = httpx.AsyncClient(transport=httpx.MockTransport(rasa.handle))
        gateway.app.state.limiter = RateLimiter(per_minute=20, burst=10)
        yield Gateway(client, rasa)
