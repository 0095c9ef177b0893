"""The served Rasa unpacks its model archive once, beside it (nlu/model_unpack.py), instead of at every start."""
from __future__ import annotations

import time

import pytest

from bot.operate.launcher import Stack
from bot.settings import ROOT
from nlu import model_unpack

pytestmark = pytest.mark.e2e
COLLECTED = time.time()  # before the session's stack starts


def test_the_running_rasa_loaded_its_model_through_the_unpacked_copy(stack: Stack):
    archive = ROOT / "models" / "wegwijs.tar.gz"
    unpacked = archive.parent / ".unpacked" / model_unpack.key(archive)
    assert (unpacked / "metadata.json").is_file()
    assert unpacked.stat().st_mtime >= COLLECTED - 1  # used by this session's Rasa, not left by an earlier one
    assert sorted(p.name for p in (unpacked / "components").iterdir())  # the components Rasa moved into storage
