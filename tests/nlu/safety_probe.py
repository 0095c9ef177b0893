"""Runs in the Rasa venv (Python 3.10): the safety-net components and SafetyNetPolicy as Rasa runs them.
Prints one JSON line for tests/nlu/test_safety_in_rasa.py; the assertions live there."""
from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from nlu.components import LanguageExtractor, SafetyNetExtractor
from nlu.policies import SafetyNetPolicy

ROOT = Path(__file__).resolve().parents[2]
TEXTS = {
    "acute": "hij staat met een mes voor de deur, help",
    "suicide": "ik wil niet meer leven",
    "both": "hij slaat me nu en ik wil dood",
    "acute_en": "he is hitting me right now",
    "suicide_en": "I want to kill myself",
    "past": "mijn vader heeft me vroeger vaak geslagen",
    "nonsense": "asdf qwerty zxcv",
    "question_en": "What is the reporting code?",
    "question_tr": "Kocam beni dövüyor",
}
FORM = "afwegingskader_form"
# One question per language (written for this probe); the bot answers in Dutch, or English for English.
BY_LANGUAGE = {
    "nl": "Mijn man slaat me, wat moet ik doen?",
    "en": "My husband hits me, what should I do?",
    "tr": "Kocam beni dövüyor, ne yapmalıyım?",
    "pl": "Mój mąż mnie bije, co mam zrobić?",
    "ar": "زوجي يضربني ماذا أفعل",
    "de": "Mein Mann schlägt mich, was soll ich tun?",
}


def entities(text: str) -> list[dict]:
    message = Message(data={"text": text})
    SafetyNetExtractor().process([message])
    LanguageExtractor().process([message])
    return [{"entity": e["entity"], "value": e["value"]} for e in message.get("entities") or []]


def make_policy(storage_dir: str) -> SafetyNetPolicy:
    context = ExecutionContext(GraphSchema({}), "safety-probe")
    return SafetyNetPolicy.create(SafetyNetPolicy.get_default_config(), LocalModelStorage(Path(storage_dir)),
                                  Resource("safety_net_policy"), context)


def turn(policy: SafetyNetPolicy, domain: Domain, text: str, form: str = "", rejected: bool = False) -> list[str]:
    """The actions the policy predicts for one user turn, in order, until it hands back or listens."""
    events = [ActionExecuted(ACTION_LISTEN_NAME)]
    if form:
        events.append(ActiveLoop(form))
    found = entities(text)
    events.append(UserUttered(text, intent={"name": "inform", "confidence": 1.0}, entities=found,
                              parse_data={"intent": {"name": "inform", "confidence": 1.0}, "entities": found}))
    if rejected:
        events.append(ActionExecutionRejected(form))
    tracker = DialogueStateTracker.from_events("probe", events, slots=domain.slots)
    predicted: list[str] = []
    while len(predicted) < 6:
        prediction = policy.predict_action_probabilities(tracker, domain)
        best = max(range(len(prediction.probabilities)), key=prediction.probabilities.__getitem__)
        if prediction.probabilities[best] < 1.0:  # the policy leaves the rest of the turn to the others
            predicted.append("(rules decide)" if predicted else "(no prediction)")
            break
        assert prediction.is_no_user_prediction, "a safety prediction must outrank every other policy"
        action = domain.action_names_or_texts[best]
        predicted.append(action)
        if action == ACTION_LISTEN_NAME:
            break
        tracker.update(ActionExecuted(action))
    return predicted


def reply_language_texts(domain: Domain, messages: list[str]) -> list[str]:
    """utter_safety_acute as Rasa words it after each message of one conversation: the language slot is
    filled from the language entity (domain.yml: from_entity) and keeps its value when a message has none."""
    generator = TemplatedNaturalLanguageGenerator(domain.responses)
    tracker = DialogueStateTracker.from_events("language-probe", [], slots=domain.slots)
    said = []
    for text in messages:
        found = [e["value"] for e in entities(text) if e["entity"] == "language"]
        if found:
            tracker.update(SlotSet("language", found[0]))
        reply = asyncio.run(generator.generate("utter_safety_acute", tracker, "rest"))
        said.append(reply["text"])
    return said


def main() -> None:
    domain = Domain.load(str(ROOT / "domain.yml"))
    with tempfile.TemporaryDirectory() as storage:
        policy = make_policy(storage)
        out = {
            "entities": {name: entities(text) for name, text in TEXTS.items()},
            "turns": {
                name: turn(policy, domain, TEXTS[name]) for name in ("acute", "suicide", "both", "acute_en", "past")
            },
            "in_form": turn(policy, domain, TEXTS["acute"], form=FORM),
            "in_rejected_form": turn(policy, domain, TEXTS["suicide"], form=FORM, rejected=True),
            "by_language": {lang: reply_language_texts(domain, [text])[0] for lang, text in BY_LANGUAGE.items()},
            "english_then_short": reply_language_texts(domain, [BY_LANGUAGE["en"], "ok"]),
        }
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
