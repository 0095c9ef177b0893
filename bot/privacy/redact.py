"""Find and replace personal data with typed placeholders ([NAAM], [TELEFOON], [EMAIL], [ADRES],
[POSTCODE], [BSN], [IBAN], [GEBOORTEDATUM], [KENTEKEN]). Helplines are never touched.

    find_pii("Ik heet Sanne, bel 06-12345678")  -> [Span(8, 13, 'NAAM'), Span(19, 30, 'TELEFOON')]
    redact("Ik heet Sanne, bel 06-12345678")    -> "Ik heet [NAAM], bel [TELEFOON]"

Standard library and PyYAML only: Rasa's tracker store imports this in the Python 3.10 venv.
"""
from __future__ import annotations

from bot.privacy import numbers
from bot.privacy.addresses import addresses
from bot.privacy.dates import dates
from bot.privacy.lexicon import lexicon
from bot.privacy.names import names
from bot.privacy.spans import KINDS, Span, merge, placeholders
from bot.privacy.tokens import tokenize

__all__ = ["KINDS", "Span", "find_pii", "redact"]
MAX_PASSES = 32  # a pass can uncover more (digits glued to a number); real texts need one or two


def find_pii(text: str) -> list[Span]:
    """Non-overlapping spans of personal data, in text order."""
    if not text:
        return []
    lex = lexicon()
    protected = list(numbers.helpline_spans(text, lex)) + placeholders(text)
    tokens = tokenize(text)
    found: list[Span] = [
        *numbers.emails(text), *numbers.ibans(text), *numbers.phones(text, lex), *numbers.bsns(text, lex),
        *numbers.plates(text), *dates(text, lex), *numbers.postcodes(text, lex),
        *addresses(text, tokens, lex), *names(text, tokens, lex),
    ]
    return merge(found, protected)


def _replace(text: str, spans: list[Span]) -> str:
    parts, position = [], 0
    for span in spans:
        parts.append(text[position:span.start])
        parts.append(span.placeholder)
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


def redact(text: str) -> str:
    """The text with every personal detail replaced by its placeholder; redact(redact(t)) == redact(t)."""
    for _ in range(MAX_PASSES):
        spans = find_pii(text)
        if not spans:
            break
        text = _replace(text, spans)
    return text
