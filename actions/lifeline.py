"""Loads knowledge/lifeline.yml: the hedge, the texts for when nothing fits, 112 and Veilig Thuis, and the
quick choices every unsure reply carries."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

LIFELINE_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "lifeline.yml"
_TEXTS = ("hedge", "not_understood", "out_of_scope", "check_in", "lifeline", "lifeline_child", "watch_acute",
          "watch_suicide")


@dataclass(frozen=True)
class Choice:
    titles: dict[str, str]  # language -> button text (also the text it sends)
    intent: str
    role: Optional[str] = None


@dataclass(frozen=True)
class Lifeline:
    texts: dict[str, dict[str, str]]
    choices: tuple[Choice, ...]
    unsure_below: float
    runner_up_min: float = 1.0  # above 1: never answer by the runner-up intent
    families: tuple[tuple[str, ...], ...] = ()  # intents that answer one topic; the first answers for all

    def family_guess(self, ranking: tuple[tuple[str, float], ...]) -> Optional[tuple[str, float]]:
        """After a fallback: a family whose members together reach `unsure_below` (the classifier split its
        confidence between them), as its answering intent and their summed confidence; else None."""
        best = ranking[0][0] if ranking else None
        for family in self.families:
            total = sum(confidence for name, confidence in ranking if name in family)
            if best in family and total >= self.unsure_below:
                return family[0], total
        return None

    def text(self, kind: str, language: str) -> str:
        by_language = self.texts[kind]
        return by_language.get(language) or by_language["nl"]

    def closing(self, role: Optional[str], language: str) -> str:
        """The lifeline that closes an unsure reply: 112 and Veilig Thuis, for a child the Kindertelefoon too."""
        return self.text("lifeline_child" if role == "child" else "lifeline", language)

    def buttons(self, language: str) -> list[dict[str, str]]:
        """Rasa buttons whose payload is their own text: a click sends words, never an intent command."""
        titles = [choice.titles.get(language) or choice.titles["nl"] for choice in self.choices]
        return [{"title": title, "payload": title} for title in titles]

    def chosen(self, text: str) -> Optional[Choice]:
        """The quick choice this message is (a tapped button, or the same words typed), in any language."""
        folded = " ".join(text.casefold().split())
        for choice in self.choices:
            if any(folded == title.casefold() for title in choice.titles.values()):
                return choice
        return None


def parse_lifeline(data: dict[str, Any]) -> Lifeline:
    missing = [kind for kind in _TEXTS if not (data.get(kind) or {}).get("nl")]
    if missing:
        raise ValueError(f"{LIFELINE_FILE}: a Dutch text is required for {', '.join(missing)}")
    choices = tuple(Choice(titles={k: v for k, v in raw.items() if k not in {"intent", "role"}},
                           intent=raw["intent"], role=raw.get("role")) for raw in data.get("choices") or [])
    return Lifeline(texts={kind: dict(data[kind]) for kind in _TEXTS}, choices=choices,
                    unsure_below=float(data.get("unsure_below", 0.0)),
                    runner_up_min=float(data.get("runner_up_min", 1.0)),
                    families=tuple(tuple(str(name) for name in family) for family in data.get("families") or []))


@lru_cache(maxsize=1)
def load_lifeline(path: Path = LIFELINE_FILE) -> Lifeline:
    with open(path, encoding="utf-8") as handle:
        return parse_lifeline(yaml.safe_load(handle))
