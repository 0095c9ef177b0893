"""Plain-language figures of the Dutch knowledge texts per audience: sentence length and jargon that is
used without being explained (knowledge/plain_language.yml holds the word list and the thresholds)."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.curated import Entry
from knowledge.reachable import fill_live

RULES_FILE = Path(__file__).with_name("plain_language.yml")
# A sentence ends at . ! ? or a line break, when a space or the end follows ("0800-2000." ends one too).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\sa-z])|\n+")
_WORD = re.compile(r"[\w+'’-]+")
_EXPLAINERS = ("dat heet", "heet ", "betekent", "noemen we", "is een", "is dat", "(")
# A fixed Tuesday morning for the live answer ("wie is er nu bereikbaar"), so the figures do not change.
LIVE_MOMENT = dt.datetime(2026, 12, 8, 10, 0, tzinfo=dt.timezone.utc)


@dataclass
class Figures:
    audience: str
    entries: int = 0
    sentences: int = 0
    words: int = 0
    longest: int = 0
    longest_sentence: str = ""
    unexplained: list[str] = field(default_factory=list)

    @property
    def avg_words(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


@lru_cache(maxsize=1)
def rules(path: Path = RULES_FILE) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if _WORD.search(s)]


def words(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def explained(term: str, sentence: str) -> bool:
    """The term is explained in its sentence: a bracket right after it, or an explaining phrase."""
    lowered = sentence.lower()
    at = lowered.find(term)
    after = lowered[at + len(term):].lstrip()
    if after.startswith("(") or after.startswith(","):
        return True
    before = lowered[:at]
    if before.count("(") > before.count(")"):
        return True  # the term itself is the bracketed name of something explained
    return any(phrase in lowered for phrase in _EXPLAINERS[:-1])


def unexplained_terms(text: str, jargon: Iterable[str]) -> list[str]:
    found = []
    for sentence in sentences(text):
        lowered = sentence.lower()
        for term in jargon:
            # the word as listed or inflected: "afhankelijkheidsrelatie(s)", "huisverbod(en)"
            match = re.search(rf"(?<!\w){re.escape(term)}(?:s|en|'s)?(?!\w)", lowered)
            if match and not explained(match.group(0), sentence):
                found.append(f"{term!r} in: {sentence}")
    return found


def figures(entries: Iterable[Entry], lang: str = "nl") -> dict[str, Figures]:
    jargon = [term.lower() for term in rules()["jargon"]]
    result: dict[str, Figures] = {}
    for entry in entries:
        if lang not in entry.body:
            continue
        text = fill_live(entry.body[lang], lang, LIVE_MOMENT)
        fig = result.setdefault(entry.audience, Figures(entry.audience))
        fig.entries += 1
        for sentence in sentences(text):
            count = words(sentence)
            fig.sentences += 1
            fig.words += count
            if count > fig.longest:
                fig.longest, fig.longest_sentence = count, f"{entry.id}: {sentence}"
        if entry.audience != "professional":
            fig.unexplained += [f"{entry.id}: {problem}" for problem in unexplained_terms(text, jargon)]
    return result


def failures(result: dict[str, Figures]) -> list[str]:
    problems = []
    for audience, limits in rules()["thresholds"].items():
        fig = result.get(audience)
        if fig is None:
            continue
        if fig.avg_words > limits["avg_words"]:
            problems.append(f"{audience}: {fig.avg_words:.1f} words per sentence on average "
                            f"(max {limits['avg_words']})")
        if fig.longest > limits["max_words"]:
            problems.append(f"{audience}: a sentence of {fig.longest} words (max {limits['max_words']}): "
                            f"{fig.longest_sentence}")
        if len(fig.unexplained) > limits["unexplained"]:
            problems += [f"{audience}: jargon not explained: {item}" for item in fig.unexplained]
    return problems


def format_figures(result: dict[str, Figures]) -> str:
    rows = ["audience      entries  sentences  avg words  longest  unexplained jargon"]
    for audience in ("child", "citizen", "all", "professional"):
        fig = result.get(audience)
        if fig:
            rows.append(f"{audience:<13} {fig.entries:>7}  {fig.sentences:>9}  {fig.avg_words:>9.1f}  "
                        f"{fig.longest:>7}  {len(fig.unexplained):>18}")
    return "\n".join(rows)
