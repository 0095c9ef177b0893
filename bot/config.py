"""Runtime settings, all from environment variables with loopback defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise SystemExit(f"{name} must be a whole number, got {raw!r}") from error


@dataclass(frozen=True)
class Settings:
    host: str  # the public gateway's address (WEGWIJS_HOST)
    web_port: int
    rasa_port: int
    action_port: int
    console_port: int
    var_dir: Path
    tracker_db: str
    tracker_dialect: str
    instances: int = 1  # Rasa + action server pairs; more than one needs PostgreSQL and Redis
    internal_host: str = "127.0.0.1"  # Rasa, the action servers and the console (WEGWIJS_INTERNAL_HOST)

    @property
    def rasa_url(self) -> str:
        return f"http://{self.internal_host}:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://{self.internal_host}:{self.action_port}/webhook"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}"

    @property
    def console_url(self) -> str:
        return f"http://{self.internal_host}:{self.console_port}"


def load_settings() -> Settings:
    var_dir = Path(os.environ.get("WEGWIJS_VAR_DIR", ROOT / "var"))
    return Settings(
        host=os.environ.get("WEGWIJS_HOST", "127.0.0.1"),
        web_port=_int("WEGWIJS_WEB_PORT", 8000),
        rasa_port=_int("WEGWIJS_RASA_PORT", 5005),
        action_port=_int("WEGWIJS_ACTION_PORT", 5055),
        console_port=_int("WEGWIJS_CONSOLE_PORT", 8001),
        var_dir=var_dir,
        tracker_db=os.environ.get("WEGWIJS_TRACKER_DB", str(var_dir / "tracker.db")),
        tracker_dialect=os.environ.get("WEGWIJS_TRACKER_DIALECT", "sqlite"),
        instances=max(1, _int("WEGWIJS_INSTANCES", 1)),
        internal_host=os.environ.get("WEGWIJS_INTERNAL_HOST", "127.0.0.1"),
    )
