"""Runs in the Rasa venv (Python 3.10): a Rasa server cut off from its database keeps a turn in memory, the
conversation is erased meanwhile (by the app side, bot/privacy/retention.py, run in the app venv), then the
database is back: the kept rows must not be written back. With "running": a turn still being handled while
the conversation is erased saves after the erase: its older events must not be written either.
Prints JSON for tests/privacy/test_erase_complete.py.

    WEGWIJS_TRACKER_DIALECT=sqlite WEGWIJS_TRACKER_DB=... WEGWIJS_SENDER_KEY=... \
        .venv/rasa/bin/python tests/privacy/rasa_erase_check.py SENDER [running]
"""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from rasa.core.tracker_store import TrackerStore  # noqa: E402
from rasa.core.utils import AvailableEndpoints  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import UserUttered  # noqa: E402
from rasa_store_check import all_rows, first_turn  # noqa: E402

APP_PYTHON = ROOT / ".venv" / "app" / "bin" / "python"
KEPT = "Mijn stiefvader Gerrit Brouwer slaat me, bel 06-98765432"
ERASE = ("import sys; from bot.privacy.db import make_engine, tracker_url; from bot.privacy.retention import erase; "
         "print(erase(make_engine(tracker_url()), sys.argv[1]))")


def erase_now(sender: str) -> int:
    return int(subprocess.run([str(APP_PYTHON), "-c", ERASE, sender], capture_output=True, text=True, check=True,
                              cwd=ROOT).stdout.strip())


async def started(sender: str) -> tuple[Any, Any]:
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    store = TrackerStore.create(endpoints.tracker_store, domain=Domain.load(str(ROOT / "domain.yml")))
    store = getattr(store, "_tracker_store", store)
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    for event in first_turn(sender):
        tracker.update(event)
    await store.save(tracker)
    return store, tracker


def events_of(store: Any, sender: str) -> int:
    key = store.stored_id(sender)
    return len([row for row in all_rows(store)["events"] if key in json.dumps(row)])


async def running(sender: str) -> dict[str, Any]:
    """A turn is being handled (its user message is in memory) while the conversation is erased; the save
    at the end of the turn comes after the erase."""
    store, tracker = await started(sender)
    tracker.update(UserUttered(KEPT, parse_data={"text": KEPT, "intent": {"name": "x"}, "entities": []}))
    erased = erase_now(sender)
    await store.save(tracker)
    return {"pending": 1, "erased": erased, "written": 0, "events_after": events_of(store, sender)}


async def run(sender: str) -> dict[str, Any]:
    store, tracker = await started(sender)
    store._away_until = time.monotonic() + 3600  # cut off: the next save stays in memory
    tracker.update(UserUttered(KEPT, parse_data={"text": KEPT, "intent": {"name": "x"}, "entities": []}))
    await store.save(tracker)
    pending = len(store.buffer.unwritten(store.stored_id(sender)))
    erased = erase_now(sender)
    store._away_until = 0.0  # the database is back
    written = store.write_unwritten(store.buffer.keys_with_unwritten())
    return {"pending": pending, "erased": erased, "written": written, "events_after": events_of(store, sender)}


if __name__ == "__main__":
    scenario = running if sys.argv[2:] == ["running"] else run
    print(json.dumps(asyncio.run(scenario(sys.argv[1]))))
