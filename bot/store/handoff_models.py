"""Handoff tables (created by the console's Alembic migrations). Every row that refers to a conversation
stores the keyed-hash sender id in `conversation_id`, so erasing a conversation removes it; all text is
redacted before it is written."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.store.clock import as_utc, utcnow  # noqa: F401  (re-exported)

# Life of a handoff. consent -> review (<-> editing) -> waiting -> active -> ended -> closed; any step can
# go to closed (declined, cancelled, referred to the Veilig Thuis chat).
CONSENT, REVIEW, EDITING, WAITING, ACTIVE, ENDED, CLOSED = (
    "consent", "review", "editing", "waiting", "active", "ended", "closed")
OPEN_STATES = (CONSENT, REVIEW, EDITING, WAITING, ACTIVE, ENDED)
LIVE_STATES = (WAITING, ACTIVE)  # Rasa is paused; the person's messages go to the counsellor
REASONS = ("request", "misunderstood", "risk", "counsellor")
AUTHORS = ("user", "counsellor", "bot")


class HandoffBase(DeclarativeBase):
    pass


class Handoff(HandoffBase):
    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    reason: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), index=True)
    outcome: Mapped[Optional[str]] = mapped_column(String(16))  # counsellor | veilig_thuis | declined | cancelled
    language: Mapped[str] = mapped_column(String(8), default="nl")
    channel: Mapped[Optional[str]] = mapped_column(String(16))
    summary: Mapped[Optional[str]] = mapped_column(Text)  # redacted; None when the person refused it
    counsellor: Mapped[Optional[str]] = mapped_column(String(64))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)  # Rasa paused, a resume is owed
    ended_by: Mapped[Optional[str]] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    queued_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))
    taken_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))


class HandoffMessage(HandoffBase):
    __tablename__ = "handoff_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("handoffs.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    author: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)  # redacted
    safety: Mapped[Optional[str]] = mapped_column(String(16))  # acute | suicide when the safety net fired
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CounsellorStatus(HandoffBase):
    """Whether a counsellor is taking handoffs; `last_seen` is refreshed while their inbox is open."""

    __tablename__ = "handoff_counsellors"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    available: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
