"""Starts the action server, the Rasa server and the web gateway; stops them together."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Optional

import httpx

from bot.config import ROOT, Settings, load_settings
from bot.privacy.keys import KEY_ENV, KEY_FILE_NAME, ensure_key_file

RASA_BIN = ROOT / ".venv" / "rasa" / "bin" / "rasa"
MODEL = ROOT / "models" / "wegwijs.tar.gz"
STARTUP_TIMEOUT_S = 240.0
# endpoints.yml names these for PostgreSQL; Rasa refuses an unset variable, so they default to "".
TRACKER_CONNECTION_VARS = ("WEGWIJS_TRACKER_HOST", "WEGWIJS_TRACKER_PORT", "WEGWIJS_TRACKER_USER",
                           "WEGWIJS_TRACKER_PASSWORD")


@dataclass
class Service:
    name: str
    command: list[str]
    health_url: Optional[str]  # None: healthy while the process runs (no HTTP port, e.g. Telegram polling)
    env: dict[str, str] = field(default_factory=dict)
    process: Optional[subprocess.Popen[bytes]] = None


def _base_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT),
        RASA_TELEMETRY_ENABLED="false",
        SANIC_HOST=settings.host,
        WEGWIJS_ACTION_URL=settings.action_url,
        WEGWIJS_TRACKER_DB=settings.tracker_db,
        WEGWIJS_TRACKER_DIALECT=settings.tracker_dialect,
        WEGWIJS_RASA_URL=settings.rasa_url,
    )
    env[KEY_ENV] = _sender_key(settings)  # every service hashes sender ids with the same key
    for name in TRACKER_CONNECTION_VARS:
        env.setdefault(name, "")
    return env


def _sender_key(settings: Settings) -> str:
    """WEGWIJS_SENDER_KEY, else the key file under the var dir (created with mode 0600 on first start)."""
    return os.environ.get(KEY_ENV, "").strip() or ensure_key_file(settings.var_dir / KEY_FILE_NAME)


def services(settings: Settings) -> list[Service]:
    python = sys.executable
    return [
        Service(
            "actions",
            [python, "-m", "rasa_sdk", "--actions", "actions", "-p", str(settings.action_port)],
            f"http://{settings.host}:{settings.action_port}/health",
        ),
        Service(
            "rasa",
            [str(RASA_BIN), "run", "--enable-api", "-i", settings.host, "-p", str(settings.rasa_port),
             "-m", str(MODEL), "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"],
            f"{settings.rasa_url}/status",
        ),
        Service(
            "gateway",
            [python, "-m", "uvicorn", "bot.gateway:app", "--host", settings.host,
             "--port", str(settings.web_port), "--log-level", "warning"],
            f"{settings.web_url}/health",
        ),
        Service(
            "console",  # operator console (bot/console); no access log: URLs carry search terms
            [python, "-m", "uvicorn", "bot.console.app:create_app", "--factory", "--host", settings.host,
             "--port", str(settings.console_port), "--log-level", "warning", "--no-access-log"],
            f"{settings.console_url}/health",
        ),
        *telegram_services(settings),
    ]


def telegram_services(settings: Settings) -> list[Service]:
    """The Telegram bridge, only when a bot token is configured (it talks to the gateway, never to Rasa)."""
    if not os.environ.get("WEGWIJS_TELEGRAM_TOKEN", "").strip():
        return []
    return [Service("telegram", [sys.executable, "-m", "bot.channels.telegram"], None,
                    env={"WEGWIJS_GATEWAY_URL": settings.web_url})]


class Stack:
    """The running bot: start() waits until every service answers, stop() ends them all."""

    def __init__(self, settings: Optional[Settings] = None, log_dir: Optional[Path] = None) -> None:
        self.settings = settings or load_settings()
        self.log_dir = log_dir
        self.services = services(self.settings)
        self._logs: list[IO[bytes]] = []

    def _output(self, name: str) -> Optional[IO[bytes]]:
        if self.log_dir is None:
            return None
        self.log_dir.mkdir(parents=True, exist_ok=True)
        handle = open(self.log_dir / f"{name}.log", "ab")
        self._logs.append(handle)
        return handle

    def start(self) -> None:
        if not MODEL.exists():
            raise SystemExit(f"No trained model at {MODEL}. Run 'make run' or 'bash scripts/setup.sh' first.")
        self.settings.var_dir.mkdir(parents=True, exist_ok=True)
        env = _base_env(self.settings)
        for service in self.services:
            out = self._output(service.name)
            service.process = subprocess.Popen(
                service.command, cwd=ROOT, env={**env, **service.env},
                stdout=out, stderr=subprocess.STDOUT if out else None, start_new_session=True,
            )
        try:
            self._wait_until_healthy()
        except BaseException:
            self.stop()
            raise

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        pending = list(self.services)
        while pending:
            for service in list(pending):
                if service.process and service.process.poll() is not None:
                    code = service.process.returncode
                    raise RuntimeError(f"{service.name} exited with code {code}{self._log_hint(service)}")
                if service.health_url is None or _healthy(service.health_url):
                    pending.remove(service)
            if time.monotonic() > deadline:
                names = ", ".join(s.name for s in pending)
                raise TimeoutError(f"not healthy after {STARTUP_TIMEOUT_S:.0f} s: {names}")
            time.sleep(0.5)

    def _log_hint(self, service: Service) -> str:
        return f" (see {self.log_dir / (service.name + '.log')})" if self.log_dir else ""

    def stop(self) -> None:
        for service in reversed(self.services):
            _terminate(service.process)
        for handle in self._logs:
            handle.close()
        self._logs.clear()


def _healthy(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def _terminate(process: Optional[subprocess.Popen[bytes]], grace_s: float = 10.0) -> None:
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # handled like Ctrl-C: stop every service


def run_forever() -> None:
    stack = Stack()
    print("Starting the action server, Rasa and the web gateway ...", flush=True)
    stack.start()
    s = stack.settings
    print(f"\nWegwijs is running.\n  web chat:  {s.web_url}\n  Rasa REST: {s.rasa_url}/webhooks/rest/webhook\n"
          f"  console:   {s.console_url}  (first admin: python -m bot console create-admin NAME)\n"
          "Press Ctrl-C to stop.", flush=True)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        while all(svc.process and svc.process.poll() is None for svc in stack.services):
            time.sleep(1)
        print("A service stopped unexpectedly; shutting down.", file=sys.stderr)
    except KeyboardInterrupt:
        print("\nStopping ...", flush=True)
    finally:
        stack.stop()
        print("Stopped.", flush=True)
