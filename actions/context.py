"""What the action needs to know about the current turn, read from the tracker."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from rasa_sdk import Tracker

ADULT_AGE = 18
_NOT_AN_AGE = r"(?!\s*(?:jaar\s+)?(?:getrouwd|samen|bezig|geleden|weken|maanden))"
_AGE = re.compile(r"\b(?:ik ben|ben|i'?m|i am|age|leeftijd)\s*(\d{1,2})\b" + _NOT_AN_AGE, re.IGNORECASE)
_CHILD_INTENTS = {"situation_child"}
_PROFESSIONAL_INTENTS = {
    "inform_profession",
    "ask_meldcode_steps",
    "ask_meldcode_step",
    "ask_afwegingskader",
    "start_afwegingskader",
    "ask_kindcheck",
    "ask_aandachtsfunctionaris",
    "ask_sector",
    "ask_professional_advice",
}


@dataclass(frozen=True)
class TurnContext:
    text: str
    intent: str
    confidence: float
    language: str
    role: Optional[str]
    sector: Optional[str]
    entities: dict[str, list[str]] = field(default_factory=dict)
    safety: frozenset[str] = frozenset()
    misunderstood: int = 0

    def entity(self, name: str) -> Optional[str]:
        values = self.entities.get(name)
        return values[0] if values else None


def age_in_text(text: str) -> Optional[int]:
    match = _AGE.search(text)
    return int(match.group(1)) if match else None


def infer_role(text: str, intent: str, previous: Optional[str]) -> Optional[str]:
    """Who is asking: child, professional or citizen; remembered across turns."""
    age = age_in_text(text)
    if age is not None and 6 <= age < ADULT_AGE:
        return "child"
    if age is not None and age >= ADULT_AGE:
        return "professional" if intent in _PROFESSIONAL_INTENTS else "citizen"
    if intent in _CHILD_INTENTS:
        return "child"
    if intent in _PROFESSIONAL_INTENTS:
        return previous if previous == "child" else "professional"
    return previous


_STEP_WORDS = ("stap", "step")
_STEP_VALUES = {"1", "2", "3", "4", "5"}


def plausible_step(text: str, entity: dict[str, Any]) -> bool:
    """A `step` entity counts only next to the word stap/step ("groep 4" is no step)."""
    if str(entity.get("value")) not in _STEP_VALUES:
        return False
    start, end = int(entity.get("start") or 0), int(entity.get("end") or 0)
    around = text[max(0, start - 8): end + 8].lower()
    return any(word in around for word in _STEP_WORDS)


def _entities(message: dict[str, Any]) -> dict[str, list[str]]:
    text = message.get("text") or ""
    found: dict[str, list[str]] = {}
    for entity in message.get("entities") or []:
        if entity.get("entity") == "step" and not plausible_step(text, entity):
            continue
        found.setdefault(entity.get("entity"), []).append(str(entity.get("value")))
    return found


def read_context(tracker: Tracker) -> TurnContext:
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    entities = _entities(message)
    text = message.get("text") or ""
    name = intent.get("name") or "nlu_fallback"
    return TurnContext(
        text=text,
        intent=name,
        confidence=float(intent.get("confidence") or 0.0),
        language=tracker.get_slot("language") or "nl",
        role=infer_role(text, name, tracker.get_slot("role")),
        sector=tracker.get_slot("sector"),
        entities=entities,
        safety=frozenset(entities.get("safety", [])),
        misunderstood=int(tracker.get_slot("misunderstood") or 0),
    )
