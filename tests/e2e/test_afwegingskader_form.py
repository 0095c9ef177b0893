"""The afwegingskader walk-through (Rasa form) through the real servers: outcome, stop, back, explain,
the safety net inside the form, English."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

START = "loop het afwegingskader met me door"


def joined(replies: list[str]) -> str:
    return "\n".join(replies).lower()


def test_a_full_walk_through_ends_with_the_decision_and_its_source(chat):
    first = joined(chat(START))
    assert "vraag 1 van 5" in first and "chatbot" in first
    assert "vraag 2 van 5" in joined(chat("ja"))
    assert "vraag 3 van 5" in joined(chat("nee"))
    assert "vraag 4 van 5" in joined(chat("ja, dat kan ik"))
    fourth = joined(chat("ja"))
    assert "bied of organiseer de hulp" in fourth and "vraag 5 van 5" in fourth
    outcome = joined(chat("nee, het geweld komt steeds terug"))
    assert "(opnieuw) melden" in outcome and "0800-2000" in outcome
    assert "bron: handelingsprotocol" in outcome


def test_no_suspicion_closes_at_question_1_and_the_form_can_start_again(chat):
    chat(START)
    outcome = joined(chat("nee"))
    assert "afsluiten en vastleggen in het dossier" in outcome
    assert "vraag 1 van 5" in joined(chat(START))


def test_stop_ends_the_walk_through_and_the_bot_answers_normally_again(chat):
    chat(START)
    chat("ja")
    stopped = joined(chat("stop"))
    assert "we stoppen" in stopped and "vraag 2 van 5" not in stopped
    after = joined(chat("wat zijn de stappen van de meldcode?"))
    assert "signalen" in after and "vraag 3 van 5" not in after


def test_back_asks_the_previous_question_again(chat):
    chat(START)
    chat("ja")
    chat("nee")
    back = joined(chat("terug"))
    assert "vraag 2 van 5" in back
    outcome = joined(chat("ja"))
    assert "melden bij veilig thuis" in outcome and "samen met veilig thuis" in outcome


def test_explain_gives_the_meaning_and_the_same_question(chat):
    chat(START)
    chat("ja")
    explained = joined(chat("wat betekent acute onveiligheid?"))
    assert "direct fysiek gevaar" in explained
    assert "vraag 2 van 5" in explained


def test_acute_danger_inside_the_form_gets_112_first_and_the_form_goes_on(chat):
    chat(START)
    chat("ja")
    replies = chat("hij heeft haar net gewurgd en nu staat hij met een mes voor de deur")
    assert replies and "112" in replies[0]
    assert "vraag 2 van 5" in joined(replies)
    assert "melden bij veilig thuis" in joined(chat("ja"))


def test_suicidal_thoughts_on_the_last_answer_get_113_and_the_outcome(chat):
    chat(START)
    for answer in ("ja", "nee", "ja", "ja"):
        chat(answer)
    replies = chat("nee, en ik wil zelf eigenlijk ook niet meer leven")
    assert replies and "113" in replies[0]
    assert "(opnieuw) melden" in joined(replies)


def test_english_walk_through(chat):
    first = joined(chat("walk me through the afwegingskader please"))
    assert "question 1 of 5" in first
    assert "question 2 of 5" in joined(chat("yes"))
    explained = joined(chat("what does structural unsafety mean?"))
    assert "repeated or continuing threat" in explained and "question 2 of 5" in explained
    assert "question 3 of 5" in joined(chat("no"))
    outcome = joined(chat("no"))
    assert "outcome: report to veilig thuis" in outcome and "source:" in outcome
