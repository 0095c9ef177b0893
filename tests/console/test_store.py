"""The summary cache follows the tracker (new events, erased conversations); export and filter helpers."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, delete, inspect

from bot.console.app import create_app
from bot.console.conversations import fold, summarise
from bot.console.export import build_export, clean_example, existing_examples
from bot.console.queries import ConversationStore, Filters
from bot.console.settings import ConsoleSettings
from bot.console.signals import load_signals
from bot.console.tracker import Event, TrackerReader, events
from bot.console.users import create_user
from bot.store.db import Database
from tests.console.conftest import PASSWORD, login
from tests.console.seed import Conversation, write


def _conversation(name: str, text: str) -> Conversation:
    return (Conversation(name, time.time() - 60).begin().user(text, "greet", 0.9)
            .action("action_reply").bot("Hallo! Ik ben een bot.").action("action_listen"))


def test_store_picks_up_new_events_and_forgets_erased_conversations(new_database: str) -> None:
    engine = create_engine(new_database)
    reader = TrackerReader(engine=engine)
    store = ConversationStore(reader, load_signals())
    assert store.summaries() == []  # no events table yet: Rasa has not started
    first, second = _conversation("een", "hallo daar"), _conversation("twee", "goedemorgen")
    write(engine, [first])
    assert [s.conversation_id for s in store.summaries()] == [first.id]
    write(engine, [second])
    assert {s.conversation_id for s in store.summaries()} == {first.id, second.id}
    more = Conversation("een", time.time()).user("nog een vraag", "ask_privacy", 0.8)
    write(engine, [more])
    assert store.get(first.id).messages == 2 and "nog een vraag" in store.get(first.id).search_text
    with engine.begin() as connection:
        connection.execute(delete(events).where(events.c.sender_id == first.id))
    assert [s.conversation_id for s in store.summaries()] == [second.id]
    assert store.get(second.id).messages == 1  # rebuilt, not counted twice
    engine.dispose()


def test_latency_is_time_to_first_reply() -> None:
    conversation = (Conversation("latency", 1000.0).user("hoi", "greet").action("action_reply")
                    .bot("Hallo", delay=0.25).bot("Nog iets", delay=3.0))
    [summary] = summarise([_as_event(row, n) for n, row in enumerate(conversation.rows, 1)], load_signals()).values()
    # user -> featurization, language slot, action (0.05 s each) -> first reply 0.25 s later
    assert len(summary.latencies) == 1 and abs(summary.latencies[0] - 0.40) < 1e-6


def _as_event(row: dict[str, Any], event_id: int) -> Event:
    return Event(event_id, row["sender_id"], row["type_name"], row["timestamp"], row["action_name"] or "",
                 json.loads(row["data"]))


def test_fold_ignores_case_diacritics_and_spacing() -> None:
    assert fold("  Één   Vraag\tover ZIJN  ") == "een vraag over zijn"


def test_filters_ignore_malformed_parameters() -> None:
    filters = Filters.from_params({"date_from": "gisteren", "safety": "<b>", "fallback": "ja", "q": "x" * 500})
    assert (filters.date_from, filters.safety, filters.fallback, len(filters.q)) == (None, "", "", 200)


def test_clean_example_never_reads_as_entity_markup() -> None:
    assert clean_example("bel [NAAM](06) nu\nalstublieft") == "bel [NAAM] (06) nu alstublieft"
    assert clean_example("[ADRES]{x} en [NAAM][y]") == "[ADRES] {x} en [NAAM] [y]"


def test_build_export_skips_what_nlu_already_has() -> None:
    existing = existing_examples()
    known_text, known_intent = next(iter(existing.items()))
    other_intent = "greet" if known_intent != "greet" else "goodbye"
    text, counts = build_export([(known_text, known_intent), ("een nieuwe zin die nergens staat", "ask_privacy"),
                                 ("Een nieuwe  zin die nergens staat ", "ask_privacy")], existing)
    assert counts == {"exported": 1, "already_in_nlu": 1, "conflicts": 0, "duplicates": 1}
    data = yaml.safe_load(text)
    assert data["nlu"] == [{"intent": "ask_privacy", "examples": "- een nieuwe zin die nergens staat\n"}]
    _, counts = build_export([(known_text, other_intent)], existing)
    assert counts == {"exported": 0, "already_in_nlu": 0, "conflicts": 1, "duplicates": 0}


def test_existing_examples_reads_nlu_yml() -> None:
    existing = existing_examples()
    assert len(existing) > 500
    assert existing[fold("hallo")] == "greet"


def test_console_tables_can_live_in_another_database(tmp_path: Path) -> None:
    tracker_url, console_url = f"sqlite:///{tmp_path / 'tracker.db'}", f"sqlite:///{tmp_path / 'console.db'}"
    tracker = create_engine(tracker_url)
    conversation = _conversation("apart", "hallo vanuit een andere database")
    write(tracker, [conversation])
    app = create_app(ConsoleSettings(db_url=console_url, tracker_url=tracker_url))
    with TestClient(app):
        database = Database(console_url)
        with database.sessions() as db:
            create_user(db, "apart", PASSWORD, "reviewer")
        database.dispose()
        assert conversation.id in login(app, "apart").get("/conversations?q=andere+database").text
    assert inspect(tracker).get_table_names() == ["events"]  # the tracker database is only read
    tracker.dispose()
