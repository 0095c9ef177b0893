"""Retention and erasure of stored conversations (app side, SQLAlchemy 2).

A conversation is Rasa's events under one (hashed) sender id, plus every row of any table that has a
`conversation_id` (or `sender_id`) column holding that id: console annotations, audit, handoffs ... Tables
are found by inspection, so a new table with such a column is covered without a change here. With a
separate console database both databases are cleaned (`also`).

An erase leaves a tombstone (a hash of the keyed hash, and the time: table `erased_conversations`): a Rasa server that
was cut off from the database drops the rows it kept for that conversation from before the erase instead of
writing them back (nlu/tracker_store.py). Tombstones go with the retention purge.
On SQLite the write-ahead log is checkpointed and truncated afterwards, so no erased row stays in it.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Column, Engine, Float, MetaData, String, Table, delete, func, inspect, select

from bot.privacy.keys import hash_sender, sender_key

EVENTS = "events"
ID_COLUMNS = ("conversation_id", "sender_id")
CHUNK = 500
DAY_S = 86400.0
ERASED = "erased_conversations"
_tombstones = Table(ERASED, MetaData(), Column("erased_id", String(64), primary_key=True),
                    Column("erased_at", Float, nullable=False))


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


def checkpoint(engine: Engine) -> None:
    """SQLite: copy the write-ahead log into the database and truncate it (erased rows leave the WAL)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def tombstone_id(conversation_id: str) -> str:
    """What a tombstone stores: not the conversation id itself, which leaves the database with the erase.
    nlu/tracker_store.py derives it the same way."""
    return hashlib.sha256(b"erased\0" + conversation_id.encode("utf-8")).hexdigest()


def _tombstone(engine: Engine, conversation_id: str, now: Optional[float]) -> None:
    _tombstones.create(engine, checkfirst=True)
    erased_id = tombstone_id(conversation_id)
    with engine.begin() as connection:
        connection.execute(delete(_tombstones).where(_tombstones.c.erased_id == erased_id))
        connection.execute(_tombstones.insert().values(erased_id=erased_id,
                                                      erased_at=time.time() if now is None else now))


def erase_stored(engine: Engine, conversation_id: str, also: Iterable[Engine] = (),
                 now: Optional[float] = None) -> int:
    """Erase a conversation by its stored (hashed) id in `engine` (the tracker database, which gets the
    tombstone) and every engine in `also`; returns the number of rows deleted."""
    rows = 0
    for target in (engine, *also):
        rows += _delete_ids(target, [conversation_id])
    _tombstone(engine, conversation_id, now)
    for target in (engine, *also):
        checkpoint(target)
    return rows


def erase(engine: Engine, sender_id: str, key: Optional[bytes] = None, also: Iterable[Engine] = (),
          now: Optional[float] = None) -> int:
    """Erase the conversation of a channel sender id (the raw id, hashed the way the tracker store does:
    a stored hash passed as sender id matches nothing). Returns the number of rows deleted."""
    hashed = hash_sender(sender_id, key if key is not None else sender_key())
    return erase_stored(engine, hashed, also, now)


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


def _purge_tombstones(engine: Engine, cutoff: float) -> None:
    if ERASED in inspect(engine).get_table_names():
        with engine.begin() as connection:
            connection.execute(delete(_tombstones).where(_tombstones.c.erased_at < cutoff))


def purge_counts(engine: Engine, older_than_days: float, now: Optional[float] = None,
                 also: Iterable[Engine] = ()) -> PurgeResult:
    """Purge from the tracker database `engine` and every engine in `also` (a separate console database)."""
    if older_than_days < 0:
        raise ValueError("older_than_days must not be negative")
    expired = expired_conversations(engine, older_than_days, now)
    rows = sum(_delete_ids(target, expired) for target in (engine, *also))
    _purge_tombstones(engine, (time.time() if now is None else now) - older_than_days * DAY_S)
    if expired:
        for target in (engine, *also):
            checkpoint(target)
    return PurgeResult(len(expired), rows)


def purge(engine: Engine, older_than_days: float, now: Optional[float] = None, also: Iterable[Engine] = ()) -> int:
    """Delete every conversation whose last event is older than `older_than_days`; returns how many."""
    return purge_counts(engine, older_than_days, now, also).conversations
