"""Keyboard mash is not understood, whatever the classifier guesses; words, acronyms and danger always are."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker

from actions.context import read_context
from actions.nonsense import MODEL_FILE, is_nonsense

ROOT = Path(__file__).resolve().parents[2]


def _builder():
    spec = importlib.util.spec_from_file_location("build_letter_model", ROOT / "scripts" / "build_letter_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("text", [
    "qqq zzz xxx", "sdfkj qwpoe zzxx", "zxcvbnm", "kdjfhg lkjh", "fghfgh jkjkl", "vbnvbn",
])
def test_keyboard_mash_is_nonsense(text):
    assert is_nonsense(text)


@pytest.mark.parametrize("text", [
    "ok", "hoi", "lhbti", "lgbtq", "xd", "hmm", "banaan fiets paraplu", "ik ga dood van het lachen",
    "mn pa doet raar", "babam bağırıyor", "mój tata krzyczy", "أبي يصرخ", "wtf", "thx", "Veilig Thuis",
    "12345", "!!!", "",
])
def test_words_acronyms_and_short_replies_are_not(text):
    assert not is_nonsense(text)


def _tracker(text: str, intent: str, entities: list[dict]) -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities,
               "intent_ranking": [{"name": intent, "confidence": 0.9}]}
    return Tracker("s", {}, message, [], False, None, {}, "action_listen")


def test_mash_read_as_thanks_becomes_a_misunderstanding():
    context = read_context(_tracker("qqq zzz xxx", "thanks", []))
    assert (context.intent, context.confidence, context.runner_up) == ("nlu_fallback", 0.0, None)
    assert context.nonsense


def test_a_flagged_message_keeps_its_intent():
    flagged = [{"entity": "safety", "value": "acute", "start": 0, "end": 4}]
    context = read_context(_tracker("qqq zzz xxx", "thanks", flagged))
    assert (context.intent, context.nonsense) == ("thanks", False)


def test_the_committed_model_is_built_from_the_current_text():
    builder = _builder()
    fresh = json.loads(json.dumps(builder.build(builder.source_texts())))
    committed = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert fresh == committed, "run: .venv/app/bin/python scripts/build_letter_model.py"
