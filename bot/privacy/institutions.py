"""Schools and workplaces that name where someone is: "basisschool De Klimop", "obs de regenboog",
"Berlage Lyceum", "Dr. Schaepmanschool", and the shop or firm after "ik werk bij" ("Albert Heijn Zuidplein")."""
from __future__ import annotations

from collections.abc import Iterator

from bot.privacy.lexicon import Lexicon, first_words
from bot.privacy.spans import Span
from bot.privacy.tokens import Token, gap
from bot.privacy.wordlists import word_lists

ARTICLES = frozenset({"de", "het", "'t", "the"})
MAX_NAME_WORDS = 3


class InstitutionFinder:
    def __init__(self, text: str, tokens: list[Token], lex: Lexicon) -> None:
        self.text, self.tokens, self.lex = text, tokens, lex

    def _next(self, index: int, gaps: tuple[str, ...] = (" ",)) -> bool:
        return index + 1 < len(self.tokens) and gap(self.text, self.tokens[index], self.tokens[index + 1]) in gaps

    def _stop(self, token: Token) -> bool:
        """Not part of an institution's name: function words, and the services the bot itself names
        ("Jeugdzorg", "Wijkteam": its own vocabulary), which say nothing about who someone is."""
        lex = self.lex
        word = token.lower
        return (word in lex.vocabulary or word in lex.not_names_after_cue or word in lex.handle_stops
                or word in lex.non_names or word in lex.subject_verbs or word in lex.street_particles - ARTICLES)

    def _name_after(self, index: int, any_case: bool, cue: bool = False) -> int | None:
        """Last token of the name that follows token `index`: capitalised words, or after an article any
        words ("obs de regenboog"), at most three. After a cue ("werk bij") only capitalised words."""
        last, probe, taken = None, index, 0
        if self._next(probe) and self.tokens[probe + 1].lower in ARTICLES:
            probe, any_case = probe + 1, not cue
        while taken < MAX_NAME_WORDS and self._next(probe):
            token = self.tokens[probe + 1]
            if self._particle_before_name(probe + 1):
                probe, taken = probe + 1, taken + 1  # "bouwbedrijf van gils"
                continue
            if not (token.cap or (any_case and not self._stop(token)) or self._no_word(token)) \
                    or token.lower in ARTICLES:
                break
            probe, taken, last = probe + 1, taken + 1, probe + 1
            any_case = any_case and taken < 2
        return last

    def _no_word(self, token: Token) -> bool:
        """A lower-case word that is no ordinary word in our languages, or one web text has mostly as a name
        (the rare-word list): part of a name ("vinci", "gils")."""
        lists = word_lists()
        word = token.lower
        return len(word) > 2 and not self._stop(token) and word not in self.lex.common_words \
            and (not lists.ordinary(word) or word in lists.rare)

    def _particle_before_name(self, index: int) -> bool:
        """"van" in "bouwbedrijf van gils": a name particle followed by a surname or a word that is no word."""
        if self.tokens[index].lower not in self.lex.name_particles or not self._next(index):
            return False
        nxt = self.tokens[index + 1]
        return nxt.cap or self._no_word(nxt) or (nxt.lower in word_lists().surnames and not self._stop(nxt))

    def _name_before(self, index: int) -> int:
        """First token of "Stedelijk Gymnasium", "graafschap college" (after "op het"), "Dr. Schaepmanschool"."""
        first, probe = index, index - 1
        while probe >= 0 and index - probe <= MAX_NAME_WORDS:
            token, between = self.tokens[probe], gap(self.text, self.tokens[probe], self.tokens[probe + 1])
            if between not in (" ", ". ") or token.lower in ARTICLES:
                break
            if token.lower in self.lex.titles:  # "Dr. Schaepmanschool"
                first, probe = probe, probe - 1
                continue
            if self._stop(token):
                break
            after_article = probe > 0 and self.tokens[probe - 1].lower in ARTICLES
            particle = token.lower in self.lex.name_particles and first < index  # "da" in "da vinci college"
            if not token.cap and not after_article and not self._no_word(token) and not particle:
                break
            first, probe = probe, probe - 1
        return first

    def spans(self) -> Iterator[Span]:
        lex, tokens = self.lex, self.tokens
        for index, token in enumerate(tokens):
            if token.lower in lex.institution_heads:
                last = self._name_after(index, any_case=False)
                if last is not None:
                    yield Span(token.start, tokens[last].end, "INSTELLING")
            if token.lower in lex.institution_tails:
                first = self._name_before(index)
                if first < index:
                    last = self._name_after(index, any_case=False) or index
                    yield Span(tokens[first].start, tokens[last].end, "INSTELLING")
            elif token.cap and any(token.lower.endswith(s) and len(token.lower) > len(s) + 2
                                   for s in lex.institution_suffixes) and token.lower not in lex.institution_heads:
                first = self._name_before(index)
                last = self._name_after(index, any_case=False) or index
                yield Span(tokens[first].start, tokens[last].end, "INSTELLING")
            end = self._cue_end(index)
            if end is not None:  # "werk bij de Jumbo", not "werk bij de reclassering"
                last = self._name_after(end, any_case=False, cue=True)
                first = end + 1 + (tokens[end + 1].lower in ARTICLES if end + 1 < len(tokens) else 0)
                if last is not None and first <= last:
                    yield Span(tokens[first].start, tokens[last].end, "INSTELLING")

    def _cue_end(self, index: int) -> int | None:
        if self.tokens[index].lower not in first_words(self.lex.institution_cues):
            return None
        for phrase in self.lex.institution_cues:
            end = index + len(phrase)
            if tuple(t.lower for t in self.tokens[index:end]) == phrase:
                return end - 1
        return None


def institutions(text: str, tokens: list[Token], lex: Lexicon) -> Iterator[Span]:
    yield from InstitutionFinder(text, tokens, lex).spans()
