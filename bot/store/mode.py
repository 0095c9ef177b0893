"""What the bot keeps at rest: WEGWIJS_STORE=redacted (default: redacted conversations, kept
WEGWIJS_RETENTION_DAYS days) or none (no conversation text at rest anywhere, only counts per day)."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Optional

from bot.settings import ROOT, setting

STORE_ENV = "WEGWIJS_STORE"
REDACTED, NONE = "redacted", "none"
MODES = (REDACTED, NONE)
STORE_NONE_ENDPOINTS = ROOT / "deploy" / "store-none" / "endpoints.yml"


def store_mode(env: Optional[Mapping[str, str]] = None) -> str:
    mode = (setting(STORE_ENV, env) or REDACTED).lower()
    if mode not in MODES:
        raise SystemExit(f"{STORE_ENV} must be one of {', '.join(MODES)}, got {mode!r}")
    return mode


def stores_text(env: Optional[Mapping[str, str]] = None) -> bool:
    """False in store-nothing mode: no conversation text may be written (tracker, handoff, logs)."""
    return store_mode(env) != NONE


def store_endpoints(chosen: Path, env: Optional[Mapping[str, str]] = None) -> Path:
    """The endpoints file Rasa runs with: the chosen one, or the in-memory one when nothing is stored."""
    return chosen if stores_text(env) else STORE_NONE_ENDPOINTS
