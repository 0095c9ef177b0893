"""Street addresses: a street name followed by a house number ("Kerkstraat 12", "Laan van Meerdervoort
200", "Burgemeester de Vlugtlaan 5a"), and English "221B Baker Street"."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Optional

from bot.privacy.lexicon import Lexicon
from bot.privacy.spans import Span
from bot.privacy.spoken import number_value
from bot.privacy.tokens import Token, gap
from bot.privacy.wordlists import word_lists

# The number, then a letter ("12a", "12-b", "12 A"; a lower-case letter after a space is a word: "88 z mężem"),
# then a second number or an addition ("22-hs", "4 bis"; "boven" not before "de": "4 boven de kapper").
HOUSE_NUMBER = re.compile(
    r"(?:,\s*(?:huisnummer|huisnr\.?|nummer|nr\.?|no\.?)\s*"  # "aan de europalaan, nummer 402"
    r"|\.?\s+(?:(?:op\s+)?(?:huisnummer|huisnr\.?|nummer|nr\.?|no\.?|number)\s*)?)([0-9]{1,5})((?:(?:-?[a-zA-Z]|\s-?[A-Z]|\s-[a-zA-Z])(?![\w]))?"
    r"(?:\s?(?:[-/]|t/m|tm|tot en met)\s?[0-9]{1,4}[a-zA-Z]?(?![\w])"  # round 20: "2 t/m 6", a range of houses
    # "huis 2", "app. 14", "unit 3": a dwelling inside the building, with its own number
    r"|\s?-?\s?(?i:huis|unit|app\.?|apt\.?|appartement|flat|kamer|bus)\s?[0-9]{1,4}[a-zA-Z]?(?![\w])"
    r"|\s?-?\s?(?i:k|kmr)\s?[0-9]{1,3}(?![\w])"  # round 16: "tulpstraat 4 k2": the room, abbreviated
    # "2 achterhuis"; round 16: the colour of the door written out as well as abbreviated ("2 rood", "2 rd")
    r"|\s?-?\s?(?i:bis|hs|huis|bg|bgg|bv|zw|rd|zwart|rood|ii|iii|(?:boven|beneden|achter|voor)(?:woning|huis)(?![\w])"
    r"|(?:boven|beneden)(?!\s+(?:de|het|een|the)\b))(?![\w])"
    r"|\s?-\s?(?i:i|iv)(?![\w])"  # "23-II", "40-I": the floor in Roman numerals (Amsterdam)
    # "218 2 hoog", "45-3hoog", "9 tweede verdieping", "480 1st floor": the floor, in digits or words, Dutch or English
    # (a floor in words after a comma is a new phrase, as the earlier sets label it: "450, derde verdieping")
    r"|(?:,?\s(?=[0-9])|\s|-)(?i:[0-9]{1,2}(?:e|ste|de|st|nd|rd|th)?|eerste|tweede|derde|vierde|vijfde|zesde|"
    r"zevende|achtste|negende|tiende|begane|first|second|third|fourth|fifth|sixth|ground)(?:\s?|-)"
    r"(?i:hoog|hg|etage|verdieping|floor|grond)(?:\s(?i:achter|voor)(?![\w]))?(?![\w])"
    r"|\s(?i:een|twee|drie|vier|vijf|zes|zeven|acht)\s(?i:hoog|hg)(?:\s(?i:achter|voor)(?![\w]))?(?![\w])"  # round 21
    r"|\s?-?\s?(?i:hoog|hg)(?:\s(?i:achter|voor)(?![\w]))?(?![\w])"  # "kade 3 hoog": the floor, no house number
    r"|\s(?i:twee|een|drie|vier|zes|vijf|acht|zeven)hoog(?![\w])"  # round 17: "14 driehoog", the floor in one word
    r"|\s[a-z](?=\s*(?:$|[,.;:!?)]))"  # "oudegracht 156 c" at the end of a clause ("88 z mężem" is a word)
    # round 21: "kanaalweg 63 b 3526 KL": a letter right before a postcode (not Polish "w", "z": "12 w 3012 EL")
    r"|\s[abcdfghjlmnpqrstvx](?=,?\s+[1-9][0-9]{3}\s?[A-Za-z]{2}(?![\w]))"
    # "heuvelweg 5 b maar ...", "12 a op de eerste": a letter before a Dutch function word
    r"|\s[a-z](?=\s+(?:maar|en|op|in|bij|want|dus|of|met|is|te|aan|boven|naast|tegenover|hoor|toch|and|but)(?![\w]))"
    r")?)(?![0-9])")
# "we wonen op nummer 12": a house number without its street, after a form of "wonen".
NUMBER_ONLY = re.compile(r"(?i)(?:(?<=woon )|(?<=woont )|(?<=wonen )|(?<=woonde )|(?<=woonden ))op\s+"
                         r"(nummer\s+[0-9]{1,4}[a-z]?)(?![\w])")
MAX_STREET_TOKENS = 5
# A lower-case letter after the house number, then a word: "120 a daar woont ..."; not a letter that is a word
# ("om 12 u", "'k weet", Polish "z mężem", "w Hadze", "i", Spanish "y", "o"), "a" only before a frequent Dutch word.
LETTER_AFTER = re.compile(r"\s([abcdfghjlmnpqrstvx])\s+([^\W\d_]+)")
# "adres: Spui 4", "mijn adres is Vlonder 6": after the word "adres" capitalised words and a house number are a
# street, whatever its name ends in.
ADDRESS_CUE = re.compile(r"(?<![\w])(?i:(?:woon|huis|post)?adres|address|adress)(?:\s*:|\s+(?i:is|was)\s|\s*=|\s*-)?\s*"
                         r"((?:[A-Z][^\W\d_]*(?:['’.-][^\W\d_]*)?\s+){0,2}[A-Z][^\W\d_]*)(?=\s+[0-9])")
# "adres plantsoen 11", "mijn adres is oude gracht 3": in lower case one or two words after "adres", the last a street
# word (checked in AddressFinder._lower_after_cue), and a house number.
ADDRESS_CUE_LOWER = re.compile(r"(?<![\w])(?i:(?:woon|huis|post)?adres|address|adress)"
                               r"(?:\s*:|\s+(?i:is|was)\s|\s*=|\s*-)?\s*"
                               r"((?:[a-z][^\W\d_]*\s+)?([a-z][^\W\d_]*))(?=\s+[0-9])")
# "we zijn verhuisd naar de hoefslag 5", "ze wonen op het wilgenhof 3": after moving or living and an article, one
# or two words and a house number that ends the clause are a street, whatever its name ends in.
MOVED = re.compile(r"(?i)(?<![\w])(?:verhuisd|verhuizen|verhuist|verhuis|verhuizen|woon|woont|wonen|woonde|woonden)"
                   r"\s+(?:naar|op|aan|in)\s+(?:de|het)\s+([^\W\d_]+(?:[ -][^\W\d_]+)?\s+[0-9]{1,4}[a-z]?)(?![\w-])")
# Round 11: "wij wonen op kastanje 14", "hij woont op brink 3 in ...", "i live at laan van ... 12", "staying with my
# aunt at kruisweg 12", Papiamentu "mi ta biba na ... 7": after living or staying (a few words may come between) and
# a preposition, one to four words and a house number are a street, with or without an article; the words are
# checked in AddressFinder._lived_street.
LIVED = re.compile(r"(?i)(?<![\w])(?:woon|woont|wonen|woonde|woonden|verblijf|verblijft|logeer|logeert|live|lives|"
                   r"living|lived|stay|stays|staying|stayed|biba|keda)(?:\s+[^\W\d_]+){0,4}?"
                   r"\s+(op|aan|in|at|on|na)\s+(?:(?:de|het|the)\s+)?"
                   r"((?:[^\W\d_][\w'’-]*\s+){1,4}(?:[0-9]{1,3}[a-z]?(?:-[0-9]{1,2}(?![\w-]))?"  # round 22: "210-2"
                   r"|[0-9]{4}(?!\s?[A-Za-z]{2}(?![\w]))))(?![\w-])")
ADDRESS_WORDS = frozenset({"adres", "address", "huisnummer", "nummer", "nr", "no", "number"})
# LIVED runs only when one of these is in the text
LIVED_HINTS = ("woon", "wonen", "verblijf", "logeer", "live", "stay", "biba", "keda")
# "hij woont aan de singel": a bare street word after living along it ends the clause; the street is named.
LIVED_ALONG = re.compile(r"(?i)(?<![\w])(?:woon|woont|wonen|woonde|woonden)(?:\s+[^\W\d_]+){0,2}?\s+aan\s+(?:de|het)\s+"
                         r"([^\W\d_]+)(?=\s*(?:$|[,.!?;:]|\s(?:en|maar|met|bij|in|want|of|and)(?:\s|$)))")
# Round 21: "ze woont op de parallelweg": after living there (a few words may come between), "op"/"in" and an article,
# a listed street that is also a common noun (`street_nouns`) is where someone lives ("aan de overweg" says only near
# what, so "aan" does not count).
LIVED_NOUN = re.compile(r"(?i)(?<![\w])(?:woon|woont|wonen|woonde|woonden)(?:\s+[^\W\d_]+){0,2}?\s+(?:op|in)\s+"
                        r"(?:de|het)\s+([^\W\d_]+)(?![\w'’-])")
# ... but not a street of every town, said of where one lives: "ik woon in de hoofdstraat", "in een zijstraat".
GENERIC_STREETS = frozenset({"hoofdstraat", "hoofdweg", "zijstraat", "winkelstraat", "woonstraat", "dorpsstraat"})
# Papiamentu street words before the name: "kaya oranje 7" (kaya: street), "kaminda ... 4" (road).
PAPIAMENTU = re.compile(r"(?i)(?<![\w])(?:kaya|kaminda)\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?"
                        r"\s+[0-9]{1,4}[a-z]?(?![\w-])")
# "de ring 3 of 4 dagen": a number in a range counts something, it is no house number.
RANGE_AFTER = re.compile(r"\s*(?:of|a|à|tot|or|to|-)\s*[0-9]+(?![\w])")
# "huisnummer 17 op de rozengracht": a house number before a street named without one belongs to the address.
NUMBER_BEFORE = re.compile(r"(?i)(?<![\w])(?:huis)?(?:nummer|nr\.?|no\.?)\s*[0-9]{1,4}[a-z]?\s*,?\s+"
                           r"(?:op|aan|in|van)\s+$")
ORDINAL_ENDINGS = frozenset({"e", "ste", "de"})  # "1e van der helststraat", "2de jan steenstraat"
# Turkish words that can stand before "sokağı" without naming a street ("ama sokağı söylemek istemiyorum").
FOREIGN_STOPS = frozenset({"ama", "ve", "bu", "şu", "o", "bir", "da", "de", "ki", "ile", "için", "ben", "sen", "biz",
                           "siz", "ne", "çok", "her", "hangi", "hiç", "benim", "onun", "bizim"})
ARTICLES = frozenset({"de", "het", "'t"})
# Round 19: street words written short, in lower case too when the full form is a listed street ("rembrandtln 4").
STREET_ABBREVIATIONS = {"ln": "laan", "pln": "plein", "pl": "plein", "wg": "weg", "sngl": "singel", "kd": "kade",
                        "gr": "gracht", "dk": "dijk"}
STREET_ABBREVIATIONS_ENDINGS = tuple(STREET_ABBREVIATIONS)
# Round 19: "lange haven 12 bis, 3111 ab schiedam": words and a house number right before a postcode are the street,
# whatever its name ends in; the words are checked in AddressFinder._before_postcode.
BEFORE_POSTCODE = re.compile(r"(?<![\w])((?:[^\W\d_][\w'’.-]*\s+){1,4})([0-9]{1,5})(?![0-9])")
LIVING_WORDS = frozenset({"woon", "woont", "wonen", "woonde", "woonden", "verhuisd", "live", "lives", "lived", "bij",
                          "naar", "near", "at", "to", "from", "van", "uit", "mieszkam", "yaşıyorum",
                          "pb", "postbus", "antwoordnummer", "box", "po"})  # a post-office box is no home
POSTCODE_NEXT = re.compile(r",?\s+[1-9][0-9]{3}\s?([A-Za-z]{2})(?![\w])")
STRAAT_TYPOS = ("strat", "sraat", "straaat", "staart", "sttraat")  # round 15: "kerkstrat 14", with a number only
OPENERS = frozenset({"op", "aan", "in", "naar", "is", "adres", "address"})
# Prepositions of place or way before "de gracht 12", "oude markt 3": Dutch, and Polish "przy" (at) in a mixed message.
BARE_OPENERS = frozenset({"op", "aan", "in", "naar", "bij", "naast", "tegenover", "richting", "przy"})
# Street words of other languages before the name and number: "ul. Kwiatowa 12/4", "Atatürk Caddesi no 5".
FOREIGN = re.compile(r"(?i)(?<![\w])(?:ul\.|ulica|ulicy|al\.|aleja|alei)\s+[\w'’.-]+(?:\s+[\w'’-]+)?\s+[0-9]{1,4}[a-z]?"
                     r"(?:\s?/\s?[0-9]{1,4})?(?![\w])"
                     r"|(?<![\w])[\w'’-]+\s+(?:sokak|sokağı|sok\.|caddesi|cad\.|bulvarı|mahallesi)"
                     r"(?:\s+(?:no|nr)\.?:?\s*[0-9]{1,4}(?:\s?/\s?[0-9]{1,4})?)?(?![\w])")


def _english(lex: Lexicon) -> re.Pattern[str]:
    types = "|".join(sorted(lex.english_street_types, key=len, reverse=True))
    return re.compile(rf"(?<![\w])[0-9]{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?i:{types})\.?(?![\w])")


# "12 baker street", "5 oak lane": in lower case a number, one or two words that are no frequent word, a street type.
ENGLISH_LOWER = re.compile(r"(?<![\w])([0-9]{1,5}[a-z]?),?\s+((?:[a-z][\w'’-]*\s+){1,2})"
                           r"(street|road|avenue|lane|crescent|terrace)(?![\w])")


# Round 20: "at 14 Keizersgracht": a house number before a Dutch street, in the English order.
NUMBER_FIRST = re.compile(r"(?i)(?<![\w])(?:at|on)\s+([0-9]{1,5}[a-z]?),?\s+(?=[A-Z])")


class AddressFinder:
    def __init__(self, text: str, tokens: list[Token], lex: Lexicon) -> None:
        self.text, self.tokens, self.lex = text, tokens, lex

    def _street_word(self, token: Token) -> Optional[str]:
        """'any' or 'capitalised' when the token ends in a street suffix, 'bare' when it is one ("Dam",
        "Singel"), 'abbreviated' for "Kerkstr." and "Jansenln", else None."""
        lower = token.lower
        if lower in self.lex.not_streets:
            return None
        if (lower.endswith("str") and len(lower) >= 6) or (lower.endswith(STRAAT_TYPOS) and len(lower) >= 8
                                                           and not word_lists().ordinary(lower)) \
                or (token.cap and lower.endswith(("ln", "pln")) and len(lower) >= 5) \
                or self._abbreviated_listed(lower):
            return "abbreviated"  # with a house number only: "kerkstr. 12", "Burg. Jansenln 3"
        if token.cap and (lower in self.lex.street_suffixes_any_case or lower in self.lex.street_suffixes_capitalised):
            return "bare"
        any_case, capitalised = self.lex.street_suffixes_any_case, self.lex.street_suffixes_capitalised
        if lower.endswith(any_case) and any(lower.endswith(s) and len(lower) >= len(s) + 3 for s in any_case):
            return "any"  # endswith(tuple) first: most words end in no suffix
        if lower.endswith(capitalised) and any(lower.endswith(s) and len(lower) >= len(s) + 3 for s in capitalised):
            if token.cap:
                return "capitalised"
            lists = word_lists()  # "beukenhof 31": in lower case a listed street that is no ordinary word
            if lower in lists.streets and lower not in self.lex.street_nouns \
                    and (not lists.ordinary(lower) or lower in lists.rare):
                return "listed"
        return None

    def _number_first(self) -> Iterator[Span]:
        """Round 20: the English order with a Dutch street: "we live at 14 Keizersgracht", "on 3 Dorpsstraat": after
        "at"/"on" a house number and a street word (with its prefix words, "14 Lange Nieuwstraat")."""
        for match in NUMBER_FIRST.finditer(self.text):
            first = next((i for i, t in enumerate(self.tokens) if t.start == match.end()), None)
            if first is None:
                continue
            last = first
            while last + 1 < len(self.tokens) and self.tokens[last].cap and last - first < 2 \
                    and self._street_word(self.tokens[last]) is None \
                    and gap(self.text, self.tokens[last], self.tokens[last + 1]) == " ":
                last += 1  # "Graaf Florisstraat", "Lange Nieuwstraat"
            if self._street_word(self.tokens[last]) in ("any", "capitalised", "listed", "bare"):
                yield Span(match.start(1), self.tokens[last].end, "ADRES")

    def _abbreviated_listed(self, lower: str) -> bool:
        """Round 19: "eikenln", "stationspl", "dorpswg" in lower case: a street word written short whose full form
        is a listed street (with a house number only, as every abbreviation)."""
        if len(lower) < 6 or not lower.endswith(STREET_ABBREVIATIONS_ENDINGS) or word_lists().ordinary(lower):
            return False
        streets = word_lists().streets
        return any(lower.endswith(short) and f"{lower[:-len(short)]}{full}" in streets
                   for short, full in STREET_ABBREVIATIONS.items())

    def _spoken_after(self, index: int) -> bool:
        """Round 13: a house number in words right after the street word at `index`, that ends the clause or comes
        before a function word ("ik woon op anjerlaan twaalf", "op kerkstraat zes en ..."), not "een" or a unit."""
        token = self.tokens[index]
        if token.lower in self.lex.street_nouns or token.lower in self.lex.not_streets:
            return False
        match = SPOKEN_NUMBER.match(self.text, token.end)
        if match is None or match.group(1).lower() == "een" or self._unit_after(match.end(1)):
            return False
        value = number_value(match.group(1).lower(), self.lex)
        said = match.group(1) != match.group(0).strip()  # "nummer" before it
        if value is not None and value >= 1 and said:
            return True  # round 21: "nummer twaalf", the house number said as one
        return value is not None and value >= 1 and re.match(r"\s*(?:$|[,.!?;:]|\s(?:en|maar|met|bij|in|want|of|"
                                                            r"and|nummer|nr)(?:\s|$))", self.text[match.end():]) \
            is not None

    def _adjacent(self, left: int, right: int) -> bool:
        return 0 <= left and right < len(self.tokens) and gap(self.text, self.tokens[left], self.tokens[right]) == " "

    def _street_start(self, index: int, numbered: bool = False) -> int:
        """Extend left over capitalised words and particles: "Burgemeester de Vlugtlaan"; in lower case over a
        name before name particles only: "willem de zwijgerlaan" (not "jan in de kerkstraat"), or right before a
        street with a house number at the start of a clause ("..., jan steenstraat 45")."""
        start, probe, particles_only = index, index - 1, True
        lists = word_lists()
        while probe >= 0 and index - probe < MAX_STREET_TOKENS and self._adjacent(probe, probe + 1):
            token = self.tokens[probe]
            lower_street = not self.tokens[index].cap  # "hoek van de Dorpsstraat": no name of the street
            word = token.lower
            name = word in lists.given_names or (word in lists.surnames and not lists.ordinary(word))
            if token.cap and token.lower not in self.lex.non_names:
                start, particles_only = probe, True
            elif word in self.lex.street_prefixes and start == probe + 1:  # "de lange nieuwstraat 8"
                start = probe
            elif lower_street and name and particles_only \
                    and (start - probe > 1 or self._ordinal(probe - 1) or (numbered and self._opens(probe))) \
                    and token.lower not in self.lex.not_names_after_cue:  # "2e jan steenstraat 66"
                start = probe
            elif lower_street and word in lists.given_names and start == probe + 1 and probe >= 1 \
                    and self.tokens[probe - 1].lower in ARTICLES and self._adjacent(probe - 1, probe) \
                    and word not in self.lex.not_names_after_cue:  # round 15: "op de jan steenlaan"
                start = probe
            elif lower_street and start == probe + 1 and probe >= 2 and word not in self.lex.common_words \
                    and word not in lists.frequent_nl and self.tokens[probe - 1].lower in lists.given_names \
                    and self.tokens[probe - 2].lower in ARTICLES and self._adjacent(probe - 1, probe) \
                    and self._adjacent(probe - 2, probe - 1):  # round 19: "de pieter cornelisz hooftstraat"
                start = probe - 1
                break
            elif token.lower in self.lex.street_particles:
                particles_only = particles_only and token.lower in self.lex.name_particles
            else:
                break
            probe -= 1
        return start

    def _family_particle(self, start: int, index: int) -> int:
        """Round 19: "de Genestetstraat", "de wittstraat", "van Goghstraat": a name particle right before a street named
        after a family (its stem a listed surname that is no common or frequent word) belongs to the name."""
        if start != index or start < 1 or not self._adjacent(start - 1, start) \
                or self.tokens[start - 1].lower not in ("de", "van", "ter", "ten", "den", "le", "la") \
                or (start >= 2 and self.tokens[start - 2].lower in ARTICLES):
            return start
        lower, lists = self.tokens[index].lower, word_lists()
        suffix = next((s for s in self.lex.street_suffixes_any_case if lower.endswith(s)), None)
        stem = lower[:-len(suffix)] if suffix else ""
        if len(stem) < 3 or stem not in lists.surnames or stem in self.lex.common_words or stem in lists.frequent_nl:
            return start
        if start >= 2 and self.tokens[start - 2].lower in BARE_OPENERS \
                and (self.tokens[start - 1].lower != "de" or stem not in lists.rare or self.tokens[index].cap
                     or self._number(index, "any") is None):
            return start  # "op de Visserstraat": after a preposition "de" is the article; round 21: not before a rare
            # family name in lower case with a house number ("op de ruijterstraat 45": the street of De Ruijter)
        return start - 1

    def _opens(self, index: int) -> bool:
        """Token `index` opens a clause or follows a word that introduces an address ("is", "op", "adres")."""
        return index == 0 or not self._adjacent(index - 1, index) or self.tokens[index - 1].lower in OPENERS

    def _ordinal(self, index: int) -> bool:
        """"2e", "1ste", "eerste": an ordinal right before token `index + 1`."""
        if index < 0 or not self._adjacent(index, index + 1):
            return False
        token = self.tokens[index]
        digit = token.lower in ORDINAL_ENDINGS and token.start > 0 and self.text[token.start - 1].isdigit()
        return digit or token.lower in self.lex.street_prefixes and token.lower.endswith(("ste", "de"))

    def _with_name_particles(self, start: int, numbered: bool = False) -> int:
        """"op de van heemskerckweg": a "van" (der, den) between an article and the street belongs to it; before
        a street with a house number without the article too ("naar van heemstraweg 102")."""
        first = start - 1
        if first >= 1 and self.tokens[first].lower in ("der", "den") and self.tokens[first - 1].lower == "van":
            first -= 1
        if first < 0 or self.tokens[first].lower != "van":
            return start
        if numbered:
            return first if all(self._adjacent(i, i + 1) for i in range(first, start)) else start
        if first < 1 or self.tokens[first - 1].lower not in ARTICLES:
            return start
        adjacent = all(self._adjacent(i, i + 1) for i in range(first - 1, start))
        return first if adjacent else start

    def _loose_particles(self, start: int) -> int:
        """Round 21: the particles of a family name before a street with a house number: "de la reyweg 77", "ter
        haarstraat 8", "van 't hoffstraat 5", and "de" after an article ("op de de clercqstraat 61": two articles
        cannot follow each other, so the second belongs to the name)."""
        tokens, probe = self.tokens, start - 1

        def joined(left: int) -> bool:
            return left >= 0 and gap(self.text, tokens[left], tokens[left + 1]) in (" ", " '", " ’")

        if probe >= 0 and joined(probe) and tokens[probe].lower in ("la", "le", "du", "ter", "ten", "t"):
            start = probe
            if tokens[probe].lower in ("la", "le") and joined(probe - 1) and tokens[probe - 1].lower == "de":
                start = probe - 1  # "de la", "de le"
            elif tokens[probe].lower == "t" and joined(probe - 1) and tokens[probe - 1].lower == "van":
                start = probe - 1  # "van 't"
            elif tokens[probe].lower == "t" and self.text[tokens[probe].start - 1] not in "'’":
                return start + 1  # a lone "t" is no particle
        elif probe >= 1 and joined(probe) and tokens[probe].lower == "de" and self._adjacent(probe - 1, probe) \
                and tokens[probe - 1].lower in ("de", "het"):
            start = probe  # "op de de genestetlaan 19"
        return start

    def _head_end(self, index: int) -> Optional[int]:
        """"Laan van Meerdervoort": a street word, particles and capitalised words, then the number."""
        end = index
        while end + 1 < len(self.tokens) and end - index < MAX_STREET_TOKENS and self._adjacent(end, end + 1):
            token = self.tokens[end + 1]
            if not (token.cap or token.lower in self.lex.street_particles):
                break
            end += 1
        return end if end > index and self.tokens[end].cap else None

    def _number(self, index: int, strength: str) -> Optional[int]:
        match = HOUSE_NUMBER.match(self.text, self.tokens[index].end)
        if match is None or (strength != "abbreviated" and self.text.startswith(".", self.tokens[index].end)):
            return None  # "Kerkstraat. 12 ..." ends a sentence; "kerkstr. 12" does not
        number = match.group(1)
        if strength != "any" and (len(number) > 4 or (len(number) == 4 and number[:2] in ("19", "20"))):
            again = NUMBER_AGAIN.match(self.text, match.end(1)) if len(number) == 4 else None
            return again.end() if again else None  # "Amsterdam 2019" is a year; round 21: "plein 1944 nr 8" a street
        if strength in ("bare", "listed", "bare_listed", "lower_head") and self._unit_after(match.end()):
            return None  # "op het Spui 3 jaar geleden": a count
        letter = LETTER_AFTER.match(self.text, match.end()) if match.end() == match.end(1) else None
        word = letter.group(2).lower() if letter is not None else ""
        if letter is not None and (word in word_lists().frequent_nl if letter.group(1) == "a"
                                   else word_lists().ordinary(word)):
            return letter.end(1)  # "jan van galenstraat 120 a daar woont ...", "kerkstraat 12 b woont ..."
        return match.end()

    def _unit_after(self, end: int) -> bool:
        if RANGE_AFTER.match(self.text, end):
            return True  # "3 of 4 dagen", "2 tot 3 keer"
        unit = re.compile(r"\s+([^\W\d_]+)").match(self.text, end)
        return unit is not None and unit.group(1).lower() in self.lex.number_units

    def _titled_start(self, first: int) -> int:
        """Where a street that starts at token `first` starts with a title, initials or an ordinal before it:
        "burg. de withstraat 10", "P.C. Hooftstraat 154", "1e van der helststraat 40", "prins hendrikkade"."""
        start, probe, lex = self.tokens[first].start, first - 1, self.lex
        while probe >= 0:
            token = self.tokens[probe]
            between = gap(self.text, token, self.tokens[probe + 1])
            dotted = between in (".", ". ")
            if dotted and (len(token.text) == 1 or token.lower in lex.street_titles):
                start = token.start  # "P.C.", "burg.", "mr."
            elif between == " " and token.lower in lex.street_titles and (len(token.lower) > 3 or token.lower == "st"):
                start = token.start  # "burgemeester de withstraat", "prins hendrikkade"; round 17: "st annastraat"
            elif between == " " and token.lower in ORDINAL_ENDINGS and token.start > 0 \
                    and self.text[token.start - 1].isdigit():
                digits = token.start - 1
                while digits > 0 and self.text[digits - 1].isdigit():
                    digits -= 1
                return digits if digits == 0 or not self.text[digits - 1].isalnum() else start
            elif between == " " and (token.lower in lex.street_prefixes or token.lower in lex.name_particles):
                if token.lower in lex.street_prefixes:  # "eerste van der helststraat"
                    start = token.start
            else:
                break
            probe -= 1
        return start

    def _lower_head(self, index: int) -> Optional[int]:
        """End of "de laan van meerdervoort 512": a lower-case head, a particle, at most three words, a number."""
        tokens, lex = self.tokens, self.lex
        if not self._adjacent(index, index + 1) or tokens[index + 1].lower not in lex.street_particles:
            return None
        probe = index + 1
        while probe < len(tokens) and probe - index <= MAX_STREET_TOKENS and self._adjacent(probe - 1, probe):
            token = tokens[probe]
            if token.lower not in lex.street_particles:
                if token.lower in lex.not_names_after_cue or token.lower in word_lists().frequent_nl:
                    return None
                end = self._number(probe, "lower_head")
                if end is not None:
                    return end
            probe += 1
        return None

    def _bare_listed(self, index: int) -> Optional[int]:
        """End of "op het Spui 4": a capitalised listed street without a street word, after a preposition and
        an article, with a house number that counts nothing."""
        token, lists = self.tokens[index], word_lists()
        if token.sentence_start or index < 2 or token.lower in self.lex.non_names or token.lower not in lists.streets:
            return None
        lower = not token.cap  # "aan de singel 41", "op het rokin 52": a bare street word or a listed street that is
        # no ordinary word; after a street prefix ("op de lange nieuwstraat 8") one that is no common word either
        prefixed = self.tokens[index - 1].lower in self.lex.street_prefixes and self._adjacent(index - 1, index)
        # round 19: "op de vlierbes 9": no street prefix needed for a listed street that is no common word
        if lower and token.lower not in self.lex.bare_streets and lists.ordinary(token.lower) \
                and not (token.lower not in self.lex.common_words and token.lower not in lists.frequent_nl
                         and (prefixed or len(token.lower) > 5)):
            return None
        first = index - 1 if self.tokens[index - 1].lower in self.lex.street_prefixes \
            and self._adjacent(index - 1, index) else index  # "op de oude gracht 120"
        # "op grote markt 12": with a prefix the article may be left out
        bare_prefixed = first < index and first >= 1 and self.tokens[first - 1].lower in BARE_OPENERS \
            and self._adjacent(first - 1, first)
        # round 17: "boven de bakker op markt 12": a bare street word of `bare_streets` right after "op"/"aan", the
        # article left out, with a house number that ends the address
        bare_word = first == index and first >= 1 and token.lower in self.lex.bare_streets \
            and self.tokens[first - 1].lower in ("op", "aan") and self._adjacent(first - 1, first)
        if bare_word:
            end = self._number(index, "bare_listed")
            return end if end is not None and self._clause_after(end) else None
        if not bare_prefixed and (first < 2 or not (self._after_article(first)
                                                    and self.tokens[first - 2].lower in BARE_OPENERS
                                                    and self._adjacent(first - 2, first - 1))):
            return None
        end = self._number(index, "bare_listed")
        if end is not None and lower and not self._clause_after(end):
            return None  # "op de markt 3 kramen verder": in lower case the number must end the address
        return end

    def _before_postcode(self, match: re.Match[str]) -> Optional[int]:
        """Round 19: the start of the street in "het is lange haven 12 bis, 3111 ab": the words right before the house
        number back to the first function word, verb or word of address; at least one of them no number word."""
        lex, lists, words = self.lex, word_lists(), list(re.finditer(r"[^\s]+", match.group(1)))
        start = None
        for word in reversed(words):
            lower = word.group().lower().strip(".,:;")
            if lower in lex.not_names_after_cue or lower in lex.subject_verbs or lower in OPENERS \
                    or lower in ADDRESS_WORDS or lower in ARTICLES or lower in lex.number_units \
                    or lower in lex.possessives or lower in lex.number_words or not word.group()[-1:].isalnum() \
                    or lower in LIVING_WORDS \
                    or (lower in lists.frequent_nl and lower not in lex.street_prefixes and lower not in lists.streets):
                break
            start = match.start(1) + word.start()
        return start

    def _clause_after(self, end: int) -> bool:
        """Nothing, a punctuation mark or a function word after a house number ("singel 41 bij de brug")."""
        nxt = re.compile(r"\s*([^\W\d_]+|\S)?").match(self.text, end)
        word = nxt.group(1) if nxt else None
        return word is None or not word[0].isalnum() or word.lower() in word_lists().frequent_nl \
            or word.lower() in self.lex.street_particles or bool(NUMBER_AGAIN.match(self.text, end))  # "... nr 12"

    def _lower_after_cue(self, match: re.Match[str]) -> bool:
        """"adres plantsoen 11", "adres: oude gracht 3": the last word is a street word or a listed street that is
        no frequent word, and the word before it (if any) a street prefix or a name."""
        lists, lex = word_lists(), self.lex
        words = match.group(1).lower().split()
        street = words[-1]
        streetlike = street in lex.bare_streets or street in lex.street_suffixes_any_case \
            or street.endswith(lex.street_suffixes_any_case) \
            or (street in lists.streets and street not in lists.frequent_nl and street not in lex.number_units)
        if not streetlike or street in lex.not_names_after_cue or street in lex.street_nouns:
            return False
        return len(words) == 1 or words[0] in lex.street_prefixes or words[0] in lists.given_names

    def _moved_street(self, match: re.Match[str]) -> bool:
        """"verhuisd naar de hoefslag 5": the words are no function word, frequent word or ordinal ("de derde 2"),
        and the number counts nothing and ends the clause ("op de camping 3 weken", "in de klas 2 kinderen")."""
        words, lists, lex = match.group(1).lower().split()[:-1], word_lists(), self.lex
        if len(words) == 2 and words[0] in lex.street_prefixes:
            words = words[1:]  # "woon op de oude vismarkt 12", "op de lange voorhout 9": a prefix opens the name
        if any(w in lex.not_names_after_cue or w in lex.non_names or w in lists.frequent_nl or w in lex.ordinal_words
               or w in lex.number_units or w in lex.street_particles for w in words):
            return False
        return not self._unit_after(match.end()) and self._clause_after(match.end())

    def _lived_street(self, match: re.Match[str]) -> bool:
        """"op kastanje 14", "at laan van de nieuwe haven 12": the first word is no function, frequent, ordinal or
        unit word and no place alone ("in leiden 3 jaar"), the others may be particles or prefixes; the number
        counts nothing."""
        words, lists, lex = match.group(2).lower().split()[:-1], word_lists(), self.lex
        if len(words) == 1 and words[0] in lists.places and match.group(1).lower() == "in":
            return False
        for position, word in enumerate(words):
            if word in ADDRESS_WORDS or (word in lex.street_particles and word not in lex.name_particles):
                return False  # "op het adres ...", "op de camping aan de ...": another preposition opens the street
            inner = position > 0 and (word in lex.name_particles or word in lex.street_prefixes or word == "nieuw")
            if not inner and (word in lex.not_names_after_cue or word in lex.non_names or word in lists.frequent_nl
                              or word in lists.frequent_en or word in lex.ordinal_words or word in lex.number_units
                              or word in lex.street_particles or word in lex.person_nouns or word in lex.relations):
                return False
        return not self._unit_after(match.end())

    def _after_article(self, start: int) -> bool:
        return start > 0 and self.tokens[start - 1].lower in ARTICLES and self._adjacent(start - 1, start)

    def _named_street(self, index: int, strength: str) -> Optional[int]:
        """A street without a house number, after "de"/"het": "op de Dorpsweg", "aan het Rembrandtplein",
        "op de hoogstraat", "op de Brink". In lower case a street word must be in the street list and not one
        of the common nouns in `street_nouns` ("het schoolplein", "de ringweg"); a street word that is also a
        common noun and no listed street counts only when capitalised inside a sentence. Returns the first
        token of the street: with the words before it, or the street word alone ("Bart in de Kalverstraat")."""
        for start in dict.fromkeys((self._street_start(index), index)):
            first = self._with_name_particles(start)  # "op de van heemskerckweg"
            if self._after_article(first) and self._named_from(first, index, strength):
                return first
        first = self._with_name_particles(self._street_start(index))
        lead = self._titled_start(first)
        if lead < self.tokens[first].start:  # round 16: "in de burg. de withstraat", "op de 2e oosterparkstraat"
            opening = next(i for i, t in enumerate(self.tokens) if t.end > lead)
            if self._after_article(opening) or (opening > 0 and self.tokens[opening - 1].lower in ARTICLES
                                                and self.text[self.tokens[opening - 1].end:lead] == " "):
                return opening  # the ordinal's digits are no token: "de 2e ..."
        title = index - 1  # "aan de graaf florislaan": a title between the article and the street names it
        if title > 0 and self.tokens[title].lower in self.lex.street_titles and len(self.tokens[title].lower) > 3 \
                and self._adjacent(title, index) and self._after_article(title):
            return title
        return None

    def _named_from(self, start: int, index: int, strength: str) -> bool:
        token, lists = self.tokens[index], word_lists()
        capitalised = self.tokens[start].cap and not self.tokens[start].sentence_start
        if strength == "bare":  # "op de Brink", "de Grote Markt"; not "het Hof"
            return capitalised and (start < index or token.lower in self.lex.bare_streets)
        if strength == "capitalised":
            return capitalised and token.lower in lists.streets
        named = start < index  # "de jan van galenstraat": a name and particles before it
        if capitalised or named or token.lower not in lists.dutch \
                or (token.lower in lists.streets and token.lower not in self.lex.street_nouns):
            return True
        # "in de opvang aan de zeeweg": after "aan de" (living along a street) a listed street that is also a rare
        # noun; not a common one ("aan de ringweg", "aan de overweg")
        return start >= 2 and self.tokens[start - 2].lower == "aan" and self._adjacent(start - 2, start - 1) \
            and token.lower in lists.streets and token.lower not in self.lex.common_words

    def _head_street(self, index: int) -> Optional[int]:
        """End of "Laan van Meerdervoort 200", or of "op de Laan van Meerdervoort" without a number."""
        last = self._head_end(index)
        if last is None:
            return None
        end = self._number(last, "capitalised")
        if end is None and self._after_article(index) and not self.tokens[index].sentence_start:
            end = self.tokens[last].end
        return end

    def _number_before(self, start: int) -> int:
        """"huisnummer 17 op de rozengracht": the start of a house number and preposition before the article."""
        found = NUMBER_BEFORE.search(self.text, max(0, start - 40), self.tokens[start - 1].start) \
            if start > 0 and self.tokens[start - 1].lower in ARTICLES else None
        return found.start() if found else self.tokens[start].start

    def spans(self) -> Iterator[Span]:
        for index, token in enumerate(self.tokens):
            end = self._head_street(index) if token.cap and token.lower in self.lex.street_heads else None
            if end is None and not token.cap and token.lower in self.lex.lowercase_street_heads:
                end = self._lower_head(index)
            if end is not None:
                yield Span(self._titled_start(index), end, "ADRES")
                continue
            strength = self._street_word(token)
            if strength:
                end = self._number(index, strength)
                start = self._street_start(index, numbered=end is not None)
                if end is None and strength == "abbreviated":
                    continue
                if end is None and strength in ("any", "listed") and self._spoken_after(index):
                    end = token.end  # "ik woon op anjerlaan twaalf": a house number in words, no article needed
                if end is None:
                    named = self._named_street(index, strength)
                    end, start = (token.end, named) if named is not None else (None, start)
                    if named is not None:
                        yield Span(min(self._number_before(start), self._titled_start(start)), end, "ADRES")
                        continue
                if end is not None:
                    numbered = self._number(index, strength) is not None
                    start = self._with_name_particles(start, numbered=numbered)
                    if numbered:
                        start = self._loose_particles(start)
                    yield Span(self._titled_start(self._family_particle(start, index)), end, "ADRES")
            else:
                end = self._bare_listed(index)
                if end is not None:
                    prefixed = self.tokens[index - 1].lower in self.lex.street_prefixes
                    yield Span(self.tokens[index - 1 if prefixed else index].start, end, "ADRES")
        for match in ADDRESS_CUE.finditer(self.text):
            number = HOUSE_NUMBER.match(self.text, match.end(1))
            if number is not None and not self._unit_after(number.end()):
                yield Span(match.start(1), number.end(), "ADRES")
        lower = self.text.lower()
        for match in ADDRESS_CUE_LOWER.finditer(self.text) if "adres" in lower or "addres" in lower else ():
            if self._lower_after_cue(match):
                number = HOUSE_NUMBER.match(self.text, match.end(1))
                if number is not None and not self._unit_after(number.end()):
                    yield Span(match.start(1), number.end(), "ADRES")
        for match in MOVED.finditer(self.text):
            if self._moved_street(match):
                yield Span(match.start(1), match.end(1), "ADRES")
        lived = any(cue in lower for cue in LIVED_HINTS)
        for match in LIVED.finditer(self.text) if lived else ():
            if self._lived_street(match):
                yield Span(match.start(2), match.end(2), "ADRES")
        for match in LIVED_ALONG.finditer(self.text) if "woon" in lower or "wonen" in lower else ():
            if match.group(1).lower() in self.lex.bare_streets:
                yield Span(match.start(1), match.end(1), "ADRES")
        for match in LIVED_NOUN.finditer(self.text) if "woon" in lower or "wonen" in lower else ():
            word = match.group(1).lower()
            if word in self.lex.street_nouns and word in word_lists().streets and word not in self.lex.not_streets \
                    and word not in GENERIC_STREETS:
                yield Span(match.start(1), match.end(1), "ADRES")
        for match in PAPIAMENTU.finditer(self.text) if "kaya" in lower or "kaminda" in lower else ():
            if not self._unit_after(match.end()):
                yield Span(match.start(), match.end(), "ADRES")
        for match in BEFORE_POSTCODE.finditer(self.text) if any(c.isdigit() for c in self.text) else ():
            number = HOUSE_NUMBER.match(self.text, match.end(1) - 1)
            start = self._before_postcode(match) if number else None
            code = POSTCODE_NEXT.match(self.text, number.end()) if start is not None else None
            if code and (code.group(1).isupper() or code.group(1).lower() not in self.lex.postcode_stopwords):
                yield Span(start, number.end(), "ADRES")
        for match in NUMBER_ONLY.finditer(self.text):
            yield Span(match.start(1), match.end(1), "ADRES")
        for match in _english(self.lex).finditer(self.text):
            yield Span(match.start(), match.end(), "ADRES")
        if any(t.lower in ("at", "on") for t in self.tokens):
            yield from self._number_first()
        lists = word_lists()
        for match in ENGLISH_LOWER.finditer(self.text):
            words = match.group(2).split()
            if not any(w in lists.frequent_en or w in lists.frequent_nl or w in self.lex.number_units for w in words):
                yield Span(match.start(), match.end(), "ADRES")
        for match in FOREIGN.finditer(self.text):
            if match.group().split()[0].lower() not in FOREIGN_STOPS:
                yield Span(match.start(), match.end(), "ADRES")


NUMBER_AGAIN = re.compile(r"(?i),?\s+(?:huisnummer|huisnr\.?|nummer|nr\.?)\s*[0-9]{1,4}[a-z]?(?![\w])")
# "op de hoefijzerweg achtentwintig", "kerkstraat twaalf a": a house number written in words after a street.
SPOKEN_NUMBER = re.compile(r"\s+(?:(?i:huisnummer|nummer|nr\.?)\s+)?([^\W\d_]+(?:-[^\W\d_]+)*)(\s[a-z](?![\w]))?")
# round 21: "op dorpsweg nummer twaalf naast de kerk": after "nummer" the number in words need not end the clause


def _spoken_number(text: str, end: int, finder: AddressFinder) -> int:
    """The end of a street span, with a house number in words after it ("een" is an article)."""
    if end < len(text) and text[end].isdigit():
        return end
    if end > 0 and text[end - 1].isdigit():  # "plein 40-45 nummer 12": a street named by a number, then the house
        again = NUMBER_AGAIN.match(text, end)
        return again.end() if again else end

    match = SPOKEN_NUMBER.match(text, end)
    if match is None or match.group(1).lower() == "een" or finder._unit_after(match.end(1)):
        return end
    value = number_value(match.group(1).lower(), finder.lex)
    return match.end(1) if value is not None and value >= 1 else end


# Round 15: "oude rijn 33 is ons huis": a listed street and a house number opening a clause, before words that call it
# home (the street may lack a suffix, as many canals and quays do)
HOME_AFTER = re.compile(r"(?i)(?:^|(?<=[,.;:!?(]\s)|(?<=[,.;:!?(]))((?:([^\W\d_]+)\s+)?([^\W\d_]+)\s+[0-9]{1,4}[a-z]?)"
                        r"\s+(?:is|was)\s+(?:(?:ons|mijn|m'n|mn|zijn|haar|hun)\s+(?:huis|adres|thuis|woning)"
                        r"|waar\s+(?:ik|we|wij|hij|zij|ze)\s+(?:woon|woont|wonen|woonde|woonden))(?![\w])")


def _home_streets(text: str, lex: Lexicon) -> Iterator[Span]:
    streets = word_lists().streets
    for match in HOME_AFTER.finditer(text):
        street, before = match.group(3).lower(), (match.group(2) or "").lower()
        if street not in streets:
            continue
        start = match.start(2) if before and before in lex.street_prefixes else match.start(3)
        yield Span(start, match.end(1), "ADRES")


def addresses(text: str, tokens: list[Token], lex: Lexicon) -> Iterator[Span]:
    finder = AddressFinder(text, tokens, lex)
    for span in finder.spans():
        yield Span(span.start, _spoken_number(text, span.end, finder), span.kind)
    if " is " in text or " was " in text:
        yield from _home_streets(text, lex)
