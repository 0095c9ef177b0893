"""Loads the channel texts from bot/channels/texts.yml."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TEXTS_FILE = Path(__file__).with_name("texts.yml")


@lru_cache(maxsize=1)
def _texts() -> dict[str, Any]:
    with open(TEXTS_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def text(channel: str, key: str, language: str = "nl", **values: Any) -> str:
    """The text in `language` (Dutch when there is no translation), with {placeholders} filled in."""
    versions = _texts()[channel][key]
    return versions.get(language, versions["nl"]).format(**values)


def language_of(code: str | None) -> str:
    """'en' for English user interfaces, Dutch for everything else."""
    return "en" if code and code.lower().startswith("en") else "nl"
