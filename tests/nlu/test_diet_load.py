"""Our DIET loading for inference (nlu/rasa_speedups.py) gives exactly the predictions of Rasa's own loading."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"


@pytest.fixture(scope="module")
def probe() -> dict:
    if not RASA_PYTHON.exists():
        pytest.fail(f"the Rasa venv is missing ({RASA_PYTHON}); run scripts/setup.sh")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TF_CPP_MIN_LOG_LEVEL": "3", "RASA_TELEMETRY_ENABLED": "false"}
    done = subprocess.run([str(RASA_PYTHON), str(Path(__file__).with_name("diet_load_probe.py"))], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_both_loadings_predict_the_same_intents_confidences_and_entities(probe):
    print("DIET load seconds:", probe["load_seconds"])
    assert probe["messages"] >= 50
    assert probe["differ"] == []
