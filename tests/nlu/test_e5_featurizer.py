"""The E5Featurizer inside the Rasa venv (Python 3.10): shapes, standardisation, dense-only copies."""
from __future__ import annotations

import pytest
from rasaprobe import run_probe


@pytest.fixture(scope="module")
def probe() -> dict:
    return run_probe("e5_probe.py")


def test_sequence_features_have_one_row_per_token_and_sentence_features_one_row(probe):
    for tokens, sequence, sentence in probe["shapes"]:
        assert sequence == [tokens, 384]
        assert sentence == [1, 384]


def test_features_are_standardised_on_the_training_data(probe):
    assert probe["train_mean_abs"] < 1e-4


def test_dense_only_copies_keep_dense_and_drop_sparse_text_features(probe):
    assert probe["copies"] == 2  # 40% of 5 examples
    assert probe["copy_sparse_nnz"] == 0 and probe["copy_has_dense"]


def test_e5_puts_a_translation_closer_than_another_dutch_question(probe):
    assert probe["same_meaning"] > probe["other_meaning"] + 0.05
