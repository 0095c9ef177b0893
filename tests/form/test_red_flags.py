"""The red-flag check's pure logic (actions/red_flags.py) on the real data file: every outcome, skip,
back, stop, the safety net inside the check, the offer, and the texts (no score, never "safe")."""
from __future__ import annotations

import re

import pytest

from actions.red_flags import (
    DANGER_NOW,
    DANGER_SLOT,
    OUTCOME_SLOT,
    REQUESTED_SLOT,
    STOPPED,
    Turn,
    load_red_flags,
    outcome_of,
    outcome_texts,
    plan_turn,
    read_turn,
    should_offer,
)

FLAGS = load_red_flags()
FIRST, LAST = FLAGS.slots[0], FLAGS.slots[-1]


def answers(**given: str) -> dict[str, str]:
    base = {slot: "no" for slot in FLAGS.slots}
    base.update(given)
    return base


@pytest.mark.parametrize(("text", "intent", "turn"), [
    ("ja", "affirm", Turn.YES), ("nee", "deny", Turn.NO), ("nooit", "nlu_fallback", Turn.NO),
    ("yes he did", "affirm", Turn.YES), ("overslaan", "nlu_fallback", Turn.SKIP), ("skip", "out_of_scope", Turn.SKIP),
    ("weet ik niet", "nlu_fallback", Turn.SKIP), ("terug", "go_back", Turn.BACK), ("stop", "stop_form", Turn.STOP),
    ("nee, stop", "deny", Turn.STOP), ("hij wil terug naar zijn moeder", "situation_victim", Turn.UNCLEAR),
    ("banaan", "out_of_scope", Turn.UNCLEAR),
])
def test_read_turn(text: str, intent: str, turn: Turn) -> None:
    assert read_turn(FLAGS, text, intent, 0.9) is turn


def test_danger_now_on_the_first_question_ends_with_112() -> None:
    plan = plan_turn(FLAGS, {}, FIRST, Turn.YES, "nl")
    assert plan.slots == {FIRST: "yes", OUTCOME_SLOT: DANGER_NOW, REQUESTED_SLOT: None}
    text = " ".join(outcome_texts(FLAGS, DANGER_NOW, "nl"))
    assert "112" in text and "0800-2000" in text


def test_the_safety_net_inside_the_check_ends_it_without_repeating_112() -> None:
    plan = plan_turn(FLAGS, {FIRST: "no"}, FLAGS.slots[3], Turn.UNCLEAR, "nl", ["acute"])
    assert plan.slots == {DANGER_SLOT: True, OUTCOME_SLOT: DANGER_NOW, REQUESTED_SLOT: None}
    said = outcome_texts(FLAGS, DANGER_NOW, "nl", alarmed=True)
    assert len(said) == 1 and "stop hier met de vragen" in said[0] and "0800-2000" in said[0]


def test_suicidal_thoughts_inside_the_check_stop_it() -> None:
    plan = plan_turn(FLAGS, {FIRST: "no"}, FLAGS.slots[2], Turn.YES, "nl", ["suicide"])
    assert plan.slots == {OUTCOME_SLOT: STOPPED, REQUESTED_SLOT: None}


def test_yes_and_no_fill_the_slot_and_the_last_answer_decides() -> None:
    assert plan_turn(FLAGS, {FIRST: "no"}, FLAGS.slots[1], Turn.NO, "nl").slots == {FLAGS.slots[1]: "no"}
    given = answers(rf_scheiding="yes", rf_controle="yes")
    plan = plan_turn(FLAGS, {**given, LAST: None}, LAST, Turn.NO, "nl")
    assert plan.slots == {LAST: "no", OUTCOME_SLOT: "several", REQUESTED_SLOT: None}


@pytest.mark.parametrize(("given", "outcome"), [
    ({}, "none"),
    ({"rf_controle": "yes"}, "one"),
    ({"rf_controle": "yes", "rf_escalatie": "yes"}, "several"),
    ({"rf_wurging": "yes"}, "several"),  # strangling ever: one strong sign is enough
    ({"rf_doodsbedreiging": "yes"}, "several"),
    ({"rf_wapen": "yes"}, "several"),
    ({"rf_zwanger": "yes", "rf_stalking": "skip"}, "one"),
    ({slot: "skip" for slot in FLAGS.slots[1:]}, "none"),
    ({"rf_gevaar_nu": "yes"}, DANGER_NOW),
])
def test_outcome_of(given: dict[str, str], outcome: str) -> None:
    assert outcome_of(FLAGS, answers(**given)) == outcome


def test_skip_moves_on_and_skipping_the_last_question_still_decides() -> None:
    plan = plan_turn(FLAGS, {FIRST: "no"}, FLAGS.slots[1], Turn.SKIP, "en")
    assert plan.slots == {FLAGS.slots[1]: "skip"} and "skip" in plan.texts[0].lower()
    last = plan_turn(FLAGS, answers(rf_wapen="yes", rf_zwanger=None), LAST, Turn.SKIP, "nl")
    assert last.slots[OUTCOME_SLOT] == "several" and last.slots[REQUESTED_SLOT] is None


def test_back_clears_the_previous_answer_and_stops_at_the_start() -> None:
    plan = plan_turn(FLAGS, {FIRST: "no", FLAGS.slots[1]: "skip"}, FLAGS.slots[2], Turn.BACK, "nl")
    assert plan.slots == {FLAGS.slots[1]: None, FLAGS.slots[2]: None}
    at_start = plan_turn(FLAGS, {}, FIRST, Turn.BACK, "nl")
    assert at_start.slots == {FIRST: None} and "eerste vraag" in at_start.texts[0]


def test_stop_ends_with_veilig_thuis_and_112() -> None:
    plan = plan_turn(FLAGS, {FIRST: "no"}, FLAGS.slots[4], Turn.STOP, "nl")
    assert plan.slots == {OUTCOME_SLOT: STOPPED, REQUESTED_SLOT: None}
    stopped = " ".join(outcome_texts(FLAGS, STOPPED, "en"))
    assert "0800-2000" in stopped and "112" in stopped


def test_unclear_asks_again_with_a_hint() -> None:
    plan = plan_turn(FLAGS, {FIRST: "no"}, FLAGS.slots[1], Turn.UNCLEAR, "nl")
    assert plan.slots == {FLAGS.slots[1]: None} and "ja of nee" in plan.texts[0]


def test_several_explains_why_and_what_veilig_thuis_does_with_the_safety_plan_and_source() -> None:
    for language in ("nl", "en"):
        said = outcome_texts(FLAGS, "several", language)
        text = " ".join(said).lower()
        assert "0800-2000" in text and "112" in text
        assert ("veiligheidsplan" in text) if language == "nl" else ("safety plan" in text)
        assert "rijksoverheid" in said[0].lower() and len(said) == 2


def test_the_first_question_says_the_answers_are_not_stored_beyond_the_conversation() -> None:
    first = FLAGS.question(FIRST).text
    assert "nergens apart bewaard" in first["nl"] and "not stored anywhere separately" in first["en"]


def test_no_text_gives_a_score_or_says_someone_is_safe() -> None:
    texts = [t for table in (FLAGS.outcomes, FLAGS.messages) for v in table.values() for t in v.values()]
    texts += [t for q in FLAGS.questions for t in q.text.values()]
    for text in texts:
        # "geen score" / "no score" is the promise itself, not a score.
        lowered = text.lower().replace("geen score", "").replace("no score", "")
        assert not re.search(r"\b(you are safe|je bent veilig|score|punten|points)\b", lowered), text
        assert not re.search(r"\d+\s*(van|of|/)\s*\d+", lowered.replace("24/7", "")), text


@pytest.mark.parametrize(("intent", "text", "role", "offer"), [
    ("situation_victim", "mijn vriend controleert elke dag mijn telefoon", None, True),
    ("situation_bystander", "de buurman bedreigt zijn vrouw steeds", "citizen", True),
    ("situation_victim", "he threatens me when I go out", None, True),
    ("situation_stalking", "iemand staat steeds bij mijn huis", None, True),
    ("situation_victim", "mijn man slaat mij", None, False),  # no control or threat named
    ("situation_child", "mijn vader bedreigt mama", "child", False),
    ("situation_victim", "mijn vader bedreigt mama", "child", False),
    ("ask_meldcode_steps", "cliënt wordt bedreigd, wat zijn de stappen", "professional", False),
])
def test_should_offer(intent: str, text: str, role: str, offer: bool) -> None:
    assert should_offer(FLAGS, intent, text, role, (), offered=False) is offer


def test_offered_once_and_never_over_a_safety_message() -> None:
    text = "hij bedreigt mij"
    assert not should_offer(FLAGS, "situation_victim", text, None, (), offered=True)
    assert not should_offer(FLAGS, "situation_victim", text, None, ("acute",), offered=False)
