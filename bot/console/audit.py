"""The audit log: who logged in, opened which conversation, annotated, exported, changed users."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.console_models import AuditEntry, User

DETAIL_MAX = 255


def record(db: Session, user: User | None, action: str, conversation_id: str | None = None,
           detail: str = "") -> None:
    """Write one entry and commit. `detail` must never hold message text or personal data."""
    db.add(AuditEntry(user_id=user.id if user else None, username=user.username if user else "",
                      action=action, conversation_id=conversation_id, detail=detail[:DETAIL_MAX]))
    db.commit()


def recent(db: Session, limit: int = 200, action: str | None = None,
           conversation_id: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    if conversation_id:
        query = query.where(AuditEntry.conversation_id == conversation_id)
    return list(db.scalars(query))
