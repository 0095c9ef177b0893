"""Console settings from environment variables; by default the console shares the tracker database."""
from __future__ import annotations

import os
from dataclasses import dataclass

from bot.config import load_settings
from bot.console.db import database_url
from bot.privacy.db import tracker_url

DEFAULT_SESSION_MINUTES = 30
DEFAULT_SESSION_MAX_HOURS = 12


@dataclass(frozen=True)
class ConsoleSettings:
    db_url: str
    tracker_url: str
    session_minutes: int = DEFAULT_SESSION_MINUTES
    secure_cookie: bool = False  # also Secure whenever the request came over HTTPS
    session_max_hours: float = DEFAULT_SESSION_MAX_HOURS


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


def _hours(raw: str | None) -> float:
    try:
        value = float(raw) if raw else DEFAULT_SESSION_MAX_HOURS
    except ValueError as error:
        raise SystemExit(f"WEGWIJS_CONSOLE_SESSION_MAX_HOURS must be a number, got {raw!r}") from error
    if value <= 0:
        raise SystemExit("WEGWIJS_CONSOLE_SESSION_MAX_HOURS must be more than 0")
    return value


def load_console_settings(env: dict[str, str] | None = None) -> ConsoleSettings:
    env = dict(os.environ) if env is None else env
    tracker = tracker_url(load_settings(), env).render_as_string(hide_password=False)
    return ConsoleSettings(
        db_url=database_url(env),
        tracker_url=tracker,
        session_minutes=_minutes(env.get("WEGWIJS_CONSOLE_SESSION_MINUTES")),
        secure_cookie=env.get("WEGWIJS_CONSOLE_SECURE_COOKIE", "") in ("1", "true", "yes"),
        session_max_hours=_hours(env.get("WEGWIJS_CONSOLE_SESSION_MAX_HOURS")),
    )
