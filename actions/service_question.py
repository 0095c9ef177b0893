"""A question about one help line itself (knowledge/service_questions.yml): that line's entry answers first."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from actions.cues import cues, fold, found

QUESTIONS_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "service_questions.yml"


@dataclass(frozen=True)
class ServiceQuestions:
    about: tuple[str, ...]
    lines: tuple[tuple[str, tuple[str, ...]], ...]  # entry id -> the cues that name the line

    def entry_for(self, text: str) -> Optional[str]:
        """The entry of the one line the message asks about, or None (no line, several lines, no question)."""
        folded = fold(text)
        named = [entry for entry, names in self.lines if found(folded, names)]
        if len(named) != 1 or not found(folded, self.about):
            return None
        return named[0]


def parse_service_questions(raw: dict) -> ServiceQuestions:
    return ServiceQuestions(about=cues(raw["about"]),
                            lines=tuple((str(entry), cues(names)) for entry, names in raw["lines"].items()))


@lru_cache(maxsize=1)
def load_service_questions(path: Path = QUESTIONS_FILE) -> ServiceQuestions:
    return parse_service_questions(yaml.safe_load(path.read_text(encoding="utf-8")))
