"""WEGWIJS_STORE=none: no conversation text at rest anywhere; Rasa keeps it in memory only (and forgets it
on erase), the database gets counts without text, the console shows only those counts."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from bot.console.app import create_app
from bot.console.settings import ConsoleSettings
from bot.privacy.logredact import structlog_processor
from tests.console.conftest import login

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"


@pytest.fixture(scope="module")
def memory_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    path = tmp_path_factory.mktemp("store-none") / "tracker.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false",
           "WEGWIJS_ACTION_URL": "http://127.0.0.1:9/webhook", "WEGWIJS_TRACKER_DIALECT": "sqlite",
           "WEGWIJS_TRACKER_DB": str(path), "WEGWIJS_TRACKER_HOST": "", "WEGWIJS_TRACKER_PORT": "",
           "WEGWIJS_TRACKER_USER": "", "WEGWIJS_TRACKER_PASSWORD": ""}
    done = subprocess.run([str(RASA_PYTHON), str(Path(__file__).with_name("rasa_memory_check.py"))], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), path


def test_the_conversation_lives_in_memory_only(memory_run):
    out, path = memory_run
    assert out["class"] == "CountingMemoryTrackerStore" and out["in_memory"]
    content = b"".join(p.read_bytes() for p in path.parent.iterdir())
    for value in (b"Brouwer", b"06-98765432", b"stiefvader", b"memory-1", b"Veilig Thuis: 0800"):
        assert value not in content


def test_erase_empties_the_memory(memory_run):
    assert memory_run[0]["after_forget"] is False


def test_only_counts_reach_the_database(memory_run):
    counts = {(kind, name): count for kind, name, count in memory_run[0]["counts"]}
    assert counts[("conversation", "gestart")] == 2
    assert counts[("intent", "report_abuse_self")] == 2
    assert counts[("pathway", "Veilig Thuis")] == 2 and counts[("pathway", "112 (acuut gevaar)")] == 2


def test_rasa_logs_leave_the_text_out(monkeypatch):
    monkeypatch.setenv("WEGWIJS_STORE", "none")
    line = structlog_processor(None, "error", {"event": "rest.message.received.timeout", "text": "ik ben bang"})
    assert "bang" not in json.dumps(line) and line["event"] == "rest.message.received.timeout"


def test_the_console_shows_only_counts(memory_run, monkeypatch):
    _, path = memory_run
    monkeypatch.setenv("WEGWIJS_STORE", "none")
    url = f"sqlite:///{path}"
    app = create_app(ConsoleSettings(db_url=url, tracker_url=url))
    with TestClient(app):
        from bot.console.users import create_user
        from bot.store.db import Database

        database = Database(url)
        with database.sessions() as db:
            create_user(db, "reviewer", "een-lang-wachtwoord-1234", "reviewer")
        database.dispose()
        page = login(app, "reviewer", "een-lang-wachtwoord-1234").get("/stats?date_from=2000-01-01")
        assert page.status_code == 200 and "alleen tellingen" in page.text
        assert "report_abuse_self" in page.text and "Veilig Thuis" in page.text
        assert '<td id="n-conversations">2</td>' in page.text
    with Database(url).engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM usage_counts")).scalar() >= 4


def test_structlog_exceptions_are_rendered_without_frame_locals():
    def fail(sender_id: str) -> None:
        raise RuntimeError("lock error")

    sender = "-".join(["raw", "sender", "1234"])  # in a local variable only, not in the source line
    try:
        fail(sender)
    except RuntimeError:
        line = structlog_processor(None, "error", {"event": "rest.message.received.failure", "exc_info": True})
    assert "exc_info" not in line and "RuntimeError: lock error" in line["exception"]
    assert sender not in json.dumps(line)
