"""The feedback table. `conversation_id` is the keyed-hash sender id, so erasing a conversation and the
retention purge (bot/privacy/retention.py finds the column by inspection) remove its feedback too."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import DateTime, Integer, SmallInteger, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.store.clock import utcnow

UP, DOWN = 1, -1
MAX_REPLY_CHARS = 4000
MAX_COMMENT_CHARS = 500


class FeedbackBase(DeclarativeBase):
    pass


class Feedback(FeedbackBase):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    rating: Mapped[int] = mapped_column(SmallInteger)  # UP or DOWN
    reply: Mapped[str] = mapped_column(Text)  # the bot's answer that was rated, redacted
    comment: Mapped[Optional[str]] = mapped_column(Text)  # redacted; None when none was given
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
