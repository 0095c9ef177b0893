"""The handoff texts (texts.yml, read through the one text loader, bot/texts.py) and the person's short
answers."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from bot.texts import LANGUAGES, Texts, language, pick  # noqa: F401  (re-exported for the handoff modules)
from knowledge.services import load_table

TEXTS = Texts(Path(__file__).with_name("texts.yml"))
_NOT_WORD = re.compile(r"[^\w/ ]+")


def texts() -> dict[str, Any]:
    return TEXTS.data()


def text(path: str, lang: str | None, **values: Any) -> str:
    """The text at a dotted path ("queue.waiting") in the conversation's language, placeholders filled."""
    lang = language(lang)
    chosen = load_table().render(pick(TEXTS.node(path), lang), lang)  # numbers and hours from the table
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
