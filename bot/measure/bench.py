"""`python -m bot bench`: latency, throughput and memory of the live bot, side by side.

Measures (a) Rasa's bare `/model/parse`, (b) knowledge retrieval alone (in this process, as the action
server does it) and (c) a full turn through the gateway, each at several concurrency levels. A full turn is
measured two ways: closed loop (every sender sends its next message the moment the reply arrives: the
saturation figure) and paced (every sender waits a human think time between messages: what N people
chatting at once see).
"""
from __future__ import annotations

import asyncio
import json
import os
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Optional

import httpx

from bot.chat.rasa_auth import auth_params
from bot.measure import report_files
from bot.measure.bench_targets import check, print_targets
from bot.measure.load import MESSAGES, Call, Result, Sender, closed_loop, paced, summarise
from bot.measure.procmem import status_mb


@dataclass
class BenchPlan:
    levels: tuple[int, ...] = (1, 10, 50)
    per_level: int = 120  # requests per concurrency level
    paced_seconds: float = 20.0
    think_s: float = 1.0


def _turn_call(client: httpx.AsyncClient, web_url: str, senders: list[Sender]) -> Call:
    async def call(w: int, i: int) -> None:
        sender, message = senders[w].next_message()
        response = await client.post(f"{web_url}/webhooks/rest/webhook",
                                     json={"sender": sender, "message": message, "metadata": {"channel": "bench"}})
        response.raise_for_status()
        if not response.json():
            raise ValueError("empty reply")
    return call


def _parse_call(client: httpx.AsyncClient, rasa_url: str) -> Call:
    async def call(w: int, i: int) -> None:
        response = await client.post(f"{rasa_url}/model/parse", json={"text": MESSAGES[i % len(MESSAGES)]},
                                     params=auth_params())
        response.raise_for_status()
    return call


def _retrieval_call(pool: ThreadPoolExecutor) -> Call:
    from knowledge.service import load_index
    index = load_index()

    async def call(w: int, i: int) -> None:
        text = MESSAGES[i % len(MESSAGES)]
        await asyncio.get_running_loop().run_in_executor(pool, lambda: index.search(text, k=3))
    return call


async def run(rasa_url: str, web_url: str, plan: BenchPlan, progress: Callable[[str], None]) -> list[Result]:
    results: list[Result] = []
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(timeout=120.0, limits=limits) as client:
        await closed_loop(8, 1, _turn_call(client, web_url, [Sender()]))  # warm-up
        with ThreadPoolExecutor(max_workers=max(plan.levels)) as pool:
            retrieval = _retrieval_call(pool)
            await closed_loop(8, 1, retrieval)
            for level in plan.levels:
                n = max(plan.per_level, level * 3)
                for kind, name, call in (
                    ("parse", "parse (Rasa /model/parse)", _parse_call(client, rasa_url)),
                    ("retrieval", "knowledge retrieval alone", retrieval),
                    ("turn", "full turn via gateway, closed loop",
                     _turn_call(client, web_url, [Sender() for _ in range(level)])),
                ):
                    progress(f"{name}, {level} concurrent ...")
                    lat, errors, wall = await closed_loop(n, level, call)
                    results.append(summarise(name, kind, level, lat, wall, errors))
        for level in plan.levels[1:]:
            progress(f"full turn, {level} senders paced ({plan.think_s:.1f} s think, {plan.paced_seconds:.0f} s) ...")
            lat, errors, wall = await paced(plan.paced_seconds, level, plan.think_s,
                                            _turn_call(client, web_url, [Sender() for _ in range(level)]))
            results.append(summarise(f"full turn via gateway, paced {plan.think_s:.0f} s think",
                                     "turn-paced", level, lat, wall, errors))
    return results


def overhead_ratio(results: list[Result]) -> Optional[float]:
    """Full turn p50 / (parse p50 + retrieval p50), one sender: what the plumbing adds."""
    at_one = {r.kind: r for r in results if r.concurrency == 1}
    if not {"parse", "retrieval", "turn"} <= at_one.keys():
        return None
    base = at_one["parse"].p50_ms + at_one["retrieval"].p50_ms
    return round(at_one["turn"].p50_ms / base, 2) if base else None


def peak_memory_mb(pids: dict[str, int]) -> dict[str, float]:
    """Peak resident memory (VmHWM) of each process, from /proc."""
    peaks = {name: status_mb(pid, "VmHWM") for name, pid in pids.items()}
    return {name: round(mb, 1) for name, mb in peaks.items() if mb is not None}


def print_table(results: list[Result]) -> None:
    header = ("measurement", "conc", "n", "p50 ms", "p95 ms", "p99 ms", "msg/s", "err")
    print("\n{:<46} {:>5} {:>5} {:>8} {:>8} {:>8} {:>7} {:>4}".format(*header))
    for r in results:
        print(f"{r.name:<46} {r.concurrency:>5} {r.n:>5} {r.p50_ms:>8} {r.p95_ms:>8} {r.p99_ms:>8} "
              f"{r.msg_per_s:>7} {r.errors:>4}")


def print_extras(extras: dict[str, Any]) -> None:
    for key, value in extras.items():
        print(f"{key}: {value}")


def write_report(results: list[Result], extras: dict[str, Any], report: Path) -> None:
    from bot.measure.bench_plot import plot
    body = {"results": [asdict(r) for r in results], **extras}
    report_files.write_report(body, report, lambda path: plot(results, path))


def _first_answer_s(web_url: str, started: float, timeout_s: float = 120.0) -> float:
    """Seconds from `started` until the gateway gives a real answer to a first message."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            response = httpx.post(f"{web_url}/webhooks/rest/webhook", timeout=30,
                                  json={"sender": f"cold-{uuid.uuid4().hex[:8]}", "message": "hallo"})
            if response.status_code == 200 and response.json():
                return round(time.monotonic() - started, 1)
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError("no answer within the cold-start timeout")


def indexing_docs_per_s(sample: int = 24) -> tuple[float, int]:
    """Index documents embedded per second, as `python -m knowledge build` embeds them (its embedder and
    WEGWIJS_EMBED_THREADS): every n-th document of the built index, so the lengths are the index's own."""
    from knowledge.config import load_settings
    from knowledge.embeddings import make_embedder
    from knowledge.service import load_index

    settings = load_settings()
    docs = load_index(settings).docs
    texts = [doc.search_text for doc in docs[::max(1, len(docs) // sample)]][:sample]
    embedder = make_embedder(settings)
    embedder.embed_passages(texts[:1])  # warm-up
    started = time.perf_counter()
    embedder.embed_passages(texts)
    return round(len(texts) / (time.perf_counter() - started), 2), settings.embed_threads


def _training_seconds(root: Path) -> Optional[float]:
    try:
        return json.loads((root / "models" / "train-time.json").read_text())["train_seconds"]
    except (OSError, ValueError, KeyError):
        return None


def bench(rasa_url: str, web_url: str, plan: BenchPlan, report: Path, start: bool) -> int:
    from bot.settings import ROOT
    extras: dict[str, Any] = {"training_seconds": _training_seconds(ROOT)}
    stack = None
    if start:
        from bot.operate.launcher import Stack
        stack = Stack(log_dir=ROOT / "var" / "logs")
        print("Starting the bot (cold start) ...", flush=True)
        started = time.monotonic()
        stack.start()
        extras["cold_start_to_first_answer_s"] = _first_answer_s(stack.settings.web_url, started)
        rasa_url, web_url = stack.settings.rasa_url, stack.settings.web_url
    try:
        print(f"Benchmarking Rasa at {rasa_url} and the gateway at {web_url} ...", flush=True)
        results = asyncio.run(run(rasa_url, web_url, plan, lambda line: print("  " + line, flush=True)))
        if stack is not None:
            extras["peak_memory_mb"] = peak_memory_mb({**stack.pids(),
                                                       "bench (in-process retrieval)": os.getpid()})
    finally:
        if stack is not None:
            stack.stop()
    extras["overhead_ratio_full_turn_vs_parse_plus_retrieval"] = overhead_ratio(results)
    print("  indexing: embedding a sample of the index's documents ...", flush=True)
    extras["indexing_docs_per_s"], extras["indexing_threads"] = indexing_docs_per_s()
    extras["targets"] = check(results, extras)
    print_table(results)
    print()
    print_extras({key: value for key, value in extras.items() if key != "targets"})
    print_targets(extras["targets"])
    write_report(results, extras, report)
    return 0 if all(r.errors == 0 for r in results) else 1
