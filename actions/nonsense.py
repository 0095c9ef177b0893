"""Keyboard mash ("sdfkj qwpoe") is not understood, whatever intent the classifier guesses for it.

A message is nonsense when none of its words occurs in the bot's own text and its letter pairs are unlikely
in it (actions/letter_model.json, built by scripts/build_letter_model.py). Acronyms the bot knows ("lhbti")
and short replies ("ok") are never nonsense; neither is anything the safety net flagged (checked by the caller).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("letter_model.json")
_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """The lower-case words of a text (letters only), as the model is built and read."""
    return _WORD.findall(text.lower())


def letter_pairs(word: str) -> list[str]:
    """The word's letter pairs, a space marking its edges: "ok" -> " o", "ok", "k "."""
    padded = f" {word} "
    return [padded[i:i + 2] for i in range(len(padded) - 1)]


@dataclass(frozen=True)
class LetterModel:
    pairs: dict[str, float]
    floors: dict[str, float]
    unseen: float
    vocabulary: frozenset[str]
    threshold: float
    min_pairs: int

    def score(self, found: list[str]) -> tuple[float, int]:
        """Mean log-probability of the letter pairs within the words, and how many pairs there were."""
        logs = [self.pairs.get(pair, self.floors.get(pair[0], self.unseen))
                for word in found for pair in letter_pairs(word)]
        return (sum(logs) / len(logs), len(logs)) if logs else (0.0, 0)

    def is_nonsense(self, text: str) -> bool:
        found = words(text)
        if not found or any(word in self.vocabulary for word in found):
            return False
        mean, count = self.score(found)
        return count >= self.min_pairs and mean < self.threshold


@lru_cache(maxsize=1)
def letter_model(path: Path = MODEL_FILE) -> LetterModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return LetterModel(pairs=data["pairs"], floors=data["floors"], unseen=float(data["unseen"]),
                       vocabulary=frozenset(data["words"]), threshold=float(data["threshold"]),
                       min_pairs=int(data["min_pairs"]))


def is_nonsense(text: str) -> bool:
    return letter_model().is_nonsense(text)
