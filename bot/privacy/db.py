"""The tracker database from the app side (SQLAlchemy 2, psycopg 3): the same variables endpoints.yml uses."""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Optional

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

from bot.settings import Settings, load_settings, setting

SQLITE_BUSY_TIMEOUT_S = 15
# TLS to PostgreSQL (libpq parameters), the same variables the tracker store reads through endpoints.yml.
TLS_VARS = {"sslmode": "WEGWIJS_TRACKER_SSLMODE", "sslrootcert": "WEGWIJS_TRACKER_SSLROOTCERT"}


def tracker_url(settings: Optional[Settings] = None, env: Optional[Mapping[str, str]] = None) -> URL:
    """WEGWIJS_TRACKER_DIALECT/_DB, and for PostgreSQL _HOST, _PORT, _USER, _PASSWORD, _SSLMODE, _SSLROOTCERT."""
    settings = settings or load_settings()
    env = os.environ if env is None else env
    if settings.tracker_dialect == "sqlite":
        return URL.create("sqlite", database=settings.tracker_db)
    dialect = "postgresql+psycopg" if settings.tracker_dialect in ("postgresql", "postgres") \
        else settings.tracker_dialect
    port = setting("WEGWIJS_TRACKER_PORT", env)
    tls = {name: setting(variable, env) for name, variable in TLS_VARS.items()}
    return URL.create(dialect, username=setting("WEGWIJS_TRACKER_USER", env),
                      password=setting("WEGWIJS_TRACKER_PASSWORD", env),
                      host=setting("WEGWIJS_TRACKER_HOST", env), port=int(port) if port else None,
                      database=settings.tracker_db, query={name: value for name, value in tls.items() if value})


def make_engine(url: URL | str) -> Engine:
    """An engine for erasing and purging. On SQLite deleted rows are overwritten (secure_delete), not just
    unlinked, and writes wait for Rasa instead of failing."""
    text = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    if text.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_secure_delete)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_secure_delete(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def console_url(env: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """The console's database when it is not the tracker database (WEGWIJS_CONSOLE_DB_URL), else None:
    erase and purge clean it too (handoff transcripts, summaries, annotations)."""
    env = os.environ if env is None else env
    chosen = setting("WEGWIJS_CONSOLE_DB_URL", env) or ""
    tracker = tracker_url(env=env).render_as_string(hide_password=False)
    return chosen if chosen and chosen != tracker else None
