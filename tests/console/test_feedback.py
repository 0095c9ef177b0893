"""Feedback on answers: the gateway's POST /feedback (validated, rate-limited, redacted), storage in the
console database, the console's worst-first list, erase and retention."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from bot.chat import gateway
from bot.chat.ratelimit import RateLimiter
from bot.privacy.keys import conversation_id
from bot.privacy.retention import purge
from bot.store.db import make_engine, migrate
from bot.store.feedback_models import DOWN, UP, Feedback
from bot.store.feedback_store import FeedbackStore
from tests.channels.conftest import FakeRasa
from tests.console.conftest import ConsoleEnv
from tests.console.seed import Conversation, write

ANSWER = "Veilig Thuis is dag en nacht bereikbaar op 0800-2000."


@pytest.fixture
def tracker_db(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.db"
    engine = make_engine(f"sqlite:///{path}")
    write(engine, [])
    migrate(engine)
    engine.dispose()
    return path


@pytest.fixture
def client(tracker_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("WEGWIJS_TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("WEGWIJS_TRACKER_DB", str(tracker_db))
    monkeypatch.delenv("WEGWIJS_CONSOLE_DB_URL", raising=False)
    monkeypatch.setenv("WEGWIJS_PURGE_INTERVAL_S", "0")
    monkeypatch.delenv("WEGWIJS_RASA_URLS", raising=False)
    monkeypatch.setenv("WEGWIJS_RASA_URL", "http://127.0.0.1:9")
    gateway.app.state.privacy_engine = None  # an earlier test module's database must not be reused
    with TestClient(gateway.app) as test_client:
        gateway.app.state.client = httpx.AsyncClient(transport=httpx.MockTransport(FakeRasa().handle))
        gateway.app.state.limiter = RateLimiter(per_minute=0, burst=1)
        gateway.app.state.feedback_store = None  # made from this test's database on first use
        yield test_client
    gateway.app.state.feedback_store = None
    gateway.app.state.privacy_engine = None


def rows(tracker_db: Path) -> list[Feedback]:
    engine = create_engine(f"sqlite:///{tracker_db}")
    with FeedbackStore(engine).sessions() as session:
        found = list(session.scalars(select(Feedback).order_by(Feedback.id)))
    engine.dispose()
    return found


def test_a_rating_with_a_comment_is_stored_redacted_under_the_hashed_id(client: TestClient, tracker_db: Path) -> None:
    comment = "Niet handig. Bel me op 06-12345678, groet Fatima de Vries"
    response = client.post("/feedback", json={"sender": "web-abc", "reply": ANSWER, "rating": "down",
                                               "comment": comment})
    assert response.status_code == 200 and isinstance(response.json()["stored"], int)
    assert client.post("/feedback", json={"sender": "web-abc", "reply": ANSWER, "rating": "up"}).status_code == 200
    stored = rows(tracker_db)
    assert [row.rating for row in stored] == [DOWN, UP]
    assert stored[0].conversation_id == conversation_id("web-abc") != "web-abc"
    assert "12345678" not in stored[0].comment and "Fatima" not in stored[0].comment
    assert stored[0].comment.startswith("Niet handig") and stored[1].comment is None
    assert "0800-2000" in stored[0].reply


@pytest.mark.parametrize(("body", "word"), [
    ({"sender": "s", "reply": ANSWER, "rating": "meh"}, "rating"),
    ({"sender": "s", "reply": ANSWER, "rating": {}}, "rating"),  # found by the schemathesis fuzz
    ({"sender": "s", "reply": ["x"], "rating": "up"}, "reply"),
    ({"sender": "s", "reply": "", "rating": "up"}, "reply"),
    ({"sender": "s", "reply": ANSWER, "rating": "up", "comment": "x" * 501}, "opmerking"),
    ({"sender": "s", "reply": ANSWER, "rating": "up", "comment": 7}, "opmerking"),
    ({"reply": ANSWER, "rating": "up"}, "sender"),
    ([1, 2], "rating"),
])
def test_bad_feedback_gets_a_clear_400_and_nothing_is_stored(client: TestClient, tracker_db: Path,
                                                           body: object, word: str) -> None:
    response = client.post("/feedback", json=body)
    assert response.status_code == 400 and word in response.json()["error"]
    assert rows(tracker_db) == []


def test_not_json_and_too_large_are_400(client: TestClient) -> None:
    assert client.post("/feedback", content=b"{nope").status_code == 400
    assert client.post("/feedback", content=b"x" * (40 * 1024)).status_code == 400


def test_feedback_counts_against_the_rate_limit(client: TestClient) -> None:
    gateway.app.state.limiter = RateLimiter(per_minute=1, burst=1)
    body = {"sender": "web-fast", "reply": ANSWER, "rating": "up"}
    assert client.post("/feedback", json=body).status_code == 200
    limited = client.post("/feedback", json=body)
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1


def test_erasing_the_conversation_erases_its_feedback(client: TestClient, tracker_db: Path) -> None:
    client.post("/feedback", json={"sender": "web-wis", "reply": ANSWER, "rating": "down", "comment": "slecht"})
    client.post("/feedback", json={"sender": "web-blijft", "reply": ANSWER, "rating": "up"})
    assert client.post("/conversations/erase", json={"sender": "web-wis"}).json()["erased"] >= 1
    assert [row.conversation_id for row in rows(tracker_db)] == [conversation_id("web-blijft")]


def test_retention_purges_feedback_with_its_conversation(tracker_db: Path) -> None:
    engine = make_engine(f"sqlite:///{tracker_db}")
    old = Conversation("oud", start=time.time() - 40 * 86400).begin().user("hallo", "greet").bot(ANSWER)
    write(engine, [old])
    FeedbackStore(engine).add(old.id, DOWN, ANSWER, "te kort")
    assert purge(engine, older_than_days=30) == 1
    assert rows(tracker_db) == []
    engine.dispose()


def test_worst_rated_answers_come_first(tracker_db: Path) -> None:
    engine = make_engine(f"sqlite:///{tracker_db}")
    store = FeedbackStore(engine)
    for rating, reply in ((UP, "goed"), (UP, "goed"), (DOWN, "slecht"), (DOWN, "slecht"), (UP, "slecht"),
                          (DOWN, "matig"), (UP, "matig")):
        store.add("c", rating, reply, None)
    store.add("c", DOWN, "slecht", "klopt niet")
    worst = store.worst()
    assert [(a.reply, a.downs, a.ups) for a in worst] == [("slecht", 3, 1), ("matig", 1, 1), ("goed", 0, 2)]
    assert worst[0].comments == ("klopt niet",)
    engine.dispose()


def test_the_console_lists_the_worst_answer_first(console: ConsoleEnv) -> None:
    engine = create_engine(console.url)
    store = FeedbackStore(engine)
    store.add("c1", UP, "zqgoedantwoord", None)
    store.add("c1", DOWN, "zqslechtantwoord", "zqopmerking")
    engine.dispose()
    page = console.as_role("reviewer").get("/feedback")
    assert page.status_code == 200
    assert page.text.index("zqslechtantwoord") < page.text.index("zqgoedantwoord")
    assert "zqopmerking" in page.text
    assert console.as_role("counsellor").get("/feedback").status_code in (302, 303, 403)
