"""Retention (purge) and erasure on SQLite and PostgreSQL: nothing of an erased or expired conversation stays
in any table, other conversations and unrelated tables stay untouched."""
from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    Engine,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)

from bot.privacy.db import make_engine
from bot.privacy.keys import hash_sender
from bot.privacy.retention import (
    ERASED,
    conversation_tables,
    erase,
    erase_stored,
    purge,
    purge_counts,
    tombstone_id,
)
from tests.support.postgres import PostgresServer

KEY = b"retention-test-key-0123456789"
DAY = 86400.0
NOW = 2_000_000_000.0
_databases = itertools.count()


def schema(metadata: MetaData) -> dict[str, Table]:
    """Rasa's events table and tables like the console's and the handoff's, plus an unrelated one."""
    return {
        "events": Table("events", metadata, Column("id", Integer, primary_key=True),
                        Column("sender_id", String(255), nullable=False, index=True), Column("type_name", String(255)),
                        Column("timestamp", Float), Column("intent_name", String(255)),
                        Column("action_name", String(255)), Column("data", Text)),
        "annotations": Table("annotations", metadata, Column("id", Integer, primary_key=True),
                             Column("conversation_id", String(255), index=True), Column("note", Text)),
        "audit": Table("audit", metadata, Column("id", Integer, primary_key=True),
                       Column("conversation_id", String(255)), Column("action", String(64))),
        "handoffs": Table("handoffs", metadata, Column("id", Integer, primary_key=True),
                          Column("conversation_id", String(255))),
        "handoff_messages": Table("handoff_messages", metadata, Column("id", Integer, primary_key=True),
                                  Column("handoff_id", ForeignKey("handoffs.id")),
                                  Column("conversation_id", String(255)), Column("text", Text)),
        "users": Table("users", metadata, Column("id", Integer, primary_key=True), Column("name", String(64))),
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'tracker.db'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        url = server.create_database(f"retention_{next(_databases)}")
    built = make_engine(url)
    yield built
    built.dispose()


def add_conversation(engine: Engine, tables: dict[str, Table], sender: str, last_seen: float, marker: str) -> str:
    """A conversation with events (the last at `last_seen`) and rows in every conversation table."""
    cid = hash_sender(sender, KEY)
    with engine.begin() as connection:
        for offset in (3 * DAY, DAY, 0.0):
            connection.execute(tables["events"].insert().values(
                sender_id=cid, type_name="user", timestamp=last_seen - offset,
                data=json.dumps({"event": "user", "text": f"{marker} [NAAM]"})))
        connection.execute(tables["annotations"].insert().values(conversation_id=cid, note=marker))
        connection.execute(tables["audit"].insert().values(conversation_id=cid, action=f"viewed {marker}"))
        handoff = connection.execute(tables["handoffs"].insert().values(conversation_id=cid)).inserted_primary_key[0]
        connection.execute(tables["handoff_messages"].insert().values(handoff_id=handoff, conversation_id=cid,
                                                                      text=marker))
    return cid


@pytest.fixture
def tables(engine: Engine) -> dict[str, Table]:
    metadata = MetaData()
    built = schema(metadata)
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(built["users"].insert().values(name="admin"))
    return built


def dump(engine: Engine) -> str:
    """Every row of every table as one string, but the erase tombstones (checked on their own)."""
    parts = []
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            if table == ERASED:
                continue
            rows = connection.execute(text(f'SELECT * FROM "{table}"'))
            parts += [json.dumps([table, *row], default=str) for row in rows]
    return "\n".join(parts)


def test_erase_removes_the_conversation_from_every_table(engine, tables):
    gone = add_conversation(engine, tables, "web-gone", NOW, "MARKER-GONE")
    kept = add_conversation(engine, tables, "web-kept", NOW, "MARKER-KEPT")
    assert erase(engine, "web-gone", KEY) == 3 + 1 + 1 + 1 + 1
    everything = dump(engine)
    assert gone not in everything and "MARKER-GONE" not in everything
    assert kept in everything and "MARKER-KEPT" in everything
    assert '"users", 1, "admin"' in everything


def test_erase_of_an_unknown_sender_deletes_nothing(engine, tables):
    add_conversation(engine, tables, "web-kept", NOW, "MARKER-KEPT")
    before = dump(engine)
    assert erase(engine, "nobody", KEY) == 0
    assert dump(engine) == before


def test_erase_takes_the_raw_sender_id_only(engine, tables):
    cid = add_conversation(engine, tables, "web-kept", NOW, "MARKER-KEPT")
    assert erase(engine, cid, KEY) == 0  # the stored hash, as the console shows it, is not a sender id
    assert dump(engine).count(cid) == 7


def test_erase_by_stored_id(engine, tables):
    cid = add_conversation(engine, tables, "web-gone", NOW, "MARKER-GONE")
    assert erase_stored(engine, cid) == 7
    assert cid not in dump(engine)


def test_purge_removes_only_conversations_whose_last_event_is_too_old(engine, tables):
    old = add_conversation(engine, tables, "web-old", NOW - 40 * DAY, "MARKER-OLD")
    # The active conversation's first events are older than 30 days too: its last one counts.
    active = add_conversation(engine, tables, "web-active", NOW - 29 * DAY, "MARKER-ACTIVE")
    result = purge_counts(engine, 30, now=NOW)
    assert (result.conversations, result.rows) == (1, 7)
    everything = dump(engine)
    assert old not in everything and "MARKER-OLD" not in everything
    assert everything.count(active) == 7
    assert purge(engine, 30, now=NOW) == 0  # nothing left to purge


def test_purge_zero_days_removes_everything(engine, tables):
    for n in range(3):
        add_conversation(engine, tables, f"web-{n}", NOW - n, f"MARKER-{n}")
    assert purge(engine, 0, now=NOW + 1) == 3
    assert "MARKER" not in dump(engine)


def test_purge_without_a_tracker_table_does_nothing(engine):
    assert purge(engine, 30) == 0


def test_tables_are_discovered_so_new_ones_are_covered(engine, tables):
    metadata = MetaData()
    Table("future_feedback", metadata, Column("id", Integer, primary_key=True),
          Column("conversation_id", String(255)), Column("text", Text)).create(engine)
    names = {table.name for table, _ in conversation_tables(engine)}
    assert {"events", "annotations", "audit", "handoffs", "handoff_messages", "future_feedback"} <= names
    assert "users" not in names


def test_purge_uses_the_current_time_by_default(engine, tables):
    add_conversation(engine, tables, "web-recent", time.time(), "MARKER-RECENT")
    assert purge(engine, 1) == 0


def test_sqlite_overwrites_what_it_deletes(tmp_path):
    path = tmp_path / "tracker.db"
    engine = make_engine(f"sqlite:///{path}")
    metadata = MetaData()
    tables = schema(metadata)
    metadata.create_all(engine)
    cid = add_conversation(engine, tables, "web-gone", NOW, "MARKER-GONE-" + "x" * 40)
    erase(engine, "web-gone", KEY)
    engine.dispose()
    raw = path.read_bytes()
    assert cid.encode() not in raw and b"MARKER-GONE" not in raw


def test_an_erase_leaves_a_tombstone_without_the_id_that_the_purge_removes(engine, tables):
    cid = add_conversation(engine, tables, "web-gone", NOW, "MARKER-GONE")
    erase(engine, "web-gone", KEY, now=NOW)
    with engine.connect() as connection:
        stones = [tuple(row) for row in connection.execute(text(f"SELECT * FROM {ERASED}"))]
    assert stones == [(tombstone_id(cid), NOW)] and cid not in json.dumps(stones)
    purge(engine, 30, now=NOW + 31 * DAY)
    with engine.connect() as connection:
        assert connection.execute(text(f"SELECT COUNT(*) FROM {ERASED}")).scalar() == 0
