"""Loads the gateway's own texts from bot/messages.yml."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

MESSAGES_FILE = Path(__file__).with_name("messages.yml")


@lru_cache(maxsize=1)
def messages() -> dict[str, Any]:
    with open(MESSAGES_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def fallback(language: str = "nl") -> str:
    texts = messages()["fallback"]
    return texts.get(language, texts["nl"])


def error(key: str, **values: Any) -> str:
    return messages()["errors"][key].format(**values)


def too_long_reply(limit: int, language: str = "nl") -> str:
    texts = messages()["too_long"]
    grouped = f"{limit:,}".replace(",", "." if language == "nl" else ",")
    return texts.get(language, texts["nl"]).format(limit=grouped)
