"""Long stories: the question at the end, what the story shows, and the reply built from both."""
from pathlib import Path

import pytest
import yaml

from actions.compose import compose
from actions.context import TurnContext
from actions.routes import load_routes
from actions.story import load_story_settings, question_of, themes_of
from tests.unit.test_compose import FakeHit, FakeKnowledge

STORIES = yaml.safe_load((Path(__file__).parents[1] / "knowledge" / "fixtures" / "stories.yml")
                         .read_text(encoding="utf-8"))


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_the_question_is_found_at_the_end(story):
    assert question_of(story["text"]).endswith(story["question"])


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_the_story_shows_its_themes(story):
    role = "child" if story["id"].startswith("teen") else None
    found = themes_of(story["text"], load_story_settings(), role)
    assert set(story["themes"]) <= set(found), found
    assert len(found) <= load_story_settings().max_themes


def test_without_a_question_mark_the_last_sentences_count():
    assert question_of("Het gaat al jaren zo. Hij slaat. Ik weet het niet meer.") == "Hij slaat. Ik weet het niet meer."


def test_a_theme_for_adults_is_not_named_to_a_child_and_the_other_way_round():
    text = "Mijn kinderen horen alles als hij mij slaat, ze huilen dan boven en hebben nachtmerries."
    settings = load_story_settings()
    assert "kinderen-getuige-geweld" in themes_of(text, settings, None)
    assert "kinderen-getuige-geweld" not in themes_of(text, settings, "child")


def knowledge():
    entries = {key: FakeHit(key, f"tekst over {key}") for key in
               ("dwingende-controle", "psychisch-geweld", "slachtoffer-volwassene", "financieel-misbruik")}
    return FakeKnowledge(entries=entries, search_hit=FakeHit("veilig-thuis-anoniem", "Anoniem advies kan"))


def test_a_long_story_gets_its_themes_named_its_question_answered_and_a_lifeline():
    story = next(s for s in STORIES if s["id"] == "control-money-phone")
    turn = TurnContext(text=story["text"], intent="situation_victim", confidence=0.9, language="nl", role=None,
                       sector=None)
    kb = knowledge()
    reply = compose(turn, load_routes(), kb)
    assert reply.texts[0].startswith("Dank je dat je je verhaal") and "dwingende controle" in reply.texts[0]
    assert reply.entry_ids[0] == "veilig-thuis-anoniem"  # the answer to the question comes first
    assert "dwingende-controle" in reply.entry_ids and len(reply.entry_ids) <= 3
    assert kb.searches[0][0] == question_of(story["text"])  # searched with the question, not the whole story
    assert "112" in reply.texts[-1] and "0800-2000" in reply.texts[-1]


def test_a_professional_gets_a_factual_opening():
    text = ("Ik ben mentor op een middelbare school. Een leerling vertelt al maanden regelmatig dat haar vader "
            "haar moeder slaat en dat zij het ziet. Ze is moe en stil in de klas. " * 4) + "Wat moet ik nu doen?"
    turn = TurnContext(text=text, intent="ask_professional_advice", confidence=0.9, language="nl",
                       role="professional", sector=None)
    reply = compose(turn, load_routes(), FakeKnowledge())
    assert reply.texts[0].startswith("Dank je voor je uitgebreide beschrijving")
    assert "structurele onveiligheid" in reply.texts[0] and "niet jouw schuld" not in reply.texts[0]


def test_short_messages_are_no_story():
    turn = TurnContext(text="mijn man slaat me", intent="situation_victim", confidence=0.9, language="nl",
                       role=None, sector=None)
    reply = compose(turn, load_routes(), knowledge())
    assert not reply.texts[0].startswith("Dank je dat je je verhaal")


def test_a_flagged_story_the_classifier_did_not_place_still_gets_veilig_thuis():
    text = "Ik weet niet meer wat ik moet. " * 30 + "Hij zegt dat hij me vannacht iets aandoet."
    turn = TurnContext(text=text, intent="nlu_fallback", confidence=0.3, language="nl", role=None, sector=None,
                       safety=frozenset({"acute"}))
    kb = FakeKnowledge(entries={"veilig-thuis": FakeHit("veilig-thuis", "Veilig Thuis 0800-2000")})
    reply = compose(turn, load_routes(), kb)
    assert "veilig-thuis" in reply.entry_ids and reply.handoff is None
