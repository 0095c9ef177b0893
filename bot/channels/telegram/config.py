"""Telegram bridge settings, all from environment variables. The token is only ever read from there."""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass, field

from bot.settings import SettingError, load_settings, setting

TOKEN_ENV = "WEGWIJS_TELEGRAM_TOKEN"
DEFAULT_API_URL = "https://api.telegram.org/bot"
WEBHOOK_PATH = "/telegram/webhook"


@dataclass(frozen=True)
class TelegramConfig:
    token: str = field(repr=False)
    gateway_url: str
    api_url: str = DEFAULT_API_URL  # PTB's base_url: the token is appended to it
    mode: str = "polling"  # or "webhook"
    webhook_url: str = ""  # public https URL Telegram posts updates to (webhook mode)
    listen_host: str = "127.0.0.1"
    listen_port: int = 8443
    webhook_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)

    def secrets(self) -> list[str]:
        """Everything that must never appear in a log line."""
        return [self.token, self.webhook_secret]


class ConfigError(SystemExit):
    pass


def config_from_env(env: dict[str, str] | None = None) -> TelegramConfig:
    env = dict(os.environ if env is None else env)
    token = (setting(TOKEN_ENV, env) or "").strip()
    if not token:
        raise ConfigError(f"{TOKEN_ENV} is not set: create a bot with @BotFather and put its token in {TOKEN_ENV}.")
    mode = setting("WEGWIJS_TELEGRAM_MODE", env)
    if mode not in ("polling", "webhook"):
        raise ConfigError(f"WEGWIJS_TELEGRAM_MODE must be 'polling' or 'webhook', got {mode!r}")
    webhook_url = setting("WEGWIJS_TELEGRAM_WEBHOOK_URL", env) or ""
    if mode == "webhook" and not webhook_url.startswith("https://"):
        raise ConfigError("Webhook mode needs WEGWIJS_TELEGRAM_WEBHOOK_URL, the public https:// URL of this bridge.")
    settings = load_settings(env)
    try:
        port = setting("WEGWIJS_TELEGRAM_WEBHOOK_PORT", env)
    except SettingError as problem:
        raise ConfigError(str(problem)) from None
    secret = setting("WEGWIJS_TELEGRAM_WEBHOOK_SECRET", env)
    return TelegramConfig(
        token=token,
        gateway_url=setting("WEGWIJS_GATEWAY_URL", env) or settings.web_url,
        api_url=setting("WEGWIJS_TELEGRAM_API_URL", env) or DEFAULT_API_URL,
        mode=mode,
        webhook_url=webhook_url,
        listen_host=settings.host,
        listen_port=port,
        **({"webhook_secret": secret} if secret else {}),
    )


def sender_id(token: str, chat_id: int) -> str:
    """The gateway sender for a chat: a keyed hash, so the Telegram account id is never stored by Rasa."""
    digest = hmac.new(token.encode(), f"chat:{chat_id}".encode(), hashlib.sha256).hexdigest()
    return f"tg-{digest[:24]}"
