"""Loads the gateway's own texts from bot/messages.yml."""
from __future__ import annotations

import os
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


def storage_notice(language: str = "nl") -> str:
    """What is kept and for how long (WEGWIJS_STORE, WEGWIJS_RETENTION_DAYS), and how to erase it."""
    stores_nothing = os.environ.get("WEGWIJS_STORE", "").strip().lower() == "none"
    texts = messages()["storage"]["none" if stores_nothing else "redacted"]
    days = os.environ.get("WEGWIJS_RETENTION_DAYS", "").strip() or "30"
    try:
        days = f"{float(days):g}"
    except ValueError:
        days = "30"
    return texts.get(language, texts["nl"]).format(days=days)
