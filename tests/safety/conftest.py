"""Make the repository root importable (nlu/, bot/measure/safety_eval.py) however pytest is started."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
