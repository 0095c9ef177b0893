"""The afwegingskader walk-through as data: questions, decisions and texts from knowledge/afwegingskader_form.yml.

Pure logic (no Rasa imports): ``decide`` walks the decision table along the answers given so far,
``read_turn`` says what a user message inside the walk-through means (yes, no, back, stop, ...).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

FORM_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "afwegingskader_form.yml"
LANGUAGES = ("nl", "en")
STOPPED = "stopped"
# Stop and back words count only in short messages: "het geweld komt steeds terug" answers question 5.
SHORT_MESSAGE_WORDS = 4
INTENT_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Branch:
    next: Optional[str] = None
    outcome: Optional[str] = None
    note: Optional[str] = None


@dataclass(frozen=True)
class Question:
    slot: str
    text: Mapping[str, str]
    explain: Mapping[str, str]
    entry: str
    if_yes: Branch
    if_no: Branch

    def branch(self, answer: bool) -> Branch:
        return self.if_yes if answer else self.if_no


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    entry: str
    text: Mapping[str, str]


@dataclass(frozen=True)
class Decision:
    """Where the answers lead: the question to ask next, or an outcome. ``path`` lists the slots answered
    on the way, ``notes`` the notes of the branches taken."""

    ask: Optional[str] = None
    outcome: Optional[str] = None
    path: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Walkthrough:
    questions: tuple[Question, ...]
    outcomes: Mapping[str, Mapping[str, str]]
    notes: Mapping[str, Mapping[str, str]]
    terms: tuple[Term, ...]
    messages: Mapping[str, Mapping[str, str]]
    answers: Mapping[str, tuple[str, ...]]
    source: str
    source_title: str
    entry: str

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


def decide(flow: Walkthrough, answers: Mapping[str, Optional[bool]]) -> Decision:
    """Follow the table from question 1; stops at the first unanswered question or at an outcome."""
    slot: Optional[str] = flow.questions[0].slot
    path: list[str] = []
    notes: list[str] = []
    while slot is not None:
        answer = answers.get(slot)
        if answer is None:
            return Decision(ask=slot, path=tuple(path), notes=tuple(notes))
        path.append(slot)
        branch = flow.question(slot).branch(bool(answer))
        if branch.note:
            notes.append(branch.note)
        if branch.outcome:
            return Decision(outcome=branch.outcome, path=tuple(path), notes=tuple(notes))
        slot = branch.next
    raise ValueError("decision table ends without an outcome")  # prevented by _check


class Turn(str, Enum):
    YES = "yes"
    NO = "no"
    BACK = "back"
    STOP = "stop"
    EXPLAIN = "explain"
    UNSURE = "unsure"
    UNCLEAR = "unclear"


def fold(text: str) -> str:
    """Lower case, diacritics removed, punctuation as spaces: 'Wat betekent "acute"?' -> 'wat betekent acute'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.findall(r"[\w']+", plain))


def has_phrase(folded: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {folded} "
    return any(f" {phrase} " in padded for phrase in phrases)


def _yes_or_no(flow: Walkthrough, folded: str, intent: str, confident: bool) -> Optional[Turn]:
    words = folded.split()
    yes, no = flow.answers["yes"], flow.answers["no"]
    if words and words[0] in yes:
        return Turn.YES
    if words and words[0] in no:
        return Turn.NO
    if confident and intent in ("affirm", "deny"):
        return Turn.YES if intent == "affirm" else Turn.NO
    said_yes, said_no = has_phrase(folded, yes), has_phrase(folded, no)
    if said_yes != said_no:
        return Turn.YES if said_yes else Turn.NO
    return None


def read_turn(flow: Walkthrough, text: str, intent: str, confidence: float = 1.0) -> Turn:
    """What a message inside the walk-through asks for. Stop and back before explanations, explanations
    before answers ("ja, maar wat betekent structureel?" asks a question)."""
    folded = fold(text)
    short = len(folded.split()) <= SHORT_MESSAGE_WORDS
    confident = confidence >= INTENT_CONFIDENCE
    if (confident and intent == "stop_form") or (short and has_phrase(folded, flow.answers["stop"])):
        return Turn.STOP
    if (confident and intent == "go_back") or (short and has_phrase(folded, flow.answers["back"])):
        return Turn.BACK
    if (confident and intent == "ask_explain") or has_phrase(folded, flow.answers["explain"]):
        return Turn.EXPLAIN
    if has_phrase(folded, flow.answers["unsure"]):
        return Turn.UNSURE
    return _yes_or_no(flow, folded, intent, confident) or Turn.UNCLEAR


def find_term(flow: Walkthrough, text: str) -> Optional[Term]:
    """The term a "what does ... mean" question is about (longest matching word wins)."""
    folded = fold(text)
    best: Optional[tuple[int, Term]] = None
    for term in flow.terms:
        for word in term.words:
            if has_phrase(folded, (fold(word),)) and (best is None or len(word) > best[0]):
                best = (len(word), term)
    return best[1] if best else None


def _texts(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or any(not raw.get(lang) for lang in LANGUAGES):
        raise ValueError(f"{FORM_FILE}: {where} needs a text for each of {', '.join(LANGUAGES)}")
    return {lang: " ".join(str(raw[lang]).split()) for lang in LANGUAGES}


def _branch(raw: Any, where: str) -> Branch:
    raw = raw or {}
    branch = Branch(next=raw.get("next"), outcome=raw.get("outcome"), note=raw.get("note"))
    if (branch.next is None) == (branch.outcome is None):
        raise ValueError(f"{FORM_FILE}: {where} needs exactly one of 'next' and 'outcome'")
    return branch


def _question(raw: dict[str, Any]) -> Question:
    slot = raw["slot"]
    return Question(
        slot=slot,
        text=_texts(raw.get("text"), f"{slot}.text"),
        explain=_texts(raw.get("explain"), f"{slot}.explain"),
        entry=raw.get("entry", ""),
        if_yes=_branch(raw.get("if_yes"), f"{slot}.if_yes"),
        if_no=_branch(raw.get("if_no"), f"{slot}.if_no"),
    )


def _check(flow: Walkthrough) -> None:
    """Every branch leads to the next question or to a known outcome (and note), so ``decide`` always ends."""
    following = dict(zip(flow.slots, flow.slots[1:], strict=False))
    for question in flow.questions:
        for branch in (question.if_yes, question.if_no):
            # The form asks the first unanswered slot, so "next" must be the question after this one.
            if branch.next is not None and branch.next != following.get(question.slot):
                raise ValueError(f"{FORM_FILE}: {question.slot} must lead to the next question, not {branch.next}")
            if branch.outcome is not None and branch.outcome not in flow.outcomes:
                raise ValueError(f"{FORM_FILE}: unknown outcome {branch.outcome}")
            if branch.note is not None and branch.note not in flow.notes:
                raise ValueError(f"{FORM_FILE}: unknown note {branch.note}")


def parse_walkthrough(data: dict[str, Any]) -> Walkthrough:
    answers = {str(kind): tuple(fold(str(word)) for word in words) for kind, words in data["answers"].items()}
    flow = Walkthrough(
        questions=tuple(_question(raw) for raw in data["questions"]),
        outcomes={key: _texts(raw, f"outcomes.{key}") for key, raw in data["outcomes"].items()},
        notes={key: _texts(raw, f"notes.{key}") for key, raw in (data.get("notes") or {}).items()},
        terms=tuple(Term(words=tuple(t["words"]), entry=t.get("entry", ""), text=_texts(t["text"], "terms"))
                    for t in data.get("terms") or ()),
        messages={key: _texts(raw, f"messages.{key}") for key, raw in data["messages"].items()},
        answers=answers,
        source=data["source"],
        source_title=data["source_title"],
        entry=data.get("entry", ""),
    )
    missing = {"yes", "no", "stop", "back", "explain", "unsure"} - set(answers)
    if missing:
        raise ValueError(f"{FORM_FILE}: answers lacks {', '.join(sorted(missing))}")
    _check(flow)
    return flow


@lru_cache(maxsize=1)
def load_walkthrough(path: Path = FORM_FILE) -> Walkthrough:
    with open(path, encoding="utf-8") as handle:
        return parse_walkthrough(yaml.safe_load(handle))


OUTCOME_SLOT = "afw_outcome"
REQUESTED_SLOT = "requested_slot"


@dataclass(frozen=True)
class Plan:
    """What the validation action does with one turn: texts to say and slots to set. Setting
    ``requested_slot`` to None ends the form; a slot reset to None is asked (again) by the form."""

    texts: tuple[str, ...] = ()
    slots: Mapping[str, Any] = field(default_factory=dict)
    entries: tuple[str, ...] = ()


def plan_turn(flow: Walkthrough, answers: Mapping[str, Optional[bool]], requested: str, turn: Turn,
              text: str, language: str, flagged: bool = False) -> Plan:
    """The validation step for one user message while question ``requested`` is open."""
    question = flow.question(requested)
    if turn in (Turn.YES, Turn.NO):
        value = turn is Turn.YES
        branch = question.branch(value)
        notes = (flow.text(flow.notes, branch.note, language),) if branch.note else ()
        if branch.outcome:
            return Plan(notes, {requested: value, OUTCOME_SLOT: branch.outcome, REQUESTED_SLOT: None})
        return Plan(notes, {requested: value})
    if turn is Turn.STOP:
        return Plan((), {OUTCOME_SLOT: STOPPED, REQUESTED_SLOT: None})
    if turn is Turn.BACK:
        path = decide(flow, {**answers, requested: None}).path
        if not path:
            return Plan((flow.text(flow.messages, "back_at_start", language),), {requested: None})
        return Plan((flow.text(flow.messages, "back", language),), {path[-1]: None, requested: None})
    if turn is Turn.EXPLAIN:
        term = find_term(flow, text)
        if term is not None:
            return Plan((term.text.get(language) or term.text["nl"],), {requested: None}, (term.entry,))
        return Plan((question.explain.get(language) or question.explain["nl"],), {requested: None}, (question.entry,))
    if turn is Turn.UNSURE:
        texts = (question.explain.get(language) or question.explain["nl"], flow.text(flow.messages, "unsure", language))
        return Plan(texts, {requested: None}, (question.entry,))
    # Unclear. After a safety message (112/113) a "please answer yes or no" would sound cold: just ask again.
    return Plan(() if flagged else (flow.text(flow.messages, "hint", language),), {requested: None})


def outcome_texts(flow: Walkthrough, outcome: Optional[str], language: str) -> list[str]:
    """The closing message: the outcome with its source, or the "stopped" message."""
    if outcome is None or outcome == STOPPED or outcome not in flow.outcomes:
        return [flow.text(flow.messages, "stopped", language)]
    label = "Source" if language == "en" else "Bron"
    return [
        f"{flow.text(flow.outcomes, outcome, language)}\n{label}: {flow.source_title} ({flow.source})",
        flow.text(flow.messages, "closing", language),
    ]
