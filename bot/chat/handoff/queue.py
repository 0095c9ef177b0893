"""The handoff queue in the database: handoffs, their messages and counsellor availability.

Used by the gateway (one process) and the console (another); the database is the only thing they share.
Callers pass text that is already redacted.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.store.handoff_models import (
    ACTIVE,
    CLOSED,
    CONSENT,
    ENDED,
    LIVE_STATES,
    OPEN_STATES,
    WAITING,
    CounsellorStatus,
    Handoff,
    HandoffMessage,
    as_utc,
    utcnow,
)

AVAILABLE_FOR = dt.timedelta(minutes=10)  # a counsellor not seen for this long counts as away


class HandoffStore:
    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = utcnow,
                 available_for: dt.timedelta = AVAILABLE_FOR) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.clock = clock
        self.available_for = available_for

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    # ------------------------------------------------------------------ one conversation (gateway side)
    def open_for(self, conversation_id: str) -> Handoff | None:
        """The conversation's handoff that is not closed yet, if any."""
        with self._session() as session:
            return session.scalars(
                select(Handoff).where(Handoff.conversation_id == conversation_id, Handoff.state.in_(OPEN_STATES))
                .order_by(Handoff.id.desc()).limit(1)
            ).first()

    def ever(self, conversation_id: str, reason: str) -> bool:
        with self._session() as session:
            return session.scalars(select(Handoff.id).where(
                Handoff.conversation_id == conversation_id, Handoff.reason == reason).limit(1)).first() is not None

    def start(self, conversation_id: str, reason: str, language: str, channel: str | None = None,
              counsellor: str | None = None) -> Handoff:
        now = self.clock()
        handoff = Handoff(conversation_id=conversation_id, reason=reason, state=CONSENT, language=language,
                          channel=channel, counsellor=counsellor, paused=False, created_at=now, updated_at=now)
        with self._session() as session:
            session.add(handoff)
        return handoff

    def update(self, handoff_id: int, expect: tuple[str, ...] | None = None, **values: Any) -> bool:
        """Set fields; with `expect`, only when the state is still one of those (two processes race here)."""
        query = update(Handoff).where(Handoff.id == handoff_id)
        if expect:
            query = query.where(Handoff.state.in_(expect))
        with self._session() as session:
            return session.execute(query.values(updated_at=self.clock(), **values)).rowcount == 1

    def claim_offer(self, handoff_id: int, language: str) -> bool:
        """Mark a counsellor's offer as shown (its language was still ""); True for exactly one caller."""
        query = update(Handoff).where(Handoff.id == handoff_id, Handoff.state == CONSENT, Handoff.language == "")
        with self._session() as session:
            return session.execute(query.values(language=language, updated_at=self.clock())).rowcount == 1

    def get(self, handoff_id: int) -> Handoff | None:
        with self._session() as session:
            return session.get(Handoff, handoff_id)

    def add_message(self, handoff: Handoff, author: str, text: str, safety: str | None = None) -> int:
        message = HandoffMessage(handoff_id=handoff.id, conversation_id=handoff.conversation_id, author=author,
                                 text=text, safety=safety, created_at=self.clock())
        with self._session() as session:
            session.add(message)
            session.flush()
            return message.id

    def outbox(self, conversation_id: str, after: int) -> list[HandoffMessage]:
        """Messages for the person (from a counsellor or the bot) newer than message id `after`."""
        with self._session() as session:
            return list(session.scalars(
                select(HandoffMessage).where(HandoffMessage.conversation_id == conversation_id,
                                             HandoffMessage.id > after,
                                             HandoffMessage.author.in_(("counsellor", "bot")))
                .order_by(HandoffMessage.id)))

    def last_message_id(self, conversation_id: str) -> int:
        with self._session() as session:
            found = session.scalars(select(HandoffMessage.id).where(HandoffMessage.conversation_id == conversation_id)
                                    .order_by(HandoffMessage.id.desc()).limit(1)).first()
            return int(found or 0)

    # ------------------------------------------------------------------ counsellors (console side)
    def set_available(self, username: str, available: bool) -> None:
        with self._session() as session:
            status = session.get(CounsellorStatus, username)
            if status is None:
                session.add(CounsellorStatus(username=username, available=available, last_seen=self.clock()))
            else:
                status.available, status.last_seen = available, self.clock()

    def seen(self, username: str) -> None:
        with self._session() as session:
            session.execute(update(CounsellorStatus).where(CounsellorStatus.username == username)
                            .values(last_seen=self.clock()))

    def is_available(self, username: str) -> bool:
        with self._session() as session:
            status = session.get(CounsellorStatus, username)
            return bool(status and status.available)

    def counsellor_available(self) -> bool:
        """Someone marked available whose inbox was open recently."""
        since = self.clock() - self.available_for
        with self._session() as session:
            statuses = session.scalars(select(CounsellorStatus).where(CounsellorStatus.available.is_(True)))
            return any(as_utc(status.last_seen) >= since for status in statuses)

    def inbox(self) -> list[Handoff]:
        """Handoffs a counsellor can act on: waiting in the queue or in a live chat."""
        with self._session() as session:
            return list(session.scalars(select(Handoff).where(Handoff.state.in_(LIVE_STATES))
                                        .order_by(Handoff.queued_at, Handoff.id)))

    def recent(self, limit: int = 20) -> list[Handoff]:
        with self._session() as session:
            return list(session.scalars(select(Handoff).where(Handoff.state.in_((ENDED, CLOSED)))
                                        .order_by(Handoff.updated_at.desc()).limit(limit)))

    def messages(self, handoff_id: int, after: int = 0) -> list[HandoffMessage]:
        with self._session() as session:
            return list(session.scalars(select(HandoffMessage).where(
                HandoffMessage.handoff_id == handoff_id, HandoffMessage.id > after).order_by(HandoffMessage.id)))

    def take(self, handoff_id: int, username: str) -> bool:
        """Take a waiting handoff over; False when someone else was first."""
        return self.update(handoff_id, expect=(WAITING,), state=ACTIVE, counsellor=username, taken_at=self.clock())

    def end(self, handoff_id: int, by: str) -> bool:
        return self.update(handoff_id, expect=LIVE_STATES, state=ENDED, ended_by=by, ended_at=self.clock())

    def handed_off_conversations(self) -> set[str]:
        """Conversation ids that ever reached a counsellor or were referred on (for console filters)."""
        with self._session() as session:
            return set(session.scalars(select(Handoff.conversation_id).where(
                Handoff.outcome.in_(("counsellor", "veilig_thuis")))))
