"""Full dates (a date of birth is any full date) and day-month dates after a birth cue."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.privacy.lexicon import Lexicon, cue_pattern
from bot.privacy.spans import Span

NUMERIC = re.compile(r"(?<![\w./\-])([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4}|['’]?[0-9]{2})(?![\w]|[./\-][0-9])")
# round 16: "24 - 05 - 2007", "3 / 4 / 2010": spaces around the separators, a year of four digits
NUMERIC_SPACED = re.compile(r"(?<![\w./\-])([0-9]{1,2})( [-/.] ?| ?[-/.] )([0-9]{1,2})\2((?:19|20)[0-9]{2})"
                            r"(?![\w]|[./\-][0-9])")
# Round 19: "de 9e van de 11e in 1990", "12de van de 3de '07": a day and a month both as ordinals, then the year.
ORDINALS = re.compile(r"(?<![\w])([0-9]{1,2})(?:e|ste|de)\s+(?:van\s+)?(?:de\s+)?([0-9]{1,2})(?:e|ste|de)"
                      r"(?:\s+maand)?,?\s+(?:(?:in|van|uit|of)\s+)?((?:19|20)[0-9]{2}|['’][0-9]{2})(?![\w])",
                      re.IGNORECASE)
ISO = re.compile(r"(?<![\w./\-])([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![\w]|[./\-][0-9])")
# Eight digits that make a real date: 14031987 (day month year) or 20120515 (year month day).
EIGHT = re.compile(r"(?<![\w.\-/])([0-9]{8})(?![\w]|[.\-/][0-9])")
# round 15: up to three words between ("geboortedatum van mijn broertje: 11 11 2016")
SPACED = re.compile(r"\.?(?:\s+[\w']+){0,3}?\s*:?\s*(?:op|on|is)?\s*([0-9]{1,2}) ([0-9]{1,2}) ([0-9]{4})(?![\w])")
# round 15: six digits right after a birth cue, day month year ("gebdat 280309")
SIX = re.compile(r"\.?\s*:?\s*(?:(?:op|on|is)\s+)?([0-9]{2})([0-9]{2})([0-9]{2})(?![\w]|[./\-][0-9])")
ORDINAL = r"(?:e|ste|de|st|nd|rd|th)?"
DAY_MONTH = re.compile(r"\.?\s*:?\s*(?:(?:op|on|is)\s+)?([0-9]{1,2})([-/.])([0-9]{1,2})(?![\w]|[-/.][0-9])")
CUE_LINK = re.compile(r"\s*:?\s*(?:(?:op|on|is)\s+)?")
YEAR = r"(?:['’]?[0-9]{2}|[0-9]{4})"
BIRTH_YEAR = re.compile(r"\.?\s*:?\s*(?:(?:in|uit|van|from)\s+)?((?:19|20)[0-9]{2}|['’][0-9]{2})(?![\w]|[-/.][0-9])",
                        re.IGNORECASE)
# Words after a day and month that make it a birthday: "op 3-3 ben ik jarig", "12 mei is mijn verjaardag".
BIRTH_AFTER = r"jarig|verjaardag|geboren|birthday|bday|geburtstag|urodziny|doğum\s+günü"
BIRTH_AFTER_HINT = re.compile(rf"(?i)(?:{BIRTH_AFTER})")


@lru_cache(maxsize=4)
def _text_patterns(months: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], str]:
    alternatives = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    month = f"({alternatives})"
    # "8 di aprel 2005" (Papiamentu), "3 de abril de 2005" (Spanish): a linking word around the month
    day_first = re.compile(rf"(?<![\w])([0-9]{{1,2}}){ORDINAL}\.?\s+(?:of\s+|van\s+|di\s+|de\s+)?{month}\.?,?"
                           rf"\s+(?:(?:di|de)\s+)?{YEAR}(?![\w])",
                           re.IGNORECASE)
    month_first = re.compile(rf"(?<![\w]){month}\.?\s+([0-9]{{1,2}}){ORDINAL},?\s+[0-9]{{4}}(?![\w])",
                             re.IGNORECASE)
    return day_first, month_first, month


def _day_first(day: str, month: str) -> bool:
    """A day of a month, then a month: "24 05", "3 4"."""
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _day_month_ok(day: str, month: str) -> bool:
    return _day_first(day, month) or _day_first(month, day)  # also US month/day


def numeric_dates(text: str) -> Iterator[Span]:
    for match in NUMERIC.finditer(text):
        if _day_month_ok(match.group(1), match.group(3)):
            yield Span(match.start(), match.end(), "GEBOORTEDATUM")
    for match in NUMERIC_SPACED.finditer(text):
        if _day_first(match.group(1), match.group(3)):
            yield Span(match.start(), match.end(), "GEBOORTEDATUM")
    for match in ORDINALS.finditer(text):
        if _day_first(match.group(1), match.group(2)):
            yield Span(match.start(), match.end(), "GEBOORTEDATUM")
    for match in ISO.finditer(text):
        year, month, day = (int(match.group(i)) for i in (1, 3, 4))
        if 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31:
            yield Span(match.start(), match.end(), "GEBOORTEDATUM")


def _real(year: int, month: int, day: int) -> bool:
    return 1900 <= year <= 2035 and 1 <= month <= 12 and 1 <= day <= 31


def eight_digit_dates(text: str) -> Iterator[Span]:
    for match in EIGHT.finditer(text):
        d = match.group(1)
        if _real(int(d[4:]), int(d[2:4]), int(d[:2])) or _real(int(d[:4]), int(d[4:6]), int(d[6:])):
            yield Span(match.start(), match.end(), "GEBOORTEDATUM")


def text_dates(text: str, lex: Lexicon) -> Iterator[Span]:
    day_first, month_first, _ = _text_patterns(tuple(lex.months))
    for match in day_first.finditer(text):
        if 1 <= int(match.group(1)) <= 31:
            yield Span(match.start(), match.end(), "GEBOORTEDATUM")
    for match in month_first.finditer(text):
        if 1 <= int(match.group(2)) <= 31:
            yield Span(match.start(), match.end(), "GEBOORTEDATUM")


@lru_cache(maxsize=4)
def _holiday_pattern(holidays: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in holidays)
    return re.compile(rf"(?<![\w])(?:{names})(?:,?\s+(?P<year>{YEAR}))?(?![\w])", re.IGNORECASE)


def holiday_dates(text: str, lex: Lexicon) -> Iterator[Span]:
    """"eerste kerstdag 2010": a day named by a holiday, with a year."""
    _, _, month = _text_patterns(tuple(lex.months))
    for match in _holiday_pattern(lex.holidays).finditer(text):
        year = match.group("year")
        # round 15: "koningsdag, 27 april": two digits before a month are its day, not a year
        if year and not (len(year.lstrip("'’")) == 2 and re.match(rf"\s+{month}(?![\w])", text[match.end():], re.I)):
            yield Span(match.start(), match.end(), "GEBOORTEDATUM")


def _cued_holiday(text: str, lex: Lexicon, cue_end: int) -> Iterator[Span]:
    """"geboren op tweede paasdag": right after a birth cue a holiday is a birthday without a year too."""
    found = CUE_LINK.match(text, cue_end)
    match = _holiday_pattern(lex.holidays).match(text, found.end() if found else cue_end)
    if match:
        yield Span(match.start(), match.end(), "GEBOORTEDATUM")


@lru_cache(maxsize=4)
def _spoken_day(months: tuple[str, ...], numbers: tuple[tuple[str, int], ...]) -> re.Pattern[str]:
    """"geboren op twaalf maart", "jarig op de vijfde van mei": a day in words and a month after a birth cue."""
    _, _, month = _text_patterns(months)
    day_words = "|".join(sorted((re.escape(w) for w, n in numbers if 1 <= n <= 31), key=len, reverse=True))
    return re.compile(rf"\.?\s*:?\s*(?:(?:op|on|the|is)\s+)?(?:de\s+)?((?:{day_words})\s+(?:van\s+|of\s+)?{month})"
                      rf"(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=4)
def _with_relations(cues: tuple[str, ...], relations: frozenset[str]) -> tuple[str, ...]:
    """Round 17: the birth cues and "<relation> is van" ("mijn dochter is van 19 maart", as "ze is van" already),
    longest first."""
    owned = tuple(f"{relation} is van" for relation in relations if " " not in relation)
    return tuple(sorted(cues + owned, key=len, reverse=True))


def cued_birthdays(text: str, lex: Lexicon) -> Iterator[Span]:
    """"geboren op 3 maart", "jarig op 5 mei": a day and month without a year, after a birth cue."""
    lower = text.lower()
    phrases = _with_relations(lex.birth_cues, lex.relations) if " is van " in lower else lex.birth_cues
    cues = list(cue_pattern(phrases).finditer(lower))
    if not cues:
        return
    _, _, month = _text_patterns(tuple(lex.months))
    # up to three words between: "geboren in 2009 op 3 april", "geboren in Utrecht op 3 april"
    after_cue = re.compile(rf"\.?\s*:?\s*(?:[\w']+\s+){{0,3}}?(?:op|on|the|is)?\s*([0-9]{{1,2}}){ORDINAL}\.?\s+"
                           rf"(?:of\s+|van\s+)?{month}(?![\w])", re.IGNORECASE)
    # "geboren in maart 2012", "geboren in 2010", "geb. '09": a month and year, or a year alone right after the cue
    month_year = re.compile(rf"\.?\s*:?\s*(?:[\w']+\s+){{0,2}}?(?:in\s+)?({month}\.?\s+{YEAR})(?![\w])",
                            re.IGNORECASE)
    spoken = _spoken_day(tuple(lex.months), tuple(sorted({**lex.number_words, **lex.ordinal_words}.items())))
    for cue_match in cues:
        found = spoken.match(text, cue_match.end())
        if found:
            yield Span(found.start(1), found.end(1), "GEBOORTEDATUM")
        found = month_year.match(text, cue_match.end())
        if found:
            yield Span(found.start(1), found.end(1), "GEBOORTEDATUM")
        found = BIRTH_YEAR.match(text, cue_match.end())
        if found:
            yield Span(found.start(1), found.end(1), "GEBOORTEDATUM")
        found = after_cue.match(text, cue_match.end())
        if found and 1 <= int(found.group(1)) <= 31:
            yield Span(found.start(1), found.end(), "GEBOORTEDATUM")
        yield from _cued_holiday(text, lex, cue_match.end())
        day_month = DAY_MONTH.match(text, cue_match.end())  # "geb 12-3"
        if day_month and 1 <= int(day_month.group(1)) <= 31 and 1 <= int(day_month.group(3)) <= 12:
            yield Span(day_month.start(1), day_month.end(), "GEBOORTEDATUM")
        spaced = SPACED.match(text, cue_match.end())  # "dob 1 4 2013"
        if spaced and _real(int(spaced.group(3)), int(spaced.group(2)), int(spaced.group(1))):
            yield Span(spaced.start(1), spaced.end(), "GEBOORTEDATUM")
        six = SIX.match(text, cue_match.end())  # "geb. 140309"
        if six and _day_first(six.group(1), six.group(2)):
            yield Span(six.start(1), six.end(), "GEBOORTEDATUM")


def birthdays_before_cue(text: str, lex: Lexicon) -> Iterator[Span]:
    """"op 3-3 ben ik jarig", "12 mei is mijn verjaardag": a day and month a few words before a birth cue."""
    _, _, month = _text_patterns(tuple(lex.months))
    before = re.compile(rf"(?<![\w./\-])([0-9]{{1,2}})(?:([-/.])([0-9]{{1,2}})|{ORDINAL}\.?\s+(?:van\s+)?{month})"
                        rf"(?![\w]|[-/.][0-9])(?=(?:\s+[\w']+){{0,3}}?\s+(?:{BIRTH_AFTER})(?![\w]))", re.IGNORECASE)
    for match in before.finditer(text):
        if not 1 <= int(match.group(1)) <= 31 or (match.group(3) and not 1 <= int(match.group(3)) <= 12):
            continue
        yield Span(match.start(), match.end(), "GEBOORTEDATUM")
    # "ik ben in juni 2010 geboren": a month and year right before the cue
    month_year = re.compile(rf"(?<![\w]){month}\.?\s+[0-9]{{4}}(?=\s+(?:{BIRTH_AFTER})(?![\w]))", re.IGNORECASE)
    for match in month_year.finditer(text):
        yield Span(match.start(), match.end(), "GEBOORTEDATUM")


def dates(text: str, lex: Lexicon) -> Iterator[Span]:
    if BIRTH_AFTER_HINT.search(text):
        yield from birthdays_before_cue(text, lex)
    yield from numeric_dates(text)
    yield from eight_digit_dates(text)
    yield from text_dates(text, lex)
    yield from holiday_dates(text, lex)
    yield from cued_birthdays(text, lex)
