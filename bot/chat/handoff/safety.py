"""The safety texts (112, 113) the gateway itself sends while Rasa is paused: read from domain.yml, the
same responses the SafetyNetPolicy uses, so there is one wording."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.texts import load
from nlu.safety_net import detect

DOMAIN_FILE = Path(__file__).resolve().parents[3] / "domain.yml"
_RESPONSES = {"acute": "utter_safety_acute", "suicide": "utter_safety_suicide"}


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


def safety_level(message: str) -> str | None:
    """"acute", "suicide" or None, from the same rule-based detector Rasa uses."""
    signal = detect(message)
    return None if signal.level == "none" else signal.level


def safety_texts(message: str, language: str) -> list[str]:
    """112 first for acute danger, 113 for suicidal thoughts; nothing when the message flags neither."""
    signal = detect(message)
    levels = [level for level, fired in (("acute", signal.acute), ("suicide", signal.suicide)) if fired]
    return [_variant(_RESPONSES[level], language) for level in levels]
