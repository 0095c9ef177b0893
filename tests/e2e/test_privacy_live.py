"""Privacy through the whole running stack: personal data never reaches a file (tracker database with its
journal, every log), "/wis", the erase endpoint and the widget's "Wis dit gesprek" button erase a conversation."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import inspect, text

from bot.operate.launcher import Stack, _sender_key
from bot.privacy.db import make_engine, tracker_url
from bot.privacy.keys import hash_sender

pytestmark = pytest.mark.e2e
CHROMIUM = Path("/usr/bin/chromium")
MESSAGES = [
    "Hallo, ik heet Sanne Kuipers, mijn nummer is 06-13572468 en mijn mail is sanne.kuipers77@example.nl",
    "Mijn buurman Henk Jorritsma slaat zijn vrouw, wat kan ik doen?",
    "Ik woon op de Lindenlaan 14, 3581 KX Utrecht en mijn bsn is 628194821",
]
RAW = ["Kuipers", "06-13572468", "13572468", "sanne.kuipers77", "Jorritsma", "Lindenlaan 14", "3581 KX", "628194821"]


def post(stack: Stack, sender: str, message: str) -> list[str]:
    response = httpx.post(f"{stack.settings.web_url}/webhooks/rest/webhook",
                          json={"sender": sender, "message": message}, timeout=60)
    response.raise_for_status()
    return [reply.get("text", "") for reply in response.json()]


def stored_rows(stack: Stack, sender: str) -> list[str]:
    """Every stored row (any table) that belongs to the conversation of `sender`, as JSON."""
    hashed = hash_sender(sender, _sender_key(stack.settings).encode())
    engine = make_engine(tracker_url(stack.settings))
    found = []
    try:
        with engine.connect() as connection:
            for table in inspect(engine).get_table_names():
                for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                    line = json.dumps([table, *row], default=str, ensure_ascii=False)
                    if hashed in line or sender in line:
                        found.append(line)
    finally:
        engine.dispose()
    return found


def var_files(stack: Stack) -> list[Path]:
    assert stack.log_dir is not None
    roots = {stack.log_dir.parent, Path(stack.settings.tracker_db).parent}
    return sorted(path for root in roots for path in root.rglob("*") if path.is_file())


def test_personal_data_never_reaches_a_file(stack):
    sender = f"privacy-{uuid.uuid4()}"
    for message in MESSAGES:
        assert post(stack, sender, message)
    rows = stored_rows(stack, sender)
    assert rows and any("[NAAM]" in row for row in rows) and any("[TELEFOON]" in row for row in rows)
    # Rasa's parse data carries the message's e5 vector for the action server; it is never stored.
    assert any('\\"intent\\"' in row or '"intent"' in row for row in rows)
    assert not any("query_vector" in row for row in rows)
    files = var_files(stack)
    assert any(path.suffix == ".log" for path in files) and any(path.name == "tracker.db" for path in files)
    for path in files:
        content = path.read_bytes()
        for value in [*RAW, sender]:
            assert value.encode() not in content, f"{value!r} found in {path}"


def test_wis_erases_the_conversation_and_is_not_sent_to_rasa(stack):
    sender = f"privacy-{uuid.uuid4()}"
    post(stack, sender, MESSAGES[1])
    assert stored_rows(stack, sender)
    reply = " ".join(post(stack, sender, "/wis"))
    assert "gewist" in reply and "112" in reply
    assert stored_rows(stack, sender) == []
    assert post(stack, sender, "hallo")  # a new conversation starts normally afterwards


def test_erase_endpoint(stack):
    sender = f"privacy-{uuid.uuid4()}"
    post(stack, sender, "hallo")
    response = httpx.post(f"{stack.settings.web_url}/conversations/erase", json={"sender": sender}, timeout=30)
    assert response.status_code == 200 and response.json()["erased"] > 0
    assert stored_rows(stack, sender) == []
    bad = httpx.post(f"{stack.settings.web_url}/conversations/erase", json={"sender": ""}, timeout=30)
    assert bad.status_code == 400


def test_erase_button_in_the_browser(stack):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: scripts/setup.sh installs the Debian package 'chromium'")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1,localhost"})
        try:
            page = browser.new_page()
            page.goto(stack.settings.web_url)
            page.fill("#message", "mijn buurman slaat zijn vrouw")
            page.keyboard.press("Enter")
            page.wait_for_selector("#log li.bot", timeout=60_000)
            sender = page.evaluate("sessionStorage.getItem('wegwijs-sender')")
            assert stored_rows(stack, sender)
            button = page.get_by_role("button", name="Wis dit gesprek")
            page.once("dialog", lambda dialog: dialog.accept())
            button.click()
            sync_api.expect(page.locator("#status")).to_contain_text("gewist", timeout=30_000)
            assert page.locator("#log li").count() == 0
            assert page.evaluate("sessionStorage.getItem('wegwijs-sender')") != sender
            assert stored_rows(stack, sender) == []
        finally:
            browser.close()
