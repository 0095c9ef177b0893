"""The gateway's own texts (bot/chat/messages.yml), read through the one text loader (bot/texts.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.settings import setting
from bot.texts import Texts

MESSAGES = Texts(Path(__file__).with_name("messages.yml"))


def messages() -> dict[str, Any]:
    return MESSAGES.data()


def fallback(language: str = "nl") -> str:
    return MESSAGES.get("fallback", language)


def error(key: str, **values: Any) -> str:
    return MESSAGES.get(f"errors.{key}", **values)


def storage_notice(language: str = "nl") -> str:
    """What is kept and for how long (WEGWIJS_STORE, WEGWIJS_RETENTION_DAYS), and how to erase it."""
    stores_nothing = setting("WEGWIJS_STORE") == "none"
    days = setting("WEGWIJS_RETENTION_DAYS")
    return MESSAGES.get(f"storage.{'none' if stores_nothing else 'redacted'}", language, days=f"{days:g}")


def grouped(number: int, language: str = "nl") -> str:
    """10000 as people read it: 10.000 in Dutch, 10,000 in English."""
    return f"{number:,}".replace(",", "." if language == "nl" else ",")


def too_long_reply(limit: int, language: str = "nl") -> str:
    """The kind bot reply to a message longer than `limit` characters (never an HTTP error in the chat)."""
    return MESSAGES.get("too_long", language, limit=grouped(limit, language))
