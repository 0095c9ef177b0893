"""Which passage answers a professional's question: rules from knowledge/professional.yml.

Pure logic on the message text and the remembered profession; no Rasa imports. The rules are words,
tried in order; the first that fits names the entry (a meldcode step, the step after or before one, what
to record, acute danger, mandatory for whom, the order, a sector's own route). None means: no rule fits,
the route's own entries and the knowledge search answer.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from actions.cues import cue as _cue
from actions.cues import cues as _cues
from actions.cues import fold
from actions.cues import found as _found

RULES_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "professional.yml"
SECTOR_LOOKUP = Path(__file__).resolve().parent.parent / "nlu" / "lookups" / "sector.yml"
COMPUTED = ("relation", "sector_rules", "question", "step", "sector")
FOLLOW_UP_MAX_CHARS = 60  # longer messages say what they ask for themselves


@dataclass(frozen=True)
class Rule:
    """An entry and its words: one of `any`, and one word of each group in `all`."""

    entry: str
    any: tuple[str, ...] = ()
    all: tuple[tuple[str, ...], ...] = ()
    or_sector: bool = False

    def fits(self, text: str) -> bool:
        if self.any and not _found(text, self.any):
            return False
        return all(_found(text, group) for group in self.all)


@dataclass(frozen=True)
class Step:
    entry: str
    names: tuple[str, ...]
    done: tuple[str, ...]


@dataclass(frozen=True)
class Numbering:
    """Numbers next to a noun: "stap 3", "stap drie", "step3", "de derde stap", "second question"."""

    words: Mapping[str, int]  # digits and number words
    ordinals: Mapping[str, int]

    def find(self, text: str, nouns: Iterable[str]) -> list[int]:
        found: list[int] = []
        for noun in nouns:
            for word, number in self.words.items():
                if f" {noun} {word} " in text or f" {noun}{word} " in text:
                    found.append(number)
            found += [number for word, number in self.ordinals.items() if f" {word} {noun}" in text]
        return found


@dataclass(frozen=True)
class Passages:
    steps: dict[int, Step]
    numbers: Numbering
    next_words: tuple[str, ...]
    previous_words: tuple[str, ...]
    not_relations: tuple[str, ...]  # "stap voor stap": holds "voor stap" but asks for no neighbour
    itself_words: tuple[str, ...]  # "eerst": with a "before" word, asks whether the named step comes first
    question_words: tuple[str, ...]
    question_context: tuple[str, ...]
    question_entry: str
    sector_words: tuple[tuple[str, str], ...]  # (cue, sector value), longest cue first
    sector_entries: Mapping[str, str]
    sector_rules: Mapping[str, tuple[Rule, ...]]
    rules: tuple[Rule | str, ...] = field(default_factory=tuple)
    professional_words: tuple[str, ...] = ()
    before_report: tuple[str, ...] = ()  # "voordat ik meld": asks about the step named, not the one before it

    def names_step_number(self, text: str) -> bool:
        """The message names a meldcode step by its number ("stap 2", "step two", "de derde stap")."""
        return bool(self.numbers.find(fold(text), ("stap", "step")))

    def speaks_as_professional(self, text: str) -> bool:
        """Words only professionals use about their work (meldcode, dossier, afwegingskader, ...)."""
        return _found(fold(text), self.professional_words)

    def select(self, text: str, sector: Optional[str] = None) -> Optional[str]:
        """The entry that answers `text`, or None. `sector` is the remembered profession (slot)."""
        folded = fold(text)
        named = self.sector_in(folded)
        for rule in self.rules:
            picked = self._apply(rule, folded, named, named or sector)
            if picked:
                return picked
        return None

    def _apply(self, rule: Rule | str, text: str, named: Optional[str], sector: Optional[str]) -> Optional[str]:
        if isinstance(rule, Rule):
            if not rule.fits(text):
                return None
            return (self.sector_entries.get(sector or "") if rule.or_sector else None) or rule.entry
        if rule == "relation":
            return self.neighbour(text)
        if rule == "sector_rules":
            fitting = (r.entry for r in self.sector_rules.get(sector or "", ()) if r.fits(text))
            return next(fitting, None)
        if rule == "question":
            return self.assessment_question(text)
        if rule == "step":
            steps = self.named_steps(text, with_done=False)
            return self.steps[steps[0]].entry if steps else None
        return self.sector_entries.get(named or "")  # "sector"

    def sector_in(self, text: str) -> Optional[str]:
        return next((value for cue, value in self.sector_words if cue in text), None)

    def named_steps(self, text: str, with_done: bool) -> list[int]:
        """Steps the text names by number ("stap 3"), then by name ("collegiale consultatie")."""
        found = [n for n in self.numbers.find(text, ("stap", "step")) if n in self.steps]
        for number, step in sorted(self.steps.items()):
            if _found(text, step.names) or (with_done and _found(text, step.done)):
                found.append(number)
        return list(dict.fromkeys(found))

    def neighbour(self, text: str) -> Optional[str]:
        """"Wat komt na stap 2?" -> step 3; "welke stap gaat vooraf aan het gesprek?" -> step 2."""
        text, after = self._direction(text)
        if after is None:
            return None
        steps = self.named_steps(text, with_done=True)
        if not steps:
            return None
        if not after and _found(text, self.before_report):
            named = self.named_steps(_without(text, self.before_report), with_done=False)
            if named:  # "moet stap 3 altijd voordat ik meld?": that step, whatever else the message names
                return self.steps[named[0]].entry
        if not after and _found(text, self.itself_words) and not self.names_step_number(text):
            return self.steps[min(steps)].entry  # asks whether the conversation comes first: that step
        return self._beside(steps, after)

    def follow_up_neighbour(self, text: str, previous: str) -> Optional[str]:
        """"En wat komt daarna?" right after a question about step 2 -> step 3: a short follow-up that asks for
        the step after or before, without naming one, leans on the step the message before named."""
        current = fold(text)
        if len(current) > FOLLOW_UP_MAX_CHARS or not previous.strip() or self.named_steps(current, with_done=True):
            return None
        steps = self.named_steps(fold(previous), with_done=False)
        after = self._direction(current)[1]
        if len(steps) != 1 or after is None:
            return None
        return self._beside(steps, after)

    def _direction(self, text: str) -> tuple[str, Optional[bool]]:
        """The text without idioms ("stap voor stap"), and whether it asks for the step after (True), before
        (False) or neither (None)."""
        for idiom in self.not_relations:
            text = text.replace(idiom, " ")
        after, before = _found(text, self.next_words), _found(text, self.previous_words)
        return text, (None if after == before else after)

    def _beside(self, steps: list[int], after: bool) -> str:
        """The entry of the step after the last of `steps`, or before the first, within the meldcode."""
        target = max(steps) + 1 if after else min(steps) - 1
        return self.steps[min(max(target, min(self.steps)), max(self.steps))].entry

    def assessment_question(self, text: str) -> Optional[str]:
        """"Afwegingsvraag 3", "de tweede vraag van het afwegingskader" -> that question's entry."""
        if not _found(text, self.question_context):
            return None
        numbers = [n for n in self.numbers.find(text, self.question_words) if 1 <= n <= 5]
        return self.question_entry.format(number=numbers[0]) if numbers else None


def _without(text: str, phrases: Iterable[str]) -> str:
    for phrase in phrases:
        text = text.replace(phrase, " ")
    return text


def _numbering(raw: dict[str, Any]) -> Numbering:
    words = {str(n): n for n in range(10)}
    words |= {fold(str(k)).strip(): int(v) for k, v in (raw.get("step_words") or {}).items()}
    ordinals = {fold(str(k)).strip(): int(v) for k, v in (raw.get("ordinals") or {}).items()}
    return Numbering(words=words, ordinals=ordinals)


def _rule(raw: dict[str, Any]) -> Rule:
    if "entry" not in raw or not (raw.get("any") or raw.get("all")):
        raise ValueError(f"{RULES_FILE}: every rule needs an entry and 'any' or 'all' words: {raw}")
    return Rule(entry=raw["entry"], any=_cues(raw.get("any") or ()),
                all=tuple(_cues(group) for group in raw.get("all") or ()), or_sector=bool(raw.get("or_sector")))


def _rules(items: list[Any]) -> tuple[Rule | str, ...]:
    rules: list[Rule | str] = []
    for item in items:
        if isinstance(item, str):
            if item not in COMPUTED:
                raise ValueError(f"{RULES_FILE}: unknown computed rule '{item}' (use {', '.join(COMPUTED)})")
            rules.append(item)
        else:
            rules.append(_rule(item))
    return tuple(rules)


def _lookup_sector_words(path: Path) -> dict[str, list[str]]:
    """Surface forms of the `sector` synonyms in the NLU lookup file: the same words Rasa maps."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    words: dict[str, list[str]] = {}
    for item in data.get("nlu") or []:
        if "synonym" in item:
            forms = [line[2:].strip() for line in str(item.get("examples") or "").splitlines() if line.startswith("- ")]
            words.setdefault(str(item["synonym"]), []).extend(forms)
    return words


def _sector_words(raw: dict[str, Any], lookup: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    pairs = {(_cue(word), value) for value, words in lookup.items() for word in words}
    pairs |= {(_cue(word), str(value)) for value, words in (raw.get("sector_words") or {}).items() for word in words}
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0])))


def parse_passages(raw: dict[str, Any], sector_entries: Mapping[str, str],
                   lookup: Optional[dict[str, list[str]]] = None) -> Passages:
    steps = {int(n): Step(entry=s["entry"], names=_cues(s.get("names") or ()), done=_cues(s.get("done") or ()))
             for n, s in (raw.get("steps") or {}).items()}
    relations = raw.get("relations") or {}
    questions = raw.get("assessment_questions") or {}
    return Passages(
        steps=steps,
        numbers=_numbering(raw),
        next_words=_cues(relations.get("next") or ()),
        previous_words=_cues(relations.get("previous") or ()),
        not_relations=_cues(relations.get("idioms") or ()),
        itself_words=_cues(relations.get("itself") or ()),
        before_report=_cues(relations.get("before_report") or ()),
        question_words=tuple(fold(str(w)).strip() for w in questions.get("words") or ()),
        question_context=_cues(questions.get("context") or ()),
        question_entry=str(questions.get("entry") or "afwegingskader-vraag-{number}"),
        sector_words=_sector_words(raw, _lookup_sector_words(SECTOR_LOOKUP) if lookup is None else lookup),
        sector_entries=dict(sector_entries),
        sector_rules={str(k): tuple(_rule(r) for r in v) for k, v in (raw.get("sector_rules") or {}).items()},
        rules=_rules(raw.get("rules") or []),
        professional_words=_cues(raw.get("professional_words") or ()),
    )


@lru_cache(maxsize=1)
def load_passages(sector_entries: tuple[tuple[str, str], ...], path: Path = RULES_FILE) -> Passages:
    with open(path, encoding="utf-8") as handle:
        return parse_passages(yaml.safe_load(handle), dict(sector_entries))
