"""The safety texts (112, 113) the gateway itself sends while Rasa is paused: read from domain.yml, the
same responses the SafetyNetPolicy uses, so there is one wording.

Which level a message has comes from the same combined detector Rasa uses (lexicon, kNN bank and trained
head, nlu/safety_combined.py): Rasa's ``/model/parse`` runs it (the ``safety`` entities of the
SafetyNetExtractor) without touching any conversation, so the gateway loads no e5 model. The lexicon also
runs here, in process, so a message still gets 112/113 when Rasa cannot be reached.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from bot.texts import load
from nlu.safety_net import detect

DOMAIN_FILE = Path(__file__).resolve().parents[3] / "domain.yml"
LEVELS = ("acute", "suicide")
_RESPONSES = {"acute": "utter_safety_acute", "suicide": "utter_safety_suicide"}


class SafetyReader(Protocol):
    async def safety(self, text: str) -> tuple[str, ...] | None: ...


def _responses() -> dict[str, Any]:
    return load(DOMAIN_FILE)["responses"]


def _variant(name: str, language: str) -> str:
    """The response variant whose `language` slot condition matches, else the one without condition."""
    default = ""
    for variant in _responses()[name]:
        conditions = variant.get("condition") or []
        if not conditions:
            default = default or variant["text"]
        elif any(c.get("name") == "language" and c.get("value") == language for c in conditions):
            return variant["text"]
    return default


async def safety_levels(message: str, rasa: SafetyReader) -> tuple[str, ...]:
    """The levels the lexicon (here) OR Rasa's combined detector flag, acute first; () for neither."""
    lexical = detect(message)
    found = {level for level in LEVELS if getattr(lexical, level)}
    found |= set(await rasa.safety(message) or ())
    return tuple(level for level in LEVELS if level in found)


def safety_level(levels: tuple[str, ...]) -> str | None:
    """"acute", "suicide" or None: acute wins."""
    return levels[0] if levels else None


def safety_texts(levels: tuple[str, ...], language: str) -> list[str]:
    """112 first for acute danger, 113 for suicidal thoughts; nothing when the message flags neither."""
    return [_variant(_RESPONSES[level], language) for level in levels]
