"""Conversation list filters, full-text search, the conversation view and its audit entry."""
from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from bot.console.app import create_app
from bot.console.catalog import entry_titles
from bot.console.queries import TIMEZONE
from bot.console.settings import ConsoleSettings
from bot.console.users import create_user
from bot.store.console_models import AuditEntry
from bot.store.db import Database
from tests.console.conftest import PASSWORD, ConsoleEnv, csrf_token, login
from tests.console.seed import DAY, Conversation, write

NAMES = ("acute", "english", "professional", "human", "markup", "suicide")
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"


def listed(console: ConsoleEnv, query: str = "") -> set[str]:
    """Names of the seeded conversations the list shows for `query`."""
    response = console.as_role("reviewer").get(f"/conversations?{query}")
    assert response.status_code == 200
    ids = set(re.findall(r'href="/conversations/([0-9a-f]{64})', response.text))
    return {name for name in NAMES if console.id(name) in ids}


def _day(days_ago: float) -> str:
    return dt.datetime.fromtimestamp(time.time() - days_ago * DAY, TIMEZONE).date().isoformat()


@pytest.mark.parametrize(("query", "expected"), [
    ("", set(NAMES)),
    ("safety=yes", {"acute", "suicide"}),
    ("safety=acute", {"acute"}),
    ("safety=suicide", {"suicide"}),
    ("safety=no", {"english", "professional", "human", "markup"}),
    ("fallback=yes", {"english"}),
    ("handoff=yes", {"human"}),
    ("language=en", {"english"}),
    ("channel=telegram", {"english"}),
    ("channel=web", {"acute"}),
    ("channel=cli", {"professional"}),
    ("channel=rest", {"human", "markup", "suicide"}),
    ("intent=ask_meldcode_step", {"professional"}),
    ("intent=situation_victim&safety=no", {"human"}),
    ("safety=bogus&fallback=maybe", set(NAMES)),  # malformed values are ignored
])
def test_filters(console: ConsoleEnv, query: str, expected: set[str]) -> None:
    assert listed(console, query) == expected


def test_date_filter(console: ConsoleEnv) -> None:
    assert listed(console, f"date_from={_day(1)}") == {"acute", "human", "markup", "suicide"}
    assert listed(console, f"date_from={_day(11)}&date_to={_day(5)}") == {"professional"}
    assert listed(console, f"date_to={_day(1.5)}") == {"english", "professional"}
    assert listed(console, "date_from=not-a-date") == set(NAMES)


@pytest.mark.parametrize(("q", "expected"), [
    ("MES", {"acute"}),                     # case-insensitive, user text
    ("een vraag", {"markup"}),             # diacritics-insensitive ("Één")
    ("0800-0113", {"suicide"}),            # bot replies are searched too
    ("[naam]", {"human"}),                 # redaction placeholders
    ("veilig thuis 0800-2000", {"acute", "professional", "human"}),  # every word must occur
    ("komt nergens voor", set()),
])
def test_full_text_search(console: ConsoleEnv, q: str, expected: set[str]) -> None:
    assert listed(console, f"q={q}") == expected


def test_view_shows_intent_confidence_and_retrieved_knowledge(console: ConsoleEnv) -> None:
    page = console.as_role("reviewer").get(f"/conversations/{console.id('acute')}").text
    assert "help hij heeft een mes" in page
    assert "situation_victim" in page and "0.87" in page
    assert "vangnet: acute" in page
    assert console.entry_id in page and str(entry_titles()[console.entry_id]) in page
    assert "Veilig Thuis is dag en nacht bereikbaar" in page


def test_message_markup_is_escaped(console: ConsoleEnv) -> None:
    client = console.as_role("reviewer")
    for page in (client.get("/conversations").text, client.get(f"/conversations/{console.id('markup')}").text):
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(" in page


@pytest.fixture
def hostile(new_database: str) -> Iterator[tuple[TestClient, Conversation]]:
    """A console of its own (the shared one has fixed counts) with one conversation of markup, both ways."""
    conversation = (Conversation("hostile", time.time() - 60).begin().user(HOSTILE, "out_of_scope", 0.4)
                    .action("action_reply").bot(f"Je schreef: {HOSTILE}").action("action_listen"))
    engine = create_engine(new_database)
    write(engine, [conversation])
    engine.dispose()
    app = create_app(ConsoleSettings(db_url=new_database, tracker_url=new_database))
    with TestClient(app):
        database = Database(new_database)
        with database.sessions() as db:
            create_user(db, "reviewer", PASSWORD, "reviewer")
        database.dispose()
        yield login(app, "reviewer"), conversation


def test_event_handler_markup_in_user_and_bot_text_is_escaped_everywhere(hostile) -> None:
    client, conversation = hostile
    url = f"/conversations/{conversation.id}"
    view = client.get(url).text
    event_id = re.findall(r'name="event_id" value="(\d+)"', view)[0]
    assert client.post(f"{url}/annotate", data={"event_id": event_id, "intent": "out_of_scope",
                                                "csrf_token": csrf_token(view)}).status_code == 303
    pages = {"list": client.get("/conversations").text, "view": client.get(url).text,
             "annotations": client.get("/annotations").text}
    for name, page in pages.items():
        assert ESCAPED in page, name
        outside = page.replace(ESCAPED, "")
        assert "<script>alert" not in outside and "onerror" not in outside, name
    assert pages["view"].count(ESCAPED) == 2  # the user's message and the bot's echo of it


def test_opening_a_conversation_is_audited(console: ConsoleEnv) -> None:
    console.as_role("admin").get(f"/conversations/{console.id('suicide')}")
    database = Database(console.url)
    with database.sessions() as db:
        entries = list(db.scalars(select(AuditEntry).where(AuditEntry.action == "open_conversation",
                                                           AuditEntry.conversation_id == console.id("suicide"))))
    database.dispose()
    assert entries and entries[-1].username == "admin"
    assert all("leven" not in entry.detail for entry in entries)  # no message text in the audit log
    audit_page = console.as_role("admin").get(f"/audit?action=open_conversation&conversation={console.id('suicide')}")
    assert console.id("suicide") in audit_page.text


def test_unknown_conversation_is_404(console: ConsoleEnv) -> None:
    assert console.as_role("reviewer").get("/conversations/" + "0" * 64).status_code == 404
