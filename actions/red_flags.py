"""The red-flag check as data: questions, outcomes and texts from knowledge/red_flags.yml.

Pure logic (no Rasa imports): ``read_turn`` says what a message inside the check means (yes, no, skip,
back, stop), ``plan_turn`` what the validation action does with it, ``outcome_of`` where the answers lead
and ``should_offer`` when the check is offered. Never a score: outcomes are words, counts stay inside.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from actions.afwegingskader import fold, has_phrase

FLAGS_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "red_flags.yml"
LANGUAGES = ("nl", "en")
YES, NO, SKIP = "yes", "no", "skip"
STOPPED = "stopped"
DANGER_NOW = "danger_now"
OUTCOME_SLOT = "rf_outcome"
DANGER_SLOT = "rf_danger"
OFFERED_SLOT = "rf_offered"
REQUESTED_SLOT = "requested_slot"
START_PAYLOAD = "/start_red_flag_check"
# Stop, back and skip words count only in short messages: "ik wil terug naar huis" is no "terug".
SHORT_MESSAGE_WORDS = 4
INTENT_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Question:
    slot: str
    text: Mapping[str, str]
    strong: bool = False
    danger_now: bool = False


@dataclass(frozen=True)
class RedFlags:
    questions: tuple[Question, ...]
    outcomes: Mapping[str, Mapping[str, str]]
    messages: Mapping[str, Mapping[str, str]]
    answers: Mapping[str, tuple[str, ...]]
    several: int
    offer_intents: frozenset[str]
    offer_always: frozenset[str]
    offer_cues: tuple[str, ...]
    source: str
    source_title: str

    @property
    def slots(self) -> list[str]:
        return [question.slot for question in self.questions]

    def question(self, slot: str) -> Question:
        for question in self.questions:
            if question.slot == slot:
                return question
        raise KeyError(slot)

    def text(self, table: Mapping[str, Mapping[str, str]], key: str, language: str) -> str:
        texts = table[key]
        return texts.get(language) or texts["nl"]


class Turn(str, Enum):
    YES = "yes"
    NO = "no"
    SKIP = "skip"
    BACK = "back"
    STOP = "stop"
    UNCLEAR = "unclear"


def read_turn(flags: RedFlags, text: str, intent: str, confidence: float = 1.0) -> Turn:
    """Stop, back and skip before yes and no ("nee, stop" stops)."""
    folded = fold(text)
    words = folded.split()
    short = len(words) <= SHORT_MESSAGE_WORDS
    confident = confidence >= INTENT_CONFIDENCE
    if (confident and intent == "stop_form") or (short and has_phrase(folded, flags.answers["stop"])):
        return Turn.STOP
    if (confident and intent == "go_back") or (short and has_phrase(folded, flags.answers["back"])):
        return Turn.BACK
    if short and has_phrase(folded, flags.answers["skip"]):
        return Turn.SKIP
    if words and words[0] in flags.answers["yes"]:
        return Turn.YES
    if words and words[0] in flags.answers["no"]:
        return Turn.NO
    if confident and intent in ("affirm", "deny"):
        return Turn.YES if intent == "affirm" else Turn.NO
    said_yes, said_no = has_phrase(folded, flags.answers["yes"]), has_phrase(folded, flags.answers["no"])
    if said_yes != said_no:
        return Turn.YES if said_yes else Turn.NO
    return Turn.UNCLEAR


def outcome_of(flags: RedFlags, answers: Mapping[str, Optional[str]], danger: bool = False) -> str:
    """danger_now (danger now, or the safety net fired inside the check), several, one or none."""
    if danger or any(answers.get(q.slot) == YES for q in flags.questions if q.danger_now):
        return DANGER_NOW
    flagged = [q for q in flags.questions if not q.danger_now and answers.get(q.slot) == YES]
    if any(q.strong for q in flagged) or len(flagged) >= flags.several:
        return "several"
    return "one" if flagged else "none"


@dataclass(frozen=True)
class Plan:
    """Texts to say and slots to set for one turn. ``requested_slot`` None ends the form; a slot reset to
    None is asked (again)."""

    texts: tuple[str, ...] = ()
    slots: Mapping[str, Any] = field(default_factory=dict)


def _previous(flags: RedFlags, answers: Mapping[str, Optional[str]], requested: str) -> Optional[str]:
    """The last answered question before ``requested`` (the form asks the first unanswered slot)."""
    before = flags.slots[: flags.slots.index(requested)]
    answered = [slot for slot in before if answers.get(slot) is not None]
    return answered[-1] if answered else None


def plan_turn(flags: RedFlags, answers: Mapping[str, Optional[str]], requested: str, turn: Turn,
              language: str, safety: Iterable[str] = ()) -> Plan:
    """The validation step for one message while question ``requested`` is open. ``safety``: what the
    safety net flagged in this message (its 112 or 113 message already went out first). Acute danger ends
    the check with the 112 outcome, suicidal thoughts end it quietly: no more questions after either."""
    flagged = set(safety)
    if "acute" in flagged:
        return Plan((), {DANGER_SLOT: True, OUTCOME_SLOT: DANGER_NOW, REQUESTED_SLOT: None})
    if flagged:
        return Plan((), {OUTCOME_SLOT: STOPPED, REQUESTED_SLOT: None})
    question = flags.question(requested)
    if turn in (Turn.YES, Turn.NO):
        value = YES if turn is Turn.YES else NO
        if question.danger_now and value == YES:
            return Plan((), {requested: value, OUTCOME_SLOT: DANGER_NOW, REQUESTED_SLOT: None})
        if requested == flags.slots[-1]:
            outcome = outcome_of(flags, {**answers, requested: value})
            return Plan((), {requested: value, OUTCOME_SLOT: outcome, REQUESTED_SLOT: None})
        return Plan((), {requested: value})
    if turn is Turn.SKIP:
        skipped = (flags.text(flags.messages, "skipped", language),)
        if requested == flags.slots[-1]:
            outcome = outcome_of(flags, {**answers, requested: SKIP})
            return Plan(skipped, {requested: SKIP, OUTCOME_SLOT: outcome, REQUESTED_SLOT: None})
        return Plan(skipped, {requested: SKIP})
    if turn is Turn.STOP:
        return Plan((), {OUTCOME_SLOT: STOPPED, REQUESTED_SLOT: None})
    if turn is Turn.BACK:
        previous = _previous(flags, answers, requested)
        if previous is None:
            return Plan((flags.text(flags.messages, "back_at_start", language),), {requested: None})
        return Plan((flags.text(flags.messages, "back", language),), {previous: None, requested: None})
    return Plan((flags.text(flags.messages, "hint", language),), {requested: None})


def outcome_texts(flags: RedFlags, outcome: Optional[str], language: str, alarmed: bool = False) -> list[str]:
    """The closing messages: stopped, or the outcome with the safety-plan advice and the source.
    ``alarmed``: the safety net's 112 message was just said, so the check only says why it stops."""
    if outcome is None or outcome == STOPPED or outcome not in flags.outcomes:
        return [flags.text(flags.messages, "stopped", language)]
    if outcome == DANGER_NOW and alarmed:
        return [flags.text(flags.messages, "after_alarm", language)]
    texts = [flags.text(flags.outcomes, outcome, language)]
    if outcome in ("several", "one"):
        texts.append(flags.text(flags.messages, "safety_plan", language))
    if outcome == "several":
        label = "Source" if language == "en" else "Bron"
        texts[0] = f"{texts[0]}\n{label}: {flags.source_title} ({flags.source})"
    return texts


def _stems(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(fold(word) for word in words)


def should_offer(flags: RedFlags, intent: str, text: str, role: Optional[str], safety: Iterable[str],
                 offered: bool) -> bool:
    """Offer once, to a victim or bystander (not a child or professional), never over a safety message,
    when the message names control or threats."""
    if offered or role in ("child", "professional") or any(True for _ in safety):
        return False
    if intent not in flags.offer_intents:
        return False
    if intent in flags.offer_always:
        return True
    return any(word.startswith(flags.offer_cues) for word in fold(text).split())


def _texts(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or any(not raw.get(lang) for lang in LANGUAGES):
        raise ValueError(f"{FLAGS_FILE}: {where} needs a text for each of {', '.join(LANGUAGES)}")
    return {lang: " ".join(str(raw[lang]).split()) for lang in LANGUAGES}


def parse_red_flags(data: dict[str, Any]) -> RedFlags:
    questions = tuple(
        Question(slot=raw["slot"], text=_texts(raw.get("text"), raw["slot"]), strong=bool(raw.get("strong")),
                 danger_now=bool(raw.get("danger_now")))
        for raw in data["questions"]
    )
    answers = {str(kind): _stems(words) for kind, words in data["answers"].items()}
    missing = {"yes", "no", "skip", "stop", "back"} - set(answers)
    if missing:
        raise ValueError(f"{FLAGS_FILE}: answers lacks {', '.join(sorted(missing))}")
    flags = RedFlags(
        questions=questions,
        outcomes={key: _texts(raw, f"outcomes.{key}") for key, raw in data["outcomes"].items()},
        messages={key: _texts(raw, f"messages.{key}") for key, raw in data["messages"].items()},
        answers=answers,
        several=int(data["several"]),
        offer_intents=frozenset(data["offer_intents"]),
        offer_always=frozenset(data.get("offer_always") or ()),
        offer_cues=_stems(data["offer_cues"]),
        source=data["source"],
        source_title=data["source_title"],
    )
    if {DANGER_NOW, "several", "one", "none"} - set(flags.outcomes):
        raise ValueError(f"{FLAGS_FILE}: outcomes needs danger_now, several, one and none")
    if not questions[0].danger_now:
        raise ValueError(f"{FLAGS_FILE}: the first question asks about danger now")
    return flags


@lru_cache(maxsize=1)
def load_red_flags(path: Path = FLAGS_FILE) -> RedFlags:
    with open(path, encoding="utf-8") as handle:
        return parse_red_flags(yaml.safe_load(handle))
