"""The console in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against a real
uvicorn server: log in, filter, open a conversation, annotate, export."""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
import yaml
from sqlalchemy import create_engine

from bot.console.app import create_app
from bot.console.catalog import entry_titles
from bot.console.settings import ConsoleSettings
from bot.console.users import create_user
from bot.store.db import Database
from tests.console.conftest import PASSWORD, fresh_database
from tests.console.seed import Conversation, standard_conversations, write

CHROMIUM = Path("/usr/bin/chromium")
PORTS = range(22080, 22100)


def _free_port() -> int:
    for port in PORTS:
        with contextlib.closing(socket.socket()) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


@pytest.fixture(scope="module")
def served(request: pytest.FixtureRequest, backend: str,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Conversation]]]:
    """A console with its own seeded database, served by uvicorn on loopback."""
    url = fresh_database(request, backend, tmp_path_factory.mktemp("browser"))
    conversations = standard_conversations(next(iter(entry_titles())))
    engine = create_engine(url)
    write(engine, list(conversations.values()))
    engine.dispose()
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ConsoleSettings(db_url=url, tracker_url=url)),
                                           host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    _wait_until_up(f"{base}/health")
    database = Database(url)
    with database.sessions() as db:
        create_user(db, "reviewer", PASSWORD, "reviewer")
    database.dispose()
    yield base, conversations
    server.should_exit = True
    thread.join(timeout=10)


def _wait_until_up(url: str, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        time.sleep(0.1)
    raise TimeoutError(f"console did not start at {url}")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: scripts/setup.sh installs Debian's chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()


def test_log_in_filter_open_annotate_export(served: tuple[str, dict[str, Conversation]], browser: object,
                                            tmp_path: Path) -> None:
    base, conversations = served
    context = browser.new_context(accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

    page.goto(f"{base}/conversations")
    assert "/login" in page.url
    page.get_by_label("Gebruikersnaam").fill("reviewer")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/conversations")
    assert page.locator("table.list tbody tr").count() == len(conversations)

    page.get_by_label("Vangnet").select_option("suicide")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**/conversations?*safety=suicide*")
    rows = page.locator("table.list tbody tr")
    assert rows.count() == 1 and "ik wil niet meer leven" in rows.first.inner_text()

    rows.first.locator("a.open").click()
    page.wait_for_url(f"**/conversations/{conversations['suicide'].id}*")
    assert page.get_by_role("heading", name="Gesprek").is_visible()
    assert "situation_victim" in page.locator(".nlu").first.inner_text()

    page.get_by_label("Juiste intent").select_option("situation_child")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector(".saved")
    assert "situation_child" in page.locator(".saved").inner_text()

    page.get_by_role("link", name="Annotaties").click()
    page.wait_for_url(f"{base}/annotations")
    assert "ik wil niet meer leven" in page.locator("table.list").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exporteren als Rasa NLU YAML").click()
    saved = tmp_path / "export.yml"
    download_info.value.save_as(saved)
    exported = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert {"intent": "situation_child", "examples": "- ik wil niet meer leven\n"} in exported["nlu"]
    assert errors == []  # no CSP violations or script errors
    context.close()
