"""A question about one help line itself (knowledge/service_questions.yml): that line's entry answers first. A short
follow-up that asks about a line without naming it ("hoe laat kan ik daar bellen?") means the line the previous
answer pointed to."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from actions.cues import cues, fold, found

QUESTIONS_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "service_questions.yml"
FOLLOW_UP_WORDS = 12  # longer messages say more than a question about the line: their route answers them


@dataclass(frozen=True)
class ServiceQuestions:
    about: tuple[str, ...]
    follow_up_about: tuple[str, ...]
    lines: tuple[tuple[str, tuple[str, ...]], ...]  # entry id -> the cues that name the line

    def entry_for(self, text: str) -> Optional[str]:
        """The entry of the one line the message asks about, or None (no line, several lines, no question)."""
        named = self.named_in(text)
        if len(named) != 1 or not found(fold(text), self.about):
            return None
        return named[0]

    def named_in(self, text: str) -> list[str]:
        folded = fold(text)
        return [entry for entry, names in self.lines if found(folded, names)]

    def follow_up_entry(self, text: str, previous: tuple[str, ...],
                        text_of: Callable[[str], str]) -> Optional[str]:
        """The line a short follow-up asks about without naming any (only what `follow_up_about` asks: hours, cost,
        anonymity, age, how to reach it): the previous answer's leading entry when it is a line, else the one line
        that entry names (`text_of` gives an entry's text), else the first line the answer gave; None otherwise."""
        if (not previous or len(text.split()) > FOLLOW_UP_WORDS or self.named_in(text)
                or not found(fold(text), self.follow_up_about)):
            return None
        ids = {entry for entry, _ in self.lines}
        if previous[0] in ids:
            return previous[0]
        named = self.named_in(text_of(previous[0]))
        if named:
            return named[0] if len(named) == 1 else None
        given = [entry for entry in previous if entry in ids]
        return given[0] if given else None


def parse_service_questions(raw: dict) -> ServiceQuestions:
    return ServiceQuestions(about=cues(raw["about"]), follow_up_about=cues(raw["follow_up_about"]),
                            lines=tuple((str(entry), cues(names)) for entry, names in raw["lines"].items()))


@lru_cache(maxsize=1)
def load_service_questions(path: Path = QUESTIONS_FILE) -> ServiceQuestions:
    return parse_service_questions(yaml.safe_load(path.read_text(encoding="utf-8")))
