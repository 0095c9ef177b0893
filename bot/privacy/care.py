"""Care, youth-care, mental-health and shelter organisations named without a kind word: where someone is
treated, lives or stays tells who they are ("opgenomen bij parnassia", "woont bij pluryn in een leefgroep",
"de opvang van Fier", "in Rijnstate gehecht").

Three rules, their words in pii.yml:
- a curated list of the larger organisations (`care_organisations`), in any case, anywhere (the ones the bot
  names itself, every word in its vocabulary, only after a cue as below: "Blijf Groep", "Sterk Huis");
- the ones whose name is also an ordinary word, a name or one the bot itself says (`care_organisations_cued`:
  "Fier", "Karakter", "Spirit"): capitalised in the middle of a sentence (not when the bot names them: "chatten
  met Fier"), or in any case after a cue of staying or treatment (`care_cues`: "de opvang van", "opgenomen bij");
- after such a cue, a capitalised word or a word that is no word ("in behandeling bij Mentaal Beter"), and a
  place of stay by its tail ("woont bij X in een leefgroep", "zit bij X in therapie").
The public services the bot names (Veilig Thuis, de ggz, jeugdzorg) are in its own vocabulary and stay.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.privacy.lexicon import Lexicon, bot_word, by_first_word, first_words
from bot.privacy.spans import Span
from bot.privacy.tokens import Token, gap
from bot.privacy.wordlists import word_lists

ARTICLES = frozenset({"de", "het", "'t", "the"})
MAX_WORDS = 3
# "woont bij X in een leefgroep", "zit bij X in therapie": with a tail of `care_tails`, X is where someone stays.
STAY_VERBS = frozenset({"woont", "woon", "woonde", "wonen", "zit", "zat", "zitten", "verblijft", "verblijf",
                        "verbleef", "slaapt", "slaap", "lives", "stays"})


# "Fier in Leeuwarden heeft me opgevangen", "Sterk Huis heeft ons een noodbed gegeven": a curated organisation
# whose words the bot uses too, opening a clause and acting on the writer (one of these within a few words after
# it), is where the writer was helped; the bot says "Fier helpt vooral jongeren", never "... heeft me".
FIRST_PERSON = frozenset({"me", "mij", "ons", "mijn", "m'n", "mn", "onze", "us", "my", "our"})
CLAUSE_OPENERS = frozenset({"en", "maar", "want", "dus", "toen", "daarna", "and", "but", "then"})
ACTS_WINDOW = 6
GO_VERBS = frozenset({"moet", "moest", "moeten", "moesten", "ga", "gaat", "ging", "gaan", "gingen", "verwezen",
                      "gestuurd", "stuurt", "stuurde", "doorverwezen", "gebracht"})


class CareFinder:
    def __init__(self, text: str, tokens: list[Token], lex: Lexicon) -> None:
        self.text, self.tokens, self.lex = text, tokens, lex
        self.lowers = [t.lower for t in tokens]

    def _next(self, index: int) -> bool:
        """Token `index` is followed by the next token after a space or a hyphen only."""
        return index + 1 < len(self.tokens) and gap(self.text, self.tokens[index], self.tokens[index + 1]) in (" ", "-")

    def _phrase_end(self, index: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
        """Last token of the longest phrase of `phrases` that starts at token `index`."""
        word = self.lowers[index]
        if word not in first_words(phrases):
            return None
        for phrase in by_first_word(phrases).get(word, ()):
            end = index + len(phrase) - 1
            if end < len(self.tokens) and tuple(self.lowers[index:end + 1]) == phrase \
                    and all(self._next(i) for i in range(index, end)):
                return end
        return None

    def _cued(self, index: int) -> bool:
        """A cue of staying or treatment ends right before token `index` (an article between allowed)."""
        probe = index - 1
        if probe >= 0 and self.tokens[probe].lower in ARTICLES:
            probe -= 1
        return probe >= 0 and probe in self._cue_ends

    def _stop(self, token: Token) -> bool:
        lex = self.lex
        word = token.lower
        lists = word_lists()
        return (bot_word(lex, word, lists.ordinary, lists.rare) or word in lex.not_names_after_cue
                or word in lex.non_names
                or word in lex.subject_verbs or word in lex.possessives or word in lex.street_particles)

    def _no_word(self, token: Token) -> bool:
        lists = word_lists()
        word = token.lower
        return len(word) > 2 and not self._stop(token) and word not in self.lex.common_words \
            and (not lists.ordinary(word) or word in lists.rare)

    def _name_at(self, index: int, any_case: bool) -> int | None:
        """Last token of a name starting at `index`: capitalised words (or any word that is none of the stop words,
        when `any_case`) or words that are no word, at most three."""
        last = None
        probe = index
        while probe < len(self.tokens) and probe - index < MAX_WORDS:
            token = self.tokens[probe]
            proper = (token.cap or (len(token.text) > 1 and token.text.isupper())) and not self._stop(token) \
                and token.lower not in word_lists().places  # "doorverwezen naar Utrecht" names a town
            if not (proper or self._no_word(token) or (any_case and not self._stop(token))):
                break
            last = probe
            if not self._next(probe):
                break
            probe += 1
            any_case = False
        return last

    def _span(self, first: int, last: int) -> Span:
        """The name without the article before it ("in de [Bascule]", "van het [leger des heils]") unless the
        article is capitalised inside a sentence ("van [De Waag]"), with the apostrophe of "'s Heeren Loo" and a
        word of `care_name_tails` after it ("de [Hoenderloo Groep]")."""
        tokens = self.tokens
        before = tokens[first - 1] if first > 0 else None
        if before is not None and before.lower in ARTICLES and before.cap and not before.sentence_start \
                and self._next(first - 1):
            first -= 1
        start = tokens[first].start
        if tokens[first].lower == "s" and start > 0 and self.text[start - 1] in "'’":
            start -= 1
        if self._next(last) and self.lowers[last + 1] in self.lex.care_name_tails:
            last += 1
        if self._next(last) and self.lowers[last + 1] in ("team", "locatie", "vestiging") and self._next(last + 1) \
                and self.lowers[last + 2] in self.lex.institution_areas:
            last += 2  # round 15: "buurtzorg team oost": a team of the organisation named by its area
        return Span(start, tokens[last].end, "INSTELLING")

    def _opens_clause(self, index: int) -> bool:
        tokens = self.tokens
        if index == 0 or tokens[index].sentence_start:
            return True
        before = tokens[index - 1]
        if before.lower in ARTICLES:  # "de blijf groep heeft ons ..."
            return self._opens_clause(index - 1)
        return before.lower in CLAUSE_OPENERS or "," in self.text[before.end:tokens[index].start]

    def _acts_on_writer(self, first: int, last: int) -> bool:
        """"sterk huis heeft ons een noodbed gegeven", "fier in leeuwarden heeft me opgevangen": the name opens a
        clause, a place may follow ("in leeuwarden": a branch), then a first-person word within a few words."""
        if not self._opens_clause(first):
            return False
        probe = last + 1
        lists = word_lists()
        if probe + 1 < len(self.tokens) and self.lowers[probe] in ("in", "uit") \
                and self.lowers[probe + 1] in lists.places:
            return True  # a branch: "fier in leeuwarden", "de blijf groep uit amsterdam"
        window = self.lowers[probe:probe + ACTS_WINDOW]
        return bool(window) and window[0] in self.lex.subject_verbs | self.lex.person_verbs \
            and any(w in FIRST_PERSON for w in window[1:])

    def _said(self, token: Token, capitalised: bool) -> bool:
        """Round 17: a word the bot's texts make known (lexicon.bot_word): a service it names ("Fier"), its jargon
        or, unless `capitalised`, a frequent word ("samen veilig ..."); not any rarer word a knowledge entry uses."""
        lists = word_lists()
        return bot_word(self.lex, token.lower, lists.ordinary, lists.rare, capitalised=capitalised)

    def _listed_cued(self, index: int) -> bool:
        """"moet naar de waag", "ging naar het poortje": a curated organisation after going or having to go there
        (`care_list_cues`, an article between allowed)."""
        probe = index - 1
        if probe >= 0 and self.lowers[probe] in ARTICLES:
            probe -= 1
        if probe >= 0 and probe in self._list_cue_ends:
            return True
        # "moet van de rechter naar de waag": "naar" after a verb of going or having to go a few words before
        return probe >= 1 and self.lowers[probe] == "naar" \
            and any(w in GO_VERBS for w in self.lowers[max(0, probe - 5):probe])

    def _tail(self, index: int) -> bool:
        """A place of stay or treatment follows token `index`: "in een leefgroep", "in therapie", "op een groep"."""
        return self._phrase_end(index + 1, self.lex.care_tails) is not None if index + 1 < len(self.tokens) else False

    def spans(self) -> Iterator[Span]:
        lex, tokens = self.lex, self.tokens
        cue_firsts = first_words(lex.care_cues)
        self._cue_ends = {end for i, word in enumerate(self.lowers)
                          if word in cue_firsts and (end := self._phrase_end(i, lex.care_cues)) is not None}
        list_firsts = first_words(lex.care_list_cues)
        self._list_cue_ends = {end for i, word in enumerate(self.lowers)
                               if word in list_firsts and (end := self._phrase_end(i, lex.care_list_cues)) is not None}
        firsts = first_words(lex.care_organisations) | first_words(lex.care_organisations_cued)
        for index, token in enumerate(tokens):
            if token.lower not in firsts and index - 1 not in self._cue_ends and index - 2 not in self._cue_ends \
                    and not (index >= 2 and self.lowers[index - 1] == "bij"):
                continue  # a fast test: no name, no cue, no "bij" before it
            end = self._phrase_end(index, lex.care_organisations)
            said = end is not None and (tuple(t.lower for t in tokens[index:end + 1]) in lex.said_organisations
                                        or all(self._said(t, False) for t in tokens[index:end + 1]))
            if end is not None and (not said or self._cued(index) or self._listed_cued(index)
                                    or self._acts_on_writer(index, end)):
                yield self._span(index, end)  # the bot names "Blijf Groep" itself
                continue
            end = self._phrase_end(index, lex.care_organisations_cued)
            if end is not None and (self._cued(index) or self._listed_cued(index)
                                    or (token.cap and not token.sentence_start and not self._said(token, False))
                                    or self._acts_on_writer(index, end)):
                yield self._span(index, end)
                continue
            if self._cued(index):
                last = self._name_at(index, any_case=False)
                if last is not None:
                    yield self._span(index, last)
            elif index >= 2 and tokens[index - 1].lower == "bij" and tokens[index - 2].lower in STAY_VERBS:
                last = self._name_at(index, any_case=True)
                if last is not None and self._tail(last):  # "woont bij pluryn in een leefgroep"
                    yield self._span(index, last)


    def area_teams(self) -> Iterator[Span]:
        """Round 16: "het wijkteam noord", "jeugdteam zuidoost", "het sociaal team in lombok": the bot names the
        kind of team ("het wijkteam"), a team with its area (a compass word, a quarter or a town) is the one that
        knows the family."""
        lex, lists = self.lex, word_lists()
        for index, word in enumerate(self.lowers):
            regional = word in REGIONAL_CARE  # round 20: "thuiszorg west-brabant", "jeugdzorg noord-holland"
            if word not in lex.area_teams and not regional or not self._next(index):
                continue
            probe = index + 1
            if self.lowers[probe] == "in" and self._next(probe) and not regional:
                probe += 1
            area = self.lowers[probe]
            town = area in lists.places and area not in lists.frequent_nl
            region = area in lex.institution_regions  # round 19: "ggd gelders midden", "ggd rotterdam-rijnmond"
            if "-" in area and not region:  # round 20: "oost-gelderland", "zuid-kennemerland": a region of parts
                parts = area.split("-")
                region = all(p in lex.institution_regions or p in lex.institution_areas
                             or p in lists.places and p not in lists.frequent_nl for p in parts)
            if regional and area in ("nederland", "holland"):
                continue  # "jeugdzorg nederland": a national body names no family's region
            if area in lex.institution_areas or area in lex.quarters or town or region:
                yield Span(self.tokens[index].start, self.tokens[self._area_end(probe)].end, "INSTELLING")

    def _area_end(self, probe: int) -> int:
        """"noord-west" is one token; "zuid oost" two: a second compass word joins the first."""
        if self._next(probe) and (self.lowers[probe + 1] in self.lex.institution_areas
                                  or self.lowers[probe + 1] in self.lex.institution_regions):
            return probe + 1  # round 19: "gelders midden", "zuid-holland zuid"
        return probe


# Round 20: regional care organisations named by their kind and their region ("Thuiszorg West-Brabant", "jeugdzorg
# noord-holland", "Zorggroep Twente", "Welzijn Rivierenland"): the area right after the kind word, never after "in"
# ("jeugdzorg in utrecht" says where the help is, not whose).
REGIONAL_CARE = frozenset({"thuiszorg", "jeugdzorg", "kraamzorg", "zorggroep", "woonzorg", "wijkverpleging",
                           "verslavingszorg", "jeugdhulp", "ouderenzorg", "gehandicaptenzorg", "welzijn", "thuishulp",
                           "zorgpartners", "zorgcentra", "maatschappelijk-werk", "vluchtelingenwerk", "voedselbank",
                           "kledingbank"})


def care_organisations(text: str, tokens: list[Token], lex: Lexicon) -> Iterator[Span]:
    finder = CareFinder(text, tokens, lex)
    yield from finder.spans()
    yield from finder.area_teams()
