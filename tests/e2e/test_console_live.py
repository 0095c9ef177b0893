"""The console as the start command runs it, reading conversations that went through the real stack."""
from __future__ import annotations

import os
import random
import re
import string
import subprocess
import sys
from collections.abc import Callable

import httpx
import pytest

from bot.operate.launcher import Stack
from bot.settings import ROOT

pytestmark = pytest.mark.e2e

PASSWORD = "live-console-wachtwoord"


def _marker() -> str:
    """A unique code: nothing a redactor would take for personal data (an unknown lowercase word may be a name
    to it; letters and seven digits are neither a name nor a phone number)."""
    return "zq" + "".join(random.choices(string.digits, k=7))


def _console_client(stack: Stack) -> httpx.Client:
    name = f"live{_marker()}"
    created = subprocess.run([sys.executable, "-m", "bot", "console", "create-admin", name, "--password-stdin"],
                             input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT, timeout=120,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert created.returncode == 0, created.stderr
    client = httpx.Client(base_url=stack.settings.console_url, timeout=30)
    login_page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', login_page.text).group(1)
    response = client.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 303, response.text
    return client


def test_console_lists_and_shows_a_live_conversation(stack: Stack, chat: Callable[[str], list[str]]) -> None:
    marker = _marker()
    chat(f"help hij heeft een mes en staat voor de deur {marker}")
    chat("wat doet veilig thuis")
    client = _console_client(stack)
    listing = client.get("/conversations", params={"q": marker, "safety": "acute"})
    ids = set(re.findall(r'href="/conversations/([^"?]+)', listing.text))
    assert len(ids) == 1, listing.text[-3000:]
    page = client.get(f"/conversations/{ids.pop()}").text
    assert marker in page
    assert "vangnet: acute" in page
    assert page.count('name="event_id"') == 2  # both user messages, each with its intent and confidence
    assert re.search(r'class="confidence">0\.\d\d<', page)
    client.close()
