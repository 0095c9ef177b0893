"""Database access for the console: engines, sessions and Alembic migrations."""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from alembic import command
from alembic.config import Config
from fastapi import Request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "console_alembic_version"  # own name: the database is shared with Rasa's tracker store
SQLITE_BUSY_TIMEOUT_S = 15


def database_url(env: Mapping[str, str] | None = None) -> str:
    """Where the console's and the handoff's tables live: WEGWIJS_CONSOLE_DB_URL, else the tracker database."""
    from bot.privacy.db import tracker_url
    from bot.settings import load_settings, setting

    env = dict(os.environ) if env is None else env
    tracker = tracker_url(load_settings(), env).render_as_string(hide_password=False)
    url = setting("WEGWIJS_CONSOLE_DB_URL", env) or tracker
    make_url(url)  # fails early with SQLAlchemy's message on a malformed URL
    return url


def make_engine(url: str) -> Engine:
    """An engine for SQLite or PostgreSQL; SQLite waits for Rasa's writes instead of failing.

    hide_parameters: a database error must not put message text into a log."""
    if url.startswith("sqlite"):
        _make_parent_dir(url)
        engine = create_engine(url, hide_parameters=True,
                               connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _make_parent_dir(url: str) -> None:
    """A fresh clone has no var/ yet: create the directory of a SQLite file."""
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(connection: object, _record: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not just unlinked
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the console's tables to `revision`; safe to run on every start."""
    command.upgrade(alembic_config(engine), revision)


class Database:
    """The console database: one engine and a session factory."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        migrate(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


def get_db(request: Request) -> Iterator[Session]:
    """FastAPI dependency: a session for this request, closed afterwards."""
    database: Database = request.app.state.console.database
    with database.sessions() as session:
        yield session
