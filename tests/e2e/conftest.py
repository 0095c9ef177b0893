"""Starts the real stack (action server, Rasa, gateway) once for the end-to-end tests."""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from bot.chat.validation import CLIENT_TURN_WAIT_S
from bot.operate.launcher import Stack
from bot.settings import load_settings

EMBEDDING_SITE = "http://localhost:18098"


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    var_dir = tmp_path_factory.mktemp("var")
    os.environ["WEGWIJS_TRACKER_DB"] = str(var_dir / "tracker.db")
    # tests/e2e/test_embed.py serves a page of "another site" here, which may frame the chat.
    os.environ.setdefault("WEGWIJS_EMBED_ORIGINS", EMBEDDING_SITE)
    running = Stack(load_settings(), log_dir=Path(var_dir) / "logs")
    running.start()
    yield running
    running.stop()


@pytest.fixture
def chat(stack: Stack) -> Callable[[str], list[str]]:
    """A fresh conversation: call it with a message, get the bot's reply texts."""
    sender = f"test-{uuid.uuid4().hex[:10]}"

    def send(message: str, url: str = stack.settings.web_url) -> list[str]:
        response = httpx.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                              timeout=CLIENT_TURN_WAIT_S)
        response.raise_for_status()
        return [m.get("text", "") for m in response.json()]

    return send
