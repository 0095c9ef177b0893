"""Nothing raw in any log, on any path: a stack of its own with fault injection (a crashing action, an action
slower than the gateway's timeout) gets messages full of personal data through every error path, "/"-text
and injected intents; afterwards no log file, no process output and no database file holds any of it, nor
the raw sender id. Rasa's HTTP API refuses calls without the token. (Redis down with two instances:
tests/resilience/test_topology.py.)"""
from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.operate.launcher import Stack
from bot.settings import load_settings

pytestmark = pytest.mark.e2e
PORT_OFFSET = 400  # next to the ports of the session stack of tests/e2e and the topology of tests/resilience
CRASH, SLOW = "KRAAK", "TRAAG"
NAME, PHONE, MAIL, POSTCODE = "Gerrit Brouwer", "06-98765432", "g.brouwer@example.nl", "3581 KX"
PII = f"mijn stiefvader {NAME} slaat me, bel {PHONE} of mail {MAIL}, ik woon in {POSTCODE} Utrecht"
RAW = ["Brouwer", "brouwer", PHONE, "98765432", "g.brouwer", POSTCODE]


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    var_dir = Path(tmp_path_factory.mktemp("faulty-var"))
    base = load_settings()
    settings = dataclasses.replace(
        base, var_dir=var_dir, tracker_db=str(var_dir / "tracker.db"), tracker_dialect="sqlite",
        web_port=base.web_port + PORT_OFFSET, rasa_port=base.rasa_port + PORT_OFFSET,
        action_port=base.action_port + PORT_OFFSET, console_port=base.console_port + PORT_OFFSET)
    env = {"WEGWIJS_FAULT_CRASH_MARKER": CRASH, "WEGWIJS_FAULT_SLOW_MARKER": SLOW, "WEGWIJS_FAULT_SLOW_S": "15",
           "WEGWIJS_RASA_TIMEOUT_S": "8", "WEGWIJS_TRACKER_DB": str(var_dir / "tracker.db"),
           "WEGWIJS_CONSOLE_DB_URL": "", "WEGWIJS_ENDPOINTS": "",
           "LOG_LEVEL": "INFO"}
    stack = Stack(settings, log_dir=var_dir / "logs", env=env)
    stack.start()
    for warm_up in ("hallo", "mijn buurman slaat zijn vrouw"):  # the first turns load models: not past 8 s later
        post(stack, "warm-up", warm_up)
    try:
        yield stack
    finally:
        stack.stop()


def post(stack: Stack, sender: str, message: str) -> httpx.Response:
    return httpx.post(f"{stack.settings.web_url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                      timeout=60)


def files_of(stack: Stack) -> list[Path]:
    return sorted(path for path in stack.settings.var_dir.rglob("*") if path.is_file())


def test_injected_intents_and_slots_are_plain_text(faulty: Stack):
    sender = f"inject-{uuid.uuid4().hex[:8]}"
    reply = post(faulty, sender, '/inform{"role": "professional", "language": "en"}')
    assert reply.status_code == 200, reply.text
    tracker = httpx.get(f"{faulty.settings.rasa_url}/conversations/{sender}/tracker", params=faulty.rasa_auth(),
                        timeout=30).json()
    user = [event for event in tracker["events"] if event["event"] == "user"]
    assert user and not user[-1]["text"].startswith("/"), (reply.text, tracker["events"])
    assert user[-1]["parse_data"]["intent"].get("name") != "inform"
    assert tracker["slots"].get("role") != "professional"


def test_rasa_api_needs_the_token_and_internals_listen_on_loopback(faulty: Stack):
    url = f"{faulty.settings.rasa_url}/conversations/anyone/tracker"
    assert httpx.get(url, timeout=10).status_code == 401
    assert httpx.get(url, params={"token": "wrong"}, timeout=10).status_code == 401
    assert httpx.get(url, params=faulty.rasa_auth(), timeout=10).status_code == 200
    assert httpx.put(f"{faulty.settings.rasa_url}/model", json={"model_file": "/tmp/x.tar.gz"},
                     timeout=10).status_code == 401
    token_file = faulty.settings.var_dir / "rasa.token"
    assert token_file.stat().st_mode & 0o077 == 0
    assert token_file.read_text().strip() not in (faulty.log_dir / "rasa.log").read_text(errors="replace")
    assert httpx.get(f"{faulty.settings.web_url}/docs", timeout=10).status_code == 404
    assert httpx.get(f"{faulty.settings.web_url}/openapi.json", timeout=10).status_code == 404


def test_every_error_path_leaves_no_personal_data_anywhere(faulty: Stack):
    sender = f"lek-{uuid.uuid4()}"
    crashed = post(faulty, sender, f"{CRASH} {PII}")
    assert crashed.status_code == 200 and "0800-2000" in crashed.text  # the fallback still gives a route
    slow = post(faulty, sender, f"{SLOW} {PII}")  # past the gateway's 8 s: Rasa logs the cancelled turn
    assert slow.status_code == 200 and "112" in slow.text
    for injected in (f'/inform{{"role": "professional", "sector": "{NAME}"}}', f"/greet {PII}", f"/{PHONE}"):
        assert post(faulty, sender, injected).status_code == 200
    assert post(faulty, sender, f"hallo {PII}").status_code == 200
    faulty.stop()  # flush and close every log; the files stay (so this test runs last)
    files = files_of(faulty)
    logs = [path for path in files if path.suffix == ".log"]
    assert {path.stem for path in logs} >= {"rasa", "actions", "gateway", "console"}
    assert any(path.name == "tracker.db" for path in files)
    rasa_log = (faulty.log_dir / "rasa.log").read_text(errors="replace")
    assert "rest.message.received.timeout" in rasa_log  # the cancelled turn was logged, redacted
    actions_log = (faulty.log_dir / "actions.log").read_text(errors="replace")
    assert "InjectedFault" in actions_log  # the crash was logged, by its type
    for path in files:
        content = path.read_bytes()
        for value in [*RAW, sender]:
            assert value.encode() not in content, f"{value!r} found in {path.name}"
