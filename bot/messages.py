"""The gateway's own texts (bot/messages.yml), read through the one text loader (bot/texts.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.texts import Texts

MESSAGES = Texts(Path(__file__).with_name("messages.yml"))


def messages() -> dict[str, Any]:
    return MESSAGES.data()


def fallback(language: str = "nl") -> str:
    return MESSAGES.get("fallback", language)


def error(key: str, **values: Any) -> str:
    return MESSAGES.get(f"errors.{key}", **values)
