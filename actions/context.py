"""What the action needs to know about the current turn, read from the tracker."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml
from rasa_sdk import Tracker

from actions.nonsense import is_nonsense

ADULT_AGE = 18
AGE_FILE = Path(__file__).with_name("age.yml")
PROFESSION_FILE = Path(__file__).with_name("profession.yml")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
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
    watch: frozenset[str] = frozenset()  # levels of the safety net's watch tier (no alarm; actions/watch_line.py)
    misunderstood: int = 0
    runner_up: Optional[tuple[str, float]] = None  # the best real intent when the classifier fell back (the
    # first of fallback_ranking; tests may give it alone)
    fallback_ranking: tuple[tuple[str, float], ...] = ()  # after a fallback: every real intent and its confidence
    previous_text: str = ""  # the person's message before this one (a follow-up may lean on it)
    nonsense: bool = False  # keyboard mash (actions/nonsense.py): not understood, whatever the classifier said
    previous_entries: tuple[str, ...] = ()  # the knowledge entries of the bot's previous answer (slot `retrieved`)

    def entity(self, name: str) -> Optional[str]:
        values = self.entities.get(name)
        return values[0] if values else None


@lru_cache(maxsize=1)
def _age_data() -> dict[str, Any]:
    return yaml.safe_load(AGE_FILE.read_text(encoding="utf-8"))


@cache
def _age_file_patterns(key: str, not_an_age: bool = False) -> tuple[re.Pattern[str], ...]:
    """The patterns of one list of actions/age.yml; with `not_an_age`, each must not be followed by what the
    file's `not_followed_by` excludes ("16 jaar geleden")."""
    data = _age_data()
    tail = f"(?!{data['not_followed_by']})" if not_an_age else ""
    return tuple(re.compile(pattern + tail, re.IGNORECASE) for pattern in data.get(key) or [])


def _age_patterns() -> tuple[re.Pattern[str], ...]:
    return _age_file_patterns("patterns", not_an_age=True)


def _parent_patterns() -> tuple[re.Pattern[str], ...]:
    return _age_file_patterns("parents")


def _adult_patterns() -> tuple[re.Pattern[str], ...]:
    return _age_file_patterns("adults")


@lru_cache(maxsize=4)
def _openings(key: str) -> tuple[str, ...]:
    """The sentence openings listed under `key` in actions/age.yml, lower case with single spaces."""
    return tuple(" ".join(str(opening).lower().split()) for opening in _age_data().get(key) or [])


def minors_only_openings() -> tuple[str, ...]:
    """How a sentence that speaks only to children begins ("ben je jonger dan 18", "if you are under 18")."""
    return _openings("for_minors")


def from_8_only_openings() -> tuple[str, ...]:
    """How a sentence begins that tells a parent their child can call the Kindertelefoon (for ages 8 to 18)."""
    return _openings("for_children_from_8")


def says_young_child(text: str) -> bool:
    """A parent speaks of a child younger than 8 ("mijn dochter van 6", "my 5-year-old son", "onze peuter")."""
    return any(pattern.search(text) for pattern in _age_file_patterns("young_children"))


def says_adult(text: str) -> bool:
    """The person says they are an adult: an age of 18 or more for themselves (not their child's), or words
    only an adult uses of themselves ("mijn man", "we're two men")."""
    if says_parent(text):
        age = None
    else:
        age = age_in_text(text)
    return (age is not None and age >= ADULT_AGE) or any(pattern.search(text) for pattern in _adult_patterns())


def _partner_patterns() -> tuple[re.Pattern[str], ...]:
    return _age_file_patterns("partners", not_an_age=True)


def _pupil_patterns() -> tuple[re.Pattern[str], ...]:
    return _age_file_patterns("pupils")


def says_pupil(text: str) -> bool:
    """The person speaks of their own teacher ("als ik het aan mijn juf vertel"): a pupil."""
    return any(pattern.search(text) for pattern in _pupil_patterns())


def partner_age_in_text(text: str) -> Optional[int]:
    """The age the person gives for their boyfriend or girlfriend ("mn vriendin (16)"), or None."""
    text = text.translate(_ARABIC_DIGITS)
    for pattern in _partner_patterns():
        match = pattern.search(text)
        if match:
            return int(match.group(1))
    return None


def hurt_by_own_parent(text: str) -> bool:
    """The person's own parent hurts or locks them up ("mn moeder slaat me soms", "my stepdad locked me in")."""
    return any(pattern.search(text) for pattern in _age_file_patterns("hurt_by_own_parent"))


def says_parent(text: str) -> bool:
    """The person speaks of their own child ("mijn zoon van 16", "our daughter"): a parent, not a child."""
    return any(pattern.search(text) for pattern in _parent_patterns())


def age_in_text(text: str) -> Optional[int]:
    """The age a person gives for themselves ("ik ben 14", "I'm 13", "15 yaşındayım", "mam 12 lat",
    "عمري 13"), the first one found, or None."""
    text = text.translate(_ARABIC_DIGITS)
    found = [match for pattern in _age_patterns() for match in [pattern.search(text)] if match]
    if not found:
        return None
    return int(min(found, key=lambda match: match.start()).group(1))


@lru_cache(maxsize=1)
def _profession_data() -> dict[str, Any]:
    return yaml.safe_load(PROFESSION_FILE.read_text(encoding="utf-8"))


def _spelled_any_way(name: str) -> str:
    """A profession's name as a pattern that also matches it written together, apart or with a hyphen:
    "youth health care doctor" matches "youth healthcare doctor", "jgz-arts" matches "jgz arts"."""
    return r"[\s-]*".join(re.escape(part) for part in re.split(r"[\s-]+", name.strip()))


@lru_cache(maxsize=1)
def _profession_pattern() -> re.Pattern[str]:
    data = _profession_data()
    professions = sorted((_spelled_any_way(str(word)) for word in data["professions"]), key=len, reverse=True)
    introductions = "|".join(f"(?:{intro})" for intro in data["introductions"])
    names = list(professions)
    for key, before in (("heads", r"[\w-]*"), ("subject_heads", r"(?:[\w-]+\s+){0,2}")):
        words = "|".join(re.escape(str(word)) for word in data.get(key) or [])
        if words:  # "gymdocent", "PE teacher"
            names.append(f"{before}(?:{words})")
    named = "(?:" + "|".join(names) + ")"
    statements = "".join(f"|(?:{statement})" for statement in data.get("statements") or [])
    return re.compile(rf"(?:{introductions}){named}\b{statements}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _mention_pattern() -> Optional[re.Pattern[str]]:
    mentions = _profession_data().get("mentions") or []
    return re.compile("|".join(f"(?:{mention})" for mention in mentions), re.IGNORECASE) if mentions else None


def says_professional(text: str) -> bool:
    """The person introduces themselves as a professional: "ik ben mentor op het vmbo", "als jeugdarts ...",
    "I'm a teacher", "ik geef les op een mbo", or speaks of "my pupils"."""
    mention = _mention_pattern()
    return _profession_pattern().search(text) is not None or (mention is not None and mention.search(text) is not None)


def without_introduction(text: str) -> str:
    """The question without "ik ben verloskundige": who asks is the role, not the subject to search for."""
    return " ".join(_profession_pattern().sub(" ", text).split())


def infer_role(text: str, intent: str, previous: Optional[str]) -> Optional[str]:
    """Who is asking: child, professional or citizen; remembered across turns. A parent speaking of their own
    child is not taken for a child (an age in the message is the child's)."""
    parent = says_parent(text)
    age = None if parent else age_in_text(text)
    if age is not None and 6 <= age < ADULT_AGE:
        return "child"
    partner_age = None if parent or age is not None or previous not in (None, "child") else partner_age_in_text(text)
    if partner_age is not None and 12 <= partner_age < ADULT_AGE and not says_professional(text):
        return "child"  # "mn vriendin (16) ...": a teenager speaks of their relationship
    if previous != "child" and says_professional(text):
        return "professional"
    if age is not None and age >= ADULT_AGE:
        return "professional" if intent in _PROFESSIONAL_INTENTS else "citizen"
    if previous is None and age is None and not parent and says_pupil(text):
        return "child"  # "moet mijn juf het geheim houden?": a pupil speaks of their own teacher
    if previous is None and age is None and not parent and hurt_by_own_parent(text) and not says_adult(text):
        return "child"  # "mn stiefmoeder sluit me op": most often a child or a teenager
    if intent in _CHILD_INTENTS:
        return previous if parent else "child"
    if intent in _PROFESSIONAL_INTENTS:
        return previous if previous == "child" else "professional"
    return previous


_STEP_WORDS = ("stap", "step")
_STEP_VALUES = {"1", "2", "3", "4", "5"}


def plausible_step(text: str, entity: dict[str, Any]) -> bool:
    """A `step` entity counts only next to the word stap/step ("klas 3" or "3 kinderen" is no step)."""
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
    safety = frozenset(entities.get("safety", []))
    nonsense = not safety and is_nonsense(text)
    if nonsense:  # the classifier may read "qqq zzz" as thanks; it is not understood
        name, intent, message = "nlu_fallback", {}, {**message, "intent_ranking": []}
    ranking = fallback_ranking(name, message.get("intent_ranking") or [])
    return TurnContext(
        text=text,
        intent=name,
        confidence=float(intent.get("confidence") or 0.0),
        language=tracker.get_slot("language") or "nl",
        role=infer_role(text, name, tracker.get_slot("role")),
        sector=tracker.get_slot("sector"),
        entities=entities,
        safety=safety,
        watch=frozenset(entities.get("safety_watch", [])),
        misunderstood=int(tracker.get_slot("misunderstood") or 0),
        runner_up=ranking[0] if ranking else None,
        fallback_ranking=ranking,
        previous_text=previous_user_text(tracker.events or []),
        nonsense=nonsense,
        previous_entries=tuple(str(entry) for entry in tracker.get_slot("retrieved") or ()),
    )


def previous_user_text(events: list[dict[str, Any]]) -> str:
    """The text of the person's message before the latest one, or "" in a first turn."""
    texts = [str(event.get("text") or "") for event in events if event.get("event") == "user"]
    return texts[-2] if len(texts) >= 2 else ""


def fallback_ranking(intent: str, ranking: list[dict[str, Any]]) -> tuple[tuple[str, float], ...]:
    """After a fallback: the real intents the classifier ranked, with their confidences."""
    if intent != "nlu_fallback":
        return ()
    return tuple((str(item["name"]), float(item.get("confidence") or 0.0)) for item in ranking
                 if item.get("name") and item.get("name") != "nlu_fallback")
