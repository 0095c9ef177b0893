"""The redacting tracker store, for real: Rasa's classes in the Rasa venv write to SQLite and to PostgreSQL
(configured through endpoints.yml), then this side checks every stored row and erases the conversation."""
from __future__ import annotations

import json
import os
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from bot.privacy.db import make_engine, tracker_url
from bot.privacy.keys import hash_sender
from bot.privacy.retention import erase
from tests.support.postgres import PostgresServer

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"
CHECK = Path(__file__).with_name("rasa_store_check.py")
KEY = "test-sender-key-" + "x" * 16
RAW_PII = ["Sanne", "Visser", "06-12345678", "sanne.visser@example.nl", "628194821", "Kerkstraat 12", "1234 AB"]


def _run_check(env: dict[str, str], sender: str) -> dict[str, Any]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false",
                "WEGWIJS_SENDER_KEY": KEY, "WEGWIJS_ACTION_URL": "http://127.0.0.1:9/webhook",
                "WEGWIJS_TRACKER_HOST": "", "WEGWIJS_TRACKER_PORT": "", "WEGWIJS_TRACKER_USER": "",
                "WEGWIJS_TRACKER_PASSWORD": "", "WEGWIJS_TRACKER_SSLMODE": "", "WEGWIJS_TRACKER_SSLROOTCERT": "",
                **env}
    result = subprocess.run([str(RASA_PYTHON), str(CHECK), sender], env=full_env, capture_output=True, text=True,
                            timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The check's output and the SQLAlchemy URL of its database, once per database."""
    sender = f"web-{uuid.uuid4()}"
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("store") / "tracker.db"
        env = {"WEGWIJS_TRACKER_DIALECT": "sqlite", "WEGWIJS_TRACKER_DB": str(path)}
        url = f"sqlite:///{path}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        url = server.create_database("wegwijs_store")
        env = {"WEGWIJS_TRACKER_DIALECT": "postgresql", "WEGWIJS_TRACKER_DB": "wegwijs_store",
               "WEGWIJS_TRACKER_HOST": server.host, "WEGWIJS_TRACKER_PORT": str(server.port),
               "WEGWIJS_TRACKER_USER": server.user, "WEGWIJS_TRACKER_PASSWORD": server.password}
    return {"sender": sender, "url": url, "env": env, "out": _run_check(env, sender), "dialect": request.param}


def _stored_text(out: dict[str, Any]) -> str:
    return json.dumps(out["rows"], ensure_ascii=False)


def test_the_configured_store_is_the_redacting_one(stored):
    assert stored["out"]["store_class"] == "RedactingTrackerStore"


def test_no_personal_data_or_raw_sender_id_is_stored(stored):
    written = _stored_text(stored["out"])
    for value in [*RAW_PII, stored["sender"]]:
        assert value not in written, value
    for placeholder in ("[NAAM]", "[TELEFOON]", "[EMAIL]", "[BSN]", "[ADRES]", "[POSTCODE]"):
        assert placeholder in written
    assert "0800-2000" in written and "112" in written  # helplines stay


def test_sender_id_is_stored_as_its_keyed_hash(stored):
    expected = hash_sender(stored["sender"], KEY.encode())
    assert stored["out"]["keys"] == [expected]
    assert {row[1] for row in stored["out"]["rows"]["events"]} == {expected}


def test_the_live_turn_keeps_the_text_and_the_conversation_is_found_again(stored):
    out = stored["out"]
    assert "06-12345678" in out["live_text"]  # the actions see what the user typed during the turn
    assert out["retrieved_sender"] == stored["sender"]
    assert out["retrieved_user_texts"][0].startswith("Ik heet [NAAM], bel me op [TELEFOON]")
    assert out["retrieved_bot_texts"] == [
        "Dank je [NAAM]. Ik bel je niet op [TELEFOON]: bel zelf Veilig Thuis op 0800-2000 of 112."]
    assert out["retrieved_slot"] == "[NAAM], [TELEFOON]"
    assert out["unknown_sender"]


def test_a_second_save_appends_only_the_new_event(stored):
    turn, stored_first, full = stored["out"]["event_counts"]
    assert stored_first == turn
    assert full == turn + 1 == len(stored["out"]["rows"]["events"])


def test_erase_leaves_nothing_of_the_conversation(stored, monkeypatch):
    for name, value in stored["env"].items():  # the app side finds the database from the same variables
        monkeypatch.setenv(name, value)
    url = tracker_url()
    assert url.render_as_string(hide_password=False) == stored["url"]
    engine = make_engine(url)
    hashed = hash_sender(stored["sender"], KEY.encode())
    try:
        assert erase(engine, stored["sender"], KEY.encode()) == len(stored["out"]["rows"]["events"])
        with engine.connect() as connection:
            for table in inspect(engine).get_table_names():
                rows = connection.execute(text(f'SELECT * FROM "{table}"')).fetchall()
                assert not any(hashed in json.dumps(list(row), default=str) for row in rows), table
    finally:
        engine.dispose()
