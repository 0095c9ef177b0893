"""Writing feedback and reading the worst-rated answers (SQLAlchemy 2, console database)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Engine, case, func, select
from sqlalchemy.orm import sessionmaker

from bot.store.feedback_models import DOWN, UP, Feedback

COMMENTS_SHOWN = 5


@dataclass(frozen=True)
class RatedAnswer:
    reply: str
    downs: int
    ups: int
    comments: tuple[str, ...]  # newest first, at most COMMENTS_SHOWN


class FeedbackStore:
    def __init__(self, engine: Engine) -> None:
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    def add(self, conversation_id: str, rating: int, reply: str, comment: Optional[str]) -> int:
        """Store one rating; every text must already be redacted. Returns the row id."""
        if rating not in (UP, DOWN):
            raise ValueError("rating must be UP or DOWN")
        with self.sessions.begin() as session:
            row = Feedback(conversation_id=conversation_id, rating=rating, reply=reply, comment=comment or None)
            session.add(row)
            session.flush()
            return row.id

    def worst(self, limit: int = 50) -> list[RatedAnswer]:
        """Answers by how badly they were rated: most thumbs down (net of thumbs up) first."""
        downs = func.sum(case((Feedback.rating == DOWN, 1), else_=0))
        ups = func.sum(case((Feedback.rating == UP, 1), else_=0))
        query = (select(Feedback.reply, downs, ups).group_by(Feedback.reply)
                 .order_by((downs - ups).desc(), downs.desc(), func.max(Feedback.created_at).desc()).limit(limit))
        with self.sessions() as session:
            rows = session.execute(query).all()
            return [RatedAnswer(reply, int(d or 0), int(u or 0), self._comments(session, reply))
                    for reply, d, u in rows]

    @staticmethod
    def _comments(session: object, reply: str) -> tuple[str, ...]:
        query = (select(Feedback.comment).where(Feedback.reply == reply, Feedback.comment.is_not(None))
                 .order_by(Feedback.created_at.desc(), Feedback.id.desc()).limit(COMMENTS_SHOWN))
        return tuple(session.scalars(query))  # type: ignore[attr-defined]
