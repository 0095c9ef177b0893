"""Runs in the Rasa venv (Python 3.10): drives the real RedactingTrackerStore, configured from endpoints.yml,
through two turns of a conversation full of personal data, and prints what it saw and every stored row as
JSON. tests/privacy/test_tracker_store.py starts it once per database and checks the output.

    WEGWIJS_TRACKER_DIALECT=... WEGWIJS_TRACKER_DB=... WEGWIJS_SENDER_KEY=... \
        .venv/rasa/bin/python tests/privacy/rasa_store_check.py SENDER
"""
from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from rasa.core.tracker_store import TrackerStore  # noqa: E402
from rasa.core.utils import AvailableEndpoints  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered  # noqa: E402

FIRST = "Ik heet Sanne Visser, bel me op 06-12345678 of mail sanne.visser@example.nl. Bel anders 0800-2000."
SECOND = "Mijn bsn is 628194821 en ik woon op de Kerkstraat 12, 1234 AB Utrecht"
BOT = "Dank je Sanne. Ik bel je niet op 06-12345678: bel zelf Veilig Thuis op 0800-2000 of 112."


def first_turn(sender: str) -> list[Any]:
    parse = {"text": FIRST, "intent": {"name": "greet", "confidence": 1.0},
             "entities": [{"entity": "person", "value": "Sanne Visser", "start": 8, "end": 20}]}
    return [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        UserUttered(FIRST, parse_data=parse, input_channel="rest", metadata={"channel": "web", "sender": sender}),
        SlotSet("last_topic", "Sanne Visser, 06-12345678"), SlotSet("retrieved", ["sanne.visser@example.nl"]),
        BotUttered(BOT, data={"buttons": [{"title": "Sanne Visser", "payload": "/greet"}]}),
        ActionExecuted("action_listen"),
    ]


def all_rows(store: Any) -> dict[str, list[list[Any]]]:
    inspector = sa.inspect(store.engine)
    rows = {}
    with store.engine.connect() as connection:
        for table in inspector.get_table_names():
            rows[table] = [list(row) for row in connection.execute(sa.text(f'SELECT * FROM "{table}"'))]
    return rows


async def run(sender: str) -> dict[str, Any]:
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    domain = Domain.load(str(ROOT / "domain.yml"))
    store = TrackerStore.create(endpoints.tracker_store, domain=domain)
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    for event in first_turn(sender):
        tracker.update(event)
    live_text = tracker.latest_message.text  # what the actions see during the turn
    await store.save(tracker)
    stored_first = len(all_rows(store)["events"])
    after_first = await store.retrieve(sender)
    after_first.update(UserUttered(SECOND, parse_data={"text": SECOND, "intent": {"name": "x"}, "entities": []}))
    await store.save(after_first)
    full = await store.retrieve_full_tracker(sender)
    return {
        "store_class": type(getattr(store, "_tracker_store", store)).__name__,
        "live_text": live_text,
        "retrieved_sender": full.sender_id,
        "retrieved_user_texts": [e.text for e in full.events if isinstance(e, UserUttered)],
        "retrieved_bot_texts": [e.text for e in full.events if isinstance(e, BotUttered)],
        "retrieved_slot": full.get_slot("last_topic"),
        "event_counts": [len(first_turn(sender)), stored_first, len(full.events)],
        "unknown_sender": (await store.retrieve(sender + "-other")) is None,
        "keys": list(await store.keys()),
        "rows": all_rows(store),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(run(sys.argv[1])), default=str))
