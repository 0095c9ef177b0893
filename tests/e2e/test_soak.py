"""A short soak against the real stack: every turn answered, memory sampled for every service, report written."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.measure.soak import SoakPlan, soak
from bot.operate.launcher import Stack

pytestmark = pytest.mark.e2e


def test_short_soak_has_no_errors_and_samples_every_service(stack: Stack, tmp_path: Path):
    pids = stack.pids()
    report = tmp_path / "soak.json"
    plan = SoakPlan(seconds=10, senders=4, sample_s=2.5, think_s=1.0)

    assert soak(stack.settings.web_url, plan, pids, report, start=False) == 0

    body = json.loads(report.read_text())
    assert body["turns"] > 0
    assert body["errors"] == {} and body["failures"] == []
    assert len(body["samples"]) == 5  # at 0, 2.5, 5, 7.5 and 10 s
    for sample in body["samples"]:
        assert set(sample["rss_mb"]) == set(pids)
        assert all(mb > 0 for mb in sample["rss_mb"].values())
    assert body["samples"][-1]["turns"] > 0
    assert set(body["trends"]) == set(pids)  # too short for a verdict, but one entry per process
    assert report.with_suffix(".svg").read_text().lstrip().startswith("<?xml")
