"""WEGWIJS_STORE=none: Rasa keeps each conversation in memory only and writes nothing of it anywhere; only
counts without any text go to the database (table `usage_counts`: per day, how many conversations started,
how often each intent was recognised and each help pathway given), for the console's statistics.

endpoints: deploy/store-none/endpoints.yml. A conversation idle for WEGWIJS_MEMORY_MINUTES (default 60)
is forgotten; a restart forgets everything. Runs in the Rasa venv (Python 3.10, SQLAlchemy 1.4); pathways
are read from bot/console/signals.yml (labels and patterns on the bot's reply text).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any, Optional

import sqlalchemy as sa
import yaml
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.settings import setting

logger = logging.getLogger(__name__)
SIGNALS = Path(__file__).resolve().parents[1] / "bot" / "console" / "signals.yml"
COUNTS = "usage_counts"
CONVERSATION, INTENT, PATHWAY = "conversation", "intent", "pathway"
DEFAULT_IDLE_MINUTES = 60.0

_metadata = sa.MetaData()
usage_counts = sa.Table(
    COUNTS, _metadata,
    sa.Column("day", sa.String(10), primary_key=True), sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("name", sa.String(128), primary_key=True), sa.Column("count", sa.Integer, nullable=False))


def _blank(value: Any) -> Any:
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def _pathways() -> list[tuple[str, re.Pattern[str]]]:
    data = yaml.safe_load(SIGNALS.read_text(encoding="utf-8"))
    return [(str(label), re.compile(str(rx), re.IGNORECASE)) for label, rx in (data.get("pathways") or {}).items()]


def _idle_s() -> float:
    return 60.0 * setting("WEGWIJS_MEMORY_MINUTES")


def counts_of(events: list[Any], pathways: list[tuple[str, re.Pattern[str]]], new_conversation: bool) -> Counter:
    """(kind, name) -> count for these new events; no text is kept, only names of intents and pathways."""
    found: Counter = Counter()
    if new_conversation:
        found[(CONVERSATION, "gestart")] += 1
    for event in events:
        if isinstance(event, UserUttered) and event.intent_name:
            found[(INTENT, event.intent_name[:128])] += 1
        elif isinstance(event, BotUttered) and event.text:
            for label, pattern in pathways:
                if pattern.search(event.text):
                    found[(PATHWAY, label)] += 1
    return found


class CountingMemoryTrackerStore(InMemoryTrackerStore):
    def __init__(self, domain: Any = None, event_broker: Any = None, dialect: str = "sqlite",
                 host: Optional[str] = None, port: Any = None, db: str = "rasa.db", username: Optional[str] = None,
                 password: Optional[str] = None, **kwargs: Any) -> None:
        super().__init__(domain, event_broker)
        url = SQLTrackerStore.get_db_url(_blank(dialect) or "sqlite", _blank(host), _blank(port), db,
                                         _blank(username), _blank(password))
        self.engine = sa.create_engine(url, pool_pre_ping=True)
        _metadata.create_all(self.engine)
        self.pathways = _pathways()
        self.counted: dict[str, int] = {}  # sender id -> events already counted
        self.last_seen: dict[str, float] = {}

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        sender = tracker.sender_id
        events = list(tracker.events)
        already = self.counted.get(sender, 0)
        new_conversation = sender not in self.counted
        self.counted[sender], self.last_seen[sender] = len(events), time.monotonic()
        try:
            self._add(counts_of(events[already:], self.pathways, new_conversation))
        except sa.exc.SQLAlchemyError as problem:  # counting must never break a conversation
            logger.error("usage counts not written: %s", type(problem).__name__)
        self._forget_idle()

    def _add(self, found: Counter) -> None:
        if not found:
            return
        day = dt.datetime.now(dt.timezone.utc).date().isoformat()
        with self.engine.begin() as connection:
            for (kind, name), count in found.items():
                key = (usage_counts.c.day == day) & (usage_counts.c.kind == kind) & (usage_counts.c.name == name)
                more = usage_counts.update().where(key).values(count=usage_counts.c.count + count)
                updated = connection.execute(more)
                if not updated.rowcount:
                    connection.execute(usage_counts.insert().values(day=day, kind=kind, name=name, count=count))

    def _forget_idle(self) -> None:
        limit = time.monotonic() - _idle_s()
        for sender in [s for s, seen in self.last_seen.items() if seen < limit]:
            self.forget(sender)

    def forget(self, sender: str) -> None:
        self.store.pop(sender, None)
        self.counted.pop(sender, None)
        self.last_seen.pop(sender, None)
