"""Read-only access to Rasa's tracker store table `events` (see rasa/core/tracker_store.py SQLEvent)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Engine, Float, Integer, MetaData, String, Table, Text, func, inspect, select

from bot.store.db import make_engine

EVENT_TYPES = ("user", "bot", "slot", "action")  # the kinds the console reads; the rest is bookkeeping

_metadata = MetaData()
events = Table(
    "events", _metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)
_COLUMNS = (events.c.id, events.c.sender_id, events.c.type_name, events.c.timestamp, events.c.action_name,
            events.c.data)


@dataclass(frozen=True)
class Event:
    id: int
    conversation_id: str
    type: str
    timestamp: float
    name: str  # action or slot name
    data: dict[str, Any]


def _event(row: Any) -> Event:
    try:
        data = json.loads(row.data) if row.data else {}
    except ValueError:
        data = {}
    return Event(row.id, row.sender_id, row.type_name, float(row.timestamp or 0.0), row.action_name or "",
                 data if isinstance(data, dict) else {})


class TrackerReader:
    """Reads conversations from the tracker store; an absent table (Rasa not started yet) reads as empty."""

    def __init__(self, url: str | None = None, engine: Engine | None = None) -> None:
        if engine is None and url is None:
            raise ValueError("TrackerReader needs a URL or an engine")
        self.engine = engine if engine is not None else make_engine(str(url))
        self._table_seen = False

    def has_table(self) -> bool:
        if not self._table_seen:
            self._table_seen = inspect(self.engine).has_table("events")
        return self._table_seen

    def fingerprint(self) -> tuple[int, int]:
        """(row count, highest id): changes whenever events are added or deleted."""
        if not self.has_table():
            return 0, 0
        with self.engine.connect() as connection:
            count, top = connection.execute(select(func.count(), func.max(events.c.id))).one()
        return int(count or 0), int(top or 0)

    def count_upto(self, event_id: int) -> int:
        if not self.has_table():
            return 0
        with self.engine.connect() as connection:
            return int(connection.scalar(select(func.count()).where(events.c.id <= event_id)) or 0)

    def events_between(self, after_id: int, upto_id: int) -> Iterator[Event]:
        """Every readable event with after_id < id <= upto_id, oldest first."""
        if not self.has_table():
            return
        query = (select(*_COLUMNS)
                 .where(events.c.id > after_id, events.c.id <= upto_id, events.c.type_name.in_(EVENT_TYPES))
                 .order_by(events.c.id))
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=2000).execute(query):
                yield _event(row)

    def conversation(self, conversation_id: str) -> list[Event]:
        if not self.has_table():
            return []
        query = (select(*_COLUMNS).where(events.c.sender_id == conversation_id,
                                         events.c.type_name.in_(EVENT_TYPES)).order_by(events.c.id))
        with self.engine.connect() as connection:
            return [_event(row) for row in connection.execute(query)]

    def dispose(self) -> None:
        self.engine.dispose()
