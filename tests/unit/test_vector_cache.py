"""The measuring vector cache embeds each text once, across runs, and gives back the same vectors in order."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from bot.measure.vector_cache import VectorCache


class CountingEmbed:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.array([[len(text), text.count("a")] for text in texts], dtype=np.float32).reshape(len(texts), 2)


def test_known_texts_come_from_the_file_and_new_ones_are_embedded_once(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "vectors.npz"
    first = CountingEmbed()
    cache = VectorCache(path, first)
    vectors = cache(["aa", "b", "aa"])
    cache.save()
    second = CountingEmbed()
    again = VectorCache(path, second)
    both = again(["b", "aa", "ccca"])
    assert first.seen == ["aa", "b"] and second.seen == ["ccca"]
    assert vectors.tolist() == [[2, 2], [1, 0], [2, 2]]
    assert both.tolist() == [[1, 0], [2, 2], [4, 1]]


def test_the_file_holds_hashes_not_texts(tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    cache = VectorCache(path, CountingEmbed())
    cache(["een zin die niet op schijf mag staan"])
    cache.save()
    with np.load(path) as data:
        assert "een zin" not in " ".join(data["keys"].tolist())
        assert all(len(key) == 24 for key in data["keys"].tolist())
