"""Build actions/letter_model.json, the letter-pair model that tells keyboard mash from words.

    .venv/app/bin/python scripts/build_letter_model.py

It reads the bot's own text: the NLU examples and lookups (nlu/*.yml, nlu/lookups/), the safety corpus
(nlu/safety_corpus/: everyday and danger sentences in nl, en, tr, pl, ar) and the knowledge entries. It keeps,
for every letter pair, log P(next letter | letter) within words (a space marks a word's edges), and the words
themselves, with the tokenisation of actions/nonsense.py, which reads it. The output is committed;
tests/unit/test_nonsense.py fails when it is older than its sources.
"""
from __future__ import annotations

import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from actions.nonsense import MODEL_FILE as OUT  # noqa: E402
from actions.nonsense import letter_pairs, words  # noqa: E402

SOURCES = ("nlu/*.yml", "nlu/lookups/*.yml", "nlu/safety_corpus/*.yml", "knowledge/entries/*.yml")
SMOOTHING = 0.5
# Chosen on the bot's own text and generated keyboard mash (2026-12-06): 0.1% of the training sentences
# score below -4.15, about 80% of mash below -4.0. A message must also have no known word (see actions/nonsense.py).
THRESHOLD = -4.0
MIN_PAIRS = 5


def strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def source_texts(root: Path = ROOT) -> list[str]:
    texts: list[str] = []
    for pattern in SOURCES:
        for path in sorted(root.glob(pattern)):
            for text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
                texts.extend(line.strip("- ").strip() for line in text.splitlines() if line.strip())
    return texts


def build(texts: Iterable[str]) -> dict[str, object]:
    pairs: Counter[str] = Counter()
    firsts: Counter[str] = Counter()
    vocabulary: set[str] = set()
    for text in texts:
        for word in words(text):
            vocabulary.add(word)
            for pair in letter_pairs(word):
                pairs[pair] += 1
                firsts[pair[0]] += 1
    size = len({letter for pair in pairs for letter in pair})

    def log_p(count: int, first: str) -> float:
        return round(math.log((count + SMOOTHING) / (firsts[first] + SMOOTHING * size)), 3)

    return {"threshold": THRESHOLD, "min_pairs": MIN_PAIRS,
            "unseen": log_p(0, ""),  # a letter never seen first
            "pairs": {pair: log_p(count, pair[0]) for pair, count in sorted(pairs.items())},
            "floors": {first: log_p(0, first) for first in sorted(firsts)},
            "words": sorted(vocabulary)}


def main() -> int:
    model = build(source_texts())
    OUT.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(model['pairs'])} letter pairs, {len(model['words'])} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
