"""Console settings from environment variables; by default the console shares the tracker database."""
from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url

from bot.config import Settings, load_settings

DEFAULT_SESSION_MINUTES = 30


@dataclass(frozen=True)
class ConsoleSettings:
    db_url: str
    tracker_url: str
    session_minutes: int = DEFAULT_SESSION_MINUTES
    secure_cookie: bool = False


def tracker_url(settings: Settings, env: dict[str, str] | None = None) -> str:
    """SQLAlchemy URL of Rasa's tracker store, built from the same variables endpoints.yml uses."""
    env = dict(os.environ) if env is None else env
    dialect = settings.tracker_dialect
    if dialect == "sqlite":
        return f"sqlite:///{settings.tracker_db}"
    if dialect in ("postgresql", "postgres"):
        dialect = "postgresql+psycopg"
    port = env.get("WEGWIJS_TRACKER_PORT")
    url = URL.create(
        dialect,
        username=env.get("WEGWIJS_TRACKER_USER") or None,
        password=env.get("WEGWIJS_TRACKER_PASSWORD") or None,
        host=env.get("WEGWIJS_TRACKER_HOST") or None,
        port=int(port) if port else None,
        database=settings.tracker_db,
    )
    return url.render_as_string(hide_password=False)


def _minutes(raw: str | None) -> int:
    if not raw:
        return DEFAULT_SESSION_MINUTES
    try:
        value = int(raw)
    except ValueError as error:
        raise SystemExit(f"WEGWIJS_CONSOLE_SESSION_MINUTES must be a whole number, got {raw!r}") from error
    if value < 1:
        raise SystemExit("WEGWIJS_CONSOLE_SESSION_MINUTES must be at least 1")
    return value


def load_console_settings(env: dict[str, str] | None = None) -> ConsoleSettings:
    env = dict(os.environ) if env is None else env
    tracker = tracker_url(load_settings(), env)
    db_url = env.get("WEGWIJS_CONSOLE_DB_URL") or tracker
    make_url(db_url)  # fails early with SQLAlchemy's message on a malformed URL
    return ConsoleSettings(
        db_url=db_url,
        tracker_url=tracker,
        session_minutes=_minutes(env.get("WEGWIJS_CONSOLE_SESSION_MINUTES")),
        secure_cookie=env.get("WEGWIJS_CONSOLE_SECURE_COOKIE", "") in ("1", "true", "yes"),
    )
