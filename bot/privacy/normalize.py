"""Normalise a message before detection, so nothing can hide: NFKC (full-width letters and digits become
plain ones), Unicode format characters (soft hyphen, zero-width space, joiners, bidi marks) are dropped,
every decimal digit of any script becomes 0-9, and every dash becomes "-".

`normalize` also returns, for each character of the result, the index of the character it came from, so
spans found in the normalised text can be mapped back onto the original."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cf":
        return ""
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return str(digit)
    if category == "Pd":
        return "-"
    return unicodedata.normalize("NFKC", ch)


def normalize(text: str) -> tuple[str, list[int]]:
    """(normalised text, origin) where origin[i] is the index in `text` of the normalised character i."""
    if text.isascii():
        return text, list(range(len(text)))
    parts: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        mapped = _char(ch)
        if parts and len(mapped) == 1 and unicodedata.combining(mapped):
            composed = unicodedata.normalize("NFC", parts[-1] + mapped)
            if len(composed) == 1:  # "e" + combining acute -> "é", one character as in the original word
                parts[-1] = composed
                continue
        parts.extend(mapped)
        origin.extend([index] * len(mapped))
    return "".join(parts), origin
