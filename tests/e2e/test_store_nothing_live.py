"""WEGWIJS_STORE=none through the running stack: a conversation full of personal data leaves no text in any
file (database, logs), the counts arrive, and "/wis" makes Rasa forget the conversation it held in memory."""
from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from bot.operate.launcher import Stack
from bot.settings import load_settings

pytestmark = pytest.mark.e2e
PORT_OFFSET = 500
MESSAGE = "mijn stiefvader Gerrit Brouwer slaat me, bel 06-98765432"


@pytest.fixture(scope="module")
def nothing_kept(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    var_dir = Path(tmp_path_factory.mktemp("store-none"))
    base = load_settings()
    settings = dataclasses.replace(
        base, var_dir=var_dir, tracker_db=str(var_dir / "tracker.db"), tracker_dialect="sqlite",
        web_port=base.web_port + PORT_OFFSET, rasa_port=base.rasa_port + PORT_OFFSET,
        action_port=base.action_port + PORT_OFFSET, console_port=base.console_port + PORT_OFFSET)
    env = {"WEGWIJS_STORE": "none", "WEGWIJS_TRACKER_DB": str(var_dir / "tracker.db"), "WEGWIJS_CONSOLE_DB_URL": "",
           "WEGWIJS_ENDPOINTS": ""}
    stack = Stack(settings, log_dir=var_dir / "logs", env=env)
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()


def say(stack: Stack, sender: str, message: str) -> str:
    response = httpx.post(f"{stack.settings.web_url}/webhooks/rest/webhook",
                          json={"sender": sender, "message": message}, timeout=60)
    assert response.status_code == 200
    return " ".join(reply.get("text", "") for reply in response.json())


def user_texts(stack: Stack, sender: str) -> list[str]:
    tracker = httpx.get(f"{stack.settings.rasa_url}/conversations/{sender}/tracker", params=stack.rasa_auth(),
                        timeout=30).json()
    return [event.get("text") for event in tracker["events"] if event["event"] == "user"]


def test_nothing_of_the_conversation_reaches_a_file_and_wis_forgets_it(nothing_kept: Stack):
    sender = f"none-{uuid.uuid4()}"
    assert "0800-2000" in say(nothing_kept, sender, MESSAGE)
    assert len(user_texts(nothing_kept, sender)) == 1  # held in memory while it lasts
    assert "gewist" in say(nothing_kept, sender, "/wis")
    assert user_texts(nothing_kept, sender) == []
    engine = create_engine(f"sqlite:///{nothing_kept.settings.tracker_db}")
    with engine.connect() as connection:
        kinds = {row[0] for row in connection.execute(text("SELECT kind FROM usage_counts"))}
    engine.dispose()
    assert {"conversation", "intent", "pathway"} <= kinds
    nothing_kept.stop()
    for path in sorted(p for p in nothing_kept.settings.var_dir.rglob("*") if p.is_file()):
        content = path.read_bytes()
        for value in ("Brouwer", "06-98765432", "stiefvader", sender):
            assert value.encode() not in content, f"{value!r} in {path.name}"
