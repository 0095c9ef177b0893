"""Our vocabulary's e5 vectors, built at set-up and put in a new Rasa process's featurizer cache
(nlu/token_vectors.py), are the vectors the featurizer computes itself; a stale or missing file is not used."""
from __future__ import annotations

import pytest
from rasaprobe import run_probe


@pytest.fixture(scope="module")
def probe() -> dict:
    return run_probe("token_vectors_probe.py")


def test_the_vocabulary_is_the_tokenizers_lower_case_words(probe):
    # every string of the file counts, the intent's name ("x") too: a few words more cost nothing
    assert probe["words"] == sorted(["mijn", "stiefvader", "schreeuwt", "kindertelefoon", "bang", "buurvrouw", "x"])


def test_the_stored_vectors_are_the_featurizers_own(probe):
    assert probe["put"] == 7
    assert probe["max_diff"] < 1e-5


def test_a_stale_or_missing_file_is_not_used(probe):
    assert probe["stale"] == 0 and probe["missing"] == 0
