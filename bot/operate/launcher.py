"""Starts the action server, the Rasa server and the web gateway; stops them together."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Optional, TextIO
from urllib.parse import urlsplit

import httpx

from bot.chat.rasa_auth import TOKEN_ENV, ensure_token
from bot.operate.lifecycle import StartupReport, StopLatch, end_groups, spawn_group, taken_ports
from bot.operate.topology import REDIS_DEFAULTS, Pair, endpoints_file, pairs, topology_problem
from bot.privacy.keys import KEY_ENV, KEY_FILE_NAME, ensure_key_file
from bot.settings import ROOT, Settings, load_settings, setting
from bot.store.mode import store_endpoints

RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"
MODEL = ROOT / "models" / "wegwijs.tar.gz"
STARTUP_TIMEOUT_S = 240.0
# endpoints.yml names these for PostgreSQL; Rasa refuses an unset variable, so they default to "".
TRACKER_CONNECTION_VARS = ("WEGWIJS_TRACKER_HOST", "WEGWIJS_TRACKER_PORT", "WEGWIJS_TRACKER_USER",
                           "WEGWIJS_TRACKER_PASSWORD", "WEGWIJS_TRACKER_SSLMODE", "WEGWIJS_TRACKER_SSLROOTCERT")


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
        SANIC_HOST=settings.internal_host,  # the action servers: loopback unless WEGWIJS_INTERNAL_HOST says
        WEGWIJS_ACTION_URL=settings.action_url,
        WEGWIJS_TRACKER_DB=settings.tracker_db,
        WEGWIJS_TRACKER_DIALECT=settings.tracker_dialect,
        WEGWIJS_RASA_URL=settings.rasa_url,
        WEGWIJS_RASA_URLS=",".join(_rasa_url(settings, pair) for pair in pairs(settings)),
    )
    env[KEY_ENV] = _sender_key(settings)  # every service hashes sender ids with the same key
    env[TOKEN_ENV] = ensure_token(settings.var_dir)  # Rasa requires it; the gateway and console send it
    for name in TRACKER_CONNECTION_VARS:
        env.setdefault(name, "")
    for name, value in REDIS_DEFAULTS.items():
        env.setdefault(name, value)
    return env


def _rasa_url(settings: Settings, pair: Pair) -> str:
    return f"http://{settings.internal_host}:{pair.rasa_port}"


def _sender_key(settings: Settings) -> str:
    """WEGWIJS_SENDER_KEY, else the key file under the var dir (created with mode 0600 on first start)."""
    return setting(KEY_ENV) or ensure_key_file(settings.var_dir / KEY_FILE_NAME)


def rasa_services(settings: Settings, pair: Pair, env: Optional[Mapping[str, str]] = None) -> list[Service]:
    """One action server and the Rasa server that calls it, both on the internal (loopback) address, both
    with redacting logs; Rasa's HTTP API requires the token (read from the environment at start)."""
    python, host = sys.executable, settings.internal_host
    return [
        Service(
            f"actions{pair.suffix}",
            [python, "-m", "bot.operate.action_server", "--actions", "actions", "-p", str(pair.action_port)],
            f"http://{host}:{pair.action_port}/health",
        ),
        Service(
            f"rasa{pair.suffix}",
            [str(RASA_PYTHON), "-m", "nlu.rasa_main", "run", "--enable-api", "-i", host,
             "-p", str(pair.rasa_port), "-m", str(MODEL),
             "--endpoints", str(store_endpoints(endpoints_file(settings, env), env)),
             "--credentials", "credentials.yml"],
            f"{_rasa_url(settings, pair)}/version",  # /status needs the token; the server answers once loaded
            env={"WEGWIJS_ACTION_URL": f"http://{host}:{pair.action_port}/webhook"},
        ),
    ]


def services(settings: Settings, env: Optional[Mapping[str, str]] = None) -> list[Service]:
    """Every service; `env` (default: this process's environment) decides the endpoints file."""
    python = sys.executable
    return [
        *[service for pair in pairs(settings) for service in rasa_services(settings, pair, env)],
        Service(
            "gateway",  # relays to every Rasa server in turn (WEGWIJS_RASA_URLS)
            [python, "-m", "uvicorn", "bot.chat.gateway:app", "--host", settings.host,
             "--port", str(settings.web_port), "--log-level", "warning"],
            f"{settings.web_url}/health",
        ),
        Service(
            "console",  # operator console (bot/console); no access log: URLs carry search terms
            [python, "-m", "uvicorn", "bot.console.app:create_app", "--factory", "--host", settings.internal_host,
             "--port", str(settings.console_port), "--log-level", "warning", "--no-access-log"],
            f"{settings.console_url}/health",
        ),
        *telegram_services(settings),
    ]


def telegram_services(settings: Settings) -> list[Service]:
    """The Telegram bridge, only when a bot token is configured (it talks to the gateway, never to Rasa)."""
    if not setting("WEGWIJS_TELEGRAM_TOKEN"):
        return []
    return [Service("telegram", [sys.executable, "-m", "bot.channels.telegram"], None,
                    env={"WEGWIJS_GATEWAY_URL": settings.web_url})]


class Stack:
    """The running bot: start() waits until every service answers, stop() ends them all (once)."""

    def __init__(self, settings: Optional[Settings] = None, log_dir: Optional[Path] = None,
                 env: Optional[dict[str, str]] = None, service_list: Optional[list[Service]] = None) -> None:
        self.settings = settings or load_settings()
        self.log_dir = log_dir
        self.extra_env = env or {}
        self.services = service_list if service_list is not None else \
            services(self.settings, {**os.environ, **self.extra_env})
        self._env: Optional[dict[str, str]] = None  # built at the first spawn, reused for every other
        self._logs: list[IO[bytes]] = []
        self.startup_timeout_s = STARTUP_TIMEOUT_S

    def _output(self, name: str) -> Optional[IO[bytes]]:
        if self.log_dir is None:
            return None
        self.log_dir.mkdir(parents=True, exist_ok=True)
        handle = open(self.log_dir / f"{name}.log", "ab")
        self._logs.append(handle)
        return handle

    def start(self, report: Optional[StartupReport] = None, latch: Optional[StopLatch] = None) -> None:
        """Start every service and wait until each answers. Refuses (SystemExit with the reason) when a port
        is taken; stops what it started when a service fails, or when `latch` is set meanwhile."""
        if any(str(MODEL) in service.command for service in self.services) and not MODEL.exists():
            raise SystemExit(f"No trained model at {MODEL}. Run 'make run' or 'bash scripts/setup.sh' first.")
        problem = topology_problem(self.settings, {**os.environ, **self.extra_env})
        if problem:
            raise SystemExit(problem)
        self._refuse_taken_ports(self.services)
        self.settings.var_dir.mkdir(parents=True, exist_ok=True)
        self._env = None  # read the environment and the sender key afresh for this start
        try:
            for service in self.services:
                if latch is not None and latch.is_set():
                    return
                self._spawn(service)
            self._wait_until_healthy(self.services, report, latch)
        except BaseException:
            self.stop()
            raise

    def _refuse_taken_ports(self, services: list[Service]) -> None:
        taken = taken_ports((s.name, s.health_url) for s in services if s.health_url)
        if taken:
            raise SystemExit("Cannot start: another program already listens on "
                             + "; ".join(taken) + ". Stop it, or choose other ports (WEGWIJS_*_PORT).")

    def _spawn(self, service: Service) -> None:
        out = self._output(service.name)
        if self._env is None:
            self._env = {**_base_env(self.settings), **self.extra_env}
        env = {**self._env, **service.env}
        service.process = spawn_group(service.command, cwd=ROOT, env=env, stdout=out,
                                      stderr=subprocess.STDOUT if out else None)

    def rasa_auth(self) -> dict[str, str]:
        """Query parameters for calls to this stack's Rasa HTTP API (tests, tools): its token."""
        token = (self._env or {}).get(TOKEN_ENV) or self.extra_env.get(TOKEN_ENV) or ensure_token(self.settings.var_dir)
        return {"token": token}

    def service(self, name: str) -> Service:
        for service in self.services:
            if service.name == name:
                return service
        raise KeyError(f"no service named {name!r}: {', '.join(s.name for s in self.services)}")

    def stop_service(self, name: str) -> None:
        """Stop one service (fault tests); start_service brings it back."""
        end_groups([self.service(name).process])

    def start_service(self, name: str) -> None:
        service = self.service(name)
        if service.process is not None and service.process.poll() is None:
            return
        self._spawn(service)
        self._wait_until_healthy([service])

    def _wait_until_healthy(self, services: list[Service], report: Optional[StartupReport] = None,
                            latch: Optional[StopLatch] = None) -> None:
        deadline = time.monotonic() + self.startup_timeout_s
        pending = list(services)
        while pending:
            for service in list(pending):
                if service.process and service.process.poll() is not None:
                    code = service.process.returncode
                    reason = f"exited with code {code}{self._log_hint(service)}"
                    if report:
                        report.failed(service.name, reason)
                    raise RuntimeError(f"{service.name} {reason}")
                if service.health_url is None or _healthy(service.health_url):
                    pending.remove(service)
                    if report:
                        report.ready(service.name, _public_url(service))
            if time.monotonic() > deadline:
                names = ", ".join(s.name for s in pending)
                if report:
                    report.failed(names, f"no answer after {self.startup_timeout_s:.0f} s")
                raise TimeoutError(f"not healthy after {self.startup_timeout_s:.0f} s: {names}")
            if pending:
                if report:
                    report.waiting([s.name for s in pending])
                if latch is not None and latch.wait(0.5):
                    return
                if latch is None:
                    time.sleep(0.5)

    def _log_hint(self, service: Service) -> str:
        return f" (see {self.log_dir / (service.name + '.log')})" if self.log_dir else ""

    def pids(self) -> dict[str, int]:
        """Process id of each started service, by service name."""
        return {s.name: s.process.pid for s in self.services if s.process}

    def stopped(self) -> list[Service]:
        """Services whose process has ended."""
        return [s for s in self.services if s.process is None or s.process.poll() is not None]

    def stop(self) -> None:
        """End every service's process group; safe to call again (then it does nothing)."""
        end_groups([service.process for service in reversed(self.services)])
        for handle in self._logs:
            handle.close()
        self._logs.clear()


def _public_url(service: Service) -> Optional[str]:
    if service.health_url is None:
        return None
    parts = urlsplit(service.health_url)
    return f"{parts.scheme}://{parts.netloc}"


def _healthy(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def run_forever(instances: int = 1, out: TextIO = sys.stdout) -> int:
    """`make run`: the whole bot until a stop signal or until a service ends."""
    settings = dataclasses.replace(load_settings(), instances=max(1, instances))
    return run_stack(Stack(settings, log_dir=settings.var_dir / "logs"), out)


def run_stack(stack: Stack, out: TextIO = sys.stdout) -> int:
    """Start, print the status list, serve until a stop signal or a service ends, stop once. Every SIGINT,
    SIGTERM or SIGHUP after the first is ignored, so nothing interrupts the stop."""
    latch = StopLatch()
    latch.install()  # before the first spawn: a signal during start-up stops what was started too
    print(f"Starting Wegwijs ({len(stack.services)} services; their output goes to {stack.log_dir}/):",
          file=out, flush=True)
    try:
        stack.start(StartupReport(out), latch)
    except (RuntimeError, TimeoutError) as problem:
        print(f"Wegwijs did not start: {problem}", file=sys.stderr, flush=True)
        return 1
    if latch.is_set():
        stack.stop()
        print(f"Stopped ({latch.signal_name} during start-up).", file=out, flush=True)
        return 0
    _print_running(stack.settings, out)
    return _serve(stack, latch, out)


def _print_running(s: Settings, out: TextIO) -> None:
    print(f"\nWegwijs is running.\n  web chat:  {s.web_url}\n  Rasa REST: {s.rasa_url}/webhooks/rest/webhook"
          f"{' (and the next ports)' if s.instances > 1 else ''}\n"
          f"  console:   {s.console_url}  (first admin: python -m bot console create-admin NAME)\n"
          "Press Ctrl-C to stop.", file=out, flush=True)


def _serve(stack: Stack, latch: StopLatch, out: TextIO) -> int:
    code = 0
    try:
        while not latch.wait(1.0):
            ended = stack.stopped()
            if ended:
                names = ", ".join(f"{s.name}{stack._log_hint(s)}" for s in ended)
                print(f"A service stopped unexpectedly: {names}; shutting down.", file=sys.stderr, flush=True)
                code = 1
                break
        print("\nStopping ...", file=out, flush=True)
    finally:
        latch.set()  # from here on every stop signal is ignored
        stack.stop()
        print("Stopped.", file=out, flush=True)
    return code
