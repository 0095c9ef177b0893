"""The handoff summary: built from intents, slots and the bot's replies, never from the person's words."""
from __future__ import annotations

from typing import Any

from actions.compose import compose
from actions.context import TurnContext
from actions.routes import load_routes
from bot.chat.handoff.summary import build_summary, read_facts
from bot.chat.handoff.summary import compose as compose_summary

PRIVATE = ("Fatima", "de Vries", "0612345678", "fatima@example.nl", "Kerkstraat 12", "1234 AB")


def user(text: str, intent: str, safety: str | None = None) -> dict[str, Any]:
    entities = [{"entity": "safety", "value": safety}] if safety else []
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "entities": entities}}


TRACKER = {
    "slots": {"role": "professional", "sector": "onderwijs", "language": "nl"},
    "events": [
        user("Ik ben juf. Fatima de Vries (0612345678, fatima@example.nl) uit mijn klas heeft blauwe plekken",
             "situation_child"),
        {"event": "bot", "text": "Bel Veilig Thuis op 0800-2000 voor advies. Kinderen: Kindertelefoon 0800-0432."},
        {"event": "slot", "name": "retrieved", "value": ["kind-thuis-onveilig", "over-wegwijs"]},
        user("haar vader woont Kerkstraat 12, 1234 AB en slaat haar nu", "situation_child", safety="acute"),
        {"event": "bot", "text": "Bel dan meteen 112."},
    ],
}


def identity(text: str) -> str:
    return text


def test_summary_has_situation_asker_involved_and_advice() -> None:
    summary = build_summary(TRACKER, "request", "nl", identity)
    assert "kind of jongere voelt zich thuis niet veilig" in summary
    assert "een professional, sector: onderwijs" in summary
    assert "ouder(s)" in summary
    assert "Veilig Thuis 0800-2000" in summary and "Kindertelefoon 0800-0432" in summary and "112" in summary
    assert "acuut gevaar" in summary


def test_summary_never_copies_names_or_contact_data() -> None:
    summary = build_summary(TRACKER, "request", "nl", identity)  # even without a redactor
    for private in PRIVATE:
        assert private not in summary


def test_summary_runs_through_the_redactor() -> None:
    assert build_summary(TRACKER, "request", "nl", lambda text: text.upper()).startswith("SAMENVATTING")


def test_summary_in_english_and_for_an_empty_conversation() -> None:
    english = build_summary(TRACKER, "risk", "en", identity)
    assert "Situation: a child or young person does not feel safe at home" in english
    assert "serious situation" in english
    empty = build_summary({}, "request", "nl", identity)
    assert "Situatie: niet genoemd" in empty


def test_meta_topics_are_left_out() -> None:
    facts = read_facts(TRACKER)
    assert facts.topics == ["kind-thuis-onveilig"]
    assert "Besproken" in compose_summary(facts, "request", "nl")


def test_real_redactor_when_available() -> None:
    from bot.chat.handoff.privacy import redact
    edited = "Mijn buurvrouw Fatima, 06-12345678, fatima@example.nl, wordt geslagen"
    cleaned = redact(edited)
    for private in ("06-12345678", "fatima@example.nl"):
        assert private not in cleaned


# ----------------------------------------------------------------- the action server asks for a handoff
class NoKnowledge:
    def search(self, text: str, audience: str | None = None, lang: str = "nl", k: int = 5) -> Any:
        class Empty:
            hits: list[Any] = []
            answered = False
        return Empty()

    def entry(self, entry_id: str, lang: str = "nl") -> Any:
        class Hit:
            id, text, source, source_title, location, audience, kind = entry_id, "tekst", "s", "t", None, "all", "entry"
        return Hit()


def ctx(intent: str, safety: frozenset[str] = frozenset(), misunderstood: int = 0, text: str = "tekst") -> TurnContext:
    return TurnContext(text=text, intent=intent, confidence=0.9, language="nl", role=None, sector=None,
                       safety=safety, misunderstood=misunderstood)


def test_action_offers_a_human_when_asked_after_misunderstanding_and_for_serious_risk() -> None:
    routes = load_routes()
    assert compose(ctx("request_human"), routes, NoKnowledge()).handoff == "request"
    assert compose(ctx("situation_honour"), routes, NoKnowledge()).handoff == "risk"
    assert compose(ctx("situation_bystander"), routes, NoKnowledge()).handoff is None
    assert compose(ctx("situation_honour", safety=frozenset({"acute"})), routes, NoKnowledge()).handoff is None
    twice = compose(ctx("nlu_fallback", misunderstood=1, text="blub"), routes, NoKnowledge())
    assert twice.responses == ["utter_offer_human"] and twice.handoff == "misunderstood"
