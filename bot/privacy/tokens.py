"""Words of a message with their positions, for the name and address detectors."""
from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
SENTENCE_END = set(".!?…\n:;•*-")
SKIP_BACK = set(" \t\"'“”‘’([")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    cap: bool  # starts with a capital (an all-capitals word does not count)
    sentence_start: bool


def _is_cap(word: str) -> bool:
    return word[0].isupper() and not (len(word) > 1 and word.isupper())


def _starts_sentence(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in SKIP_BACK:
        index -= 1
    return index < 0 or text[index] in SENTENCE_END


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), m.group().lower(), _is_cap(m.group()),
                  _starts_sentence(text, m.start()))
            for m in WORD.finditer(text)]


def gap(text: str, left: Token, right: Token) -> str:
    """The characters between two tokens."""
    return text[left.end:right.start]
