"""The maintained word lists (bot/privacy/data/*.txt.gz, built by scripts/build_privacy_lists.py), read
once on first use: about 0.3 s and 60 MB; after that every check is a set look-up."""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _read(name: str) -> frozenset[str]:
    with gzip.open(DATA / f"{name}.txt.gz", "rt", encoding="utf-8") as handle:
        return frozenset(line for line in handle.read().split("\n") if line and not line.startswith("#"))


@dataclass(frozen=True)
class WordLists:
    given_names: frozenset[str]
    surnames: frozenset[str]
    streets: frozenset[str]
    places: frozenset[str]
    dutch: frozenset[str]  # ordinary Dutch and English words (no names unless also a word)
    foreign: frozenset[str]  # ordinary Turkish, Polish, Arabic and German words that are not in `dutch`
    frequent_nl: frozenset[str]  # the most frequent Dutch words ("wil", "is"): never a name
    frequent_en: frozenset[str]  # the same in English ("will", "can")
    rare: frozenset[str]  # in `dutch` only through web text, rare and in no dictionary: mostly names ("bouzid")

    def ordinary(self, word: str) -> bool:
        return word in self.dutch or word in self.foreign


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    return WordLists(given_names=_read("given_names"), surnames=_read("surnames"), streets=_read("streets"),
                     places=_read("places"), dutch=_read("dutch"), foreign=_read("foreign"),
                     frequent_nl=_read("frequent_nl"), frequent_en=_read("frequent_en"), rare=_read("rare"))
