"""Rasa's SQL tracker store, with personal data redacted and sender ids hashed before anything is written,
and conversations that go on while the database is away.

endpoints.yml: `tracker_store: {type: nlu.tracker_store.RedactingTrackerStore, dialect: ..., db: ...}`.
The running turn keeps the raw text in Rasa's in-memory tracker; only what is stored is redacted, so the
next turn sees "[NAAM]" where the user typed a name. Runs in the Rasa venv (Python 3.10, SQLAlchemy 1.4).

When the database does not answer, a read falls back to the rows this process last read or wrote for the
conversation (nlu/tracker_buffer.py) and a save keeps its redacted rows in memory; a background task writes
them, in order, once the database is back. Until then the store does not touch the database for
RETRY_S seconds after a failure, so a hanging server cannot stall every turn.
"""
from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import logging
import time
from collections.abc import Iterable
from typing import Any, Optional

import sqlalchemy as sa
import sqlalchemy.orm
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.privacy.keys import hash_sender, sender_key
from bot.privacy.scrub import scrub_event
from bot.settings import setting
from nlu.tracker_buffer import Row, TrackerBuffer

logger = logging.getLogger(__name__)
RETRY_S = 2.0
ERASED = "erased_conversations"  # tombstones written by bot/privacy/retention.py on erase
CONNECT_TIMEOUT_S = 5
# What an unreachable or stopped database raises; other errors are bugs and are not hidden.
OUTAGE = (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.TimeoutError, sa.exc.DisconnectionError)


class DatabaseAway(Exception):
    """The database failed less than RETRY_S ago: not tried again yet."""


def _blank_to_none(value: Any) -> Any:
    """endpoints.yml turns an unset optional variable into "": SQLAlchemy wants None."""
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def _recent_limit() -> int:
    return setting("WEGWIJS_TRACKER_CACHE")


class RedactingTrackerStore(SQLTrackerStore):
    """Stores events with text redacted and the sender id as an HMAC-SHA256 keyed hash."""

    def __init__(self, domain: Optional[Domain] = None, dialect: str = "sqlite", host: Optional[str] = None,
                 port: Optional[Any] = None, db: str = "rasa.db", username: Optional[str] = None,
                 password: Optional[str] = None, event_broker: Optional[EventBroker] = None,
                 login_db: Optional[str] = None, query: Optional[dict] = None, **kwargs: Any) -> None:
        self._key = sender_key()
        dialect = _blank_to_none(dialect) or "sqlite"
        query = {name: value for name, value in (query or {}).items() if _blank_to_none(value) is not None}
        if dialect.startswith("postgres"):
            query = {"connect_timeout": str(CONNECT_TIMEOUT_S), **query}
        super().__init__(domain, dialect, _blank_to_none(host), _blank_to_none(port), db,
                         _blank_to_none(username), _blank_to_none(password), event_broker,
                         _blank_to_none(login_db), query or None, **kwargs)
        self._tune_engine()
        self.buffer = TrackerBuffer(_recent_limit())
        self._away_until = 0.0
        self._retry_task: Optional[asyncio.Task[None]] = None

    def _tune_engine(self) -> None:
        """Rasa's engine, rebuilt to test pooled connections before use (a restarted server drops them) and,
        on SQLite, to write through a WAL without a sync per commit (a crash loses at most the last turns)."""
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        if url.drivername.startswith("sqlite"):
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def stored_id(self, sender_id: str) -> str:
        return hash_sender(sender_id, self._key)

    def _event_query(self, session: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        return super()._event_query(session, self.stored_id(sender_id), fetch_events_from_all_sessions)

    # reading

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool
                        ) -> Optional[DialogueStateTracker]:
        key = self.stored_id(sender_id)
        try:
            rows = self._read_rows(sender_id, key, fetch_events_from_all_sessions)
        except (DatabaseAway, *OUTAGE) as problem:
            self._went_away(problem)
            logger.warning("Tracker store unreachable: conversation %s… continues from memory", key[:8])
            return self._tracker(sender_id, self._rows_in_memory(key))
        if fetch_events_from_all_sessions:
            self.buffer.forget(key)  # a tracker of every session does not line up with the latest session
        else:
            self.buffer.loaded(key, rows)
        return self._tracker(sender_id, rows)

    def _rows_in_memory(self, key: str) -> list[Row]:
        known = self.buffer.known(key)
        if known is None:  # unknown here: it goes on as a new conversation whose every event is new
            self.buffer.loaded(key, [])
        return known or []

    def _read_rows(self, sender_id: str, key: str, all_sessions: bool) -> list[Row]:
        self._check_available()
        if self.buffer.unwritten(key):
            self.write_unwritten([key])
        with self.session_scope() as session:
            found = self._event_query(session, sender_id, all_sessions).all()
            return [_row_of(event) for event in found]

    def _tracker(self, sender_id: str, rows: Optional[list[Row]]) -> Optional[DialogueStateTracker]:
        if not rows or not self.domain:
            return None
        events = [json.loads(row["data"]) for row in rows]
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    # writing

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Like SQLTrackerStore.save, but every event is redacted and stored under the hashed id; when the
        database is away the rows wait in memory."""
        await self.stream_events(tracker)
        key = self.stored_id(tracker.sender_id)
        try:
            rows = self._write(tracker, key)
            self.buffer.saved(key, rows, stored=True)
        except (DatabaseAway, *OUTAGE) as problem:
            self._went_away(problem)
            rows = self._rows(tracker, key, self._new_events(tracker, key, None))
            self.buffer.saved(key, rows, stored=False)
            logger.warning("Tracker store unreachable: %d events of %s… kept until it is back", len(rows), key[:8])
            self._start_retrying()

    def _write(self, tracker: DialogueStateTracker, key: str) -> list[Row]:
        self._check_available()
        with self.session_scope() as session:
            self._write_unwritten(session, key)
            rows = self._rows(tracker, key, self._new_events(tracker, key, session))
            # A turn that was still running when the conversation was erased must not bring it back.
            rows = _after_erase(session, key, rows)
            session.add_all(self._sql_event(key, row) for row in rows)
            session.commit()
        self.buffer.written(key)
        return rows

    def _new_events(self, tracker: DialogueStateTracker, key: str, session: Any) -> Iterable[Event]:
        """The events after those already stored (or waiting): counted from the rows that line up with this
        tracker when this process read it, else from the database as Rasa does."""
        known = self.buffer.known(key)
        if known is not None:
            return itertools.islice(tracker.events, len(known), None)
        if session is None:
            return list(tracker.events)  # forgotten while the database was away: store everything
        return self._additional_events(session, tracker)

    def _rows(self, tracker: DialogueStateTracker, key: str, events: Iterable[Event]) -> list[Row]:
        rows = []
        for event in events:
            data = scrub_event(event.as_dict(), tracker.sender_id, key)
            rows.append({"type_name": event.type_name, "timestamp": data.get("timestamp"),
                         "intent_name": (data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY),
                         "action_name": data.get("name"), "data": json.dumps(data)})
        return rows

    def _sql_event(self, key: str, row: Row) -> Any:
        return self.SQLEvent(sender_id=key, **row)

    def _write_unwritten(self, session: Any, key: str) -> None:
        """Rows that waited for the database go in first, in the same transaction; those from before an
        erase of this conversation (made while this process was cut off) are dropped, never written back."""
        rows = self.buffer.unwritten(key)
        if not rows:
            return
        rows = _after_erase(session, key, rows)
        if rows:
            session.add_all(self._sql_event(key, row) for row in rows)
            session.flush()

    # outage bookkeeping

    def _check_available(self) -> None:
        if time.monotonic() < self._away_until:
            raise DatabaseAway()

    def _went_away(self, problem: Exception) -> None:
        if not isinstance(problem, DatabaseAway):
            logger.error("Tracker store unreachable (%s); retrying every %.0f s", type(problem).__name__, RETRY_S)
        self._away_until = time.monotonic() + RETRY_S

    def _start_retrying(self) -> None:
        if self._retry_task is None or self._retry_task.done():
            self._retry_task = asyncio.get_running_loop().create_task(self._retry_until_written())

    async def _retry_until_written(self) -> None:
        while self.buffer.keys_with_unwritten():
            await asyncio.sleep(max(0.1, self._away_until - time.monotonic()))
            try:
                self.write_unwritten(self.buffer.keys_with_unwritten())
            except OUTAGE as problem:
                self._went_away(problem)
        logger.warning("Tracker store back: every kept event is written")

    def write_unwritten(self, keys: list[str]) -> int:
        """Write these conversations' waiting rows, one transaction each; returns how many rows."""
        count = 0
        for key in keys:
            with self.session_scope() as session:
                count += len(self.buffer.unwritten(key))
                self._write_unwritten(session, key)
                session.commit()
            self.buffer.written(key)
        return count

    async def _stream_new_events(self, event_broker: EventBroker, new_events: list[Event],
                                 sender_id: str) -> None:
        stored_id = self.stored_id(sender_id)
        for event in new_events:
            body = {"sender_id": stored_id}
            body.update(scrub_event(event.as_dict(), sender_id, stored_id))
            event_broker.publish(body)


def _row_of(event: Any) -> Row:
    return {"type_name": event.type_name, "timestamp": event.timestamp, "intent_name": event.intent_name,
            "action_name": event.action_name, "data": event.data}


def _after_erase(session: Any, key: str, rows: list[Row]) -> list[Row]:
    """The rows newer than the conversation's last erase (all of them when it was never erased)."""
    erased_at = _erased_at(session, key)
    if erased_at is None:
        return rows
    kept = [row for row in rows if (row.get("timestamp") or 0.0) > erased_at]
    if len(kept) < len(rows):
        logger.warning("Conversation %s… was erased meanwhile: %d older events are dropped", key[:8],
                       len(rows) - len(kept))
    return kept


def _erased_at(session: Any, key: str) -> Optional[float]:
    """When this conversation was last erased, or None."""
    if not sa.inspect(session.connection()).has_table(ERASED):
        return None
    erased_id = hashlib.sha256(b"erased\0" + key.encode("utf-8")).hexdigest()  # as bot/privacy/retention.py
    found = session.execute(sa.text(f"SELECT erased_at FROM {ERASED} WHERE erased_id = :key"), {"key": erased_id})
    value = found.scalar()
    return None if value is None else float(value)


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not just unlinked
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()
