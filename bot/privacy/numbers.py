"""Detectors for structured personal data: e-mail, IBAN, telephone, BSN, postcode, licence plate.

Helplines and service numbers (bot/privacy/pii.yml) are never reported; `helpline_spans` finds them so
no other detector can take them either.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.privacy.lexicon import Lexicon, cue_pattern
from bot.privacy.spans import Span
from bot.privacy.wordlists import word_lists

# "sanne@@gmail.com", "sanne@gmail..com": a doubled "@" or dot is a typo, still the address
EMAIL = re.compile(r"(?<![\w.%+\-])[A-Za-z0-9._%+\-]+@@?[A-Za-z0-9\-]+(?:\.\.?[A-Za-z0-9\-]+)+")
IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}[0-9]{2}(?:[ \-]?[A-Za-z0-9]{4}){2,7}(?:[ \-]?[A-Za-z0-9]{1,3})?(?![\w])")
NL_IBAN = re.compile(r"NL[0-9]{2}[A-Z]{4}[0-9]{10}")
# As people type it: a space after the country ("nl 91 abna ..."), the bank's letters, then digits in groups of any
# length ("rabo 012 345 6789"); checked like IBAN. A Dutch account with a digit too many or too few is still one.
IBAN_LOOSE = re.compile(r"(?<![\w])[A-Za-z]{2} ?[0-9]{2}[ \-]?[A-Za-z]{4}(?:[ \-]?[0-9]{1,4}){2,7}(?![\w])")
# Round 22: how an IBAN opens (country, check digits, bank or first group, four digits); after a cue such as "account"
# it is a number, not a user name.
IBAN_START = re.compile(r"[A-Za-z]{2}[0-9]{2}[ \-]?[A-Za-z0-9]{4}[ \-]?[0-9]{4}")
NL_IBAN_TYPO = re.compile(r"NL[0-9]{2}[A-Z]{4}[0-9]{9,11}")
# Round 22: the length of an IBAN in each SEPA country. A number of exactly its country's length, typed in groups of
# four, right after a word for an account is one even when a digit is wrong (its check digits fail mod 97).
SEPA_LENGTHS = {"AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
                "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26,
                "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
                "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22}
ACCOUNT_WORDS = re.compile(r"(?i)(?<![\w])(?:iban|account|rekening\w*|konto|kontonummer|compte|cuenta|conto|rachunek|"
                           r"rachunku|hesap|hesabım|contul|sąskaita|bankrekening\w*)(?![\w])")
IBAN_TYPO_REACH = 40  # characters between the account word and the number
# A run of digit groups joined by one separator; "(0)" and brackets around an area code allowed.
# "06 /  38 29 10 47", "06_12345678": up to three spaces on each side of a separator, as people type them
NUMBER_RUN = re.compile(r"(?<![\w+])\+?\(?[0-9](?:[0-9]|\(0\)|[()]|(?:[ \t]{0,3}[-./|_][ \t]{0,3}|\s)(?=[(0-9]))*")
DIGITS = re.compile(r"[0-9]+")
# Round 13: mobile numbers of eleven digits with their trunk 0, as Turkish (05..) and British (07..) people type them.
FOREIGN_MOBILE_DIGITS = 11
FOREIGN_MOBILE_PREFIXES = ("05", "07")
BSN = re.compile(r"(?<![\w.+\-])[0-9]{3}([ .\-]?)[0-9]{3}\1[0-9]{3}(?![\w]|[.\-][0-9])")
# Nine digits in any grouping ("1215.47.280"): a BSN when the 11-check holds.
BSN_ANY = re.compile(r"(?<![\w.+\-])[0-9](?:[ .\-]?[0-9]){8}(?![\w]|[.\-][0-9])")
# After a BSN cue: up to four words ("van het kind is"), then the number.
CUED_NUMBER = re.compile(r"[\s:.,#-]*(?:[^\W\d_]+[\s:.,]+){0,4}?([0-9](?:[0-9]|[ .\-](?=[0-9])){6,11})(?![0-9])")
# Nine digits in one block or in three groups of three, not an amount: a citizen service number even when the
# 11-check fails (a typo, or a number made up to test the bot, must not leak either).
NINE_DIGITS = re.compile(r"(?<![\w.,+\-€$])(?<!€ )(?:[0-9]{9}|[0-9]{3}([ .\-])[0-9]{3}\1[0-9]{3})(?![\w]|[.,\-][0-9])")
AMOUNT_AFTER = re.compile(r"\s*(?:euro|eur|dollar|km|kilometer|meter|mensen|inwoners|views|volgers|followers)(?![\w])",
                          re.IGNORECASE)
POSTCODE = re.compile(r"(?<![\w\-/.])([1-9][0-9]{3})( {0,3}- {0,3}| {0,3})([A-Za-z]{2})(?![\w])")
# "postcode: 1234 ab", "pc 1234 ab", "zip code 1234 ab": after a postcode cue two letters are postcode letters even
# when they spell a short word (kg, jr, je); so are they before a house number ("1234 kg, nummer 5", "1234 jr nr 5").
POSTCODE_CUE = re.compile(r"(?i)(?<![\w])(?:postcode|postcod|postkode|post code|pc|zip|zipcode|zip code)"
                          r"(?:\s+(?:is|was|van|:))?\s*:?\s*$")
NUMBER_AFTER = re.compile(r"\.?\s*[0-9]")
# Round 19: "postcode3011AB", "pc:1234ab": a postcode glued to its cue word, without a space.
POSTCODE_GLUED = re.compile(r"(?i)(?<![\w])(?:postcode|postcod|postkode|pc|zip|zipcode)[:=]?([1-9][0-9]{3}"
                            r"(?: {0,3}- {0,3}| {0,3})[A-Za-z]{2})(?![\w])")
CUED_NOT_LETTERS = frozenset({"en", "in", "is", "op", "om", "of", "te", "ik", "al", "nu", "zo", "na", "ja", "at", "on",
                              "to", "or", "as", "by", "so", "it", "if", "my"})  # "postcode is 3512 ik weet het niet"
HOUSE_NUMBER_AFTER = re.compile(r"(?i)\s*,?\s*(?:nummer|nr\.?|no\.?|huisnummer|number|#)\s*[0-9]")
# "9711 c p", "1068 M K", "3531-e-s": the two letters typed apart (spaced or dashed; not "2020 e.v.") are
# postcode letters in any case; two single letters after four digits are no Dutch words.
POSTCODE_APART = re.compile(r"(?<![\w\-/.])[1-9][0-9]{3}(?: ?- ?| ?)[A-Za-z](?: |-| - )[A-Za-z]"
                            r"(?![\w]|\s[A-Za-z](?![\w]))")  # not a run of letters: "2019 a b c"
# Round 17: "pc 1 2 3 4 a b": after a postcode cue every digit and letter typed apart.
POSTCODE_SPACED = re.compile(r"(?<![\w])[1-9](?: [0-9]){3} [A-Za-z] [A-Za-z](?![\w])")
PLACE_WORD = re.compile(r",?\s+([^\W\d_]+(?:[\-'][^\W\d_]+)*)")
PLATE_SHAPES = ("LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D", "D-LLL-DD",
                "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D")


def _plate_regex(separator: str, letters: str, shapes: tuple[str, ...] = PLATE_SHAPES) -> re.Pattern[str]:
    def shape(code: str) -> str:
        return "".join(letters if c == "L" else "[0-9]" if c == "D" else separator for c in code)
    alternatives = "|".join(shape(s) for s in shapes)
    return re.compile(rf"(?<![\w\-])(?:{alternatives})(?![\w]|-[\w])")


# Without dashes, 99-99-XX is written like a postcode ("1234AB"): that shape needs its dashes.
UNDASHED = tuple(s for s in PLATE_SHAPES if s != "DD-DD-LL")
# Since sidecode 4 the RDW issues no vowels (nor C, Q): lower case without dashes counts only with those letters,
# so ordinary words ("ik 12 jaar") stay.
RDW_LETTERS = "[BDFGHJKLMNPRSTVWXYZbdfghjklmnprstvwxyz]"
# Belgian 1-ABC-234 (dashed, any case) and German "M-AB 1234" (district, letters, digits; capitals only).
FOREIGN = re.compile(r"(?<![\w\-])(?:[1-9]-[A-Za-z]{3}-[0-9]{3}|[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} [0-9]{1,4}(?!-))(?![\w])")
PLATES = (_plate_regex("-", "[A-Za-z]"), _plate_regex("", "[A-Z]", UNDASHED), _plate_regex(" ", "[A-Z]", UNDASHED),
          _plate_regex("", RDW_LETTERS, UNDASHED), _plate_regex(" ", RDW_LETTERS, UNDASHED), FOREIGN)


BRACKETED_WORD = re.compile(r"[(\[{<]\s*([^\W\d_]+)\s*[)\]}>]")


@lru_cache(maxsize=4)
def _spelled_email(at_words: tuple[str, ...], dot_words: tuple[str, ...]) -> re.Pattern[str]:
    """"sanne at gmail punt com", "m.jansen(at)ziggo(dot)nl", "jdevries @ ziggo.nl", "fatima_2010 @ hotmail . com"."""
    def either(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in words)
    # in brackets of any kind, with or without spaces inside: "(at)", "[ at ]", "{dot}", "< punt >"
    at = rf"(?:\s*(?:[(\[{{<]\s*(?:at|{either(at_words)})\s*[)\]}}>]|@)\s*|\s+(?:{either(at_words)})\s+)"
    dot = rf"(?:\.|\s*[(\[{{<]\s*(?:dot|punt|{either(dot_words)})\s*[)\]}}>]\s*|\s+(?:{either(dot_words)})\s+)"
    # round 22: "mariska punt de graaf at ...": the particles of a family name typed with spaces after a spoken dot
    particles = r"(?:(?:van|de|der|den|ten|ter|te|het|'t|la|le|du|da|di|von|el|al)\s+){0,2}"
    local = rf"[\w%+\-]+(?:(?:{dot}|\s\.\s?){particles}[\w%+\-]+)*"  # "j . de . vries @ ...": dots typed apart
    domain_dot = rf"(?:{dot}|\s*\.\s*)"  # "hotmail . com": the domain needs a known ending, so spaces may stand
    return re.compile(rf"(?<![\w.%+\-])({local}){at}([\w\-]+(?:{domain_dot}[\w\-]+)+)(?![\w])", re.IGNORECASE)


# Round 15: an address typed one character at a time ("s a n n e @ g m a i l . c o m")
SPACED_OUT = re.compile(r"(?<!\S)(?:\S ){4,}\S(?!\S)")


def emails(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in EMAIL.finditer(text):
        top_level = match.group().rsplit(".", 1)[-1]
        if len(top_level) >= 2 and top_level.isalpha():
            yield Span(match.start(), match.end(), "EMAIL")
    if " @ " in text:
        for match in SPACED_OUT.finditer(text):
            joined = match.group().replace(" ", "")
            top = joined.rsplit(".", 1)[-1]
            if EMAIL.fullmatch(joined) and top.isalpha() and len(top) >= 2:
                yield Span(match.start(), match.end(), "EMAIL")
    pattern, position = _spelled_email(lex.email_at_words, lex.email_dot_words), 0
    # A match that is no address is retried one word later: in "contact me at sunny.boy at gmail dot com" the
    # first try is "me at sunny.boy", whose domain has no known ending.
    while (match := pattern.search(text, position)) is not None:
        found = _spelled_span(match, lex)
        if found is not None:
            yield found
            position = found.end
        else:
            nxt = re.search(r"[\s@(\[]", text[match.start():match.end()])
            position = match.start() + (nxt.end() if nxt else len(match.group()))


def _spelled_span(match: re.Match[str], lex: Lexicon) -> Span | None:
    if not _spelled_enough(match.group(), lex):
        return None  # "chat at veiligthuis.nl" is a website, "sanne at gmail punt com" an address
    domain = re.split(r"[\s.()\[\]{}<>]+", match.group(2).lower())
    ending = next((i for i in range(len(domain) - 1, 0, -1) if domain[i] in lex.email_endings), None)
    if ending is None:
        return None
    cut = match.start(2) + _prefix_length(match.group(2), domain[:ending + 1])
    return Span(match.start(), cut, "EMAIL")


def _spelled_enough(found: str, lex: Lexicon) -> bool:
    """The English word "at" alone makes no address: it needs "@", "(at)", "apenstaartje" or a spelled dot."""
    words = set(re.split(r"\s+", found.lower()))
    bracketed = BRACKETED_WORD.findall(found.lower())
    if "@" in found or (set(bracketed) & {"at", *lex.email_at_words}) or words & (set(lex.email_at_words) - {"at"}):
        return True
    return bool((words | set(bracketed)) & {*lex.email_dot_words, "dot", "punt"})


def _prefix_length(text: str, parts: list[str]) -> int:
    """Length of the start of `text` that holds `parts` (the domain up to its last known ending)."""
    position = 0
    for part in parts:
        position = text.lower().index(part, position) + len(part)
    return position


def iban_valid(compact: str) -> bool:
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _typed_wrong(compact: str, text: str, start: int) -> bool:
    """Round 22: "my polish account PL27 1140 ...": a SEPA country's code, two check digits and exactly that country's
    length, after a word for an account; a wrong digit (a failed check) does not make it less someone's account."""
    return SEPA_LENGTHS.get(compact[:2]) == len(compact) and compact[2:4].isdigit() \
        and ACCOUNT_WORDS.search(text, max(0, start - IBAN_TYPO_REACH), start) is not None


def ibans(text: str, lex: Lexicon) -> Iterator[Span]:
    for pattern, typo in ((IBAN, False), (IBAN_LOOSE, True)):
        for match in pattern.finditer(text):
            found = match.group()
            # The pattern may take a following word as a last group: try shorter endings.
            ends = [k for k in range(len(found), 7, -1)
                    if found[k - 1] not in " -" and (k == len(found) or found[k] in " -")]
            for end in ends:
                compact = re.sub(r"[ \-]", "", found[:end]).upper()
                if iban_valid(compact) or NL_IBAN.fullmatch(compact) or (typo and NL_IBAN_TYPO.fullmatch(compact)) \
                        or (not typo and _typed_wrong(compact, text, match.start())):
                    yield Span(match.start(), match.start() + end, "IBAN")
                    break
    yield from _cued(text, lex.iban_cues, CUED_NUMBER, 7, 10, "IBAN")


def _cued(text: str, cues: tuple[str, ...], pattern: re.Pattern[str], least: int, most: int,
          kind: str) -> Iterator[Span]:
    """A number of `least` to `most` digits (group 1 of `pattern`) right after one of `cues`."""
    for cue_match in cue_pattern(cues).finditer(text.lower()):
        number = pattern.match(text, cue_match.end())
        if number and least <= len(re.sub(r"[^0-9]", "", number.group(1))) <= most:
            yield Span(number.start(1), number.end(1), kind)


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
            if len(number) == FOREIGN_MOBILE_DIGITS and number.startswith(FOREIGN_MOBILE_PREFIXES):
                return index, number  # "0532 771 40 19" (Turkish), "07700 900 123" (British): no Dutch number
            if len(number) > FOREIGN_MOBILE_DIGITS:
                break
        else:
            break
    return best


# Round 21: "mijn werknummer is 088 ...", "het nummer van zijn kantoor is 088 ...": a number of a firm's range (088)
# said to be someone's own is that person's line; a listed helpline stays one.
OWN_NUMBER = re.compile(r"(?i)(?<![\w])(?:(?:mijn|m'n|mn|zijn|z'n|haar|d'r|hun|my|his|her)\b[^.!?\n]{0,30}?"
                        r"(?:nummer|nr|number|telefoon|tel|werk|kantoor|office|work)"
                        r"|(?:werk|kantoor|doorkies|direct)(?:nummer|nr)"
                        r"|(?:nummer|number)\s+(?:van|of)\s+(?:mijn|m'n|mn|zijn|z'n|haar|d'r|hun|my|his|her)\s+[^\W\d_]+)"
                        r"[^.!?\n0-9]{0,30}$")
OWN_PREFIXES = ("088",)


def _own_number(text: str, start: int) -> bool:
    return OWN_NUMBER.search(text, max(0, start - 60), start) is not None


def _read_run(run: str, lex: Lexicon, own: bool = False) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of helplines and telephone numbers in a run of digit groups, read left to right:
    "06 112 23 344" is one telephone number, "06-12345678 0800-2000 06-87654321" is three numbers. `own`: the run
    follows words that call it someone's own number, so a firm's number (088) is a telephone number."""
    groups = _groups(run)
    index = 0
    while index < len(groups):
        last = _helpline_end(run, groups, index, lex)
        if own and last is not None and index == 0:
            phone = _phone_end(run, groups, index)
            if phone and phone[1].startswith(OWN_PREFIXES) and phone[1] not in lex.helplines:
                yield "TELEFOON", _span_start(run, groups[index][0]), _span_end(run, groups[phone[0]][1])
                index = phone[0] + 1
                continue
        kind = "HELPLINE"
        if last is None:
            phone = _phone_end(run, groups, index)
            last, kind = (phone[0], "TELEFOON") if phone and not _is_service(phone[1], lex) else (None, "")
        if last is None:
            index += 1
            continue
        yield kind, _span_start(run, groups[index][0]), _span_end(run, groups[last][1])
        index = last + 1


# Round 15: a group of digits with the letter o typed for a zero ("06 5O 12 34 56", "o6-1234..."), read as digits
LETTER_ZERO = re.compile(r"(?<![\w])(?=[0-9oO]*[0-9])(?=[0-9]*[oO])[0-9oO]+(?![\w])")


def _zeros_for_letters(text: str) -> str:
    return LETTER_ZERO.sub(lambda m: m.group().replace("o", "0").replace("O", "0"), text)


def phones(text: str, lex: Lexicon) -> Iterator[Span]:
    for run_match in NUMBER_RUN.finditer(text):
        for kind, start, end in _read_run(run_match.group(), lex, _own_number(text, run_match.start())):
            if kind == "TELEFOON":
                yield Span(run_match.start() + start, run_match.start() + end, kind)
    if ("o" in text or "O" in text) and LETTER_ZERO.search(text):  # same length: the positions stay
        zeroed = _zeros_for_letters(text)
        for run_match in NUMBER_RUN.finditer(zeroed):
            if run_match.group() == text[run_match.start():run_match.end()]:
                continue  # no letter in it: found above
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
    for pattern in (BSN, BSN_ANY):
        for match in pattern.finditer(text):
            if bsn_valid(re.sub(r"[^0-9]", "", match.group())):
                yield Span(match.start(), match.end(), "BSN")
    for match in NINE_DIGITS.finditer(text):
        if not AMOUNT_AFTER.match(text, match.end()):
            yield Span(match.start(), match.end(), "BSN")
    if cue_pattern(lex.bsn_cues).search(text.lower()):  # a BSN cue anywhere: nine digits in any grouping
        for match in BSN_ANY.finditer(text):  # "1 9 5 ...", "1234.56.789", typo or not
            if not AMOUNT_AFTER.match(text, match.end()):
                yield Span(match.start(), match.end(), "BSN")
    yield from _cued(text, lex.bsn_cues, CUED_NUMBER, 8, 9, "BSN")
    yield from _cued(text, lex.id_cues, CUED_NUMBER, 9, 11, "BSN")  # "pesel 85010112345", "kimlik no ..."


def _before_place(text: str, end: int) -> bool:
    """"7511 je enschede": a place right after the letters makes a word of them postcode letters."""
    nxt, lists = PLACE_WORD.match(text, end), word_lists()
    place = nxt.group(1).lower() if nxt else ""
    return place in lists.places and place not in lists.frequent_nl  # not "2019 is een": Een is a village too


LOOSE_LINKS = frozenset({"ja", "nu", "zo", "na", "al", "om", "te", "of", "is", "as", "so", "or", "by"})


def _loose_link(match: re.Match[str]) -> bool:
    """Round 15: "in 2801 ja gouda": letters that could link a number to a place but seldom do, after a number that
    is no year (a year: "in 2019 al in utrecht"), are postcode letters before a place."""
    year = 1900 <= int(match.group(1)) <= 2035
    return not year and match.group(3).lower() in LOOSE_LINKS


def postcodes(text: str, lex: Lexicon) -> Iterator[Span]:
    for match in POSTCODE.finditer(text):
        letters = match.group(3)
        if letters.lower() in ("nr", "no") and NUMBER_AFTER.match(text, match.end()):
            continue  # "plein 1945 nr 3": the number of a house, no postcode letters
        if letters.isupper() or letters.lower() not in lex.postcode_stopwords \
                or ((letters.lower() not in lex.place_links or _loose_link(match))
                    and _before_place(text, match.end())) \
                or (letters.lower() not in CUED_NOT_LETTERS
                    and (POSTCODE_CUE.search(text, max(0, match.start() - 24), match.start())
                         or HOUSE_NUMBER_AFTER.match(text, match.end()))):
            yield Span(match.start(), match.end(), "POSTCODE")
    for match in POSTCODE_APART.finditer(text):
        yield Span(match.start(), match.end(), "POSTCODE")
    for match in POSTCODE_GLUED.finditer(text):
        if match.group(1)[-2:].lower() not in CUED_NOT_LETTERS:
            yield Span(match.start(1), match.end(1), "POSTCODE")
    for match in POSTCODE_SPACED.finditer(text):
        if POSTCODE_CUE.search(text, max(0, match.start() - 24), match.start()):
            yield Span(match.start(), match.end(), "POSTCODE")


# After a plate cue: any shape, any case, with dashes, spaces or nothing between the groups, of any country:
# Dutch 6 characters, Turkish "34 KLM 572" 8, Polish "WA 12345" 7, German 5 to 8. Longest first; a word of
# the sentence after it is no group ("7-XKP-21 en staat", "95 gbl 3 is his car").
CUED_LENGTH = (5, 8)
CUED_LINK = r"[\s:]*(?:(?:is|was|met|with|to|jest|ist)\s+)?"
CUED_PLATES = tuple(re.compile(CUED_LINK + rf"([A-Za-z0-9]{{1,3}}(?:[\s\-]?[A-Za-z0-9]{{1,3}}){{{n}}})(?![\w])")
                    for n in (3, 2, 1))
LAST_GROUP = re.compile(r"[\s\-]([a-z]+)$")


def _cued_plate(text: str, start: int, frequent: frozenset[str]) -> Span | None:
    for pattern in CUED_PLATES:
        found = pattern.match(text, start)
        if found is None:
            continue
        compact = re.sub(r"[\s\-]", "", found.group(1))
        last = LAST_GROUP.search(found.group(1))
        if CUED_LENGTH[0] <= len(compact) <= CUED_LENGTH[1] and not compact.isdigit() and not compact.isalpha() \
                and not (last and last.group(1) in frequent):
            return Span(found.start(1), found.end(1), "KENTEKEN")
    return None


def plates(text: str, lex: Lexicon) -> Iterator[Span]:
    for pattern in PLATES:
        for match in pattern.finditer(text):
            yield Span(match.start(), match.end(), "KENTEKEN")
    for cue_match in cue_pattern(lex.plate_cues).finditer(text.lower()):
        lists = word_lists()
        found = _cued_plate(text, cue_match.end(), lists.frequent_nl | lists.frequent_en)
        if found:
            yield found


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
        for kind, start, end in _read_run(run_match.group(), lex, _own_number(text, run_match.start())):
            if kind == "HELPLINE":
                yield Span(run_match.start() + start, run_match.start() + end, kind)
