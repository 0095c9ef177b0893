"""Person names: given names from the word lists, and any word after a cue ("ik heet", "mijn buurman",
"meneer"), each extended with a following surname ("Jan de Vries")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Optional

from bot.privacy.lexicon import Lexicon
from bot.privacy.spans import Span
from bot.privacy.tokens import Token, gap

SPACE = re.compile(r"\s+")
CUE_GAP = re.compile(r"\s*:\s*|\s+")
COMMA = re.compile(r"\s*,\s*")
TITLE_GAP = re.compile(r"\.?\s+")
SURNAME_GAP = re.compile(r" |-")
WORD_PARTS = re.compile(r"['’\-]")
MAX_SURNAME_TOKENS = 4


class NameFinder:
    def __init__(self, text: str, tokens: list[Token], lex: Lexicon) -> None:
        self.text, self.tokens, self.lex = text, tokens, lex

    def _adjacent(self, left: int, right: int, pattern: re.Pattern[str] = SPACE) -> bool:
        if right >= len(self.tokens):
            return False
        return bool(pattern.fullmatch(gap(self.text, self.tokens[left], self.tokens[right])))

    def _phrase_at(self, index: int, phrases: tuple[tuple[str, ...], ...]) -> Optional[int]:
        """Index of the last token of a cue phrase starting at `index`."""
        for phrase in phrases:
            words = [w.rstrip(":") for w in phrase]
            end = index + len(words) - 1
            if end >= len(self.tokens) or [t.lower for t in self.tokens[index:end + 1]] != words:
                continue
            if all(self._adjacent(i, i + 1) for i in range(index, end)):
                if not phrase[-1].endswith(":") or ":" in self._gap_after(end):
                    return end
        return None

    def _gap_after(self, index: int) -> str:
        nxt = self.tokens[index + 1].start if index + 1 < len(self.tokens) else len(self.text)
        return self.text[self.tokens[index].end:nxt]

    def _blocked(self, token: Token) -> bool:
        lex = self.lex
        return (token.lower in lex.non_names or token.lower in lex.titles or token.lower in lex.relations
                or token.lower in lex.not_names_after_cue)

    def _given(self, token: Token) -> bool:
        """A given name that may stand alone here."""
        lex = self.lex
        if token.lower not in lex.given_names or token.lower in lex.not_alone:
            return False
        if token.lower in lex.lowercase_words:
            return token.cap and not (token.sentence_start and token.lower in lex.sentence_starters)
        return True

    def _listed(self, token: Token) -> bool:
        """A given name after a cue: any case, unless it is also an ordinary lower-case word."""
        return token.lower in self.lex.given_names and (token.cap or token.lower not in self.lex.lowercase_words)

    def _rare(self, token: Token) -> bool:
        """A capitalised word that is no common word, no word the bot uses and in no list: likely a name."""
        if not token.cap or self._blocked(token):
            return False
        lex = self.lex
        parts = [p for p in WORD_PARTS.split(token.lower) if len(p) > 1 and p not in lex.name_particles]
        return bool(parts) and all(p not in lex.common_words and p not in lex.vocabulary and p not in lex.non_names
                                   and not self._compound(p) for p in parts)

    def _compound(self, word: str) -> bool:
        """A Dutch compound of two known words ("jeugd|fonds", "rechts|bijstand"), not a name."""
        known = self.lex.common_words
        for cut in range(4, len(word) - 2):
            left, right = word[:cut], word[cut:]
            if len(right) < 4 and len(left) < 5:
                continue
            linked = len(left) > 4 and left[-1] in "se" and left[:-1] in known  # linking s/e: "veiligheid-s-huis"
            if right in known and (left in known or linked):
                return True
        return False

    def _rare_subject(self, index: int) -> bool:
        """"Tesfay zegt ...", "Hylke Dijkstra is ...": a rare word at the start of a sentence, followed by a
        verb or by a capitalised surname."""
        nxt = index + 1
        if not (self._rare(self.tokens[index]) and self._adjacent(index, nxt)):
            return False
        return self.tokens[nxt].lower in self.lex.subject_verbs or self._capitalised_name(self.tokens[nxt])

    def _capitalised_name(self, token: Token) -> bool:
        return token.cap and not self._blocked(token)

    # --- cues -----------------------------------------------------------------------------------------
    def _after_cue(self, cue_end: int, strength: str) -> Optional[int]:
        """Index of the name token after a cue ending at `cue_end`, if it is a name."""
        candidate = cue_end + 1
        if not self._adjacent(cue_end, candidate, CUE_GAP):
            return None
        token, lex = self.tokens[candidate], self.lex
        if strength == "strong":
            ok = not self._blocked(token) or token.lower in lex.given_names
        elif strength == "weak":
            ok = self._listed(token) or self._rare(token)
        else:
            ok = self._capitalised_name(token) or self._listed(token)
        return candidate if ok and token.lower not in lex.non_names else None

    def _after_relation(self, index: int) -> Optional[int]:
        candidate = index + 1
        if candidate >= len(self.tokens):
            return None
        token = self.tokens[candidate]
        if self._adjacent(index, candidate):
            return candidate if self._capitalised_name(token) or self._listed(token) else None
        if self._adjacent(index, candidate, COMMA) and self._capitalised_name(token):
            return candidate  # "de vader van mijn vriendin, Ruud, ..."
        return None

    def _after_title(self, index: int) -> Optional[tuple[int, int]]:
        """(first, last) token of "de Boer" in "mevrouw de Boer"."""
        first = index + 1
        if first >= len(self.tokens) or not self._adjacent(index, first, TITLE_GAP):
            return None
        last = first
        while last < len(self.tokens) and self.tokens[last].lower in self.lex.name_particles:
            if not self._adjacent(last, last + 1):
                return None
            last += 1
        if last >= len(self.tokens):
            return None
        token = self.tokens[last]
        if self._capitalised_name(token) or self._listed(token):
            return first, last
        return None

    # --- surnames -------------------------------------------------------------------------------------
    def _surname_end(self, index: int) -> int:
        """The last token of the name that starts with the given name at `index`."""
        end, taken = index, 0
        while taken < MAX_SURNAME_TOKENS:
            nxt = end + 1
            if not self._adjacent(end, nxt, SURNAME_GAP):
                break
            probe = nxt
            while probe < len(self.tokens) and self.tokens[probe].lower in self.lex.name_particles \
                    and self._adjacent(probe, probe + 1):
                probe += 1
            if probe >= len(self.tokens) or not self._capitalised_name(self.tokens[probe]) \
                    or self.tokens[probe].sentence_start:
                break
            taken += probe - end
            end = probe
        return end

    # --- all ------------------------------------------------------------------------------------------
    def _starts(self) -> Iterator[tuple[int, int]]:
        """(first, last) token indices of a name's first part, found by cue or by the word lists."""
        lex = self.lex
        for index, token in enumerate(self.tokens):
            for phrases, strength in ((lex.strong_cues, "strong"), (lex.medium_cues, "medium"),
                                      (lex.weak_cues, "weak")):
                end = self._phrase_at(index, phrases)
                found = self._after_cue(end, strength) if end is not None else None
                if found is not None:
                    yield found, found
            # A capitalised relation word inside a sentence is part of a proper noun ("Child Protection Board").
            if token.lower in lex.relations and (not token.cap or token.sentence_start):
                found = self._after_relation(index)
                if found is not None:
                    yield found, found
            if token.lower in lex.titles:
                pair = self._after_title(index)
                if pair is not None:
                    yield pair
            if self._given(token) or (self._rare_subject(index) if token.sentence_start else self._rare(token)):
                yield index, index

    def spans(self) -> Iterator[Span]:
        for first, last in self._starts():
            end = self._surname_end(last)
            yield Span(self.tokens[first].start, self.tokens[end].end, "NAAM")


def names(text: str, tokens: list[Token], lex: Lexicon) -> Iterator[Span]:
    yield from NameFinder(text, tokens, lex).spans()
