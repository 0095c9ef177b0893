"""Handoff to a human through the real stack: gateway, Rasa, action server and the console inbox.

A person asks for a human -> consent -> summary -> queued; a counsellor logged in to the console (HTTP, CSRF
token) takes over; messages go both ways; the counsellor ends it and Rasa answers again with its context.
Without a counsellor the person gets the Veilig Thuis chat, open or closed (extra gateways with fixed hours).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

from bot.operate.launcher import Stack
from bot.settings import ROOT
from tests.support.postgres import free_port

pytestmark = pytest.mark.e2e

PASSWORD = "hulpverlener-wachtwoord-lang"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_HANDOFF_LINK = re.compile(r'href="/inbox/(\d+)"')


def csrf(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


class Person:
    """One chat user talking to a gateway."""

    def __init__(self, web_url: str) -> None:
        self.web_url = web_url
        self.sender = f"handoff-{uuid.uuid4().hex[:10]}"
        self.seen = 0

    def say(self, message: str) -> list[dict[str, Any]]:
        response = httpx.post(f"{self.web_url}/webhooks/rest/webhook", timeout=60,
                              json={"sender": self.sender, "message": message, "metadata": {"channel": "web"}})
        response.raise_for_status()
        return response.json()

    def texts(self, message: str) -> list[str]:
        return [reply["text"] for reply in self.say(message) if "text" in reply]

    def outbox(self, wait: float = 5.0) -> dict[str, Any]:
        response = httpx.get(f"{self.web_url}/conversations/outbox", timeout=wait + 30,
                             params={"sender": self.sender, "after": self.seen, "wait": wait})
        response.raise_for_status()
        box = response.json()
        self.seen = max([self.seen] + [m["id"] for m in box["messages"]])
        return box


class Counsellor:
    """A counsellor in the console, over plain HTTP with the session cookie and CSRF token."""

    def __init__(self, console_url: str, username: str) -> None:
        self.http = httpx.Client(base_url=console_url, follow_redirects=False, timeout=30)
        page = self.http.get("/login")
        response = self.http.post("/login", data={"username": username, "password": PASSWORD,
                                                  "csrf_token": csrf(page.text), "next": ""})
        assert response.status_code == 303, response.text

    def post(self, path: str, page: str, **data: str) -> httpx.Response:
        token = csrf(self.http.get(page).text)
        return self.http.post(path, data={"csrf_token": token, **data})

    def available(self, on: bool) -> None:
        assert self.post("/inbox/status", "/inbox", available="1" if on else "0").status_code == 303

    def waiting_handoff(self) -> int:
        ids = _HANDOFF_LINK.findall(self.http.get("/inbox").text)
        assert ids, "the handoff is not in the inbox"
        return int(ids[0])

    def messages(self, handoff_id: int) -> list[dict[str, Any]]:
        return self.http.get(f"/inbox/{handoff_id}/messages").json()["messages"]


@pytest.fixture(scope="module")
def counsellor(stack: Stack) -> Iterator[Counsellor]:
    from bot.console.settings import load_console_settings
    from bot.console.users import create_user
    from bot.store.db import Database

    username = f"hulp{uuid.uuid4().hex[:6]}"
    database = Database(load_console_settings().db_url)
    with database.sessions() as session:
        create_user(session, username, PASSWORD, "counsellor")
        session.commit()
    database.dispose()
    logged_in = Counsellor(stack.settings.console_url, username)
    yield logged_in
    logged_in.available(False)
    logged_in.http.close()


@pytest.fixture(scope="module")
def gateway_with_hours(stack: Stack) -> Iterator[Callable[[str], str]]:
    """Extra gateways on the same Rasa and database, each with fixed Veilig Thuis chat hours."""
    started: list[subprocess.Popen[bytes]] = []

    def start(hours: str) -> str:
        port = free_port()  # not web_port + 1: that may be the console's or another stack's port
        env = {**os.environ, "PYTHONPATH": str(ROOT), "WEGWIJS_RASA_URL": stack.settings.rasa_url,
               "WEGWIJS_VT_CHAT_HOURS": hours}
        process = subprocess.Popen([sys.executable, "-m", "uvicorn", "bot.chat.gateway:app",
                                    "--host", stack.settings.host, "--port", str(port), "--log-level", "warning"],
                                   cwd=ROOT, env=env)
        started.append(process)
        url = f"http://{stack.settings.host}:{port}"
        for _ in range(120):
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    return url
            except httpx.HTTPError:
                time.sleep(0.25)
        raise TimeoutError(f"extra gateway on {url} did not start")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def rasa_tracker(stack: Stack, sender: str) -> dict[str, Any]:
    response = httpx.get(f"{stack.settings.rasa_url}/conversations/{quote(sender, safe='')}/tracker",
                         params=stack.rasa_auth(), timeout=30)
    response.raise_for_status()
    return response.json()


def ask_for_a_person(person: Person) -> str:
    """Say who is asking, ask for a human, consent and return the summary shown."""
    person.texts("Ik werk als leerkracht op een basisschool.")
    first = person.texts("Kan ik met een echt mens praten?")
    assert any("bot" in t.lower() for t in first), first  # the bot says it is a bot
    assert "ja of nee" in first[-1], first
    review = person.texts("ja")
    assert "samenvatting" in review[0].lower() and "1 = versturen" in review[-1], review
    return review[0]


def test_live_relay_with_a_counsellor(stack: Stack, counsellor: Counsellor) -> None:
    counsellor.available(True)
    person = Person(stack.settings.web_url)
    summary = ask_for_a_person(person)
    assert "professional, sector: onderwijs" in summary and "wil met een mens praten" in summary

    queued = person.say("1")
    assert any(r.get("custom", {}).get("handoff", {}).get("state") == "waiting" for r in queued), queued
    assert rasa_tracker(stack, person.sender)["paused"] is True
    waiting_text = person.texts("Is er al iemand? Bel me niet op 0612345678")
    assert any("geduld" in t for t in waiting_text)

    handoff_id = counsellor.waiting_handoff()
    page = counsellor.http.get(f"/inbox/{handoff_id}").text
    assert "professional" in page  # the counsellor sees the summary
    assert counsellor.post(f"/inbox/{handoff_id}/take", f"/inbox/{handoff_id}").status_code == 303
    assert counsellor.post(f"/inbox/{handoff_id}/reply", f"/inbox/{handoff_id}",
                           message="Hallo, ik ben een hulpverlener van Wegwijs. Waar maak je je zorgen over?"
                           ).status_code == 303

    box = person.outbox()
    assert box["state"] == "handed_off"
    assert [m["from"] for m in box["messages"]] == ["bot", "counsellor"]
    assert "Waar maak je je zorgen over?" in box["messages"][1]["text"]

    assert person.say("Een leerling komt steeds met blauwe plekken op school.") == [
        {"recipient_id": person.sender, "custom": {"handoff": {"state": "handed_off"}}}]
    from_person = [m for m in counsellor.messages(handoff_id) if m["from"] == "user"]
    assert from_person[0]["text"] == "Is er al iemand? Bel me niet op [TELEFOON]"  # redacted, not dropped
    assert from_person[-1]["text"] == "Een leerling komt steeds met blauwe plekken op school."
    # Nothing of the live chat went to Rasa.
    assert all("blauwe plekken" not in (e.get("text") or "") for e in rasa_tracker(stack, person.sender)["events"])

    acute = person.texts("help hij komt nu binnen met een mes")
    assert "112" in acute[0]  # the safety net answers while Rasa is paused
    assert counsellor.messages(handoff_id)[-1]["safety"] == "acute"

    assert counsellor.post(f"/inbox/{handoff_id}/end", f"/inbox/{handoff_id}").status_code == 303
    ended = person.outbox()
    assert ended["state"] == "normal" and "weer met Wegwijs" in ended["messages"][-1]["text"]
    tracker = rasa_tracker(stack, person.sender)
    assert tracker["paused"] is False
    assert [e["event"] for e in tracker["events"] if e["event"] in ("pause", "resume")] == ["pause", "resume"]

    # Rasa answers again and still knows who is asking: the profession given before the handoff picks the answer.
    assert tracker["slots"]["role"] == "professional" and tracker["slots"]["sector"] == "onderwijs"
    again = " ".join(person.texts("Welk afwegingskader hoort bij mijn beroep?")).lower()
    assert "onderwijs" in again, again


def test_no_counsellor_veilig_thuis_chat_open(stack: Stack, counsellor: Counsellor,
                                              gateway_with_hours: Callable[[str], str]) -> None:
    counsellor.available(False)
    person = Person(gateway_with_hours("mon-sun 00:00-24:00"))
    ask_for_a_person(person)
    referral = "\n".join(person.texts("1"))
    assert "veiligthuis.nl" in referral and "meestal open" in referral and "nu open" not in referral
    assert "in de chat plakken" in referral and "wil met een mens praten" in referral
    assert rasa_tracker(stack, person.sender)["paused"] is False


def test_no_counsellor_veilig_thuis_chat_closed(stack: Stack, counsellor: Counsellor,
                                                gateway_with_hours: Callable[[str], str]) -> None:
    counsellor.available(False)
    person = Person(gateway_with_hours("closed"))
    ask_for_a_person(person)
    referral = "\n".join(person.texts("3"))  # continue without a summary
    assert "nu dicht" in referral and "0800-2000" in referral and "112" in referral
    assert "plakken" not in referral


def test_handoff_in_the_web_widget(stack: Stack, counsellor: Counsellor) -> None:
    """Headless Chromium (Debian's): answer buttons, then counsellor messages appear in the chat."""
    chromium_path = Path("/usr/bin/chromium")
    if not chromium_path.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: scripts/setup.sh installs Debian's chromium")
    counsellor.available(True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path), headless=True)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
                if response.status >= 400 and not response.url.endswith("/favicon.ico") else None)
        page.goto(stack.settings.web_url)
        box = page.locator("#message")
        box.fill("Kan ik met een echt mens praten?")
        box.press("Enter")
        page.get_by_role("button", name="Ja", exact=True).click()
        page.get_by_role("button", name="Versturen").click()
        expect(page.locator("#log li.bot").last).to_contain_text("hulpverlener", timeout=30000)

        handoff_id = counsellor.waiting_handoff()
        counsellor.post(f"/inbox/{handoff_id}/take", f"/inbox/{handoff_id}")
        counsellor.post(f"/inbox/{handoff_id}/reply", f"/inbox/{handoff_id}", message="Hoi, ik lees met je mee.")
        expect(page.locator("#log li.counsellor")).to_contain_text("Hoi, ik lees met je mee.", timeout=30000)
        box.fill("Fijn, dank je.")
        box.press("Enter")
        expect(page.locator("#log li.user").last).to_contain_text("Fijn, dank je.")
        for _ in range(40):
            if any(m["text"] == "Fijn, dank je." for m in counsellor.messages(handoff_id)):
                break
            time.sleep(0.25)
        else:
            pytest.fail("the person's message did not reach the counsellor")
        counsellor.post(f"/inbox/{handoff_id}/end", f"/inbox/{handoff_id}")
        expect(page.locator("#log li.bot").last).to_contain_text("weer met Wegwijs", timeout=30000)
        browser.close()
    assert errors == []
