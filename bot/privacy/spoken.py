"""Numbers written in words: a telephone number ("nul zes een twee ... acht", "nul zes twaalf
vierendertig ...") and a date ("twaalf maart tweeduizend tien", "the fifth of june 2009")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Optional

from bot.privacy.lexicon import Lexicon
from bot.privacy.spans import Span
from bot.privacy.tokens import Token, gap

GLUES = ("en", "ën", "and", "-")
MIN_PHONE_DIGITS = 8
RUN_GAPS = frozenset({" ", ", ", "-", " - "})
YEAR_GLUE = frozenset({"en", "and"})
CENTURIES = ("negentienhonderd", "negentien", "tweeduizend")


def number_value(word: str, lex: Lexicon) -> Optional[int]:
    """0-99 from "zes", "twaalf", "vierendertig", "eighty-nine", "twenty nine" is two words."""
    if word in lex.number_words:
        return lex.number_words[word]
    for glue in GLUES:
        at = word.find(glue, 1)
        while at > 0:
            first = lex.number_words.get(word[:at])
            second = lex.number_words.get(word[at + len(glue):])
            if first is not None and second is not None:
                if 1 <= first <= 9 and second % 10 == 0 and second >= 20:
                    return first + second  # "vier-en-dertig"
                if first % 10 == 0 and first >= 20 and 1 <= second <= 9:
                    return first + second  # "eighty-nine"
            at = word.find(glue, at + 1)
    return None


class Spoken:
    def __init__(self, text: str, tokens: list[Token], lex: Lexicon) -> None:
        self.text, self.tokens, self.lex = text, tokens, lex
        self.values = [number_value(t.lower, lex) if t.text.isalpha() or "-" in t.text else None for t in tokens]

    def _joined(self, left: int, gaps: frozenset[str] = frozenset({" "})) -> bool:
        return left + 1 < len(self.tokens) and gap(self.text, self.tokens[left], self.tokens[left + 1]) in gaps

    def phones(self) -> Iterator[Span]:
        index = 0
        while index < len(self.tokens):
            end, digits = index, ""
            while end < len(self.tokens) and self.values[end] is not None:
                digits += str(self.values[end])
                if not self._joined(end, RUN_GAPS) or self.values[end + 1] is None:
                    break
                end += 1
            if len(digits) >= MIN_PHONE_DIGITS:
                yield Span(self.tokens[index].start, self.tokens[end].end, "TELEFOON")
                index = end + 1
            else:
                index += 1

    def _day(self, index: int) -> Optional[int]:
        token = self.tokens[index]
        value = self.lex.ordinal_words.get(token.lower, self.values[index])
        if value is None and token.lower.endswith(("ste", "th")):  # "eenentwintigste", "twenty-first" is 2
            value = number_value(token.lower.removesuffix("ste").removesuffix("th"), self.lex)
        return value if value is not None and 1 <= value <= 31 else None

    def _year_end(self, index: int) -> Optional[int]:
        """Last token of a year from token `index`: "2009", "tweeduizend (en) tien", "negentien negenentachtig"."""
        if index >= len(self.tokens):
            return None
        lower = self.tokens[index].lower
        if lower in ("tweeduizend", "two") or lower.startswith("tweeduizend"):
            end = index
            if lower == "two":
                if not (self._joined(index) and self.tokens[index + 1].lower == "thousand"):
                    return None
                end = index + 1
            if self._joined(end) and self.tokens[end + 1].lower in YEAR_GLUE:
                end += 1
            if self._joined(end) and self.values[end + 1] is not None:
                end += 1
            return end
        value = self.values[index]
        if value in (19, 20) and self._joined(index) and self.values[index + 1] is not None:
            return index + 1
        for century in CENTURIES:  # one word: "negentienzesentachtig", "negentienhonderdnegentig"
            if lower.startswith(century) and number_value(lower[len(century):], self.lex) is not None:
                return index
        return None

    def _ordinal_month(self, probe: int) -> Optional[int]:
        """"van de derde", "of the third": the month as an ordinal after the day; the last token of the month."""
        if not (self._joined(probe) and self.tokens[probe + 1].lower in ("van", "of")):
            return None
        probe += 1
        if self._joined(probe) and self.tokens[probe + 1].lower in ("de", "the"):
            probe += 1
        if not self._joined(probe):
            return None
        value = self.lex.ordinal_words.get(self.tokens[probe + 1].lower)
        return probe + 1 if value is not None and 1 <= value <= 12 else None

    def dates(self) -> Iterator[Span]:
        months = self.lex.months
        for index in range(len(self.tokens)):
            if self._day(index) is None:
                continue
            probe = index
            if self._joined(probe) and self.tokens[probe + 1].lower in ("of", "van"):
                probe += 1
            if not (self._joined(probe) and self.tokens[probe + 1].lower in months):
                # "de eerste van de derde tweeduizend tien": only with a year ("de tweede van de derde klas" stays)
                ordinal = self._ordinal_month(index)
                year = self._year_end(ordinal + 1) if ordinal is not None and self._joined(ordinal) else None
                if year is not None:  # the article before the day belongs to it: "[de eerste van de derde ...]"
                    first = index - 1 if index and self._joined(index - 1) \
                        and self.tokens[index - 1].lower in ("de", "the") else index
                    yield Span(self.tokens[first].start, self.tokens[year].end, "GEBOORTEDATUM")
                continue
            month = probe + 1
            year = self._year_end(month + 1) if self._joined(month) else None
            end = self.tokens[year].end if year is not None else self._digit_year(month)
            if end is not None:
                yield Span(self.tokens[index].start, end, "GEBOORTEDATUM")

    def digit_days(self) -> Iterator[Span]:
        """Round 16: "19 juni tweeduizend elf": the day in digits, the month and the year in words."""
        for index, token in enumerate(self.tokens):
            if token.lower not in self.lex.months or not self._joined(index):
                continue
            day = DIGIT_DAY.search(self.text, 0, token.start)
            year = self._year_end(index + 1)
            if day is not None and 1 <= int(day.group(1)) <= 31 and year is not None:
                yield Span(day.start(1), self.tokens[year].end, "GEBOORTEDATUM")

    def _digit_year(self, month: int) -> Optional[int]:
        found = re.compile(r",? ([0-9]{4}|['’][0-9]{2})(?![\w])").match(self.text, self.tokens[month].end)
        return found.end() if found else None


DIGITS = re.compile(r"[0-9]+")
DIGIT_DAY = re.compile(r"(?<![\w])([0-9]{1,2})(?:e|ste|de)?\.? $")
MIXED_DIGITS = (9, 12)  # "06 vijf vijf 20 71 33": a number of 10 digits, part in words


def mixed_phones(text: str, spoken: Spoken, lex: Lexicon) -> Iterator[Span]:
    """A telephone number written partly in digits, partly in words: "06 vijf vijf 20 71 33", "nul zes 87 65
    43 21". The run must hold both, start with a 0 (after dropping words before it: "een 06 ...") and read as
    9 to 12 digits."""
    items = [(t.start, t.end, spoken.values[i]) for i, t in enumerate(spoken.tokens)]
    items += [(m.start(), m.end(), m.group()) for m in DIGITS.finditer(text)]
    items.sort(key=lambda item: item[0])
    run: list[tuple[int, int, str, bool]] = []  # (start, end, digits, written in digits)
    for start, end, value in items:
        joined = run and text[run[-1][1]:start] in RUN_GAPS
        if value is None or not joined:
            yield from _mixed(run, lex)
            run = []
        if value is not None:
            run.append((start, end, str(value), isinstance(value, str)))
    yield from _mixed(run, lex)


def _mixed(run: list[tuple[int, int, str, bool]], lex: Lexicon) -> Iterator[Span]:
    while run and not run[0][2].startswith("0"):
        run = run[1:]
    if len(run) < 2 or all(item[3] for item in run) or not any(item[3] for item in run):
        return
    digits = "".join(item[2] for item in run)
    if MIXED_DIGITS[0] <= len(digits) <= MIXED_DIGITS[1] and digits not in lex.helplines \
            and not digits.startswith(lex.service_prefixes):
        yield Span(run[0][0], run[-1][1], "TELEFOON")


def spoken_numbers(text: str, tokens: list[Token], lex: Lexicon) -> Iterator[Span]:
    spoken = Spoken(text, tokens, lex)
    yield from spoken.phones()
    yield from spoken.dates()
    if any(ch.isdigit() for ch in text):
        yield from spoken.digit_days()
    if any(value is not None for value in spoken.values) and any(ch.isdigit() for ch in text):
        yield from mixed_phones(text, spoken, lex)
