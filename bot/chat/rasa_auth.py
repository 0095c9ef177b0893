"""The token that Rasa's HTTP API requires (`rasa run --enable-api --auth-token`).

The launcher takes WEGWIJS_RASA_TOKEN, else a random token it keeps in `<var dir>/rasa.token` (mode 0600,
outside git), and hands it to every service; whoever calls Rasa's API (tracker, events, /model/parse)
sends it as `?token=`. The REST channel (/webhooks/rest/webhook) needs no token: only the gateway can
reach it, as Rasa listens on loopback (WEGWIJS_INTERNAL_HOST).
"""
from __future__ import annotations

from pathlib import Path

from bot.privacy.keys import ensure_key_file
from bot.settings import load_settings, setting

TOKEN_ENV = "WEGWIJS_RASA_TOKEN"
TOKEN_FILE_NAME = "rasa.token"


def ensure_token(var_dir: Path) -> str:
    """WEGWIJS_RASA_TOKEN when set, else the token file under `var_dir` (created on first use)."""
    return setting(TOKEN_ENV) or ensure_key_file(var_dir / TOKEN_FILE_NAME)


def current_token() -> str:
    """WEGWIJS_RASA_TOKEN, else the token file of this installation when it exists (never created here)."""
    token = setting(TOKEN_ENV)
    if token:
        return token
    path = load_settings().var_dir / TOKEN_FILE_NAME
    return path.read_text(encoding="utf-8").strip() if path.is_file() else ""


def auth_params() -> dict[str, str]:
    """Query parameters for a call to Rasa's HTTP API (empty when no token is configured)."""
    token = current_token()
    return {"token": token} if token else {}
