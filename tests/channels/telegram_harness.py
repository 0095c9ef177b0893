"""Runs the Telegram bridge as a real process against the fake Telegram API, and a fake gateway when the
real one is not wanted (the fake records erase calls and serves a counsellor outbox)."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI, Request

from bot.settings import ROOT
from tests.channels.fake_telegram import FakeTelegram, free_port

TOKEN = "7654321:AAF-fake-test-token-Zq9xW2"  # made up; must never show up in a log
QUICK_CHOICES = ("ik maak me zorgen om iemand", "het gebeurt bij mij thuis", "ik ben jonger dan 18",
                 "ik ben professional")
TELEGRAM_PORTS = (24100, 24149)
FAKE_GATEWAY_PORTS = (24150, 24199)


@dataclass
class FakeGateway:
    """Echoes messages, confirms erasure, and hands out counsellor messages put in its outbox."""

    port: int
    received: list[dict[str, Any]] = field(default_factory=list)
    erased: list[str] = field(default_factory=list)
    outbox: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    polls: list[str] = field(default_factory=list)  # the sender of every outbox request, in order
    server: uvicorn.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeGateway:
        app = FastAPI()

        @app.get("/health")
        async def health() -> dict[str, str]:
            return {"status": "ok"}

        @app.post("/webhooks/rest/webhook")
        async def webhook(request: Request) -> list[dict[str, Any]]:
            body = await request.json()
            self.received.append(body)
            sender, message = body["sender"], body["message"]
            if message == "ik wil een mens spreken":  # the handoff's consent question
                return [{"recipient_id": sender, "text": "Wil je dat?",
                         "buttons": [{"title": "Ja", "payload": "ja"}, {"title": "Nee", "payload": "nee"}]}]
            if message == "stop" and sender in self.outbox:
                del self.outbox[sender]
                return [{"recipient_id": sender, "text": "Het gesprek met de hulpverlener is beëindigd."}]
            if message == "(live)":  # during a live handoff: only a state marker, the counsellor answers later
                return [{"recipient_id": sender, "custom": {"handoff": {"state": "handed_off"}}}]
            if message == "(onzeker)":  # an unsure answer: the lifeline with its quick choices
                return [{"recipient_id": sender, "text": "In gevaar? Bel 112. Veilig Thuis 0800-2000.",
                         "buttons": [{"title": t, "payload": t} for t in QUICK_CHOICES]}]
            if len(message) > 1000:  # a long story: say how much arrived instead of echoing it all
                return [{"recipient_id": sender, "text": f"ontvangen: {len(message)} tekens"}]
            return [{"recipient_id": sender, "text": f"echo: {message}"}]

        @app.post("/conversations/erase")
        async def erase(request: Request) -> dict[str, Any]:
            self.erased.append((await request.json())["sender"])
            return {"erased": True}

        @app.get("/conversations/outbox")
        async def outbox(sender: str, after: int = 0, wait: float = 1.0) -> dict[str, Any]:
            self.polls.append(sender)
            deadline = time.monotonic() + min(wait, 2.0)
            while True:
                messages = [m for m in self.outbox.get(sender, []) if m["id"] > after]
                if messages or time.monotonic() > deadline:
                    return {"state": "handed_off" if sender in self.outbox else "normal", "messages": messages}
                await asyncio.sleep(0.05)

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error",
                                                    timeout_graceful_shutdown=3))
        threading.Thread(target=self.server.run, daemon=True).start()
        while not self.server.started:
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self.server:
            self.server.should_exit = True


class BridgeProcess:
    """`python -m bot telegram` with its output in a log file."""

    def __init__(self, api_url: str, gateway_url: str, log_path: Path, token: str = TOKEN,
                 extra_env: dict[str, str] | None = None) -> None:
        self.log_path = log_path
        env = {k: v for k, v in os.environ.items() if not k.startswith("WEGWIJS_TELEGRAM")}
        env.update(PYTHONPATH=str(ROOT), WEGWIJS_TELEGRAM_TOKEN=token, WEGWIJS_TELEGRAM_API_URL=api_url,
                   WEGWIJS_GATEWAY_URL=gateway_url, **(extra_env or {}))
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen([sys.executable, "-m", "bot", "telegram"], cwd=ROOT, env=env,
                                        stdout=self._log, stderr=subprocess.STDOUT)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait(self, timeout: float = 30.0) -> int:
        return self.process.wait(timeout)

    def stop(self) -> int:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        return self.process.returncode


def start_fake_telegram() -> FakeTelegram:
    return FakeTelegram(TOKEN, free_port(*TELEGRAM_PORTS)).start()


def start_fake_gateway() -> FakeGateway:
    return FakeGateway(free_port(*FAKE_GATEWAY_PORTS)).start()
