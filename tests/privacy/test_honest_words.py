"""What the widget and the texts say about storage matches what the code does: kept redacted for the
retention period (or not at all with WEGWIJS_STORE=none), names removed "as well as we can", how to erase;
never a promise the redactor cannot keep."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.chat import gateway

ROOT = Path(__file__).resolve().parents[2]
TEXT_FILES = [ROOT / "bot" / "chat" / "web" / "index.html", ROOT / "bot" / "chat" / "web" / "erase.js",
              ROOT / "bot" / "chat" / "messages.yml",
              ROOT / "bot" / "chat" / "handoff" / "texts.yml", ROOT / "bot" / "chat" / "handoff" / "summary.yml",
              ROOT / "bot" / "channels" / "texts.yml"]
PROMISES = re.compile(r"zonder namen|without names|geen namen (worden )?(op)?geslagen|no names are stored|"
                      r"nummers en adressen, en|volledig anoniem|fully anonymous", re.IGNORECASE)


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("WEGWIJS_TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("WEGWIJS_TRACKER_DB", str(tmp_path / "tracker.db"))
    monkeypatch.setenv("WEGWIJS_PURGE_INTERVAL_S", "0")
    monkeypatch.delenv("WEGWIJS_CONSOLE_DB_URL", raising=False)

    def get(**env: str) -> str:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        with TestClient(gateway.app) as client:
            return client.get("/").text

    return get


def test_the_page_says_what_is_kept_for_how_long_and_how_to_erase(page):
    text = page(WEGWIJS_STORE="redacted", WEGWIJS_RETENTION_DAYS="30")
    assert "30 dagen" in text and "zo goed als het kan" in text and "/wis" in text and "Wis dit gesprek" in text
    assert "<!--storage-->" not in text


def test_the_page_follows_the_retention_setting(page):
    assert "7 dagen" in page(WEGWIJS_STORE="redacted", WEGWIJS_RETENTION_DAYS="7")


def test_store_nothing_says_nothing_is_kept(page):
    text = page(WEGWIJS_STORE="none")
    assert "bewaart dit gesprek niet" in text and "30 dagen" not in text


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_no_text_promises_more_than_the_redactor_can_keep(path):
    assert not PROMISES.search(path.read_text(encoding="utf-8"))
