"""The professional passage rules (knowledge/professional.yml through actions/professional.py)."""
from __future__ import annotations

import pytest

from actions.professional import fold, parse_passages
from actions.routes import load_routes


@pytest.fixture(scope="module")
def passages():
    return load_routes().passages


def test_fold_lowers_strips_accents_and_pads():
    assert fold("Cliënt: stap-2?") == " client stap 2 "


@pytest.mark.parametrize(("text", "entry"), [
    ("welke stap volgt op stap 1", "meldcode-stap-2"),
    ("overleg gehad met onze aandachtsfunctionaris, wat daarna", "meldcode-stap-3"),
    ("what do I do after step 4?", "meldcode-stap-5"),
    ("welke stap gaat vooraf aan stap 2", "meldcode-stap-1"),
    ("what should I have done before talking to the father", "meldcode-stap-2"),
])
def test_the_step_after_or_before(passages, text, entry):
    assert passages.select(text) == entry


@pytest.mark.parametrize(("text", "entry"), [
    ("leg me de derde stap uit", "meldcode-stap-3"),
    ("step five please", "meldcode-stap-5"),
    ("wat doe ik in stap0", "meldcode-stap-0-basishouding"),
    ("hoe werkt collegiale consultatie", "meldcode-stap-2"),
    ("bij wie moet ik terecht in stap twee van de meldcode", "meldcode-stap-2"),
    ("with whom must I consult in step 2 of the code", "meldcode-stap-2"),
])
def test_a_named_step(passages, text, entry):
    assert passages.select(text) == entry


def test_a_class_number_is_no_step(passages):
    assert passages.select("ik heb een kind in groep 4 met blauwe plekken") is None


@pytest.mark.parametrize(("text", "entry"), [
    ("moet ik mijn observaties noteren", "meldcode-vastleggen"),
    ("bij direct gevaar, moet ik dan eerst overleggen?", "meldcode-acuut"),
    ("wat is acute onveiligheid", "acute-onveiligheid"),
    ("welke volgorde hebben de stappen", "meldcode-volgorde"),
    ("is het afwegingskader verplicht voor mij", "afwegingskader-verplicht"),
    ("heb ik een meldplicht", "meldcode-verplicht"),
    ("wie moet er met de meldcode werken", "meldcode-verplicht"),
    ("wat is de derde afwegingsvraag", "afwegingskader-vraag-3"),
    ("afwegingskader vraag 5 uitleg", "afwegingskader-vraag-5"),
])
def test_topics(passages, text, entry):
    assert passages.select(text) == entry


def test_a_sector_route_uses_the_remembered_profession(passages):
    assert passages.select("en als het om een invaller gaat?") is None
    assert passages.select("en als het om een invaller gaat?", "kinderopvang") == "sector-kinderopvang-route-2"
    assert passages.select("mag ik zonder toestemming melden", "huisarts") == "sector-artsen-beroepsgeheim"


def test_the_profession_named_in_the_question(passages):
    assert passages.select("welke meldcode volgt een logopedist") == "sector-paramedici"
    assert passages.select("welk afwegingskader hoort bij mij", "justitie") == "sector-justitie"
    assert passages.select("welk afwegingskader hoort bij mij") == "sector-afwegingskaders"


def test_the_overview_question_is_left_to_the_route(passages):
    assert passages.select("wat zijn de stappen van de meldcode") is None


def test_unknown_computed_rule_is_refused():
    with pytest.raises(ValueError, match="unknown computed rule"):
        parse_passages({"rules": ["nonsense"]}, {}, lookup={})


def test_a_rule_without_words_is_refused():
    with pytest.raises(ValueError, match="needs an entry"):
        parse_passages({"rules": [{"entry": "kindcheck"}]}, {}, lookup={})


def test_every_entry_the_rules_name_exists(passages):
    from knowledge.config import load_settings
    from knowledge.curated import load_entries

    known = {entry.id for entry in load_entries(load_settings().entries_dir)}
    named = {step.entry for step in passages.steps.values()}
    named |= {rule.entry for rule in passages.rules if not isinstance(rule, str)}
    named |= {rule.entry for rules in passages.sector_rules.values() for rule in rules}
    named |= {passages.question_entry.format(number=n) for n in range(1, 6)}
    named |= set(passages.sector_entries.values())
    assert named - known == set()


def test_a_situation_told_by_a_professional_gets_the_sector_route():
    from actions.compose import compose
    from actions.context import TurnContext

    class Entries:
        def entry(self, entry_id, lang="nl"):
            from knowledge.index import Hit
            return Hit(id=entry_id, title=entry_id, text=entry_id, source="https://example.org", source_title="x",
                       location=None, audience="professional", lang=lang, kind="curated", verified=True, score=1.0)

        def search(self, text, audience=None, lang="nl", k=5):
            from knowledge.index import SearchResult
            return SearchResult(hits=[], answered=False, best_score=0.0)

    def turn(role):
        return TurnContext(text="ik denk dat een invaller een kind slaat", intent="situation_bystander",
                           confidence=0.9, language="nl", role=role, sector="kinderopvang")

    assert compose(turn("professional"), load_routes(), Entries()).entry_ids == ["sector-kinderopvang-route-2"]
    assert compose(turn("citizen"), load_routes(), Entries()).entry_ids == ["omstander-advies"]


@pytest.mark.parametrize("text", ["kun je de meldcode stap voor stap uitleggen",
                                  "loop het afwegingskader stap voor stap met me door",
                                  "walk me through the framework step by step"])
def test_step_by_step_asks_for_no_neighbouring_step(passages, text):
    assert passages.select(text) is None


@pytest.mark.parametrize("text", [
    "ik werk in de ggz, mijn cliënt drinkt veel alcohol en heeft twee jonge kinderen thuis, wat nu",
    "mijn patiënt is verslaafd en heeft een baby, moet ik iets doen",
    "my client has a psychosis and two kids, what should I check",
])
def test_an_adult_client_whose_problems_can_harm_children_gets_the_kindcheck(passages, text):
    assert passages.select(text) == "kindcheck"


def test_a_patient_alone_does_not_make_the_asker_a_doctor(passages):
    assert passages.select("een patiënt vertelt over geweld thuis, wat zegt mijn sector") != "sector-artsen"


@pytest.mark.parametrize(("text", "previous", "entry"), [
    ("en wat komt daarna?", "wat houdt stap 3 in", "meldcode-stap-4"),
    ("and the one before?", "explain the collegiale consultatie to me", "meldcode-stap-1"),
    ("wat moet ik daarna doen", "hoe werkt de eerste stap", "meldcode-stap-2"),
])
def test_a_short_follow_up_takes_the_step_from_the_message_before(passages, text, previous, entry):
    assert passages.follow_up_neighbour(text, previous) == entry


@pytest.mark.parametrize(("text", "previous"), [
    ("en wat komt daarna?", "ik maak me zorgen om een leerling"),  # no step before
    ("en wat komt daarna?", "hoe verhouden stap 2 en stap 4 zich"),  # two steps: which one?
    ("wat komt er na stap 5?", "wat is stap 2"),  # names its own step: the rules answer that
    ("ok", "wat is stap 2"),  # no relation word
])
def test_no_follow_up_step_without_a_single_step_before_and_a_relation_now(passages, text, previous):
    assert passages.follow_up_neighbour(text, previous) is None


@pytest.mark.parametrize("text", [
    "na het gesprek met de ouders is mijn vermoeden weg, moet ik nog iets vastleggen?",
    "Our worries were unfounded after consulting a colleague. What now?",
    "de zorgen bleken ongegrond, hoe rond ik dit af",
])
def test_no_suspicion_left_gets_the_first_assessment_question(passages, text):
    assert passages.select(text) == "afwegingskader-vraag-1"


@pytest.mark.parametrize("text", [
    "een leerling uit klas 3b vertelde me vanochtend dat haar moeder haar opsluit, wat nu?",
    "A student in my class confided in me that her uncle touches her. What should I say to her?",
    "ik heb een scholier beloofd dat ik het geheim hou, maar haar vader slaat haar",
])
def test_a_pupil_who_confides_gets_the_teachers_entry(passages, text):
    assert passages.select(text) == "leerling-vertelt"


@pytest.mark.parametrize(("text", "entry"), [
    ("moet het gesprek met de ouders (stap 3) echt altijd eerst, voordat ik meld?", "meldcode-stap-3"),
    ("does step 3 always have to happen before I report? the mother threatened me", "meldcode-stap-3"),
    ("welke stap gaat vooraf aan stap 2", "meldcode-stap-1"),
])
def test_a_step_asked_about_before_the_report_is_that_step(passages, text, entry):
    assert passages.select(text) == entry


def test_which_framework_is_asked_not_the_step_after_it(passages):
    text = "wat nu met deze client, en welk afwegingskader hoort bij mijn vak?"
    assert passages.select(text, "psycholoog") == "sector-psychologen-pedagogen"
