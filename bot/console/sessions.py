"""Server-side login sessions with a sliding expiry and an absolute lifetime; the browser only holds a
random token."""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.store.console_models import LoginSession, User, as_utc, utcnow

# Extending the expiry on every request would write on every page view; once a minute is enough.
REFRESH_AFTER = dt.timedelta(minutes=1)
DEFAULT_MAX_HOURS = 12  # however active, a session ends this long after log-in


@dataclass(frozen=True)
class ActiveSession:
    user: User
    csrf_token: str
    token_hash: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(db: Session, user: User, minutes: int, now: dt.datetime | None = None) -> str:
    """Create a session and return the token for the cookie."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    db.add(LoginSession(token_hash=_digest(token), user_id=user.id, csrf_token=secrets.token_urlsafe(32),
                        created_at=now, expires_at=now + dt.timedelta(minutes=minutes)))
    db.execute(delete(LoginSession).where(LoginSession.expires_at < now))
    db.commit()
    return token


def resume_session(db: Session, token: str, minutes: int, now: dt.datetime | None = None,
                   max_hours: float = DEFAULT_MAX_HOURS) -> ActiveSession | None:
    """The session behind a cookie token if it has not expired (idle `minutes`, or `max_hours` after
    log-in) and its user is active; extends the idle expiry."""
    if not token:
        return None
    now = now or utcnow()
    row = db.get(LoginSession, _digest(token))
    if row is None:
        return None
    user = db.get(User, row.user_id)
    too_old = as_utc(row.created_at) + dt.timedelta(hours=max_hours) <= now
    if as_utc(row.expires_at) <= now or too_old or user is None or not user.active:
        db.delete(row)
        db.commit()
        return None
    new_expiry = now + dt.timedelta(minutes=minutes)
    if new_expiry - as_utc(row.expires_at) >= REFRESH_AFTER:
        row.expires_at = new_expiry
        db.commit()
    return ActiveSession(user=user, csrf_token=row.csrf_token, token_hash=row.token_hash)


def end_session(db: Session, token_hash: str) -> None:
    db.execute(delete(LoginSession).where(LoginSession.token_hash == token_hash))
    db.commit()


def end_user_sessions(db: Session, user_id: int) -> None:
    db.execute(delete(LoginSession).where(LoginSession.user_id == user_id))
    db.commit()

