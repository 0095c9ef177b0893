from dataclasses import dataclass, field
from typing import Optional

from actions.compose import compose, render
from actions.context import TurnContext, age_in_text, infer_role, plausible_step
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


@dataclass
class FakeKnowledge:
    entries: dict = field(default_factory=dict)
    search_hit: Optional[FakeHit] = None
    searches: list = field(default_factory=list)

    def search(self, text, audience=None, lang="nl", k=5):
        self.searches.append((text, audience, lang))
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


def test_out_of_scope_twice_offers_a_human():
    first = compose(ctx("out_of_scope"), load_routes(), KNOWLEDGE)
    assert first.responses == ["utter_out_of_scope"] and first.misunderstood == 1
    second = compose(ctx("out_of_scope", misunderstood=1), load_routes(), KNOWLEDGE)
    assert second.responses == ["utter_offer_human"]


def test_emoji_only_gets_a_gentle_check_in():
    reply = compose(ctx("nlu_fallback", text="😭😭😭"), load_routes(), FakeKnowledge())
    assert reply.responses == ["utter_check_in"]


def test_flagged_message_is_never_answered_as_off_topic():
    turn = ctx("out_of_scope", safety=frozenset({"acute"}))
    reply = compose(turn, load_routes(), KNOWLEDGE)
    assert reply.entry_ids == ["veilig-thuis"]


def test_passages_name_document_and_section():
    hit = FakeHit("doc:003:4", "MDA++ is ...", audience="professional", kind="passage",
                  source_title="Zesde voortgangsrapportage", location="4 Aanpak > 4.1 MDA++")
    assert render(hit, "nl").endswith("Bron: Zesde voortgangsrapportage, 4 Aanpak > 4.1 MDA++")


def test_age_and_role_are_remembered():
    assert age_in_text("hoi ik ben 12") == 12
    assert age_in_text("ik ben 5 jaar getrouwd") is None
    assert infer_role("hoi ik ben 12", "greet", None) == "child"
    assert infer_role("wat moet ik doen?", "situation_victim", "child") == "child"
    assert infer_role("welke stap?", "ask_meldcode_step", None) == "professional"


def test_next_step_follows_from_what_is_done():
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
