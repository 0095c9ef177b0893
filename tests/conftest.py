"""Fixtures shared by every test directory."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.postgres import PostgresServer, PostgresUnavailable, start_postgres  # noqa: E402

STACK_DIRS = {"e2e", "resilience"}  # every test here boots the real servers


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that boots the stack as e2e (`-m "not e2e"` runs the rest), wherever it lives."""
    for item in items:
        folder = Path(str(item.path)).relative_to(ROOT / "tests").parts[0]
        if folder in STACK_DIRS or "stack" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL cluster for the whole test session (loopback only)."""
    try:
        server = start_postgres()
    except PostgresUnavailable as problem:
        pytest.fail(f"PostgreSQL test server could not start: {problem}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """SQLAlchemy URL (postgresql+psycopg://...) of an empty database created for this session.
    For Rasa's SQLAlchemy 1.4 + psycopg2 use tests.support.postgres.psycopg2_url(postgres_url)."""
    return postgres_server.create_database("wegwijs_test")
