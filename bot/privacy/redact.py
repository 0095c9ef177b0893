"""Find and replace personal data with typed placeholders ([NAAM], [TELEFOON], [EMAIL], [HANDLE], [ADRES],
[POSTCODE], [BSN], [IBAN], [GEBOORTEDATUM], [KENTEKEN], [INSTELLING]). Helplines are never touched.
The text is normalised first (bot/privacy/normalize.py): what redact() returns is the normalised text.

    find_pii("Ik heet Sanne, bel 06-12345678")  -> [Span(8, 13, 'NAAM'), Span(19, 30, 'TELEFOON')]
    redact("Ik heet Sanne, bel 06-12345678")    -> "Ik heet [NAAM], bel [TELEFOON]"

Standard library and PyYAML only: Rasa's tracker store imports this in the Python 3.10 venv.
"""
from __future__ import annotations

import re

from bot.privacy import numbers
from bot.privacy.addresses import addresses
from bot.privacy.care import care_organisations
from bot.privacy.dates import dates, numeric_dates
from bot.privacy.institutions import institutions
from bot.privacy.lexicon import Lexicon, lexicon
from bot.privacy.names import names
from bot.privacy.normalize import normalize
from bot.privacy.online import handles
from bot.privacy.spans import KINDS, PRIORITY, Span, merge, placeholders
from bot.privacy.spoken import spoken_numbers
from bot.privacy.tokens import tokenize
from bot.privacy.wordlists import word_lists

__all__ = ["KINDS", "Span", "find_pii", "redact"]
FREQUENT_TOWN_WORDS = frozenset({"een", "best", "echt", "haren", "mijn"})
WORD = re.compile(r"[^\W\d_]+")
MAX_PASSES = 32  # a pass can uncover more (digits glued to a number); real texts need one or two


def _find(text: str) -> list[Span]:
    """Spans of personal data in normalised text."""
    if not text:
        return []
    lex = lexicon()
    tokens = tokenize(text)
    streets = list(addresses(text, tokens, lex))
    # "vondelstraat 112-II": a short helpline number after a street is its house number, not the helpline
    plates = list(numbers.plates(text, lex))
    # round 21: "J-113-TS": a short helpline number inside a licence plate is part of the plate
    protected = [p for p in numbers.helpline_spans(text, lex)
                 if not (p.end - p.start <= 3 and any(a.start < p.start and p.end <= a.end for a in streets))
                 and not (p.end - p.start <= 3 and any(k.start < p.start and p.end <= k.end for k in plates))]
    if protected:  # "09/09/2012": a day and month that read as a service prefix (0909) are a full date
        full = list(numeric_dates(text))
        protected = [p for p in protected if not any(d.start <= p.start and p.end <= d.end for d in full)]
    protected += placeholders(text)
    found: list[Span] = [
        *numbers.emails(text, lex), *handles(text, tokens, lex), *numbers.ibans(text, lex), *numbers.phones(text, lex),
        *numbers.bsns(text, lex), *plates, *dates(text, lex), *spoken_numbers(text, tokens, lex),
        *numbers.postcodes(text, lex), *streets, *institutions(text, tokens, lex),
        *care_organisations(text, tokens, lex),
        *names(text, tokens, lex),
    ]
    return _whole_words(text, merge(_institution_towns(text, _streets_in_names(text, found), lex), protected),
                        protected)


TOWN_AFTER = re.compile(r"[ \t]+(?:in|te)[ \t]+((?:de[ \t]+|den[ \t]+|ter[ \t]+|het[ \t]+)?[^\W\d_]+(?:-[^\W\d_]+)*)")


def _institution_towns(text: str, found: list[Span], lex: Lexicon) -> list[Span]:
    """Round 18 (a global knob: how far an institution's name reaches): "in <town>" or "in <quarter>" right after any
    institution is part of its name, as round 15 had it only for shops with many branches: "het leger des heils in
    deventer", "de shell in pernis", "het cjg in kampen"."""
    if not any(s.kind == "INSTELLING" for s in found):
        return found
    places = word_lists().places
    out = []
    for span in found:
        if span.kind == "INSTELLING":
            match = TOWN_AFTER.match(text, span.end)
            if match:
                town = " ".join(match.group(1).lower().split())
                kind = WORD.findall(text[span.start:span.end].lower())[-1:]
                if (town in places or town in lex.quarters or town.split()[-1] in lex.quarters) \
                        and town not in lex.institution_areas and town not in FREQUENT_TOWN_WORDS \
                        and not (kind and (kind[0] in lex.institution_heads or kind[0] in lex.institution_tails)):
                    span = Span(span.start, match.end(), span.kind)
        out.append(span)
    return out


def _streets_in_names(text: str, found: list[Span]) -> list[Span]:
    """Round 15: a street without a house number inside an institution's name is that name ("verpleeghuis de
    vijverhof"), not an address: the institution's type wins."""
    names = [s for s in found if s.kind == "INSTELLING"]
    if not names:
        return found
    return [s for s in found if not (s.kind == "ADRES" and not any(c.isdigit() for c in text[s.start:s.end])
                                     and any(n.start <= s.start and s.end <= n.end for n in names))]


def _whole_words(text: str, spans: list[Span], protected: list[Span]) -> list[Span]:
    """A span that ends inside a user name or a word glued to digits takes all of it: "[NAAM].010" from
    "jordy.010", "[NAAM]2009" from "sweetgirl2009", "kevin.jansen" whose parts are both names; joined by a dot or
    an underscore the whole is a handle."""
    out: list[Span] = []
    for span in spans:
        start, end = span.start, span.end
        # across a dot or an underscore only to a part of two characters or more: not "t.n.v."
        while start > 0 and (_inner(text[start - 1]) or (text[start - 1] in "._" and start > 2
                                                         and _inner(text[start - 2]) and _inner(text[start - 3]))):
            start -= 1
        while end < len(text) and (_inner(text[end]) or (text[end] in "._" and end + 2 < len(text)
                                                         and _inner(text[end + 1]) and _inner(text[end + 2]))):
            end += 1
        if (start, end) != (span.start, span.end):
            grown = Span(start, end, span.kind)
            if any(grown.overlaps(p) for p in protected):
                out.append(span)
                continue
            glued = text[start:end]
            handle = "." in glued or "_" in glued \
                or (any(c.isdigit() for c in glued) and any(c.isalpha() for c in glued))
            kind = "HANDLE" if span.kind in ("NAAM", "HANDLE") and handle else span.kind
            span = Span(start, end, kind)
        if out and span.start <= out[-1].end:
            last = out.pop()
            span = Span(last.start, max(last.end, span.end), min(last.kind, span.kind, key=PRIORITY.__getitem__))
        out.append(span)
    return out


def _inner(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_pii(text: str) -> list[Span]:
    """Non-overlapping spans of personal data in `text` (positions in the text as given), in text order."""
    normalised, origin = normalize(text)
    # one character that normalises to several ("\ufdfa" to a phrase) can hold two spans: joined in the text as given
    return merge([Span(origin[s.start], origin[s.end - 1] + 1, s.kind) for s in _find(normalised)], [])


def _replace(text: str, spans: list[Span]) -> str:
    parts, position = [], 0
    for span in spans:
        parts.append(text[position:span.start])
        parts.append(span.placeholder)
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


def redact(text: str) -> str:
    """The normalised text with every personal detail replaced by its placeholder;
    redact(redact(t)) == redact(t)."""
    text = normalize(text)[0]
    for _ in range(MAX_PASSES):
        spans = _find(text)
        if not spans:
            break
        text = _replace(text, spans)
    return text
