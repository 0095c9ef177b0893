"""Retention and erasure of stored conversations (app side, SQLAlchemy 2).

A conversation is Rasa's events under one (hashed) sender id, plus every row of any table that has a
`conversation_id` (or `sender_id`) column holding that id: console annotations, audit, handoffs ... Tables
are found by inspection, so a new table with such a column is covered without a change here.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Engine, MetaData, Table, delete, func, inspect, select

from bot.privacy.keys import hash_sender, sender_key

EVENTS = "events"
ID_COLUMNS = ("conversation_id", "sender_id")
CHUNK = 500
DAY_S = 86400.0


@dataclass(frozen=True)
class PurgeResult:
    conversations: int
    rows: int


def conversation_tables(engine: Engine) -> list[tuple[Table, str]]:
    """(table, id column) for every table that stores a conversation id."""
    inspector = inspect(engine)
    metadata = MetaData()
    found = []
    for name in inspector.get_table_names():
        columns = {column["name"] for column in inspector.get_columns(name)}
        for column in ID_COLUMNS:
            if column in columns:
                found.append((Table(name, metadata, autoload_with=engine), column))
                break
    return found


def _delete_ids(engine: Engine, ids: Iterable[str]) -> int:
    """Delete every row of every conversation table whose id is in `ids`; returns the number of rows."""
    ids = sorted(set(ids))
    if not ids:
        return 0
    # Children first: a foreign key to a parent row must not block (or cascade outside) the delete.
    tables = sorted(conversation_tables(engine), key=lambda item: -len(item[0].foreign_keys))
    rows = 0
    with engine.begin() as connection:
        for table, column in tables:
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                rows += connection.execute(delete(table).where(table.c[column].in_(chunk))).rowcount or 0
    return rows


def erase_stored(engine: Engine, conversation_id: str) -> int:
    """Erase a conversation by its stored (hashed) id; returns the number of rows deleted."""
    return _delete_ids(engine, [conversation_id])


def erase(engine: Engine, sender_id: str, key: Optional[bytes] = None) -> int:
    """Erase the conversation of a channel sender id (hashed the way the tracker store does); rows stored
    under the raw id by an older version are erased too. Returns the number of rows deleted."""
    hashed = hash_sender(sender_id, key if key is not None else sender_key())
    return _delete_ids(engine, [hashed, sender_id])


def expired_conversations(engine: Engine, older_than_days: float, now: Optional[float] = None) -> list[str]:
    """Ids of conversations whose last event is older than the limit."""
    if EVENTS not in inspect(engine).get_table_names():
        return []
    events = Table(EVENTS, MetaData(), autoload_with=engine)
    cutoff = (time.time() if now is None else now) - older_than_days * DAY_S
    query = (select(events.c.sender_id).group_by(events.c.sender_id)
             .having(func.max(events.c.timestamp) < cutoff))
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(query)]


def purge_counts(engine: Engine, older_than_days: float, now: Optional[float] = None) -> PurgeResult:
    if older_than_days < 0:
        raise ValueError("older_than_days must not be negative")
    expired = expired_conversations(engine, older_than_days, now)
    return PurgeResult(len(expired), _delete_ids(engine, expired))


def purge(engine: Engine, older_than_days: float, now: Optional[float] = None) -> int:
    """Delete every conversation whose last event is older than `older_than_days`; returns how many."""
    return purge_counts(engine, older_than_days, now).conversations
