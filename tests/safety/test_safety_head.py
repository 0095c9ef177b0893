"""The trained safety head (nlu/safety_head.py): its file, its corpus and its behaviour with the real e5 model."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from nlu.safety_combined import detect_both
from nlu.safety_head import CLASSES, HEAD_PATH, LEVELS, Head, load_head
from nlu.semantic_safety import chunks, detect_semantic, unshout

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from safety_corpus import CORPUS_DIR, load_corpus, noisy  # noqa: E402
from train_safety_head import HELDOUT, decontaminate, normal, with_fragments  # noqa: E402


def test_head_file_loads_with_numpy_only_and_has_sane_thresholds() -> None:
    head = load_head()
    assert head.w1.ndim == 3 and head.w1.shape[1] == head.mean.shape[0] == 384
    assert head.w2.shape[-1] == len(CLASSES)
    assert all(0.0 <= head.thresholds[level] < 20 for level in LEVELS)
    assert HEAD_PATH.stat().st_size < 2_000_000


def test_log_odds_are_finite_and_ordered_like_the_probabilities() -> None:
    head = load_head()
    vectors = np.random.default_rng(0).normal(size=(5, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    odds = head.log_odds(vectors)
    assert odds.shape == (5, 3) and np.isfinite(odds).all()


def test_saved_head_round_trips(tmp_path: Path) -> None:
    head = load_head()
    copy = tmp_path / "head.npz"
    head.save(copy)
    again = load_head(copy)
    assert again.thresholds == head.thresholds and np.array_equal(again.w1, head.w1)


def test_corpus_expansion_is_deterministic_and_large() -> None:
    first, second = load_corpus(12), load_corpus(12)
    assert [e.text for e in first] == [e.text for e in second]
    labels = {label: sum(e.label == label for e in first) for label in CLASSES}
    assert min(labels.values()) >= 700 and len(first) >= 7000
    assert {e.lang for e in first} == {"nl", "en", "tr", "pl", "ar"}
    assert {e.split for e in first} == {"train", "tune"}


def test_training_data_shares_no_message_with_the_heldout_sets() -> None:
    corpus = {normal(e.text) for e in decontaminate(with_fragments(load_corpus(12)))}
    heldout = {normal(str(case["text"]))
               for path in HELDOUT for case in yaml.safe_load(path.read_text(encoding="utf-8"))}
    shared = len(corpus & heldout)  # a count only: never print held-out text
    assert shared == 0


def test_every_corpus_file_names_its_language() -> None:
    for path in CORPUS_DIR.glob("*.yml"):
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["lang"] in {"nl", "en", "tr", "pl", "ar"}


def test_noise_keeps_the_words_recognisable() -> None:
    import random

    rng = random.Random(1)
    text = "Mijn vriend staat met een mes in de gang!"
    for _ in range(20):
        out = noisy(text, "nl", rng)
        assert "!" not in out and 20 < len(out) < 60


def test_shouting_is_read_as_ordinary_case() -> None:
    assert unshout("HIJ HEEFT EEN MES") == "hij heeft een mes"
    assert unshout("Veilig Thuis en de GGD") == "Veilig Thuis en de GGD"
    assert chunks("HELP HIJ SLAAT ME") == ["help hij slaat me"]


@pytest.mark.parametrize("text", ["", "banaan fiets paraplu", "asdfghjkl qwerty", "lol", "??!!", "ok doei",
                                  "hallo wie ben jij", "wat kun je allemaal", "dank je wel"])
def test_nonsense_and_small_talk_fire_neither(text: str) -> None:
    signal = detect_semantic(text)
    assert not any(signal.head.values()) and not signal.acute and not signal.suicide


@pytest.mark.parametrize(("text", "level"), [
    ("mijn stiefvader heeft een bijl gepakt en slaat de deur van mijn kamer kapot", "acute"),
    ("my brother is pressing a pillow over my face", "acute"),
    ("ik heb alle slaappillen uit het kastje gepakt en wil ze vannacht allemaal slikken", "suicide"),
])
def test_danger_written_for_this_test_fires_the_head(text: str, level: str) -> None:
    assert detect_semantic(text).head[level]


def test_head_fires_inside_a_long_story() -> None:
    filler = "We hebben het over de boodschappen en de school van de kinderen gehad. "
    story = filler * 50 + "Nu staat hij met een bijl in de gang en schreeuwt dat hij me afmaakt. " + filler * 20
    assert detect_both(story).acute


def test_a_head_without_chunks_fires_nothing() -> None:
    head: Head = load_head()
    assert head.fires(np.zeros((0, 384), dtype=np.float32)) == {"acute": False, "suicide": False}
