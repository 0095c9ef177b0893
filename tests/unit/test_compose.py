from dataclasses import dataclass, field
from typing import Optional

import pytest

from actions.compose import compose, render
from actions.context import (
    TurnContext,
    age_in_text,
    infer_role,
    plausible_step,
    says_professional,
    without_introduction,
)
from actions.lifeline import load_lifeline
from actions.routes import load_routes


@dataclass
class FakeHit:
    id: str
    text: str
    audience: str = "citizen"
    kind: str = "curated"
    source: str = "https://example.org"
    source_title: str = "Voorbeeldbron"
    location: Optional[str] = None


@dataclass
class FakeResult:
    hits: list
    answered: bool
    confidence: float = 0.9
    asked: bool = False


@dataclass
class FakeKnowledge:
    entries: dict = field(default_factory=dict)
    search_hit: Optional[FakeHit] = None
    searches: list = field(default_factory=list)
    by_audience: dict = field(default_factory=dict)  # audience -> (hits, confidence)
    asked: bool = False  # the best hit is a clear paraphrase of one of its entry's questions

    def search(self, text, audience=None, lang="nl", k=5):
        self.searches.append((text, audience, lang))
        if audience in self.by_audience:
            hits, confidence = self.by_audience[audience]
            return FakeResult(hits=hits, answered=bool(hits), confidence=confidence, asked=self.asked)
        hits = [self.search_hit] if self.search_hit else []
        return FakeResult(hits=hits, answered=bool(hits))

    def entry(self, entry_id, lang="nl"):
        return self.entries.get(entry_id)


def ctx(intent, text="tekst", **kw):
    return TurnContext(text=text, intent=intent, confidence=0.9, language=kw.pop("language", "nl"),
                       role=kw.pop("role", None), sector=kw.pop("sector", None), **kw)


KNOWLEDGE = FakeKnowledge(entries={
    "omstander-advies": FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000"),
    "kind-thuis-onveilig": FakeHit("kind-thuis-onveilig", "Bel de Kindertelefoon 0800-0432", audience="child"),
    "meldcode-stap-2": FakeHit("meldcode-stap-2", "Overleg met een collega", audience="professional"),
    "sector-artsen": FakeHit("sector-artsen", "KNMG-meldcode", audience="professional"),
    "veilig-thuis": FakeHit("veilig-thuis", "Veilig Thuis 0800-2000"),
})


def test_situation_intent_gives_its_pathway():
    reply = compose(ctx("situation_bystander"), load_routes(), KNOWLEDGE)
    assert reply.entry_ids == ["omstander-advies"]


def test_a_child_gets_the_child_pathway():
    reply = compose(ctx("situation_victim", role="child"), load_routes(), KNOWLEDGE)
    assert reply.entry_ids[0] == "kind-thuis-onveilig"


def test_step_entity_picks_the_step_and_cites_the_source():
    turn = ctx("ask_meldcode_step", entities={"step": ["2"]})
    reply = compose(turn, load_routes(), KNOWLEDGE)
    assert reply.entry_ids == ["meldcode-stap-2"]
    assert "Bron: Voorbeeldbron (https://example.org)" in reply.texts[0]


def test_remembered_profession_picks_the_sector_entry():
    reply = compose(ctx("ask_sector", sector="huisarts"), load_routes(), KNOWLEDGE)
    assert reply.entry_ids == ["sector-artsen"]


def assert_lifeline(reply, language="nl"):
    """The last text names 112 and Veilig Thuis 0800-2000 and carries the four quick choices."""
    last = reply.texts[-1]
    assert "112" in last and "0800-2000" in last and "Veilig Thuis" in last, reply.texts
    assert (("In gevaar? Bel 112" in last) if language == "nl" else ("In danger? Call 112" in last)), last
    titles = [button["title"] for button in reply.buttons]
    expected = {"nl": ["ik maak me zorgen om iemand", "het gebeurt bij mij thuis", "ik ben jonger dan 18",
                       "ik ben professional"],
                "en": ["I'm worried about someone", "it happens in my home", "I'm under 18", "I'm a professional"]}
    assert titles == expected[language]
    assert all(button["payload"] == button["title"] for button in reply.buttons), "a click sends its own words"


def test_out_of_scope_says_so_with_the_lifeline_and_twice_offers_a_human():
    first = compose(ctx("out_of_scope"), load_routes(), KNOWLEDGE)
    assert first.responses == [] and "niet mee helpen" in first.texts[0] and first.misunderstood == 1
    assert_lifeline(first)
    second = compose(ctx("out_of_scope", misunderstood=1), load_routes(), KNOWLEDGE)
    assert second.responses == ["utter_offer_human"] and second.handoff == "misunderstood"


def test_emoji_only_gets_a_gentle_check_in():
    reply = compose(ctx("nlu_fallback", text="😭😭😭"), load_routes(), FakeKnowledge())
    assert "woorden" in reply.texts[0]
    assert_lifeline(reply)


def test_unclear_message_gets_the_best_passage_with_a_hedge():
    knowledge = FakeKnowledge(search_hit=FakeHit("kindertelefoon", "Bel de Kindertelefoon 0800-0432"))
    reply = compose(ctx("nlu_fallback", text="mn pa mept me"), load_routes(), knowledge)
    assert reply.texts[0].startswith("Ik weet niet zeker of ik je goed begrijp")
    assert "0800-0432" in reply.texts[0] and reply.entry_ids == ["kindertelefoon"]
    assert_lifeline(reply)
    # the first search looks for an entry whose own question the message paraphrases (none here)
    assert knowledge.searches[1][1] == "citizen", "unknown askers get citizens' knowledge first"


def test_an_entry_for_everyone_that_fits_clearly_better_beats_the_citizens_entry():
    citizen = FakeHit("huiselijk-geweld-wat", "Huiselijk geweld is ...")
    partner = FakeHit("politie-zvh", "Het Zorg- en Veiligheidshuis ...", audience="professional")
    passage = FakeHit("doc:1", "Beleidstekst ...", audience="professional", kind="passage")
    better = FakeKnowledge(by_audience={"citizen": ([citizen], 0.95), None: ([partner, citizen], 1.01)})
    assert compose(ctx("nlu_fallback", text="wat doet een zvh"), load_routes(), better).entry_ids == ["politie-zvh"]
    close = FakeKnowledge(by_audience={"citizen": ([citizen], 0.99), None: ([partner, citizen], 1.01)})
    assert compose(ctx("nlu_fallback", text="wat doet een zvh"), load_routes(), close).entry_ids == [citizen.id]
    policy = FakeKnowledge(by_audience={"citizen": ([citizen], 0.9), None: ([passage, partner], 1.1)})
    assert compose(ctx("nlu_fallback", text="wat doet een zvh"), load_routes(), policy).entry_ids == [citizen.id]


def test_a_search_hit_already_on_the_pathway_makes_room_for_the_next():
    pathway = FakeHit("slachtoffer-volwassene", "Wat je overkomt is niet jouw schuld.")
    permit = FakeHit("geen-verblijfsvergunning", "Ook zonder verblijfsvergunning kun je hulp krijgen.")
    knowledge = FakeKnowledge(entries={"slachtoffer-volwassene": pathway},
                              by_audience={"citizen": ([pathway, permit], 0.95)})
    reply = compose(ctx("situation_victim", text="mijn verblijf hangt van hem af"), load_routes(), knowledge)
    assert reply.entry_ids == ["slachtoffer-volwassene", "geen-verblijfsvergunning"]


@pytest.mark.parametrize(("asked", "expected"), [
    (True, ["stalkerware-telefoon-checken", "omstander-advies"]),  # the question asked comes first
    (False, ["omstander-advies", "stalkerware-telefoon-checken"]),  # otherwise the route's own order
])
def test_a_clear_paraphrase_of_an_entrys_question_answers_first_on_any_route(asked, expected):
    pathway = FakeHit("omstander-advies", "Maak je je zorgen om iemand?")
    phone = FakeHit("stalkerware-telefoon-checken", "Kijk bij instellingen of je locatie wordt gedeeld.")
    knowledge = FakeKnowledge(entries={"omstander-advies": pathway}, by_audience={"citizen": ([phone], 0.95)},
                              asked=asked)
    reply = compose(ctx("situation_bystander", text="er zat een tracker onder mijn auto"), load_routes(), knowledge)
    assert reply.entry_ids == expected


def test_a_professional_in_a_situation_route_gets_the_professional_search():
    knowledge = FakeKnowledge(entries={"meisjesbesnijdenis": FakeHit("meisjesbesnijdenis", "Meisjesbesnijdenis ...")})
    compose(ctx("situation_fgm", text="ik vermoed besnijdenis bij een patientje", role="professional"),
            load_routes(), knowledge)
    assert ("ik vermoed besnijdenis bij een patientje", "professional", "nl") in knowledge.searches


def test_unclear_message_without_a_fitting_passage_says_what_the_bot_can_do():
    reply = compose(ctx("nlu_fallback", text="qwerty uiop"), load_routes(), FakeKnowledge())
    assert "huiselijk geweld" in reply.texts[0] and reply.misunderstood == 1
    assert_lifeline(reply)
    second = compose(ctx("nlu_fallback", text="zxcv", misunderstood=1), load_routes(), FakeKnowledge())
    assert second.responses == ["utter_offer_human"]


def test_the_lifeline_speaks_english_to_english_users():
    reply = compose(ctx("nlu_fallback", text="blorp", language="en"), load_routes(), FakeKnowledge())
    assert "domestic violence" in reply.texts[0]
    assert_lifeline(reply, "en")


def test_a_route_without_knowledge_falls_back_to_the_lifeline():
    reply = compose(ctx("ask_programme", text="iets over het programma"), load_routes(), FakeKnowledge())
    assert_lifeline(reply)


def test_an_unsure_classification_is_hedged_and_gets_the_lifeline():
    turn = TurnContext(text="tekst", intent="situation_bystander", confidence=0.5, language="nl", role=None,
                       sector=None)
    reply = compose(turn, load_routes(), KNOWLEDGE)
    assert reply.texts[0].startswith("Ik weet niet zeker") and "0800-2000" in reply.texts[0]
    assert reply.entry_ids == ["omstander-advies"]
    assert_lifeline(reply)


def test_a_confident_answer_has_no_hedge_and_no_buttons():
    reply = compose(ctx("situation_bystander"), load_routes(), KNOWLEDGE)
    assert not reply.texts[0].startswith("Ik weet niet zeker") and reply.buttons == []


@pytest.mark.parametrize(("text", "entry", "role"), [
    ("ik ben jonger dan 18", "kind-thuis-onveilig", "child"),
    ("Ik maak me zorgen om iemand", "omstander-advies", None),
    ("I'm a professional", "meldcode-stappen", "professional"),
])
def test_a_quick_choice_is_answered_directly(text, entry, role):
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries,
                                       "meldcode-stappen": FakeHit("meldcode-stappen", "5 stappen",
                                                                   audience="professional")})
    reply = compose(ctx("nlu_fallback", text=text), load_routes(), knowledge)
    assert reply.entry_ids[0] == entry and reply.role == role and reply.buttons == []


def test_flagged_message_is_never_answered_as_off_topic():
    turn = ctx("out_of_scope", safety=frozenset({"acute"}))
    reply = compose(turn, load_routes(), KNOWLEDGE)
    assert reply.entry_ids == ["veilig-thuis"]


def test_a_flagged_child_off_the_routes_still_gets_the_kindertelefoon():
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries,
                                       "kindertelefoon": FakeHit("kindertelefoon", "Kindertelefoon 0800-0432")})
    reply = compose(ctx("nlu_fallback", role="child", safety=frozenset({"suicide"})), load_routes(), knowledge)
    assert reply.entry_ids == ["kindertelefoon", "veilig-thuis"]


def test_passages_name_document_and_section():
    hit = FakeHit("doc:003:4", "MDA++ is ...", audience="professional", kind="passage",
                  source_title="Zesde voortgangsrapportage", location="4 Aanpak > 4.1 MDA++")
    assert render(hit, "nl").endswith("Bron: Zesde voortgangsrapportage, 4 Aanpak > 4.1 MDA++")


@pytest.mark.parametrize(("text", "age"), [
    ("hoi ik ben 12", 12), ("ben nog maar 11 hoor", 11), ("ik ben 15 jaar oud", 15), ("leeftijd: 9", 9),
    ("im 14 and scared", 14), ("I am only 13", 13), ("my sister is 10 and I'm 16", 16), ("16yo here", 16),
    ("13 yaşındayım ve korkuyorum", 13), ("Mam 12 lat i boję się", 12), ("عمري ١٤ سنة", 14),
    ("ik ben 5 jaar getrouwd", None), ("we zijn 3 weken verder", None), ("I'm 20 minutes away", None),
    ("ik ben moeder van 3 kinderen", None), ("ik heb 2 kinderen", None), ("stap 4 van de meldcode", None),
    ("als ik volgende maand 18 word, kan ik dan nog bellen?", 18), ("what happens when I turn 18", 18),
    ("ik word over 3 weken wakker", None),
])
def test_age_in_text(text, age):
    assert age_in_text(text) == age


def test_age_and_role_are_remembered():
    assert infer_role("hoi ik ben 12", "greet", None) == "child"
    assert infer_role("wat moet ik doen?", "situation_victim", "child") == "child"
    assert infer_role("welke stap?", "ask_meldcode_step", None) == "professional"


@pytest.mark.parametrize(("text", "entry"), [
    ("mijn waarnemingen staan genoteerd in het leerlingdossier, hoe ga ik verder?", "meldcode-stap-2"),
    ("I documented the injuries, what is the next step?", "meldcode-stap-2"),
    ("we hebben het besproken met de aandachtsfunctionaris, wat doen we daarna", "meldcode-stap-3"),
    ("advies gevraagd bij veilig thuis en alles vastgelegd. En nu?", "meldcode-stap-3"),
    ("ik heb met de vader gesproken over mijn zorgen, welke stap volgt?", "meldcode-stap-4"),
    ("Het gesprek met de cliënte is geweest. Wat hierna?", "meldcode-stap-4"),
    ("het afwegingskader is ingevuld, wat moet ik nu", "meldcode-stap-5"),
])
def test_next_step_follows_from_what_is_done(text, entry):
    assert load_routes().next_step.entry_for(text) == entry


def test_no_next_step_without_a_question_or_a_done_step():
    steps = load_routes().next_step
    assert steps.entry_for("wat is stap 2?") is None
    assert steps.entry_for("ik heb alles genoteerd") is None  # no question about what comes next


def test_passage_rules_name_the_step_after_the_one_done():
    passages = load_routes().passages
    assert passages.select("ik heb alles opgeschreven, wat is nu de volgende stap?") == "meldcode-stap-2"
    assert passages.select("Het gesprek met de ouders heb ik gevoerd. Wat is de volgende stap?") == "meldcode-stap-4"
    assert passages.select("wat is stap 2?") == "meldcode-stap-2"


def test_next_step_question_gets_the_following_step():
    turn = ctx("ask_meldcode_step", text="ik heb overlegd met een collega, wat is de volgende stap?")
    knowledge = FakeKnowledge(entries={"meldcode-stap-3": FakeHit("meldcode-stap-3", "Ga in gesprek")})
    assert compose(turn, load_routes(), knowledge).entry_ids == ["meldcode-stap-3"]


def test_an_adult_age_overrides_a_child_intent():
    assert infer_role("When I was ten my uncle abused me. I'm 25 now", "situation_child", None) == "citizen"


def test_a_number_is_a_step_only_next_to_the_word_stap():
    text = "ik ben juf in groep 4, wat is stap 2?"
    assert not plausible_step(text, {"value": "4", "start": 18, "end": 19})
    assert plausible_step(text, {"value": "2", "start": 32, "end": 33})
    assert plausible_step("wat doe je in de tweede stap", {"value": "2", "start": 17, "end": 23})
    assert not plausible_step("stap 23", {"value": "23", "start": 5, "end": 7})


def test_a_fallback_with_a_likely_runner_up_answers_that_route_with_the_hedge():
    turn = ctx("nlu_fallback", runner_up=("situation_bystander", 0.44))
    turn = TurnContext(**{**turn.__dict__, "confidence": 0.45})
    reply = compose(turn, load_routes(), KNOWLEDGE)
    assert reply.entry_ids == ["omstander-advies"] and reply.texts[0].startswith("Ik weet niet zeker")


@pytest.mark.parametrize("runner_up", [("situation_bystander", 0.2), ("greet", 0.44), ("request_human", 0.44),
                                       ("affirm", 0.44)])
def test_an_unlikely_or_unanswerable_runner_up_is_not_guessed(runner_up):
    reply = compose(ctx("nlu_fallback", runner_up=runner_up), load_routes(), FakeKnowledge())
    assert "omstander-advies" not in reply.entry_ids and "echt-mens" not in reply.entry_ids


@pytest.mark.parametrize(("text", "expected"), [
    ("ben 21 en woon nog thuis, mijn moeder kleineert me", ["alles-oke-supportlijn", "slachtoffer-volwassene"]),
    ("ik ben 34 en mijn moeder slaat me nog steeds", ["slachtoffer-volwassene"]),
    ("ik ben 14 en mijn moeder slaat me", ["kind-thuis-onveilig"]),
    ("mijn moeder slaat me", ["kind-thuis-onveilig"]),
])
def test_a_child_situation_told_by_someone_who_says_they_are_an_adult_gets_adult_lines(text, expected):
    knowledge = FakeKnowledge(entries={
        "kind-thuis-onveilig": FakeHit("kind-thuis-onveilig", "Bel de Kindertelefoon 0800-0432", audience="child"),
        "alles-oke-supportlijn": FakeHit("alles-oke-supportlijn", "Alles Oké? Supportlijn, 18 tot 25"),
        "slachtoffer-volwassene": FakeHit("slachtoffer-volwassene", "Veilig Thuis 0800-2000"),
    })
    context = ctx("situation_child", text=text, role=infer_role(text, "situation_child", None))
    reply = compose(context, load_routes(), knowledge)
    assert reply.entry_ids == expected


@pytest.mark.parametrize(("text", "role"), [
    ("ik ben mentor op het vmbo, een jongen vertelde me iets over thuis", "professional"),
    ("Ik vraag dit als jeugdarts: wat doe ik bij een vermoeden van meisjesbesnijdenis?", "professional"),
    ("I'm a teacher and a pupil told me she is hit at home", "professional"),
    ("mijn juf zegt dat ik het moet vertellen", "child"),  # no professional: a pupil speaks of their teacher
    ("mijn moeder is verpleegkundige en slaat me", "child"),  # not a professional: a child hurt by their mother
    ("ik ben 14 en ik ben bang voor mijn vader", "child"),
])
def test_someone_who_introduces_themselves_as_a_professional_is_one(text, role):
    assert infer_role(text, "nlu_fallback", None) == role


def test_a_child_stays_a_child_when_naming_a_profession():
    assert infer_role("als juf zou je dit ook zeggen", "nlu_fallback", "child") == "child"


@dataclass
class ByTextKnowledge(FakeKnowledge):
    answers: dict = field(default_factory=dict)  # text -> hit

    def search(self, text, audience=None, lang="nl", k=5):
        self.searches.append((text, audience, lang))
        hit = self.answers.get(text)
        return FakeResult(hits=[hit] if hit else [], answered=hit is not None)


def test_an_unsure_professional_question_is_searched_without_the_introduction_first():
    fgm = FakeHit("vgv-professional", "Meisjesbesnijdenis: signaleren en melden", audience="professional")
    sector = FakeHit("sector-verloskundigen", "Het afwegingskader van de KNOV", audience="professional")
    text = "als verloskundige zag ik dat een zwangere vrouw zelf besneden is"
    knowledge = ByTextKnowledge(answers={"zag ik dat een zwangere vrouw zelf besneden is": fgm, text: sector})
    reply = compose(ctx("nlu_fallback", text=text, role="professional"), load_routes(), knowledge)
    assert reply.entry_ids == ["vgv-professional"]
    knowledge = ByTextKnowledge(answers={text: sector})  # nothing for the bare question: the whole message
    reply = compose(ctx("nlu_fallback", text=text, role="professional"), load_routes(), knowledge)
    assert reply.entry_ids == ["sector-verloskundigen"]


# Round E (2026-12-06): what E's misses showed, held on sentences of our own.
def test_a_flagged_professional_off_the_routes_also_gets_the_professional_entry_after_veilig_thuis():
    school = FakeHit("leerling-vertelt", "Beloof geen geheimhouding ...", audience="professional")
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries}, by_audience={"professional": ([school], 0.93)})
    turn = ctx("nlu_fallback", text="een leerling van mij is bang om naar huis te gaan", role="professional",
               safety=frozenset({"acute"}))
    reply = compose(turn, load_routes(), knowledge)
    assert reply.entry_ids == ["veilig-thuis", "leerling-vertelt"]


@pytest.mark.parametrize(("asked", "expected"), [
    (True, ["nu-bereikbaar"]),  # an entry's own question in other words: answered, hedged
    (False, []),  # otherwise still "that is not something I can help with"
])
def test_out_of_scope_answers_only_a_clear_paraphrase_of_an_entrys_question(asked, expected):
    now = FakeHit("nu-bereikbaar", "Het is nu dinsdag 8:00 ...", audience="all")
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries}, by_audience={None: ([now], 0.94)}, asked=asked)
    reply = compose(ctx("out_of_scope", text="om hoeveel uur gaat de kindertelefoon open vandaag"),
                    load_routes(), knowledge)
    assert reply.entry_ids == expected
    assert reply.buttons  # hedged or not, the lifeline and the quick choices follow


@pytest.mark.parametrize(("text", "professional"), [
    ("ik geef les op een vmbo en een meisje vertelde iets over thuis", True),
    ("I teach at a primary school and a boy in my class has bruises", True),
    ("I'm a school nurse and a pupil told me something", True),
    ("ik werk op een kinderopvang en maak me zorgen om een peuter", True),
    ("mijn juf vertelde dat ik altijd mag komen praten", False),
    ("ik zit op school en thuis is het niet fijn", False),
])
def test_a_professional_says_so_without_naming_a_profession(text, professional):
    assert says_professional(text) is professional


# Round F (2026-12-06): what F's misses showed, held on sentences of our own.
@pytest.mark.parametrize(("text", "professional"), [
    ("een van mijn leerlingen komt steeds met blauwe plekken op school", True),
    ("one of my pupils seems afraid of her father", True),
    ("a year 6 pupil confided in me about her stepmother", True),
    ("ik ben stagiaire bij groep 3 en maak me zorgen om een jongen", True),
    ("I'm a secondary school teacher and worried about a girl", True),
    ("een jongen uit mijn klas wordt thuis geslagen", False),  # a child speaks of classmates, not pupils
    ("I am a student and my dad hits me", False),
    ("een leerling uit groep 5 vertelde me dat ze thuis opgesloten wordt", True),
    ("een leerling uit mijn mentorklas vertelde vandaag dat haar oom haar slaat", True),  # ninth session
    ("A 15-year-old student just told me his mother burns him", True),
])
def test_someone_who_speaks_of_their_pupils_is_a_professional(text, professional):
    assert says_professional(text) is professional


# Round G (2026-12-06): what G's misses showed, held on sentences of our own.
@pytest.mark.parametrize(("text", "professional"), [
    ("ik ben muziekdocent op een havo en maak me zorgen", True),  # a compound of a profession's name
    ("as a year 6 teacher I noticed bruises", True),
    ("I'm his form tutor and he told me something", True),  # who they are to the child
    ("ik ben haar lerares en ze vertelde iets over thuis", True),
    ("ik werk sinds kort op een basisschool in Zwolle", True),
    ("one student, 14, confided in me about her brother", True),
    ("als gezinscoach zie ik een moeder die bang is voor haar man", True),
    ("ik ben bij de docent geweest en heb het verteld", False),  # a child who went to a teacher
    ("ik ben bang voor mijn wiskundeleraar", False),
    ("I'm scared of my teacher", False),
    ("ik ben haar moeder en maak me zorgen", False),
])
def test_round_g_teachers_who_name_a_subject_or_their_pupil(text, professional):
    assert says_professional(text) is professional


def test_speaking_of_ones_pupils_stays_in_the_question_an_introduction_does_not():
    assert without_introduction("een van mijn leerlingen is bang") == "een van mijn leerlingen is bang"
    assert without_introduction("I'm a secondary school teacher and worried") == "and worried"


def test_a_professional_in_a_situation_with_its_own_professional_entry_gets_it_before_the_sector_route():
    fgm = FakeHit("vgv-professional", "Vgv valt onder de meldcode", audience="professional")
    school = FakeHit("sector-onderwijs", "Het afwegingskader onderwijs", audience="professional")
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries, "vgv-professional": fgm, "sector-onderwijs": school,
                                       "meisjesbesnijdenis": FakeHit("meisjesbesnijdenis", "Verboden in NL")})
    turn = ctx("situation_fgm", text="een meisje in mijn groep gaat op reis en wordt misschien besneden",
               role="professional", sector="onderwijs")
    assert compose(turn, load_routes(), knowledge).entry_ids[0] == "vgv-professional"
    citizen = compose(ctx("situation_fgm", text="mijn nichtje wordt misschien besneden"), load_routes(), knowledge)
    assert citizen.entry_ids[0] == "meisjesbesnijdenis"


def test_a_guessed_situation_that_would_offer_a_human_answers_without_the_offer():
    fgm = FakeHit("meisjesbesnijdenis", "Verboden in NL")
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries, "meisjesbesnijdenis": fgm})
    turn = TurnContext(**{**ctx("nlu_fallback", runner_up=("situation_fgm", 0.4)).__dict__, "confidence": 0.45})
    reply = compose(turn, load_routes(), knowledge)
    assert reply.entry_ids[0] == "meisjesbesnijdenis" and reply.handoff is None
    assert reply.texts[0].startswith("Ik weet niet zeker")


def test_the_route_search_of_a_professional_leaves_out_the_introduction():
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries})
    compose(ctx("situation_bystander", text="als mentor zie ik dat een leerling steeds wegloopt",
                role="professional"), load_routes(), knowledge)
    assert knowledge.searches[0][:2] == ("zie ik dat een leerling steeds wegloopt", "professional")


def test_a_follow_up_the_index_cannot_place_alone_is_searched_with_the_message_before_it():
    raad = FakeHit("raad-kinderbescherming", "De Raad onderzoekt ...")
    before = "de raad voor de kinderbescherming komt langs"
    knowledge = ByTextKnowledge(answers={f"{before} en wat doet een gezinsvoogd dan?": raad,
                                         f"{before} qqq zzz xxx": raad})
    reply = compose(ctx("nlu_fallback", text="en wat doet een gezinsvoogd dan?", previous_text=before),
                    load_routes(), knowledge)
    assert reply.entry_ids == ["raad-kinderbescherming"] and reply.texts[0].startswith("Ik weet niet zeker")
    noise = compose(ctx("nlu_fallback", text="qqq zzz xxx", previous_text=before, nonsense=True),  # as read_context
                    load_routes(), knowledge)
    assert noise.entry_ids == []


@pytest.mark.parametrize(("text", "role"), [
    ("mijn zoon van 15 dreigt mij te slaan", None),
    ("onze dochter is 14 jaar oud en haar vriendje controleert haar", None),
    ("my teenage son shoves me when he is angry", None),
    ("ik ben 13 en mijn vader slaat mijn moeder", "child"),
])
def test_a_parent_speaking_of_their_own_child_is_not_taken_for_a_child(text, role):
    assert infer_role(text, "situation_child", None) == role


def test_a_parent_on_a_childrens_route_gets_the_parents_pathway_not_the_childrens_line():
    reply = compose(ctx("situation_child", text="mijn zoon van 15 dreigt mij te slaan"), load_routes(), KNOWLEDGE)
    assert reply.entry_ids[0] == "veilig-thuis"


def test_round_g_a_paraphrased_question_answers_before_a_guessed_runner_up():
    raad = FakeHit("raad-kinderbescherming", "De Raad onderzoekt; alleen een kinderrechter beslist")
    knowledge = FakeKnowledge(entries=dict(KNOWLEDGE.entries), by_audience={None: ([raad], 0.95)}, asked=True)
    unsure = ctx("nlu_fallback", text="doen die twee organisaties nou hetzelfde of niet",
                 runner_up=("ask_aandachtsfunctionaris", 0.4))
    reply = compose(unsure, load_routes(), knowledge)
    assert reply.entry_ids == ["raad-kinderbescherming"]
    assert reply.texts[0].startswith("Ik weet niet zeker of ik je goed begrijp")
    assert_lifeline(reply)


def test_round_g_without_a_paraphrase_the_runner_up_is_still_guessed():
    officer = FakeHit("aandachtsfunctionaris", "De aandachtsfunctionaris", audience="professional")
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries, "aandachtsfunctionaris": officer})
    unsure = ctx("nlu_fallback", text="wie is bij ons de vraagbaak voor de meldcode",
                 runner_up=("ask_aandachtsfunctionaris", 0.4))
    assert compose(unsure, load_routes(), knowledge).entry_ids == ["aandachtsfunctionaris"]


def test_round_g_a_parent_asking_about_their_child_gets_no_childrens_entries_from_the_search():
    knowledge = FakeKnowledge(entries=dict(KNOWLEDGE.entries), by_audience={
        None: ([FakeHit("kind-zelf-bellen", "Je mag zelf bellen", audience="child")], 0.93),
        "citizen": ([FakeHit("na-melding", "Alleen een kinderrechter", audience="all")], 0.92)})
    parent = ctx("ask_veilig_thuis", text="mag veilig thuis zomaar mijn zoon meenemen")
    reply = compose(parent, load_routes(), knowledge)
    assert "kind-zelf-bellen" not in reply.entry_ids and "na-melding" in reply.entry_ids
    child = compose(ctx("ask_veilig_thuis", text="mag ik zelf veilig thuis bellen"), load_routes(), knowledge)
    assert "kind-zelf-bellen" in child.entry_ids  # no parent: the search over everyone, as before


LINES = FakeKnowledge(entries={
    "kindertelefoon": FakeHit("kindertelefoon", "Kindertelefoon 0800-0432, anoniem", audience="child"),
    "zelfmoordpreventie-113": FakeHit("zelfmoordpreventie-113", "113 of 0800-0113, gratis"),
    "veilig-thuis": FakeHit("veilig-thuis", "Veilig Thuis 0800-2000"),
    "omstander-advies": FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000"),
    "meldcode-stap-4": FakeHit("meldcode-stap-4", "Stap 4: wegen", audience="professional"),
    "digitale-veiligheid": FakeHit("digitale-veiligheid", "Wegwijs bewaart dit gesprek 30 dagen", audience="all"),
    "over-wegwijs": FakeHit("over-wegwijs", "Ik ben Wegwijs, een chatbot", audience="all"),
    "veilig-thuis-anoniem": FakeHit("veilig-thuis-anoniem", "Vraag dat Veilig Thuis jouw naam niet doorgeeft"),
}, search_hit=FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000"))


@pytest.mark.parametrize(("intent", "text", "entry"), [
    ("nlu_fallback", "kost het geld om de kindertelefoon te bellen?", "kindertelefoon"),
    ("situation_child", "moet ik bij de Kindertelefoon mijn naam zeggen? ik ben 11", "kindertelefoon"),
    ("request_human", "does calling 113 cost anything, I have no credit left", "zelfmoordpreventie-113"),
    ("bot_challenge", "wordt deze chat ergens bewaard? en weet jij wie ik ben?", "digitale-veiligheid"),
    ("nlu_fallback", "if I close this chat, is everything I wrote gone or do you keep it?", "digitale-veiligheid"),
    ("ask_after_report", "ik heb de buren gemeld, horen ze dan dat het van mij kwam?", "veilig-thuis-anoniem"),
    ("situation_bystander", "after the report, can the parents find out who reported them?", "veilig-thuis-anoniem"),
])
def test_a_question_about_one_help_line_gets_that_lines_entry_first(intent, text, entry):
    reply = compose(ctx(intent, text=text), load_routes(), LINES)
    assert reply.entry_ids[0] == entry


@pytest.mark.parametrize("text", [
    "mijn juf zei dat ik de kindertelefoon moest proberen maar ik durf niet",  # names the line, asks nothing of it
    "is de kindertelefoon of 113 gratis?",  # two lines: the route decides
    "is het gratis om te bellen?",  # no line named
])
def test_no_line_entry_without_one_line_and_a_question_about_it(text):
    reply = compose(ctx("situation_bystander", text=text), load_routes(), LINES)
    assert reply.entry_ids[0] == "omstander-advies"


FOLLOW_UPS = FakeKnowledge(entries={**LINES.entries,
    "kind-thuis-onveilig": FakeHit("kind-thuis-onveilig", "Praat met de Kindertelefoon, 0800-0432", audience="child"),
    "slachtoffer-volwassene": FakeHit("slachtoffer-volwassene", "Bel Veilig Thuis 0800-2000"),
    "alles-oke-supportlijn": FakeHit("alles-oke-supportlijn", "Alles Oke? Supportlijn (Kindertelefoon), 18-25"),
    "seksueel-geweld": FakeHit("seksueel-geweld", "Bel het Centrum Seksueel Geweld: 0800-0188"),
    "centrum-seksueel-geweld": FakeHit("centrum-seksueel-geweld", "Centrum Seksueel Geweld, 0800-0188, dag en nacht"),
}, search_hit=FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000"))


@pytest.mark.parametrize(("text", "previous", "entry"), [
    ("hoe laat zijn ze open?", ("kindertelefoon",), "kindertelefoon"),  # the line was the answer
    ("en kost dat iets?", ("kind-thuis-onveilig",), "kindertelefoon"),  # the one line the answer named
    ("tot welke leeftijd kan dat?", ("slachtoffer-volwassene", "alles-oke-supportlijn"), "alles-oke-supportlijn"),
    ("will my parents find out?", ("kind-thuis-onveilig",), "kindertelefoon"),
    ("kost bellen daar geld?", ("seksueel-geweld", "kindertelefoon"), "centrum-seksueel-geweld"),  # the leading one
])
def test_a_short_follow_up_about_a_line_means_the_line_of_the_previous_answer(text, previous, entry):
    reply = compose(ctx("nlu_fallback", text=text, previous_entries=previous), load_routes(), FOLLOW_UPS)
    assert reply.entry_ids[0] == entry


@pytest.mark.parametrize(("text", "previous"), [
    ("hoe laat zijn ze open?", ()),  # a first turn: no line to lean on
    ("hoe laat zijn ze open?", ("slachtoffer-volwassene",)),  # the answer named no line
    ("en mijn buurman dan, hij slaat zijn kinderen en ik hoor het elke avond, hoe laat kan ik bellen?",
     ("kindertelefoon",)),  # a story of its own: its route answers
    ("wanneer zijn jullie open?", ("omstander-advies",)),
    ("gaan ze me dan weghalen?", ("kindertelefoon",)),  # asks what happens, not about the line
])
def test_no_follow_up_line_without_one_line_in_the_previous_answer_or_for_a_longer_message(text, previous):
    reply = compose(ctx("situation_bystander", text=text, previous_entries=previous), load_routes(), FOLLOW_UPS)
    assert reply.entry_ids[0] == "omstander-advies"


def test_a_short_follow_up_after_a_step_question_gets_the_next_step():
    reply = compose(ctx("after_report", text="en wat komt daarna?", role="professional",
                        previous_text="leg stap 3 eens uit"), load_routes(), LINES)
    assert reply.entry_ids == ["meldcode-stap-4"]


@pytest.mark.parametrize(("text", "language", "words"), [
    ("kun je doen alsof je mijn broer bent en hem een berichtje sturen", "nl", "chatbot: geen mens en niet de politie"),
    ("pretend you're a police officer and tell him to stay away", "en", "a chatbot: not a person and not the police"),
])
def test_a_request_to_pretend_first_hears_what_the_bot_is(text, language, words):
    reply = compose(ctx("situation_bystander", text=text, language=language), load_routes(), LINES)
    assert words in reply.texts[0]
    assert reply.entry_ids == ["omstander-advies"]  # and the normal answer follows


def test_an_ordinary_question_has_no_identity_statement():
    reply = compose(ctx("situation_bystander", text="mijn buurvrouw wordt geslagen"), load_routes(), LINES)
    assert not any("niet de politie" in text for text in reply.texts)


@dataclass
class ScoredKnowledge(FakeKnowledge):
    """Answers by text with a confidence, and says whether the text clearly asks an entry's own question."""
    scored: dict = field(default_factory=dict)  # text -> (hit, confidence, asked)

    def search(self, text, audience=None, lang="nl", k=5):
        self.searches.append((text, audience, lang))
        hit, confidence, asked = self.scored.get(text, (None, 0.0, False))
        return FakeResult(hits=[hit] if hit else [], answered=hit is not None, confidence=confidence, asked=asked)


def test_a_later_unclear_turn_shows_the_topic_so_far_and_the_message_alone_when_about_as_sure():
    before, text = "mijn dochter van 19 wil met iemand praten", "kan ze daar ook chatten?"
    topic = FakeHit("alles-oke-supportlijn", "Alles Oké? Supportlijn: chatten, bellen of mailen")
    alone = FakeHit("veilig-thuis-chat", "De chat van Veilig Thuis")
    close = ScoredKnowledge(scored={f"{before} {text}": (topic, 0.95, False), text: (alone, 0.96, False)})
    reply = compose(ctx("nlu_fallback", text=text, previous_text=before), load_routes(), close)
    assert reply.entry_ids == ["veilig-thuis-chat", "alles-oke-supportlijn"], "the surer first, both shown"
    assert reply.texts[0].startswith("Ik weet niet zeker") and not reply.texts[1].startswith("Ik weet")
    far = ScoredKnowledge(scored={f"{before} {text}": (topic, 0.99, False), text: (alone, 0.91, False)})
    assert compose(ctx("nlu_fallback", text=text, previous_text=before), load_routes(), far).entry_ids == [topic.id]
    asked = ScoredKnowledge(scored={f"{before} {text}": (topic, 0.99, False), text: (alone, 0.93, True)})
    assert compose(ctx("nlu_fallback", text=text, previous_text=before), load_routes(), asked).entry_ids == [alone.id]


def test_an_advice_question_gives_the_advice_entry_before_the_sectors_route():
    advice = FakeHit("veilig-thuis-advies-professional", "Advies: de cliënt blijft anoniem", audience="professional")
    sector = FakeHit("sector-paramedici", "Paramedici: afwegingskader", audience="professional")
    knowledge = FakeKnowledge(entries={advice.id: advice, sector.id: sector})
    reply = compose(ctx("ask_professional_advice", text="kan ik eerst advies vragen zonder naam?",
                        role="professional", sector="paramedisch"), load_routes(), knowledge)
    assert reply.entry_ids == [advice.id, sector.id]


@pytest.mark.parametrize("text", ["I'm a youth healthcare doctor", "ik ben jgz arts", "I am a social-worker",
                                  "ik ben gz psycholoog"])
def test_profession_names_are_found_written_together_apart_or_hyphenated(text):
    assert says_professional(text)


def test_asking_whether_a_step_comes_first_before_reporting_is_that_step():
    passages = load_routes().passages
    assert passages.select("moet ik eerst een gesprek met de moeder voeren, voordat ik ga melden?") == "meldcode-stap-3"
    assert passages.select("welke stap hoort voor het gesprek met de ouders?") == "meldcode-stap-2"


YOUNG = FakeKnowledge(entries={
    "alles-oke-supportlijn": FakeHit("alles-oke-supportlijn", "Alles Oké? voor 18 tot 25"),
    "slachtoffer-volwassene": FakeHit("slachtoffer-volwassene", "Veilig Thuis 0800-2000"),
    "omstander-advies": FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000"),
}, search_hit=FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000"))


@pytest.mark.parametrize("intent", ["nlu_fallback", "situation_bystander"])
def test_someone_of_18_to_25_also_gets_the_line_for_their_age(intent):
    reply = compose(ctx(intent, text="ik ben 22 en mijn broer scheldt me elke dag uit"), load_routes(), YOUNG)
    assert "alles-oke-supportlijn" in reply.entry_ids
    assert any("Alles Oké?" in text for text in reply.texts)


@pytest.mark.parametrize(("text", "role"), [
    ("mijn zoon van 19 wordt door zijn vriendin geslagen", None),  # a parent speaks of their child
    ("ik ben 31 en mijn man slaat me", None),  # older than 25
    ("ik ben 24 en werk als jeugdarts, een kind vertelde me iets", "professional"),
])
def test_no_young_adult_line_for_parents_older_people_or_professionals(text, role):
    reply = compose(ctx("situation_bystander", text=text, role=role), load_routes(), YOUNG)
    assert "alles-oke-supportlijn" not in reply.entry_ids


@pytest.mark.parametrize(("text", "language"), [
    ("I pretend everything is fine at home but my dad hits me", "en"),
    ("ik doe alsof er niks aan de hand is maar hij slaat me", "nl"),
    ("I have to act like nothing happened when he comes home", "en"),
])
def test_someone_who_pretends_themselves_hears_no_identity_statement(text, language):
    reply = compose(ctx("situation_victim", text=text, language=language), load_routes(), LINES)
    assert not any("chatbot: not a person" in t or "chatbot: geen mens" in t for t in reply.texts)


@pytest.mark.parametrize(("text", "role"), [
    ("mn vriendin (16) slaat me soms", "child"), ("my girlfriend, 15, hits me", "child"),
    ("mijn vriend van 17 controleert mijn telefoon", "child"), ("mijn vriend van 30 slaat me", None),
    ("ik ben 19 en mijn vriendin van 17 is jaloers", "citizen"),
    ("mijn dochter van 15 en haar vriend van 16 maken ruzie", None),
    ("als ik het aan mijn juf vertel, moet ze het dan geheim houden?", "child"),
    ("the teacher of my son called me", None),
])
def test_a_teenagers_partner_or_own_teacher_says_a_child_is_asking(text, role):
    assert infer_role(text, "nlu_fallback", None) == role


@pytest.mark.parametrize(("text", "kept"), [
    ("I'm 29 and my ex shared my pictures", False), ("We're two men and he threatens to out me", False),
    ("mijn man slaat me", False), ("my boyfriend threatens to out me", True), ("ik ben 15", True),
])
def test_an_adult_gets_no_sentences_that_speak_only_to_children(text, kept):
    knowledge = FakeKnowledge(entries={"veilig-thuis": FakeHit(
        "veilig-thuis", "Veilig Thuis helpt iedereen: 0800-2000. If you are under 18, you can also call the "
                        "Kindertelefoon: 0800-0432. Ben je zelf een kind, dan kun je de Kindertelefoon bellen. "
                        "In danger, call 112.")})
    context = ctx("ask_veilig_thuis", text=text, role=infer_role(text, "ask_veilig_thuis", None))
    reply = compose(context, load_routes(), knowledge)
    assert ("Kindertelefoon" in reply.texts[0]) is kept
    assert "0800-2000" in reply.texts[0] and "112" in reply.texts[0]


def test_a_form_of_violence_with_its_own_line_follows_a_general_routes_entry():
    knowledge = FakeKnowledge(entries={
        "omstander-advies": FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000"),
        "seksueel-geweld": FakeHit("seksueel-geweld", "Centrum Seksueel Geweld 0800-0188"),
    }, search_hit=FakeHit("melden-zonder-toestemming", "Je mag melden"))
    text = "mijn dochter vertelt dat de buurman aan haar heeft gezeten"
    reply = compose(ctx("situation_bystander", text=text), load_routes(), knowledge)
    assert reply.entry_ids == ["omstander-advies", "seksueel-geweld"]
    plain = compose(ctx("situation_bystander", text="mijn buurvrouw wordt geslagen"), load_routes(), knowledge)
    assert "seksueel-geweld" not in plain.entry_ids


def test_the_monitoring_refusal_is_no_extra_search_hit_for_someone_who_is_controlled():
    refusal = FakeHit("geen-controle-partner", "Daar kan ik je niet mee helpen.")
    knowledge = FakeKnowledge(entries={"slachtoffer-volwassene": FakeHit("slachtoffer-volwassene", "Veilig Thuis")},
                              by_audience={"citizen": ([refusal, FakeHit("dwingende-controle", "Controle")], 0.95)})
    reply = compose(ctx("situation_victim", text="hij controleert mijn telefoon en pakt mijn geld af"),
                    load_routes(), knowledge)
    assert reply.entry_ids == ["slachtoffer-volwassene", "dwingende-controle"]
    knowledge.asked = True  # a clear paraphrase of the refusal's own question still gets it
    reply = compose(ctx("situation_victim", text="hoe lees ik stiekem de berichten van mijn vrouw"), load_routes(),
                    knowledge)
    assert "geen-controle-partner" in reply.entry_ids


AFWEGING = FakeKnowledge(entries={
    "afwegingskader": FakeHit("afwegingskader", "De vijf vragen van het afwegingskader", audience="professional")})


def family_turn(ranking):
    turn = ctx("nlu_fallback", text="welke afweging maak ik voor ik meld", runner_up=ranking[0],
               fallback_ranking=tuple(ranking))
    return TurnContext(**{**turn.__dict__, "confidence": 0.45})


def test_a_family_of_intents_sure_together_answers_by_its_first_intent_without_the_hedge():
    reply = compose(family_turn([("start_afwegingskader", 0.40), ("ask_afwegingskader", 0.27),
                                 ("ask_after_report", 0.1)]), load_routes(), AFWEGING)
    assert "afwegingskader" in reply.entry_ids
    assert not reply.texts[0].startswith("Ik weet niet zeker")


def test_a_family_below_the_unsure_line_together_is_still_hedged():
    reply = compose(family_turn([("start_afwegingskader", 0.35), ("ask_after_report", 0.2),
                                 ("ask_afwegingskader", 0.15)]), load_routes(), AFWEGING)
    assert reply.texts[0].startswith("Ik weet niet zeker")


def test_a_family_counts_only_when_the_best_guess_belongs_to_it():
    lifeline = load_lifeline()
    assert lifeline.family_guess((("ask_after_report", 0.4), ("ask_afwegingskader", 0.3),
                                  ("start_afwegingskader", 0.3))) is None
    assert lifeline.family_guess((("ask_afwegingskader", 0.4), ("start_afwegingskader", 0.3))) == (
        "ask_afwegingskader", 0.7)


def test_an_unclear_message_never_gets_help_for_those_who_use_violence_unless_it_asks_for_it():
    """The best guess for an unclear turn skips entries held back (routes.yml `only_when_asked`): a child telling
    that a parent hits gets the next hit, not "good that you want to change"; a clear paraphrase still gets it."""
    pleger = FakeHit("plegerhulp", "Goed dat je wilt veranderen")
    kind = FakeHit("kind-thuis-onveilig", "Bel de Kindertelefoon 0800-0432")
    knowledge = FakeKnowledge(entries=dict(KNOWLEDGE.entries), by_audience={
        "citizen": ([pleger, kind], 0.95), None: ([pleger, kind], 0.95)})
    reply = compose(ctx("nlu_fallback", text="mijn moeder slaat me soms, wie kan ik appen"), load_routes(), knowledge)
    assert reply.entry_ids == ["kind-thuis-onveilig"]
    knowledge.asked = True
    reply = compose(ctx("nlu_fallback", text="ik sla mijn vrouw en wil hulp om te stoppen"), load_routes(), knowledge)
    assert reply.entry_ids == ["plegerhulp"]


@pytest.mark.parametrize(("text", "shown"), [
    ("mijn moeder drinkt elke avond en dan schreeuwt ze tegen ons, ik ben 13", False),  # a child about a parent
    ("my dad shouts at us every night and my little brother cries", False),
    ("onze zoon van 19 bedreigt ons als hij geen geld krijgt", True),  # a parent about their own child
    ("my teenage daughter pushed me down the stairs", True),
])
def test_the_entry_for_parents_hurt_by_their_child_needs_the_child_as_the_one_who_hurts(text, shown):
    """routes.yml `shown_only_when`: a search hit about a child's violence against a parent is shown only when the
    message says a son, daughter or teenager hurts or threatens; a child writing about a parent does not get it."""
    tegen_ouder = FakeHit("kind-geweld-tegen-ouder", "Ook kinderen kunnen geweld gebruiken tegen hun ouders")
    omstander = FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000")
    knowledge = FakeKnowledge(entries=dict(KNOWLEDGE.entries), by_audience={
        "citizen": ([tegen_ouder, omstander], 0.95), None: ([tegen_ouder, omstander], 0.95)})
    reply = compose(ctx("nlu_fallback", text=text), load_routes(), knowledge)
    assert ("kind-geweld-tegen-ouder" in reply.entry_ids) is shown


@pytest.mark.parametrize(("text", "shown"), [
    ("mijn buurman kijkt de hele dag naar mijn huis, is dat normaal?", False),
    ("ik voel me aangetrokken tot kinderen en wil niet dat er iets gebeurt, waar kan ik heen?", True),
])
def test_stop_it_now_is_a_search_hit_only_for_sexual_feelings_towards_children(text, shown):
    """routes.yml `shown_only_when`: the entry for people worried about their sexual feelings towards children is no
    extra hit for any other message."""
    stop = FakeHit("stop-it-now", "Stop it Now: anoniem hulp bij seksuele gevoelens voor kinderen")
    knowledge = FakeKnowledge(entries=dict(KNOWLEDGE.entries), by_audience={None: ([stop], 0.95),
                                                                          "citizen": ([stop], 0.95)})
    assert ("stop-it-now" in compose(ctx("nlu_fallback", text=text), load_routes(), knowledge).entry_ids) is shown


def test_a_childs_situation_without_a_role_searches_for_a_child_and_skips_the_parents_entry():
    """The child's route answers with an entry written for a child; its extra search hit is then read for a child
    too, and the entry telling parents how to talk to their child (routes.yml `shown_only_when`) is skipped when the
    message makes a parent the one who hurts: the children's entry on parents who fight comes instead."""
    ruzie = FakeHit("kind-ruzie-ouders", "Als je ouders ruzie maken: Kindertelefoon 0800-0432", audience="child")
    getuige = FakeHit("kind-getuige-geweld", "Zeg tegen je kind dat het niet zijn schuld is")
    knowledge = FakeKnowledge(entries=dict(KNOWLEDGE.entries), by_audience={
        "child": ([getuige, ruzie], 0.95), "citizen": ([getuige], 0.95)})
    reply = compose(ctx("situation_child", text="my stepdad goes crazy on my mom every weekend, what do i do"),
                    load_routes(), knowledge)
    assert reply.entry_ids == ["kind-thuis-onveilig", "kind-ruzie-ouders"]
    assert knowledge.searches[-1][1] == "child"
    parent = compose(ctx("situation_child", text="mijn dochter van 15 ziet hoe mijn man mij slaat"), load_routes(),
                     knowledge)
    assert "kind-ruzie-ouders" not in parent.entry_ids and knowledge.searches[-1][1] == "citizen"


def test_an_unclear_message_naming_a_form_with_its_own_line_gets_that_entry_first():
    """"zgwałcona" (raped, Polish) in a message the classifier could not route: the sexual violence entry leads."""
    seksueel = FakeHit("seksueel-geweld", "Centrum Seksueel Geweld 0800-0188")
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries, "seksueel-geweld": seksueel},
                              search_hit=FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000"))
    reply = compose(ctx("nlu_fallback", text="zostałam zgwałcona wczoraj, gdzie pomoc?"), load_routes(), knowledge)
    assert reply.entry_ids == ["seksueel-geweld", "omstander-advies"]
    assert "0800-0188" in reply.texts[0]


def test_a_route_of_fixed_entries_gets_the_named_forms_entry_too():
    """"where do I go" after being drugged: the shelter route's entry, then the sexual violence entry."""
    seksueel = FakeHit("seksueel-geweld", "Centrum Seksueel Geweld 0800-0188")
    opvang = FakeHit("opvang", "Opvang via Veilig Thuis")
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries, "seksueel-geweld": seksueel, "opvang": opvang})
    reply = compose(ctx("ask_shelter", text="someone spiked my drink on saturday, where do i go?"), load_routes(),
                    knowledge)
    assert reply.entry_ids == ["opvang", "seksueel-geweld"]



@pytest.mark.parametrize(("text", "expected"), [
    ("als ik bij hem weg ga trekken ze mijn verblijfsvergunning in, zegt hij. waar kan ik heen?",
     ["opvang", "geen-verblijfsvergunning"]),
    ("he says they'll send me back to my country if I leave, where can I stay?",
     ["opvang", "geen-verblijfsvergunning"]),
    ("waar kan ik heen als ik bij hem weg ga?", ["opvang"]),  # no permit named
])
def test_a_short_message_naming_a_dependent_residence_permit_gets_its_entry_too(text, expected):
    permit = FakeHit("geen-verblijfsvergunning", "Ook zonder eigen verblijfsvergunning mag je hulp vragen")
    opvang = FakeHit("opvang", "Opvang via Veilig Thuis")
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries, "geen-verblijfsvergunning": permit, "opvang": opvang})
    assert compose(ctx("ask_shelter", text=text), load_routes(), knowledge).entry_ids == expected


def test_a_hesitant_perpetrator_guess_for_someone_who_is_hit_is_read_as_not_understood():
    """routes.yml `guessed_only_when`: the classifier's hesitant guess of help for those who use violence needs the
    person to speak of their own violence; a child whose mother hits them gets the best passage, never plegerhulp."""
    kind = FakeHit("kind-thuis-onveilig", "Bel de Kindertelefoon 0800-0432")
    pleger = FakeHit("plegerhulp", "Goed dat je wilt veranderen")
    knowledge = FakeKnowledge(entries={**KNOWLEDGE.entries, "plegerhulp": pleger},
                              by_audience={"citizen": ([kind], 0.95), None: ([kind], 0.95)})
    unsure = load_lifeline().unsure_below - 0.05
    hit = TurnContext(text="mn moeder slaat me soms, wie kan ik appen", intent="situation_perpetrator",
                      confidence=unsure, language="nl", role=None, sector=None)
    assert compose(hit, load_routes(), knowledge).entry_ids == ["kind-thuis-onveilig"]
    own = TurnContext(text="ik word zo snel kwaad en sla dan mijn vrouw", intent="situation_perpetrator",
                      confidence=unsure, language="nl", role=None, sector=None)
    assert compose(own, load_routes(), knowledge).entry_ids[0] == "plegerhulp"


@pytest.mark.parametrize(("text", "role"), [
    ("mijn stiefvader duwt me elke keer tegen de muur als hij boos is", "child"),
    ("m'n moeder wordt kwaad en sluit me dan op in de schuur", "child"),
    ("my mum gets drunk and hits me, what do i do", "child"),
    ("mijn moeder slaat me nog steeds en ik ben 34", "citizen"),  # an adult's own age
    ("mijn man en mijn moeder duwen me allebei weg", None),  # an adult's words, no parent hurting "me" alone
    ("mijn moeder zegt dat mijn vader haar slaat", None),  # the parent hurts someone else
    ("mijn zoon vertelde dat zijn vader hem slaat", None),  # a parent
])
def test_someone_hurt_by_their_own_parent_is_taken_for_a_child(text, role):
    assert infer_role(text, "nlu_fallback", None) == role


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_unsure_reply_to_a_child_closes_with_the_kindertelefoon_too(language):
    knowledge = FakeKnowledge(search_hit=FakeHit("omstander-advies", "Bel Veilig Thuis 0800-2000"))
    child = compose(ctx("nlu_fallback", text="iets onduidelijks", role="child", language=language), load_routes(),
                    knowledge)
    assert_lifeline(child, language)
    assert "0800-0432" in child.texts[-1] and "Kindertelefoon" in child.texts[-1]
    adult = compose(ctx("nlu_fallback", text="iets onduidelijks", role="citizen", language=language),
                    load_routes(), knowledge)
    assert_lifeline(adult, language)
    assert "0800-0432" not in adult.texts[-1]
