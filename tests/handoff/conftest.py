"""Handoff test fixtures: a migrated SQLite database, a fake Rasa and a fixed, movable clock."""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.chat.handoff.flow import FlowSettings, HandoffFlow
from bot.chat.handoff.hours import load_hours
from bot.chat.handoff.queue import HandoffStore
from bot.store.db import make_engine, migrate

# A Tuesday, 10:00 in Amsterdam: the Veilig Thuis chat is open.
TUESDAY_MORNING = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone.utc)
# A Saturday, 13:00 in Amsterdam: the chat is closed.
SATURDAY = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone.utc)


@dataclass
class Clock:
    now: dt.datetime = TUESDAY_MORNING

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass
class FakeRasa:
    """Stands in for Rasa's REST channel and HTTP API; records pauses, resumes and relayed messages."""

    tracker_data: dict[str, Any] = field(default_factory=dict)
    relayed: list[str] = field(default_factory=list)
    events: list[tuple[str, str]] = field(default_factory=list)
    intents: dict[str, tuple[str, float]] = field(default_factory=dict)
    handoff_reason: str = "request"
    language: str = "nl"  # the language Rasa reports with a handoff request
    safety_flags: dict[str, tuple[str, ...]] = field(default_factory=dict)  # what Rasa's safety net reads
    reachable: bool = True

    async def relay(self, sender: str, message: str, metadata: dict[str, Any] | None) -> list[dict[str, Any]]:
        self.relayed.append(message)
        replies: list[dict[str, Any]] = [{"recipient_id": sender, "text": f"bot: {message}"}]
        if "mens" in message or "person" in message:
            replies.append({"recipient_id": sender,
                            "custom": {"handoff": {"reason": self.handoff_reason, "language": self.language}}})
        return replies

    async def tracker(self, sender: str) -> dict[str, Any]:
        return self.tracker_data

    async def pause(self, sender: str) -> bool:
        self.events.append(("pause", sender))
        return True

    async def resume(self, sender: str) -> bool:
        self.events.append(("resume", sender))
        return True

    async def intent(self, text: str) -> tuple[str, float]:
        return self.intents.get(text, ("", 0.0))

    async def safety(self, text: str) -> tuple[str, ...] | None:
        return self.safety_flags.get(text, ()) if self.reachable else None


def fake_redact(text: str) -> str:
    """Enough of a redactor to see that redaction is applied: phone numbers and one name."""
    import re
    return re.sub(r"\b06[- ]?\d{8}\b", "[TELEFOON]", text).replace("Sanne", "[NAAM]")


def fresh_postgres(request: pytest.FixtureRequest) -> str:
    """A new, empty PostgreSQL database on the test server (fixture `postgres_server`, tests/conftest.py)."""
    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"handoff_{uuid.uuid4().hex[:12]}")


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'handoff.db'}" if request.param == "sqlite" else fresh_postgres(request)
    created = make_engine(url)
    migrate(created)  # the console's Alembic migrations, including the handoff tables
    yield created
    created.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(engine: Engine, clock: Clock) -> HandoffStore:
    return HandoffStore(engine, clock=clock)


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def flow(store: HandoffStore, rasa: FakeRasa, clock: Clock) -> HandoffFlow:
    return HandoffFlow(store, rasa, rasa.relay, lambda sender: f"hash-{sender}", fake_redact,  # type: ignore[arg-type]
                       load_hours({}), clock, FlowSettings(poll_interval_s=0.01))
