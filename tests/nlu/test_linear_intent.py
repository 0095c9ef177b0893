"""The LinearIntentClassifier (nlu/linear_intent.py), trained, saved and loaded in the Rasa venv."""
from __future__ import annotations

import pytest
from rasaprobe import run_probe


@pytest.fixture(scope="module")
def probe() -> dict:
    return run_probe("linear_intent_probe.py")


def test_it_ranks_intents_and_keeps_diets_ranking_beside_them(probe):
    parsed = probe["probes"]["wat houdt die kindcheck in"]
    assert parsed["intent"] == "kindcheck"
    assert parsed["diet"] == ["from_diet", "greet"]
    assert len(parsed["confidences"]) == 3 and parsed["confidences"] == sorted(parsed["confidences"], reverse=True)
    assert 0.0 < sum(parsed["confidences"]) <= 1.0 + 1e-6


def test_e5_carries_a_message_in_another_language_to_its_intent(probe):
    assert probe["probes"]["My husband hits me"]["intent"] == "victim"
    assert probe["probes"]["Kocam bana vuruyor"]["intent"] == "victim"


def test_the_baseline_without_e5_cannot_read_turkish_as_well(probe):
    with_e5 = probe["probes"]["Kocam bana vuruyor"]["confidences"][0]
    assert probe["without_e5"]["intent"] != "victim" or probe["without_e5"]["confidences"][0] < with_e5


def test_an_empty_message_is_left_alone_and_an_untrained_model_keeps_diets_intent(probe):
    assert probe["probes"][""]["intent"] is None
    assert probe["untrained"]["intent"] is None and probe["untrained"]["diet"] == []


def test_the_average_with_diet_is_sure_when_both_agree_and_unsure_when_they_do_not(probe):
    agree, disagree, alone = probe["agree"], probe["disagree"], probe["linear_alone"]
    assert agree["intent"] == "kindcheck" and agree["confidences"][0] > alone["confidences"][0] / 2 + 0.4
    assert disagree["confidences"][0] < 0.6  # below the actions' "unsure" line: the answer is hedged
    assert alone["intent"] == "kindcheck"


def test_its_softmax_equals_scikit_learns_and_the_weights_copy_is_not_stored(probe):
    assert probe["largest_difference_to_sklearn"] < 1e-9
    assert probe["weights_pickled"] is False
