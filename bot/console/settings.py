"""Console settings from environment variables; by default the console shares the tracker database."""
from __future__ import annotations

import os
from dataclasses import dataclass

from bot.privacy.db import tracker_url
from bot.settings import SettingError, load_settings, setting
from bot.store.db import database_url

DEFAULT_SESSION_MINUTES = 30
DEFAULT_SESSION_MAX_HOURS = 12


@dataclass(frozen=True)
class ConsoleSettings:
    db_url: str
    tracker_url: str
    session_minutes: int = DEFAULT_SESSION_MINUTES
    secure_cookie: bool = False  # also Secure whenever the request came over HTTPS
    session_max_hours: float = DEFAULT_SESSION_MAX_HOURS


def _max_hours(env: dict[str, str]) -> float:
    value = setting("WEGWIJS_CONSOLE_SESSION_MAX_HOURS", env)
    if value <= 0:
        raise SettingError("WEGWIJS_CONSOLE_SESSION_MAX_HOURS must be more than 0")
    return value


def load_console_settings(env: dict[str, str] | None = None) -> ConsoleSettings:
    env = dict(os.environ) if env is None else env
    tracker = tracker_url(load_settings(), env).render_as_string(hide_password=False)
    return ConsoleSettings(
        db_url=database_url(env),
        tracker_url=tracker,
        session_minutes=setting("WEGWIJS_CONSOLE_SESSION_MINUTES", env),
        secure_cookie=setting("WEGWIJS_CONSOLE_SECURE_COOKIE", env),
        session_max_hours=_max_hours(env),
    )
