"""Semantic safety detector (nlu/semantic_safety.py) with the real e5 model and the real bank."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from nlu.safety_combined import detect_both
from nlu.semantic_safety import BANK_PATH, MAX_CHARS, chunks, detect_semantic, load_bank

FILLER = "We hebben het samen over de boodschappen en de school van de kinderen gehad. "


def test_chunks_cover_a_long_story_up_to_the_limit() -> None:
    danger = "Hij staat nu met een mes in de gang."
    text = FILLER * 100 + danger + " " + FILLER * 20
    assert len(text) < MAX_CHARS and text.index(danger) > 7000
    assert danger in chunks(text)


def test_chunks_stop_at_the_limit_and_cut_run_on_text() -> None:
    assert all(len(piece) <= 400 for piece in chunks("woord " * 3000))
    assert "voorbij de grens" not in " ".join(chunks("x" * MAX_CHARS + " voorbij de grens"))


@pytest.mark.parametrize("text", ["", "banaan fiets paraplu", "asdfghjkl qwerty", "lol", "??!!", "ok doei"])
def test_nonsense_fires_neither(text: str) -> None:
    signal = detect_semantic(text)
    assert not signal.acute and not signal.suicide


@pytest.mark.parametrize("level", ["acute", "suicide"])
def test_every_bank_phrase_fires_its_level(level: str) -> None:
    bank = yaml.safe_load(BANK_PATH.read_text(encoding="utf-8"))
    missed = [text for text in bank[level] if not detect_semantic(text).knn[level]]
    assert missed == []


def test_bank_negatives_fire_neither() -> None:
    bank = yaml.safe_load(BANK_PATH.read_text(encoding="utf-8"))
    fired = [text for text in bank["negative"] if any(detect_semantic(text).knn.values())]
    assert fired == []


def test_danger_in_the_middle_of_a_long_story_gives_112() -> None:
    story = FILLER * 60 + "He turned on the gas to blow up the house. " + FILLER * 40
    signal = detect_both(story)
    assert signal.acute and signal.level == "acute"


def test_bank_is_cached_on_disk_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEGWIJS_VAR_DIR", str(tmp_path))
    calls: list[int] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return np.ones((len(texts), 4), dtype=np.float32) / 2

    load_bank(BANK_PATH, embed)
    first = len(calls)
    load_bank(BANK_PATH, embed)
    assert first == 3 and len(calls) == first
    changed = tmp_path / "bank.yml"
    raw = yaml.safe_load(BANK_PATH.read_text(encoding="utf-8"))
    raw["acute"].append("een nieuwe formulering")
    changed.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    load_bank(changed, embed)
    assert len(calls) == first + 3
