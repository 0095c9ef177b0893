"""Our DIET loading for inference (nlu/rasa_speedups.py) gives exactly the predictions of Rasa's own loading."""
from __future__ import annotations

import pytest
from rasaprobe import run_probe


@pytest.fixture(scope="module")
def probe() -> dict:
    return run_probe("diet_load_probe.py", timeout=600)


def test_both_loadings_predict_the_same_intents_confidences_and_entities(probe):
    print("DIET load seconds:", probe["load_seconds"])
    assert probe["messages"] >= 50
    assert probe["differ"] == []
