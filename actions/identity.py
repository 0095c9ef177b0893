"""A request to act as someone else (knowledge/identity.yml): the reply first says what the bot is."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from actions.cues import cues, fold, found

IDENTITY_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "identity.yml"


@dataclass(frozen=True)
class Identity:
    cues: tuple[str, ...]
    texts: dict[str, str]

    def statement_for(self, text: str, language: str) -> Optional[str]:
        """What the bot is, when the message asks it to pretend; None otherwise."""
        if not found(fold(text), self.cues):
            return None
        return self.texts.get(language) or self.texts["nl"]


@lru_cache(maxsize=1)
def load_identity(path: Path = IDENTITY_FILE) -> Identity:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Identity(cues=cues(raw["cues"]), texts={lang: " ".join(text.split()) for lang, text in raw["text"].items()})
