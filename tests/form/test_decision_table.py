"""The afwegingskader walk-through against the decision table of the domain facts (pure, no servers)."""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, Optional

import pytest
import yaml

from actions.afwegingskader import (
    OUTCOME_SLOT,
    REQUESTED_SLOT,
    STOPPED,
    Turn,
    decide,
    find_term,
    load_walkthrough,
    outcome_texts,
    plan_turn,
    read_turn,
)

ROOT = Path(__file__).resolve().parents[2]
FLOW = load_walkthrough()
SLOTS = ["afw_vermoeden", "afw_onveiligheid", "afw_hulp_mogelijk", "afw_hulp_aanvaard", "afw_duurzaam"]


def facts_decision(answers: tuple[bool, ...]) -> tuple[str, int]:
    """The afwegingskader as written in domain-facts.md: (outcome, number of questions asked)."""
    vermoeden, onveilig, hulp_mogelijk, aanvaard, duurzaam = answers
    if not vermoeden:
        return "afsluiten", 1  # Q1 nee: afsluiten en vastleggen
    if onveilig:
        return "melden_onveilig", 2  # Q2 ja: melden, vragen 3-5 samen met Veilig Thuis
    if not hulp_mogelijk:
        return "melden_geen_hulp", 3  # Q3 nee: melden
    if not aanvaard:
        return "melden_hulp_geweigerd", 4  # Q4 nee: melden
    return ("afronden" if duurzaam else "opnieuw_melden"), 5  # Q5 ja: afronden + monitoring; nee: (opnieuw) melden


ALL_ANSWERS = list(itertools.product([True, False], repeat=5))


class FormSimulator:
    """What Rasa's form does with the validation plans: ask the first empty slot, stop when
    requested_slot is set to None."""

    def __init__(self, language: str = "nl") -> None:
        self.slots: dict[str, Any] = dict.fromkeys(SLOTS)
        self.language = language
        self.said: list[str] = []
        self.outcome: Optional[str] = None
        self.done = False

    @property
    def asking(self) -> str:
        return next(slot for slot in SLOTS if self.slots[slot] is None)

    def say(self, text: str, intent: str = "", confidence: float = 0.9) -> None:
        assert not self.done, "form already finished"
        turn = read_turn(FLOW, text, intent, confidence)
        plan = plan_turn(FLOW, self.slots, self.asking, turn, text, self.language)
        self.said.extend(plan.texts)
        for key, value in plan.slots.items():
            if key == OUTCOME_SLOT:
                self.outcome = value
            elif key == REQUESTED_SLOT:
                self.done = value is None
            else:
                self.slots[key] = value


def test_the_table_has_the_five_questions_in_order():
    assert FLOW.slots == SLOTS


@pytest.mark.parametrize("answers", ALL_ANSWERS, ids=lambda a: "".join("jn"[not x] for x in a))
def test_every_path_of_answers_ends_with_the_outcome_of_the_facts(answers):
    outcome, asked = facts_decision(answers)
    decision = decide(FLOW, dict(zip(SLOTS, answers, strict=True)))
    assert decision.outcome == outcome
    assert decision.path == tuple(SLOTS[:asked])


@pytest.mark.parametrize("answers", ALL_ANSWERS, ids=lambda a: "".join("jn"[not x] for x in a))
def test_the_form_asks_only_the_questions_the_table_needs(answers):
    outcome, asked = facts_decision(answers)
    form = FormSimulator()
    for index in range(asked):
        assert form.asking == SLOTS[index]
        form.say("ja" if answers[index] else "nee")
    assert form.done and form.outcome == outcome
    assert all(form.slots[slot] is None for slot in SLOTS[asked:])


@pytest.mark.parametrize("slot", SLOTS)
def test_an_open_question_is_asked(slot):
    answers = {s: True for s in SLOTS[: SLOTS.index(slot)]}
    answers["afw_onveiligheid"] = False if "afw_onveiligheid" in answers else None
    decision = decide(FLOW, answers)
    assert decision.outcome is None and decision.ask == slot


def test_question_4_yes_says_to_offer_help_before_question_5():
    form = FormSimulator()
    for answer in ("ja", "nee", "ja"):
        form.say(answer)
    form.say("ja")
    assert form.asking == "afw_duurzaam" and not form.done
    assert any("bied of organiseer de hulp" in line.lower() for line in form.said)


@pytest.mark.parametrize(
    ("outcome", "words"),
    [
        ("afsluiten", ["vastleggen", "dossier"]),
        ("melden_onveilig", ["melden bij veilig thuis", "0800-2000", "samen met veilig thuis", "3 tot en met 5"]),
        ("melden_geen_hulp", ["melden bij veilig thuis", "0800-2000"]),
        ("melden_hulp_geweigerd", ["melden bij veilig thuis", "0800-2000"]),
        ("opnieuw_melden", ["(opnieuw) melden", "0800-2000"]),
        ("afronden", ["rond de hulp af", "monitoring"]),
    ],
)
def test_outcome_texts_say_the_decision_and_name_the_source(outcome, words):
    text = "\n".join(outcome_texts(FLOW, outcome, "nl")).lower()
    for word in words:
        assert word in text, word
    assert "bron: handelingsprotocol" in text and "https://" in text
    assert "source:" in "\n".join(outcome_texts(FLOW, outcome, "en")).lower()


def test_back_goes_to_the_previous_question_and_forgets_its_answer():
    form = FormSimulator()
    form.say("ja")
    form.say("nee")
    assert form.asking == "afw_hulp_mogelijk"
    form.say("terug", intent="go_back")
    assert form.asking == "afw_onveiligheid" and form.slots["afw_vermoeden"] is True
    form.say("ja")
    assert form.done and form.outcome == "melden_onveilig"


def test_back_on_the_first_question_stays_there():
    form = FormSimulator()
    form.say("ga terug", intent="go_back")
    assert form.asking == "afw_vermoeden" and not form.done
    assert "eerste vraag" in form.said[-1]


def test_stop_ends_the_form_without_a_decision():
    form = FormSimulator()
    form.say("ja")
    form.say("stop", intent="stop_form")
    assert form.done and form.outcome == STOPPED
    assert "stoppen" in outcome_texts(FLOW, STOPPED, "nl")[0].lower()


def test_explain_keeps_the_question_open_and_explains_the_term():
    form = FormSimulator()
    form.say("ja")
    form.say("wat betekent acute onveiligheid?", intent="ask_explain")
    assert form.asking == "afw_onveiligheid" and not form.done
    assert "direct fysiek gevaar" in form.said[-1].lower()


def test_explain_in_english_uses_the_english_text():
    form = FormSimulator(language="en")
    form.say("yes")
    form.say("what does structural unsafety mean?", intent="ask_explain")
    assert "repeated or continuing threat" in form.said[-1]


def test_unclear_answer_gets_a_hint_and_the_same_question():
    form = FormSimulator()
    form.say("banaan", intent="nlu_fallback", confidence=0.3)
    assert form.asking == "afw_vermoeden" and "ja of nee" in form.said[-1]


def test_unclear_answer_after_a_safety_message_gets_no_hint():
    plan = plan_turn(FLOW, dict.fromkeys(SLOTS), "afw_vermoeden", Turn.UNCLEAR, "hij heeft een mes", "nl",
                     flagged=True)
    assert plan.texts == () and plan.slots == {"afw_vermoeden": None}


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("ja", "affirm", Turn.YES),
        ("Jazeker!", "", Turn.YES),
        ("nee hoor", "deny", Turn.NO),
        ("Nee, stop maar", "deny", Turn.STOP),
        ("het geweld komt steeds terug", "deny", Turn.NO),
        ("ze willen niet stoppen met drinken", "", Turn.NO),
        ("er is wel een vermoeden", "", Turn.YES),
        ("Wat betekent acute onveiligheid?", "ask_explain", Turn.EXPLAIN),
        ("ja maar wat bedoel je met structureel?", "affirm", Turn.EXPLAIN),
        ("vorige vraag", "go_back", Turn.BACK),
        ("weet ik niet", "deny", Turn.UNSURE),
        ("yes", "affirm", Turn.YES),
        ("no", "deny", Turn.NO),
        ("qwerty", "nlu_fallback", Turn.UNCLEAR),
    ],
)
def test_reading_a_turn(text, intent, expected):
    assert read_turn(FLOW, text, intent, 0.9) is expected


def test_a_low_confidence_intent_does_not_decide():
    assert read_turn(FLOW, "misschien wel iets", "stop_form", 0.3) is not Turn.STOP


def test_terms_match_the_longest_word():
    assert find_term(FLOW, "wat is structurele onveiligheid").entry == "structurele-onveiligheid"
    assert find_term(FLOW, "wat betekent acuut?").entry == "acute-onveiligheid"
    assert find_term(FLOW, "wat bedoel je") is None


def _yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_domain_form_matches_the_table():
    domain = _yaml(ROOT / "domain.yml")
    assert domain["forms"]["afwegingskader_form"]["required_slots"] == FLOW.slots
    for slot in FLOW.slots:
        assert f"action_ask_{slot}" in domain["actions"]
        assert domain["slots"][slot]["type"] == "bool"
    assert "validate_afwegingskader_form" in domain["actions"]
    assert "action_afwegingskader_result" in domain["actions"]


def test_explanations_point_to_existing_knowledge_entries():
    ids = {entry["id"] for path in (ROOT / "knowledge" / "entries").glob("*.yml")
           for entry in _yaml(path).get("entries") or []}
    referenced = [FLOW.entry] + [q.entry for q in FLOW.questions] + [t.entry for t in FLOW.terms]
    assert set(referenced) <= ids, set(referenced) - ids
