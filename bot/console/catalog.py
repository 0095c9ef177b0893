"""Names the console shows: the intents of domain.yml and the titles of curated knowledge entries."""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import yaml

from bot.settings import ROOT

logger = logging.getLogger("wegwijs.console")
DOMAIN = ROOT / "domain.yml"
ENTRIES = ROOT / "knowledge" / "entries"


@lru_cache(maxsize=1)
def domain_intents(path: Path = DOMAIN) -> tuple[str, ...]:
    """The intents a message can be annotated with, in domain order."""
    with open(path, encoding="utf-8") as handle:
        domain = yaml.safe_load(handle) or {}
    names = [next(iter(i)) if isinstance(i, dict) else str(i) for i in domain.get("intents") or []]
    return tuple(names)


@lru_cache(maxsize=1)
def entry_titles(directory: Path = ENTRIES) -> dict[str, str]:
    """Knowledge entry id -> Dutch title; empty when the entries cannot be read (ids are shown instead)."""
    from knowledge.curated import ValidationError, load_entries
    try:
        return {entry.id: entry.title_in("nl") for entry in load_entries(directory)}
    except (OSError, ValidationError) as problem:
        logger.warning("knowledge entry titles unavailable: %s", type(problem).__name__)
        return {}
