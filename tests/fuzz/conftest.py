"""In-process fuzzing: the apps run their start-up here, schemathesis sends requests without a network."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from schemathesis.python.asgi import ASGIClient, get_client
from sqlalchemy import create_engine

from bot.chat import gateway
from bot.chat.handoff.queue import HandoffStore
from bot.chat.ratelimit import RateLimiter
from bot.console import passwords, users
from bot.console.app import create_app
from bot.console.auth import COOKIE
from bot.console.catalog import entry_titles
from bot.console.csrf import LOGIN_COOKIE
from bot.console.sessions import resume_session, start_session
from bot.console.settings import ConsoleSettings
from bot.store.db import Database, make_engine, migrate
from bot.store.handoff_models import WAITING
from tests.channels.conftest import FakeRasa
from tests.console.seed import conversation_id, standard_conversations, write

ADMIN = "fuzz-admin"
SESSION_MINUTES = 30


def _tracker_database(path: Path) -> None:
    """Rasa's events table and the console's tables (handoff queue), so erase and handoff run for real."""
    engine = make_engine(f"sqlite:///{path}")
    write(engine, [])
    migrate(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def gateway_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ASGIClient]:
    """The gateway with the echoing fake Rasa of tests/channels, no rate limit and no long-polling.

    The start-up runs once in a TestClient; schemathesis' client is never entered, so it does not run it again."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("WEGWIJS_TRACKER_DIALECT", "sqlite")
        tracker_db = tmp_path_factory.mktemp("gateway-fuzz") / "tracker.db"
        _tracker_database(tracker_db)
        env.setenv("WEGWIJS_TRACKER_DB", str(tracker_db))
        env.delenv("WEGWIJS_CONSOLE_DB_URL", raising=False)
        env.setenv("WEGWIJS_PURGE_INTERVAL_S", "0")
        env.delenv("WEGWIJS_RASA_URLS", raising=False)
        env.setenv("WEGWIJS_RASA_URL", "http://127.0.0.1:9")  # the handoff's own Rasa calls must never reach one
        with TestClient(gateway.app):
            gateway.app.state.client = httpx.AsyncClient(transport=httpx.MockTransport(FakeRasa().handle))
            gateway.app.state.limiter = RateLimiter(per_minute=0, burst=1)
            gateway.app.state.address_limiter = RateLimiter(per_minute=0, burst=1)
            gateway.app.state.side_limiter = RateLimiter(per_minute=0, burst=1)
            if gateway.app.state.handoff is not None:
                gateway.app.state.handoff.settings.max_wait_s = 0.0  # the outbox answers at once
            yield get_client(gateway.app)


@dataclass
class Console:
    """The console on a seeded SQLite database, and schemathesis clients for an anonymous user and an admin."""

    database: Database
    anonymous: ASGIClient
    admin: ASGIClient
    known_ids: dict[str, object]  # path parameter -> a row that exists (a conversation, a handoff, the admin)
    _token: str = ""

    def anonymous_client(self) -> ASGIClient:
        self.anonymous.cookies.clear()  # nothing a previous example was given (e.g. the log-in cookie)
        return self.anonymous

    def admin_client(self) -> tuple[ASGIClient, str]:
        """The admin's client and CSRF token. A fuzzed request may have reset the admin's password (which ends
        the session), demoted or deactivated it: undo that, so every example runs as a working admin."""
        with self.database.sessions() as db:
            user = users.find_user(db, ADMIN)
            assert user is not None
            user.active, user.role = True, "admin"
            db.commit()
            session = resume_session(db, self._token, SESSION_MINUTES)
            if session is None:
                self._token = start_session(db, user, SESSION_MINUTES)
                session = resume_session(db, self._token, SESSION_MINUTES)
                assert session is not None
        self.admin.cookies.clear()
        self.admin.cookies.set(COOKIE, self._token)
        # The log-in form checks its own double-submit cookie against the same header.
        self.admin.cookies.set(LOGIN_COOKIE, session.csrf_token, path="/login")
        return self.admin, session.csrf_token


def _cheap_argon2(env: pytest.MonkeyPatch) -> None:
    """Every fuzzed log-in verifies a password: at production cost (tests/console checks it) that is most of the
    run. Here Argon2 only has to work, so it runs with its smallest parameters."""
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    env.setattr(passwords, "_hasher", lambda: hasher)
    env.setattr(users, "dummy_hash", lambda: hasher.hash("not-a-real-password"))


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    url = f"sqlite:///{tmp_path_factory.mktemp('console-fuzz') / 'console.db'}"
    engine = create_engine(url)
    write(engine, list(standard_conversations(next(iter(entry_titles()))).values()))
    engine.dispose()
    app = create_app(ConsoleSettings(db_url=url, tracker_url=url, session_minutes=SESSION_MINUTES))
    with pytest.MonkeyPatch.context() as env, TestClient(app):  # schemathesis' clients are never entered
        _cheap_argon2(env)
        database = Database(url)
        with database.sessions() as db:
            admin = users.create_user(db, ADMIN, "een-heel-lang-wachtwoord", "admin")
        yield Console(database, get_client(app), get_client(app), _known_ids(database, admin.id))
        database.dispose()


def _known_ids(database: Database, admin_id: int) -> dict[str, object]:
    """A handoff waiting for a counsellor on a seeded conversation, so take, reply and end get past their lookups."""
    conversation = conversation_id("markup")
    store = HandoffStore(database.engine)
    handoff = store.start(conversation, "request", "nl")
    store.update(handoff.id, state=WAITING)
    return {"conversation_id": conversation, "handoff_id": handoff.id, "user_id": admin_id}
