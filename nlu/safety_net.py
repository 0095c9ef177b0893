"""Rule-based safety net: flags acute danger (112) and suicidal thoughts (113) in one message.

Independent of the ML intent classifier on purpose: nonsense can never reach a flag, because a flag
needs a pattern from ``nlu/safety_lexicon.yml`` to match. Pure Python (stdlib + PyYAML), so it runs
inside Rasa (Python 3.10) and in the app venv (Python 3.11).

    >>> detect("hij slaat me nu").level
    'acute'
    >>> detect("banaan fiets paraplu").level
    'none'

How a message is scored is described at the top of the lexicon file.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

Level = Literal["acute", "suicide", "none"]
LEXICON_PATH = Path(__file__).with_name("safety_lexicon.yml")

_FOLD = str.maketrans(
    {"ı": "i", "ł": "l", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d",
     "ة": "ه", "ى": "ي", "ـ": None, "'": None, "’": None, "‘": None, "`": None, "´": None,
     # laughing emoji read as the word (the jocular context): "ze gaat me vermoorden 😂"
     "😂": " haha ", "🤣": " haha ", "😆": " haha ", "😹": " haha "}
)
_TOKEN = re.compile(r"\w+|[!?]")
_REPEAT = re.compile(r"(\w)\1{2,}")
_PUNCT_RUN = re.compile(r"([!?])\1+")
_MACRO = re.compile(r"@([A-Z][A-Z0-9_]*)")


@dataclass(frozen=True)
class SafetySignal:
    """Result of :func:`detect`. ``level`` is "acute" when acute, even if ``suicide`` is set too."""

    level: Level
    acute: bool
    suicide: bool
    reasons: tuple[str, ...]
    watch: tuple[str, ...] = ()  # levels the models lean towards without an alarm (nlu/safety_watch.py)


@dataclass(frozen=True)
class Cue:
    name: str
    level: str
    group: str
    family: str
    weight: float
    pattern: re.Pattern[str]
    damped_by: tuple[str, ...]
    requires: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    threshold: float
    spellings: dict[str, str]
    contexts: dict[str, tuple[float, re.Pattern[str]]]
    cues: tuple[Cue, ...]


# ----------------------------------------------------------------------------------- normalisation
def fold(text: str) -> str:
    """Lower case, strip diacritics and apostrophes: "Nóż" -> "noz", "m'n" -> "mn", "İ" -> "i"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_FOLD)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _tokens(text: str, keep_double: bool) -> list[str]:
    squeezed = _PUNCT_RUN.sub(r"\1", _REPEAT.sub(r"\1\1" if keep_double else r"\1", fold(text)))
    return _TOKEN.findall(squeezed)


def _respell(tokens: list[str], spellings: dict[str, str]) -> str:
    return " " + " ".join(spellings.get(token, token) for token in tokens) + " "


def normalise(text: str, spellings: dict[str, str] | None = None) -> str:
    """Canonical form used for matching: " tokens separated by single spaces " (see the lexicon)."""
    table = _lexicon().spellings if spellings is None else spellings
    return _respell(_tokens(text, keep_double=True), table)


def variants(text: str, spellings: dict[str, str]) -> tuple[str, ...]:
    """Normalised forms to match: runs of 3+ letters collapsed to two ("slaaaat") and to one ("helppp")."""
    doubled = _respell(_tokens(text, keep_double=True), spellings)
    single = _respell(_tokens(text, keep_double=False), spellings)
    return (doubled,) if single == doubled else (doubled, single)


# ----------------------------------------------------------------------------------- lexicon
def _flatten(value: Any) -> str:
    parts = value if isinstance(value, list) else [value]
    return "|".join(re.sub(r"\s*\|\s*", "|", str(part).strip()) for part in parts)


def _expand(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    if depth > 8:
        raise ValueError(f"macro nesting too deep in {pattern!r}")

    def replace(match: re.Match[str]) -> str:
        return "(?:" + _expand(macros[match.group(1)], macros, depth + 1) + ")"

    return _MACRO.sub(replace, pattern)


def _compile(patterns: list[str], macros: dict[str, str], substring: bool = False) -> re.Pattern[str]:
    body = "|".join(f"(?:{_expand(p, macros)})" for p in patterns)
    return re.compile(body if substring else rf"(?<!\w)(?:{body})(?!\w)")


def _cue(raw: dict[str, Any], macros: dict[str, str]) -> Cue:
    return Cue(
        name=raw["name"],
        level=raw["level"],
        group=raw.get("group", raw["name"]),
        family=raw.get("family", raw["name"]),
        weight=float(raw["weight"]),
        pattern=_compile(raw["patterns"], macros, raw.get("substring", False)),
        damped_by=tuple(raw.get("damped_by", ())),
        requires=tuple(raw.get("requires", ())),
    )


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read and compile a lexicon file (regexes are compiled once here)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    macros = {name: _flatten(value) for name, value in raw.get("macros", {}).items()}
    contexts = {
        name: (float(spec["factor"]), _compile(spec["patterns"], macros, spec.get("substring", False)))
        for name, spec in raw.get("contexts", {}).items()
    }
    cues = tuple(_cue(item, macros) for item in raw["cues"])
    unknown = {c for cue in cues for c in cue.damped_by} - contexts.keys()
    if unknown:
        raise ValueError(f"unknown contexts in lexicon: {sorted(unknown)}")
    spellings = {str(k): str(v) for k, v in raw.get("spellings", {}).items()}
    return Lexicon(float(raw.get("threshold", 1.0)), spellings, contexts, cues)


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return load_lexicon()


# ----------------------------------------------------------------------------------- scoring
def _matches(pattern: re.Pattern[str], forms: tuple[str, ...]) -> bool:
    return any(pattern.search(form) for form in forms)


def _weights(lexicon: Lexicon, forms: tuple[str, ...]) -> dict[Cue, float]:
    """Damped weight of every matched cue (before `requires` is applied)."""
    found = {name for name, (_, pattern) in lexicon.contexts.items() if _matches(pattern, forms)}
    weights: dict[Cue, float] = {}
    for cue in lexicon.cues:
        if not _matches(cue.pattern, forms):
            continue
        weight = cue.weight
        for context in cue.damped_by:
            if context in found:
                weight *= lexicon.contexts[context][0]
        weights[cue] = weight
    return weights


def _counting(weights: dict[Cue, float]) -> list[Cue]:
    """Cues that count: non-zero, and (for supporting cues) backed by a counting cue they require."""
    base = [cue for cue, weight in weights.items() if weight > 0 and not cue.requires]
    backing = {key for cue in base for key in (cue.name, cue.group)}
    support = [
        cue for cue, weight in weights.items()
        if weight > 0 and cue.requires and backing.intersection(cue.requires)
    ]
    return base + support


def score(text: str, lexicon: Lexicon | None = None) -> dict[str, tuple[float, tuple[str, ...]]]:
    """Per level: total weight and the names of the cues that counted. Cues of one `family` describe
    the same event ("wordt geslagen" / "haar man geslagen"), so a family adds only its largest weight."""
    lexicon = lexicon or _lexicon()
    weights = _weights(lexicon, variants(text, lexicon.spellings))
    best: dict[tuple[str, str], float] = {}
    names: dict[str, tuple[str, ...]] = {}
    for cue in _counting(weights):
        key = (cue.level, cue.family)
        best[key] = max(best.get(key, 0.0), weights[cue])
        names[cue.level] = names.get(cue.level, ()) + (cue.name,)
    totals: dict[str, float] = {}
    for (level, _), weight in best.items():
        totals[level] = totals.get(level, 0.0) + weight
    return {level: (totals[level], names[level]) for level in totals}


# A long story is also read a few sentences at a time: cues about the past or habits elsewhere in it ("vaak",
# "vroeger") must not outweigh danger named in one place, often the last sentence.
LONG_TEXT_CHARS = 300
WINDOW_SENTENCES = (1, 2)
_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+")


def _windows(text: str) -> list[str]:
    """Every sentence, and every run of two sentences (a cue and its context can sit in neighbours)."""
    sentences = [part for part in _SENTENCE_END.split(text) if part.strip()]
    return [" ".join(sentences[i:i + size]) for size in WINDOW_SENTENCES for i in range(len(sentences) - size + 1)]


def detect(text: str) -> SafetySignal:
    """Flag one message: acute danger (112), suicidal thoughts (113), or none. A long message counts as
    flagged when the whole of it, or any window of a few sentences, is."""
    signal = _detect_one(text or "")
    if len(text or "") <= LONG_TEXT_CHARS:
        return signal
    for window in dict.fromkeys(_windows(text)):  # a repeated window is read once
        signal = _merge(signal, _detect_one(window))
    return signal


def _merge(one: SafetySignal, other: SafetySignal) -> SafetySignal:
    acute, suicide = one.acute or other.acute, one.suicide or other.suicide
    level: Level = "acute" if acute else "suicide" if suicide else "none"
    reasons = one.reasons + tuple(reason for reason in other.reasons if reason not in one.reasons)
    return SafetySignal(level=level, acute=acute, suicide=suicide, reasons=reasons)


def _detect_one(text: str) -> SafetySignal:
    lexicon = _lexicon()
    scores = score(text or "", lexicon)
    fired = {level: names for level, (total, names) in scores.items() if total >= lexicon.threshold - 1e-9}
    acute, suicide = "acute" in fired, "suicide" in fired
    level: Level = "acute" if acute else "suicide" if suicide else "none"
    reasons = fired.get("acute", ()) + fired.get("suicide", ())
    return SafetySignal(level=level, acute=acute, suicide=suicide, reasons=reasons)
