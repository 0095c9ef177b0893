"""Console fixtures: a seeded database per backend (SQLite and PostgreSQL), the app, logged-in clients."""
from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine

from bot.console.app import create_app
from bot.console.catalog import entry_titles
from bot.console.settings import ConsoleSettings
from bot.console.users import create_user
from bot.store.db import Database
from tests.console.seed import Conversation, standard_conversations, write

BACKENDS = ("sqlite", "postgresql")
PASSWORD = "een-heel-lang-wachtwoord"
ROLES = ("admin", "reviewer", "counsellor")
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def fresh_database(request: pytest.FixtureRequest, backend: str, directory: Path) -> str:
    """The URL of a new, empty database on `backend`."""
    if backend == "sqlite":
        return f"sqlite:///{directory / f'console-{uuid.uuid4().hex[:8]}.db'}"
    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"console_{uuid.uuid4().hex[:12]}")


def csrf_token(html: str) -> str:
    match = _TOKEN.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(app: FastAPI, username: str, password: str = PASSWORD) -> TestClient:
    """A client with its own cookie jar, logged in as `username` (the app must already be running)."""
    client = TestClient(app, follow_redirects=False)
    page = client.get("/login")
    response = client.post("/login", data={"username": username, "password": password,
                                           "csrf_token": csrf_token(page.text)})
    assert response.status_code == 303, response.text
    return client


@dataclass
class ConsoleEnv:
    backend: str
    url: str
    app: FastAPI
    engine: Engine
    conversations: dict[str, Conversation]
    entry_id: str
    clients: dict[str, TestClient] = field(default_factory=dict)

    def as_role(self, role: str) -> TestClient:
        if role not in self.clients:
            self.clients[role] = login(self.app, role)
        return self.clients[role]

    def id(self, name: str) -> str:
        return self.conversations[name].id


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def console(request: pytest.FixtureRequest, backend: str,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleEnv]:
    url = fresh_database(request, backend, tmp_path_factory.mktemp("console"))
    entry_id = next(iter(entry_titles()))
    conversations = standard_conversations(entry_id)
    engine = create_engine(url)
    write(engine, list(conversations.values()))
    app = create_app(ConsoleSettings(db_url=url, tracker_url=url, session_minutes=30))
    with TestClient(app):  # runs the lifespan: migrations, app.state
        database = Database(url)
        with database.sessions() as db:
            for role in ROLES:
                create_user(db, role, PASSWORD, role)
        database.dispose()
        yield ConsoleEnv(backend, url, app, engine, conversations, entry_id)
    engine.dispose()


@pytest.fixture
def new_database(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    """An empty database of the current backend, for tests that must not disturb the shared one."""
    return fresh_database(request, backend, tmp_path)
