"""`python -m bot bench`: latency of Rasa parsing and of full turns, against the live bot."""
from __future__ import annotations

import asyncio
import json
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

MESSAGES = [
    "mijn buurman slaat zijn vrouw, wat kan ik doen?",
    "Wat houdt stap 2 van de meldcode in?",
    "ik ben 13 en mijn vader slaat me",
    "Is Veilig Thuis anoniem?",
    "Wat is de kindcheck?",
    "weerbericht morgen",
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(name: str, latencies_ms: list[float], wall_s: float) -> dict[str, float | str]:
    return {
        "name": name,
        "n": len(latencies_ms),
        "p50_ms": round(percentile(latencies_ms, 0.50), 1),
        "p95_ms": round(percentile(latencies_ms, 0.95), 1),
        "mean_ms": round(statistics.fmean(latencies_ms), 1),
        "msg_per_s": round(len(latencies_ms) / wall_s, 1),
    }


async def _timed(call: Callable[[], Awaitable[httpx.Response]]) -> float:
    start = time.perf_counter()
    response = await call()
    response.raise_for_status()
    return (time.perf_counter() - start) * 1000


async def measure(name: str, n: int, concurrency: int,
                  make_call: Callable[[int], Callable[[], Awaitable[httpx.Response]]]) -> dict[str, float | str]:
    limit = asyncio.Semaphore(concurrency)

    async def one(i: int) -> float:
        async with limit:
            return await _timed(make_call(i))

    start = time.perf_counter()
    latencies = list(await asyncio.gather(*(one(i) for i in range(n))))
    return summary(name, latencies, time.perf_counter() - start)


async def run(rasa_url: str, web_url: str, n: int) -> list[dict[str, float | str]]:
    async with httpx.AsyncClient(timeout=60.0) as client:
        def parse(i: int) -> Callable[[], Awaitable[httpx.Response]]:
            return lambda: client.post(f"{rasa_url}/model/parse", json={"text": MESSAGES[i % len(MESSAGES)]})

        def turn(senders: int) -> Callable[[int], Callable[[], Awaitable[httpx.Response]]]:
            ids = [f"bench-{uuid.uuid4().hex[:8]}" for _ in range(senders)]
            return lambda i: (lambda: client.post(f"{web_url}/webhooks/rest/webhook", json={
                "sender": ids[i % senders], "message": MESSAGES[i % len(MESSAGES)]}))

        await measure("warm-up", 6, 1, turn(1))
        return [
            await measure("parse (Rasa /model/parse), 1 sender", n, 1, parse),
            await measure("full REST turn via gateway, 1 sender", n, 1, turn(1)),
            await measure("full REST turn via gateway, 10 senders", n * 2, 10, turn(10)),
        ]


def print_table(rows: list[dict[str, float | str]]) -> None:
    print(f"{'measurement':<42} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'msg/s':>7}")
    for row in rows:
        print(f"{row['name']:<42} {row['n']:>5} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['msg_per_s']:>7}")


def bench(rasa_url: str, web_url: str, n: int, report: Path) -> int:
    print(f"Benchmarking Rasa at {rasa_url} and the gateway at {web_url} ({n} requests each) ...", flush=True)
    rows = asyncio.run(run(rasa_url, web_url, n))
    print_table(rows)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps({"results": rows}, indent=2), encoding="utf-8")
    print(f"Report written to {report}")
    return 0
