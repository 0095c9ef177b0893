"""Cue words as the data files write them, matched on a folded message: lower case, no accents, punctuation
as single spaces. A cue matches at the start of a word ("vastleg" matches "vastleggen"); a cue written with a
trailing space must match as a whole word ("na " does not match "nagaan")."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower case, no accents, punctuation as single spaces, one space before and after: ' wat is stap 2 '."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return f" {_NON_WORD.sub(' ', plain.lower()).strip()} "


def cue(word: Any) -> str:
    """A cue as it is searched: ' vastleg' (word start) or ' na ' (whole word, written with a trailing space)."""
    text = str(word)
    folded = fold(text).rstrip()
    return folded + " " if text.endswith(" ") else folded


def cues(words: Iterable[Any]) -> tuple[str, ...]:
    return tuple(cue(word) for word in words)


def found(text: str, searched: Iterable[str]) -> bool:
    """Whether a folded text holds one of the cues."""
    return any(item in text for item in searched)
