"""Detectors for structured personal data: e-mail, IBAN, telephone, BSN, postcode, licence plate.

Helplines and service numbers (bot/privacy/pii.yml) are never reported; `helpline_spans` finds them so
no other detector can take them either.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy.lexicon import Lexicon
from bot.privacy.spans import Span

EMAIL = re.compile(r"(?<![\w.%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![\w])")
NL_IBAN = re.compile(r"NL[0-9]{2}[A-Z]{4}[0-9]{10}")
# A run of digit groups joined by one separator; "(0)" and brackets around an area code allowed.
NUMBER_RUN = re.compile(r"(?<![\w+])\+?\(?[0-9](?:[0-9]|\(0\)|[()]|(?:\s?[-./]\s?|\s)(?=[(0-9]))*")
DIGITS = re.compile(r"[0-9]+")
BSN = re.compile(r"(?<![\w.+\-])[0-9]{3}([ .\-]?)[0-9]{3}\1[0-9]{3}(?![\w]|[.\-][0-9])")
# After a BSN cue: up to four words ("van het kind is"), then the number.
CUED_NUMBER = re.compile(r"[\s:.#-]*(?:[^\W\d_]+[\s:.]+){0,4}?([0-9](?:[0-9]|[ .\-](?=[0-9])){6,11})(?![0-9])")
POSTCODE = re.compile(r"(?<![\w\-/.])([1-9][0-9]{3})( ?)([A-Za-z]{2})(?![\w])")
PLATE_SHAPES = ("LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D", "D-LLL-DD",
                "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D")


def _plate_regex(separator: str, letters: str, shapes: tuple[str, ...] = PLATE_SHAPES) -> re.Pattern[str]:
    def shape(code: str) -> str:
        return "".join(letters if c == "L" else "[0-9]" if c == "D" else separator for c in code)
    alternatives = "|".join(shape(s) for s in shapes)
    return re.compile(rf"(?<![\w\-])(?:{alternatives})(?![\w]|-[\w])")


# Without dashes, 99-99-XX is written like a postcode ("1234AB"): that shape needs its dashes.
UNDASHED = tuple(s for s in PLATE_SHAPES if s != "DD-DD-LL")
PLATES = (_plate_regex("-", "[A-Za-z]"), _plate_regex("", "[A-Z]", UNDASHED), _plate_regex(" ", "[A-Z]", UNDASHED))


def emails(text: str) -> Iterator[Span]:
    for match in EMAIL.finditer(text):
        top_level = match.group().rsplit(".", 1)[-1]
        if len(top_level) >= 2 and top_level.isalpha():
            yield Span(match.start(), match.end(), "EMAIL")


def iban_valid(compact: str) -> bool:
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def ibans(text: str) -> Iterator[Span]:
    for match in IBAN.finditer(text):
        found = match.group()
        # The pattern may take a following word as a last group: try shorter endings.
        ends = [k for k in range(len(found), 7, -1) if found[k - 1] != " " and (k == len(found) or found[k] == " ")]
        for end in ends:
            compact = found[:end].replace(" ", "").upper()
            if iban_valid(compact) or NL_IBAN.fullmatch(compact):
                yield Span(match.start(), match.start() + end, "IBAN")
                break


def _groups(run: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in DIGITS.finditer(run)]


def _national(run: str, groups: list[tuple[int, int]], first: int) -> Iterator[tuple[int, str]]:
    """(index of the last group, national number so far) for each group from `first` on."""
    start, end = groups[first]
    digits = run[start:end]
    international = digits.startswith("00") or (start > 0 and run[start - 1] == "+")
    if digits.startswith("00"):
        digits = digits[2:]
    number = "0" + digits[2:] if international and digits.startswith("31") else digits
    dutch = not international or digits.startswith("31")
    if international and not dutch:
        number = "+" + digits
    yield first, number
    for index in range(first + 1, len(groups)):
        g_start, g_end = groups[index]
        part = run[g_start:g_end]
        if international and part == "0" and run[g_start - 1:g_end + 1] == "(0)":
            continue  # +31 (0)6 ...: the 0 is not dialled from abroad
        number += part
        yield index, number


def _phone_end(run: str, groups: list[tuple[int, int]], first: int) -> tuple[int, str] | None:
    """The last group and number of a telephone number starting at group `first`, if there is one."""
    best: tuple[int, str] | None = None
    for index, number in _national(run, groups, first):
        if number.startswith("+"):
            if len(number) - 1 > 15:
                break
            if len(number) - 1 >= 9:
                best = (index, number)
        elif number.startswith("0"):
            if len(number) == 10:
                return index, number
            if len(number) > 10:
                break
        else:
            break
    return best


def _read_run(run: str, lex: Lexicon) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of helplines and telephone numbers in a run of digit groups, read left to right:
    "06 112 23 344" is one telephone number, "06-12345678 0800-2000 06-87654321" is three numbers."""
    groups = _groups(run)
    index = 0
    while index < len(groups):
        last = _helpline_end(run, groups, index, lex)
        kind = "HELPLINE"
        if last is None:
            phone = _phone_end(run, groups, index)
            last, kind = (phone[0], "TELEFOON") if phone and not _is_service(phone[1], lex) else (None, "")
        if last is None:
            index += 1
            continue
        yield kind, _span_start(run, groups[index][0]), _span_end(run, groups[last][1])
        index = last + 1


def phones(text: str, lex: Lexicon) -> Iterator[Span]:
    for run_match in NUMBER_RUN.finditer(text):
        for kind, start, end in _read_run(run_match.group(), lex):
            if kind == "TELEFOON":
                yield Span(run_match.start() + start, run_match.start() + end, kind)


def _is_service(number: str, lex: Lexicon) -> bool:
    return number in lex.helplines or number.startswith(lex.service_prefixes)


def _span_start(run: str, start: int) -> int:
    while start > 0 and run[start - 1] in "+(":
        start -= 1
    return start


def _span_end(run: str, end: int) -> int:
    return end + 1 if end < len(run) and run[end] == ")" else end


def bsn_valid(digits: str) -> bool:
    """The 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11."""
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(weight * int(d) for weight, d in zip(range(9, 1, -1), digits[:8], strict=True)) - int(digits[8])
    return total % 11 == 0


def bsns(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in BSN.finditer(text):
        if bsn_valid(re.sub(r"[^0-9]", "", match.group())):
            yield Span(match.start(), match.end(), "BSN")
    lowered = text.lower()
    for cue in lex.bsn_cues:
        for cue_match in re.finditer(rf"(?<![\w]){re.escape(cue)}(?![\w])", lowered):
            number = CUED_NUMBER.match(text, cue_match.end())
            if number and 8 <= len(re.sub(r"[^0-9]", "", number.group(1))) <= 9:
                yield Span(number.start(1), number.end(1), "BSN")


def postcodes(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in POSTCODE.finditer(text):
        letters = match.group(3)
        if letters.isupper() or letters.lower() not in lex.postcode_stopwords:
            yield Span(match.start(), match.end(), "POSTCODE")


def plates(text: str) -> Iterator[Span]:
    for pattern in PLATES:
        for match in pattern.finditer(text):
            yield Span(match.start(), match.end(), "KENTEKEN")


def _helpline_end(run: str, groups: list[tuple[int, int]], first: int, lex: Lexicon) -> int | None:
    """The last group of a helpline or service number starting at group `first`, if there is one."""
    service: int | None = None
    for index, number in _national(run, groups, first):
        if number in lex.helplines:
            return index
        if service is None and 8 <= len(number) <= 11 and number.startswith(lex.service_prefixes):
            service = index
        if len(number) > 11:
            break
    return service


def helpline_spans(text: str, lex: Lexicon) -> Iterator[Span]:
    """Helplines and service numbers, which no detector may take ("bel 112", "0800-2000 3 maart 2015")."""
    for run_match in NUMBER_RUN.finditer(text):
        for kind, start, end in _read_run(run_match.group(), lex):
            if kind == "HELPLINE":
                yield Span(run_match.start() + start, run_match.start() + end, kind)
