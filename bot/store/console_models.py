"""The console's own tables. Every table that refers to a conversation names it `conversation_id`
(the keyed-hash sender id of Rasa's tracker store), so erasing a conversation finds every row."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.store.clock import as_utc, utcnow  # noqa: F401  (re-exported)

ROLES = ("reviewer", "counsellor", "admin")
# The largest id of a row here or in the handoff tables: INTEGER is 32 bits in PostgreSQL, and SQLite cannot even
# bind a number above 2**63 - 1. Ids from URLs are checked against it, so a huge one is a 422, not a failing query.
MAX_ID = 2**31 - 1


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "console_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))


class LoginSession(Base):
    """A server-side session; the cookie holds the token, the table only its SHA-256."""

    __tablename__ = "console_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("console_users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class AuditEntry(Base):
    """Who did what; never message text."""

    __tablename__ = "console_audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("console_users.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(32), index=True)
    conversation_id: Mapped[Optional[str]] = mapped_column(String(255), index=True)
    detail: Mapped[str] = mapped_column(String(255), default="")


class Annotation(Base):
    """The correct intent of one user message, as judged by a reviewer."""

    __tablename__ = "console_annotations"
    __table_args__ = (UniqueConstraint("conversation_id", "event_id", name="uq_console_annotations_event"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    event_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)  # the already redacted message text, copied from the tracker
    predicted_intent: Mapped[str] = mapped_column(String(255), default="")
    correct_intent: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("console_users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
