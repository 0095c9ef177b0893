"""Console settings: by default the tracker database, with overrides from the environment."""
from __future__ import annotations

import pytest

from bot.console.settings import load_console_settings


def test_defaults_follow_the_tracker_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEGWIJS_TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("WEGWIJS_TRACKER_DB", "/tmp/x/tracker.db")
    settings = load_console_settings({})
    assert settings.tracker_url == settings.db_url == "sqlite:////tmp/x/tracker.db"
    assert (settings.session_minutes, settings.secure_cookie) == (30, False)


def test_postgresql_tracker_and_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEGWIJS_TRACKER_DIALECT", "postgresql")
    monkeypatch.setenv("WEGWIJS_TRACKER_DB", "wegwijs")
    env = {"WEGWIJS_TRACKER_HOST": "127.0.0.1", "WEGWIJS_TRACKER_PORT": "5432", "WEGWIJS_TRACKER_USER": "bot",
           "WEGWIJS_TRACKER_PASSWORD": "geheim", "WEGWIJS_CONSOLE_DB_URL": "sqlite:////tmp/console.db",
           "WEGWIJS_CONSOLE_SESSION_MINUTES": "5", "WEGWIJS_CONSOLE_SECURE_COOKIE": "1"}
    settings = load_console_settings(env)
    assert settings.tracker_url == "postgresql+psycopg://bot:geheim@127.0.0.1:5432/wegwijs"
    assert settings.db_url == "sqlite:////tmp/console.db"
    assert (settings.session_minutes, settings.secure_cookie) == (5, True)


@pytest.mark.parametrize("minutes", ["0", "veel"])
def test_bad_session_minutes_are_a_clear_error(minutes: str) -> None:
    with pytest.raises(SystemExit, match="WEGWIJS_CONSOLE_SESSION_MINUTES"):
        load_console_settings({"WEGWIJS_CONSOLE_SESSION_MINUTES": minutes})
