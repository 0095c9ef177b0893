"""Loads the handoff texts (texts.yml) and reads the person's short answers."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.services import load_table

TEXTS_FILE = Path(__file__).with_name("texts.yml")
LANGUAGES = ("nl", "en")
_NOT_WORD = re.compile(r"[^\w/ ]+")


@lru_cache(maxsize=1)
def texts() -> dict[str, Any]:
    with open(TEXTS_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def language(code: str | None) -> str:
    return code if code in LANGUAGES else "nl"


def text(path: str, lang: str | None, **values: Any) -> str:
    """The text at a dotted path ("queue.waiting") in the conversation's language, placeholders filled."""
    node: Any = texts()
    for key in path.split("."):
        node = node[key]
    lang = language(lang)
    chosen = load_table().render(node.get(lang, node["nl"]), lang)  # numbers and hours from the table
    return chosen.format(**values) if values else chosen


def buttons(kind: str, lang: str | None) -> list[dict[str, str]]:
    options = texts()["buttons"][kind]
    return list(options.get(language(lang), options["nl"]))


def normalise_answer(message: str) -> str:
    folded = unicodedata.normalize("NFKC", message).casefold().strip()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def answer_is(kind: str, message: str) -> bool:
    """Whether the whole message is one of the short answers of `kind` (yes, no, send, edit, ...)."""
    return normalise_answer(message) in {normalise_answer(word) for word in texts()["answers"][kind]}
