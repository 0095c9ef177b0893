"""Runs in the Rasa venv (Python 3.10): the store-nothing tracker store (deploy/store-none/endpoints.yml)
through a turn full of personal data; prints JSON for tests/privacy/test_store_nothing.py.

    WEGWIJS_TRACKER_DIALECT=sqlite WEGWIJS_TRACKER_DB=... .venv/rasa/bin/python tests/privacy/rasa_memory_check.py
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
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402

TEXT = "mijn stiefvader Gerrit Brouwer slaat me, bel 06-98765432"
REPLY = "Bel Veilig Thuis: 0800-2000. In gevaar? Bel 112."


async def run() -> dict[str, Any]:
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "deploy" / "store-none" / "endpoints.yml"))
    domain = Domain.load(str(ROOT / "domain.yml"))
    store = TrackerStore.create(endpoints.tracker_store, domain=domain)
    store = getattr(store, "_tracker_store", store)
    for sender in ("memory-1", "memory-2"):
        tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
        tracker.update(ActionExecuted("action_listen"))
        intent = {"name": "report_abuse_self", "confidence": 0.9}
        tracker.update(UserUttered(TEXT, intent=intent, parse_data={"text": TEXT, "intent": intent, "entities": []}))
        tracker.update(BotUttered(REPLY))
        await store.save(tracker)
    in_memory = TEXT in json.dumps(list(store.store.values()))
    await store.save(DialogueStateTracker.from_dict("memory-1", [], domain.slots))  # what Rasa's PUT events does
    with store.engine.connect() as connection:
        counts = [list(row) for row in connection.execute(sa.text("SELECT kind, name, count FROM usage_counts"))]
    return {"class": type(store).__name__, "in_memory": in_memory,
            "after_forget": TEXT in str(store.store.get("memory-1")), "counts": counts}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(run())))
