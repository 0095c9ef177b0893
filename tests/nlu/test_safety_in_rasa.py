"""The safety net inside Rasa (Python 3.10 venv): the extractor flags acute danger and suicidal thoughts and
never nonsense, the language extractor says nl or en only, and SafetyNetPolicy starts every flagged turn with
112 / 113, then the normal reply or the running form, whatever the dialogue is doing."""
from __future__ import annotations

import pytest
from rasaprobe import run_probe


@pytest.fixture(scope="module")
def probe() -> dict:
    return run_probe("safety_probe.py")


def values(probe: dict, name: str, entity: str) -> list[str]:
    return [e["value"] for e in probe["entities"][name] if e["entity"] == entity]


@pytest.mark.parametrize("name, flags", [("acute", ["acute"]), ("suicide", ["suicide"]), ("both", ["acute", "suicide"]),
                                         ("acute_en", ["acute"]), ("suicide_en", ["suicide"]), ("past", []),
                                         ("nonsense", []), ("question_en", [])])
def test_the_extractor_flags_danger_and_suicide_and_nothing_else(probe, name, flags):
    assert values(probe, name, "safety") == flags


@pytest.mark.parametrize("name, language", [("acute", ["nl"]), ("acute_en", ["en"]), ("question_en", ["en"]),
                                            ("question_tr", []), ("nonsense", [])])
def test_the_language_entity_is_only_a_language_the_bot_replies_in(probe, name, language):
    assert values(probe, name, "language") == language


def test_acute_danger_gets_112_first_then_the_reply(probe):
    assert probe["turns"]["acute"] == ["utter_safety_acute", "action_reply", "action_listen"]
    assert probe["turns"]["acute_en"] == ["utter_safety_acute", "action_reply", "action_listen"]


def test_suicidal_thoughts_get_113_first(probe):
    assert probe["turns"]["suicide"] == ["utter_safety_suicide", "action_reply", "action_listen"]


def test_both_signs_get_both_messages_before_the_reply(probe):
    assert probe["turns"]["both"] == ["utter_safety_acute", "utter_safety_suicide", "action_reply", "action_listen"]


def test_past_violence_is_left_to_the_other_policies(probe):
    assert probe["turns"]["past"] == ["(no prediction)"]


def test_during_a_form_the_safety_message_comes_first_then_the_form_goes_on(probe):
    assert probe["in_form"] == ["utter_safety_acute", "afwegingskader_form", "(rules decide)"]


def test_when_the_form_rejected_the_message_the_reply_action_answers(probe):
    assert probe["in_rejected_form"] == ["utter_safety_suicide", "action_reply", "action_listen"]


@pytest.mark.parametrize("language, words", [("nl", "Bel dan meteen 112"), ("en", "call 112"),
                                             ("tr", "Bel dan meteen 112"), ("pl", "Bel dan meteen 112"),
                                             ("ar", "Bel dan meteen 112"), ("de", "Bel dan meteen 112")])
def test_the_reply_language_for_every_language(probe, language, words):
    """Dutch, or English when the person writes English; every other language gets Dutch (with 112 as digits)."""
    assert words in probe["by_language"][language]


def test_a_short_message_keeps_the_language_of_the_conversation(probe):
    assert ["call 112" in text for text in probe["english_then_short"]] == [True, True]
