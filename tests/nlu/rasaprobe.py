"""Runs a probe script of tests/nlu in the Rasa venv (Python 3.10) and returns the JSON line it prints last;
imported by name (pytest puts this dir on sys.path), like tests/knowledge/kbtest.py."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"


def run_probe(script: str, timeout: int = 300, args: tuple[str, ...] = ()) -> Any:
    if not RASA_PYTHON.exists():
        pytest.fail(f"the Rasa venv is missing ({RASA_PYTHON}); run scripts/setup.sh")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TF_CPP_MIN_LOG_LEVEL": "3", "RASA_TELEMETRY_ENABLED": "false"}
    done = subprocess.run([str(RASA_PYTHON), str(HERE / script), *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
