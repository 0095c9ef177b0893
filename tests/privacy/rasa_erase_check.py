"""Runs in the Rasa venv (Python 3.10): a Rasa server cut off from its database keeps a turn in memory, the
conversation is erased meanwhile (by the app side, bot/privacy/retention.py, run in the app venv), then the
database is back: the kept rows must not be written back. Prints JSON for tests/privacy/test_erase_complete.py.

    WEGWIJS_TRACKER_DIALECT=sqlite WEGWIJS_TRACKER_DB=... WEGWIJS_SENDER_KEY=... \
        .venv/rasa/bin/python tests/privacy/rasa_erase_check.py SENDER
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


async def run(sender: str) -> dict[str, Any]:
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    store = TrackerStore.create(endpoints.tracker_store, domain=Domain.load(str(ROOT / "domain.yml")))
    store = getattr(store, "_tracker_store", store)
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    for event in first_turn(sender):
        tracker.update(event)
    await store.save(tracker)
    store._away_until = time.monotonic() + 3600  # cut off: the next save stays in memory
    tracker.update(UserUttered(KEPT, parse_data={"text": KEPT, "intent": {"name": "x"}, "entities": []}))
    await store.save(tracker)
    pending = len(store.buffer.unwritten(store.stored_id(sender)))
    erased = subprocess.run([str(APP_PYTHON), "-c", ERASE, sender], capture_output=True, text=True, check=True,
                            cwd=ROOT).stdout.strip()
    store._away_until = 0.0  # the database is back
    written = store.write_unwritten(store.buffer.keys_with_unwritten())
    key = store.stored_id(sender)
    events = [row for row in all_rows(store)["events"] if key in json.dumps(row)]
    return {"pending": pending, "erased": int(erased), "written": written, "events_after": len(events)}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(run(sys.argv[1]))))
