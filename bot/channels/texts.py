"""The channel texts (bot/channels/texts.yml), read through the one text loader (bot/texts.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.texts import Texts

TEXTS = Texts(Path(__file__).with_name("texts.yml"))


def text(channel: str, key: str, language: str = "nl", **values: Any) -> str:
    """The text in `language` (Dutch when there is no translation), with {placeholders} filled in."""
    return TEXTS.get(f"{channel}.{key}", language, **values)


def language_of(code: str | None) -> str:
    """'en' for English user interfaces, Dutch for everything else."""
    return "en" if code and code.lower().startswith("en") else "nl"
