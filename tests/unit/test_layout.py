"""The layout of bot/ by purpose (README, Architecture): few loose modules, every part a package, and the import
contracts of pyproject.toml hold (lint-imports, also run by the lint step of scripts/test.sh)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.settings import ROOT

PARTS = {"chat", "channels", "console", "store", "privacy", "operate", "measure"}


def test_at_most_three_loose_modules_in_bot():
    loose = sorted(path.name for path in (ROOT / "bot").glob("*.py") if path.name != "__init__.py")
    assert len(loose) <= 3, loose


def test_bot_is_grouped_by_purpose():
    packages = {path.parent.name for path in (ROOT / "bot").glob("*/__init__.py")}
    assert packages == PARTS


def test_no_two_modules_share_a_name_like_evaluate():
    names = [path.name for part in ("bot", "nlu", "actions", "knowledge") for path in (ROOT / part).rglob("*.py")]
    assert names.count("evaluate.py") == 0


def test_the_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
