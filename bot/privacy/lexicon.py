"""Loads the redactor's word lists and cues (bot/privacy/pii.yml) once."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PII_FILE = Path(__file__).with_name("pii.yml")
ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[^\W\d_]+")
# what may stand right before a word that opens a sentence or a line (YAML keys, list dashes, quotes, markup)
SENTENCE_OPENERS = frozenset(".!?:;>*#-\"'([|\n")


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(value).lower() for value in values or ())


def _phrases(values: Any) -> tuple[tuple[str, ...], ...]:
    """Cue phrases as word tuples, longest first so "mijn naam is" wins over "is"."""
    phrases = {tuple(str(value).lower().split()) for value in values or ()}
    return tuple(sorted(phrases, key=len, reverse=True))


_FIRST_WORDS: dict[int, tuple[tuple[tuple[str, ...], ...], frozenset[str]]] = {}


def first_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The words cue phrases start with: a token that is none of them starts no phrase (a fast test).
    Keyed by identity: the lexicon's phrase tuples live as long as the process."""
    cached = _FIRST_WORDS.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        cached = (phrases, frozenset(phrase[0].rstrip(":") for phrase in phrases if phrase))
        _FIRST_WORDS[id(phrases)] = cached
    return cached[1]


@lru_cache(maxsize=8)
def by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Cue phrases grouped by their first word, each group in the order of `phrases` (longest first)."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(group) for word, group in grouped.items()}


@lru_cache(maxsize=64)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of cue words, matched in lower-cased text, longest first."""
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w])")


@dataclass(frozen=True)
class Lexicon:
    helplines: frozenset[str]
    service_prefixes: tuple[str, ...]
    strong_cues: tuple[tuple[str, ...], ...]
    weak_cues: tuple[tuple[str, ...], ...]
    medium_cues: tuple[tuple[str, ...], ...]
    possessives: frozenset[str]
    relations: frozenset[str]
    foreign_relations: frozenset[str]
    owned_relations: frozenset[str]
    place_prepositions: frozenset[str]
    told_verbs: frozenset[str]
    relation_endings: tuple[str, ...]
    titles: frozenset[str]
    not_names_after_cue: frozenset[str]
    given_names: frozenset[str]
    lowercase_words: frozenset[str]
    sentence_starters: frozenset[str]
    not_alone: frozenset[str]
    person_verbs: frozenset[str]
    clause_links: frozenset[str]
    person_tails: tuple[tuple[str, ...], ...]
    arabic_word_names: frozenset[str]
    non_names: frozenset[str]
    name_particles: frozenset[str]
    surname_endings: tuple[str, ...]
    street_particles: frozenset[str]
    street_prefixes: frozenset[str]
    street_suffixes_any_case: tuple[str, ...]
    street_suffixes_capitalised: tuple[str, ...]
    not_streets: frozenset[str]
    street_nouns: frozenset[str]
    bare_streets: frozenset[str]
    street_heads: frozenset[str]
    street_titles: frozenset[str]
    lowercase_street_heads: frozenset[str]
    number_units: frozenset[str]
    english_street_types: frozenset[str]
    postcode_stopwords: frozenset[str]
    place_links: frozenset[str]
    bsn_cues: tuple[str, ...]
    id_cues: tuple[str, ...]
    birth_cues: tuple[str, ...]
    holidays: tuple[str, ...]
    months: dict[str, int]
    common_words: frozenset[str]
    vocabulary: frozenset[str]
    # round 17: the words the bot writes with a capital inside a sentence ("Veilig Thuis", "Jeugdzorg", "Fier"): the
    # services it names. Only these and the bot's own jargon (words no list has) are known because the bot uses them
    # (see `bot_word`); an ordinary word the bot happens to use ("kwekerij", "lief") is judged like any other word.
    bot_names: frozenset[str]
    # round 17: the care organisations (`care_organisations`, `care_organisations_cued`) the bot's texts name
    said_organisations: frozenset[tuple[str, ...]]
    subject_verbs: frozenset[str]
    email_at_words: tuple[str, ...]
    email_dot_words: tuple[str, ...]
    email_endings: frozenset[str]
    iban_cues: tuple[str, ...]
    plate_cues: tuple[str, ...]
    social_domains: tuple[str, ...]
    handle_cues: tuple[tuple[str, ...], ...]
    handle_stops: frozenset[str]
    institution_heads: frozenset[str]
    institution_tails: frozenset[str]
    named_heads: frozenset[str]
    named_head_endings: tuple[str, ...]
    institution_suffixes: tuple[str, ...]
    institution_cues: tuple[tuple[str, ...], ...]
    institution_describers: frozenset[str]
    institution_areas: frozenset[str]
    chains: tuple[tuple[str, ...], ...]
    area_teams: frozenset[str]  # round 16: "wijkteam", "jeugdteam": a team named by its area after it
    daycare_chains: frozenset[str]  # round 19: "partou de zonnebloem": a location's name after the organisation
    quarters: frozenset[str]  # round 16: quarters named like a word after a chain and "in de" ("de pijp")
    branch_chains: frozenset[str]  # round 15: chains whose branch a town after them names, words joined by a space
    work_words: frozenset[str]
    number_words: dict[str, int]
    ordinal_words: dict[str, int]
    glued_cues: frozenset[str]
    institution_honorifics: frozenset[str]
    teacher_titles: frozenset[str]
    school_parts: frozenset[str]
    stay_words: frozenset[str]
    spelled_links: frozenset[str]
    congregation_describers: frozenset[str]
    faith_stems: tuple[str, ...]
    care_organisations: tuple[tuple[str, ...], ...]
    care_organisations_cued: tuple[tuple[str, ...], ...]
    care_cues: tuple[tuple[str, ...], ...]
    care_tails: tuple[tuple[str, ...], ...]
    care_name_tails: frozenset[str]
    person_nouns: frozenset[str]
    surname_titles: frozenset[str]
    greetings: frozenset[str]
    handle_platforms: tuple[tuple[str, ...], ...]
    mail_providers: frozenset[str]
    nickname_words: frozenset[str]
    care_list_cues: tuple[tuple[str, ...], ...]
    institution_namers: frozenset[str]
    institution_regions: frozenset[str]
    higher_education: tuple[tuple[str, ...], ...]
    higher_education_words: frozenset[str]
    school_departments: frozenset[str]
    chain_sites: frozenset[str]


def _common_words(name: str) -> frozenset[str]:
    with open(PII_FILE.parent / name, encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


def _vocabulary(patterns: Any) -> tuple[frozenset[str], frozenset[str], str]:
    """Every word in the bot's own texts (what the bot says is never a person's name), those it writes with a
    capital inside a sentence (the services and places it names), and its words in lower case, one space apart."""
    words: set[str] = set()
    named: set[str] = set()
    running: list[str] = []
    for pattern in patterns or ():
        for path in sorted(ROOT.glob(pattern)):
            if path.resolve() != PII_FILE.resolve():
                text = path.read_text(encoding="utf-8", errors="replace")
                for match in WORD.finditer(text):
                    word = match.group()
                    words.add(word.lower())
                    running.append(word.lower())
                    before = text[max(0, match.start() - 4):match.start()].rstrip(" \t")
                    if word[0].isupper() and before and before[-1] not in SENTENCE_OPENERS:
                        named.add(word.lower())
    return frozenset(words), frozenset(named), f" {' '.join(running)} "


def _said(phrases: tuple[tuple[str, ...], ...], running: str) -> frozenset[tuple[str, ...]]:
    """The phrases that the bot's running text (see `_vocabulary`) contains as whole words."""
    return frozenset(p for p in phrases if f" {' '.join(WORD.findall(' '.join(p)))} " in running)


def bot_word(lex: Lexicon, word: str, ordinary: Callable[[str], bool], rare: frozenset[str],
             capitalised: bool = False) -> bool:
    """Round 17: a word the bot's texts make known: a service it names with a capital, jargon that no dictionary has
    (`ordinary(word)` false, or only web text has it: `word in rare`, "wijkteam"), or a frequent word (`common_words`,
    "kader", "drie"). A less frequent ordinary word is not known merely because a knowledge entry uses it: a new entry
    naming "kwekerij" changes nothing about the name after it. A `capitalised` word is known only as a service the bot
    names or as its jargon: "Sterk Huis" is a name although the bot says "sterk" and "huis"."""
    return word in lex.vocabulary and (word in lex.bot_names or (word in lex.common_words and not capitalised)
                                       or not ordinary(word) or word in rare)


def _longest_first(values: Any) -> tuple[str, ...]:
    return tuple(sorted(_words(values), key=len, reverse=True))


def _numbers(groups: dict[Any, Any]) -> dict[str, int]:
    return {str(word).lower(): int(number) for number, words in groups.items() for word in words}


def _load(data: dict[str, Any]) -> Lexicon:
    cues = data["cues"]
    suffixes = data["street_suffixes"]
    names: set[str] = set()
    for group in data["given_names"].values():
        names |= _words(group)
    vocabulary, bot_names, running = _vocabulary(data.get("vocabulary_files"))
    organisations = _phrases(data["care_organisations"]) + _phrases(data["care_organisations_cued"])
    months = {word.lower(): int(number) for number, words in data["months"].items() for word in words}
    return Lexicon(
        helplines=frozenset(str(n) for n in data["helplines"]),
        service_prefixes=tuple(str(p) for p in data["service_prefixes"]),
        strong_cues=_phrases(cues["strong"]),
        weak_cues=_phrases(cues["weak"]),
        medium_cues=_phrases(cues["medium"]),
        possessives=_words(data["possessives"]),
        relations=_words(data["relations"]),
        foreign_relations=_words(data["foreign_relations"]),
        owned_relations=_words(data["owned_relations"]),
        place_prepositions=frozenset(str(w) for w in data["place_prepositions"]),
        told_verbs=_words(data["told_verbs"]),
        relation_endings=_longest_first(data["relation_endings"]),
        titles=_words(data["titles"]),
        not_names_after_cue=_words(data["not_names_after_cue"]),
        given_names=frozenset(names),
        lowercase_words=_words(data["lowercase_words"]),
        sentence_starters=_words(data["sentence_starters"]),
        not_alone=_words(data["not_alone"]),
        person_verbs=_words(data["person_verbs"]),
        clause_links=_words(data["clause_links"]),
        person_tails=_phrases(data["person_tails"]),
        arabic_word_names=_words(data["arabic_word_names"]),
        non_names=_words(data["non_names"]),
        name_particles=_words(data["name_particles"]),
        surname_endings=tuple(_words(data["surname_endings"])),
        street_particles=_words(data["street_particles"]),
        street_prefixes=_words(data["street_prefixes"]),
        street_suffixes_any_case=tuple(sorted(_words(suffixes["any_case"]), key=len, reverse=True)),
        street_suffixes_capitalised=tuple(sorted(_words(suffixes["capitalised"]), key=len, reverse=True)),
        not_streets=_words(data["not_streets"]),
        street_nouns=_words(data["street_nouns"]),
        bare_streets=_words(data["bare_streets"]),
        street_heads=_words(data["street_heads"]),
        street_titles=_words(data["street_titles"]),
        lowercase_street_heads=_words(data["lowercase_street_heads"]),
        number_units=_words(data["number_units"]),
        english_street_types=_words(data["english_street_types"]),
        postcode_stopwords=_words(data["postcode_stopwords"]),
        place_links=_words(data["place_links"]),
        bsn_cues=tuple(sorted(_words(data["bsn_cues"]), key=len, reverse=True)),
        id_cues=tuple(sorted(_words(data["id_cues"]), key=len, reverse=True)),
        birth_cues=tuple(sorted(_words(data["birth_cues"]), key=len, reverse=True)),
        holidays=_longest_first(data["holidays"]),
        months=months,
        common_words=_common_words(data["common_words_file"]),
        vocabulary=vocabulary,
        bot_names=bot_names,
        said_organisations=_said(organisations, running),
        subject_verbs=_words(data["subject_verbs"]),
        email_at_words=_longest_first(data["email_at_words"]),
        email_dot_words=_longest_first(data["email_dot_words"]),
        email_endings=_words(data["email_endings"]),
        iban_cues=_longest_first(data["iban_cues"]),
        plate_cues=_longest_first(data["plate_cues"]),
        social_domains=_longest_first(data["social_domains"]),
        handle_cues=_phrases(data["handle_cues"]),
        handle_stops=_words(data["handle_stops"]),
        institution_heads=_words(data["institution_heads"]),
        institution_tails=_words(data["institution_tails"]),
        named_heads=_words(data["named_heads"]),
        named_head_endings=_longest_first(data["named_head_endings"]),
        institution_suffixes=_longest_first(data["institution_suffixes"]),
        institution_cues=_phrases(data["institution_cues"]),
        institution_describers=_words(data["institution_describers"]),
        institution_areas=_words(data["institution_areas"]),
        chains=_phrases(data["chains"]),
        branch_chains=frozenset(" ".join(phrase) for phrase in _phrases(data["branch_chains"])),
        quarters=frozenset(data["quarters"]),
        area_teams=frozenset(data["area_teams"]),
        daycare_chains=frozenset(data["daycare_chains"]),
        work_words=_words(data["work_words"]),
        number_words=_numbers(data["number_words"]),
        ordinal_words=_numbers(data["ordinal_words"]),
        glued_cues=_words(data["glued_cues"]),
        institution_honorifics=_words(data["institution_honorifics"]),
        teacher_titles=_words(data["teacher_titles"]),
        school_parts=_words(data["school_parts"]),
        stay_words=_words(data["stay_words"]),
        spelled_links=_words(data["spelled_links"]),
        congregation_describers=_words(data["congregation_describers"]),
        faith_stems=_longest_first(data["faith_stems"]),
        care_organisations=_phrases(data["care_organisations"]),
        care_organisations_cued=_phrases(data["care_organisations_cued"]),
        care_cues=_phrases(data["care_cues"]),
        care_tails=_phrases(data["care_tails"]),
        care_name_tails=_words(data["care_name_tails"]),
        person_nouns=_words(data["person_nouns"]),
        surname_titles=_words(data["surname_titles"]),
        greetings=_words(data["greetings"]),
        handle_platforms=_phrases(data["handle_platforms"]),
        mail_providers=_words(data["mail_providers"]),
        nickname_words=_words(data["nickname_words"]),
        care_list_cues=_phrases(data["care_list_cues"]),
        institution_namers=_words(data["institution_namers"]),
        institution_regions=_words(data["institution_regions"]),
        higher_education=_phrases(data["higher_education"]),
        higher_education_words=_words(data["higher_education_words"]),
        school_departments=_words(data["school_departments"]),
        chain_sites=_words(data["chain_sites"]),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    # libyaml's parser when PyYAML has it (the same safe constructors): every process reads this file at its
    # first redaction, and the pure-Python parser took 0.7 s of each start
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(PII_FILE, encoding="utf-8") as handle:
        return _load(yaml.load(handle, Loader=loader))  # noqa: S506 - a safe loader
