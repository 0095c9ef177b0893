"""Erasure over HTTP and "/wis", the purge schedule, the purge/erase commands and the sender-key file."""
from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, func, select

from bot.chat import erase as service
from bot.privacy import keys
from bot.privacy.db import make_engine
from tests.privacy.test_retention import DAY, schema

ROOT = Path(__file__).resolve().parents[2]
KEY = "service-test-key-0123456789abcdef"


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "tracker.db"
    monkeypatch.setenv("WEGWIJS_TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("WEGWIJS_TRACKER_DB", str(path))
    monkeypatch.setenv("WEGWIJS_SENDER_KEY", KEY)
    engine = make_engine(f"sqlite:///{path}")
    metadata = MetaData()
    tables = schema(metadata)
    metadata.create_all(engine)
    with engine.begin() as connection:
        for sender, age_days in (("web-1", 0), ("web-2", 0), ("web-old", 45)):
            for _ in range(2):
                connection.execute(tables["events"].insert().values(
                    sender_id=keys.hash_sender(sender, KEY.encode()), type_name="user",
                    timestamp=time.time() - age_days * DAY))
    engine.dispose()
    return path


def count(path: Path) -> int:
    engine = make_engine(f"sqlite:///{path}")
    events = schema(MetaData())["events"]
    with engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(events)).scalar_one()
    engine.dispose()
    return total


@pytest.fixture
def client(database: Path) -> TestClient:
    app = FastAPI()
    app.include_router(service.router)
    return TestClient(app)


def test_erase_endpoint(client, database):
    response = client.post("/conversations/erase", json={"sender": "web-1"})
    assert response.status_code == 200 and response.json() == {"erased": 2}
    assert count(database) == 4
    assert client.post("/conversations/erase", json={"sender": "web-1"}).json() == {"erased": 0}


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"sender": ""}', b'{"sender": 5}', b"{}",
                                  b'{"sender": "' + b"x" * 5000 + b'"}'])
def test_erase_endpoint_rejects_bad_requests(client, database, body):
    response = client.post("/conversations/erase", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400 and "sender" in response.json()["error"]
    assert count(database) == 6


def test_wis_command_erases_and_answers_in_the_language_of_the_command(database):
    app = FastAPI()
    assert service.erase_command_language(" /WIS ") == "nl"
    assert service.erase_command_language("/erase") == "en"
    assert service.erase_command_language("wis mijn gegevens") is None
    reply = asyncio.run(service.erase_reply(app, "web-2", "nl"))
    assert "gewist" in reply[0]["text"] and "112" in reply[0]["text"]
    assert count(database) == 4
    app.state.privacy_engine.dispose()


def test_the_schedule_purges_at_start_and_keeps_running(database, monkeypatch):
    monkeypatch.setenv("WEGWIJS_RETENTION_DAYS", "30")
    monkeypatch.setenv("WEGWIJS_PURGE_INTERVAL_S", "0.05")
    app = FastAPI()

    async def scenario() -> bool:
        service.install(app)
        await asyncio.sleep(0.3)
        alive = not app.state.purge_task.done()
        await service.uninstall(app)
        return alive

    assert asyncio.run(scenario())
    assert count(database) == 4  # only web-old was older than 30 days


def test_the_schedule_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("WEGWIJS_PURGE_INTERVAL_S", "0")
    app = FastAPI()

    async def scenario() -> None:
        service.install(app)
        assert app.state.purge_task is None
        await service.uninstall(app)

    asyncio.run(scenario())


@pytest.mark.parametrize("value", ["-1", "abc"])
def test_bad_settings_stop_with_a_clear_message(monkeypatch, value):
    monkeypatch.setenv("WEGWIJS_RETENTION_DAYS", value)
    with pytest.raises(SystemExit, match="WEGWIJS_RETENTION_DAYS"):
        service.retention_days()


def _bot(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env})


def test_purge_and_erase_commands(database):
    env = {"WEGWIJS_TRACKER_DIALECT": "sqlite", "WEGWIJS_TRACKER_DB": str(database), "WEGWIJS_SENDER_KEY": KEY}
    purged = _bot("purge", env={**env, "WEGWIJS_RETENTION_DAYS": "30"})
    assert purged.returncode == 0, purged.stderr
    assert "Purged 1 conversation(s) older than 30 days (2 rows)" in purged.stdout
    erased = _bot("erase", "web-1", env=env)
    assert erased.returncode == 0 and "Erased 2 row(s)" in erased.stdout
    everything = _bot("purge", "--days", "0", env=env)
    assert "Purged 1 conversation(s)" in everything.stdout and count(database) == 0


def test_key_file_is_created_once_with_owner_only_access(tmp_path, monkeypatch):
    monkeypatch.delenv(keys.KEY_ENV, raising=False)
    path = tmp_path / "sub" / keys.KEY_FILE_NAME
    first = keys.ensure_key_file(path)
    assert len(first) == 64 and keys.ensure_key_file(path) == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert keys.sender_key(path) == first.encode()
    assert keys.hash_sender("a", first.encode()) != keys.hash_sender("a", b"another-key-0123456789")


def test_key_from_the_environment_wins_and_must_be_long_enough(monkeypatch):
    monkeypatch.setenv(keys.KEY_ENV, KEY)
    assert keys.sender_key() == KEY.encode()
    monkeypatch.setenv(keys.KEY_ENV, "short")
    with pytest.raises(SystemExit, match="at least"):
        keys.sender_key()
