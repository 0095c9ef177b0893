"""Load generation shared by bench, soak and their tests: simulated senders, closed-loop and paced runs,
and latency summaries."""
from __future__ import annotations

import asyncio
import random
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

MESSAGES = [
    "mijn buurman slaat zijn vrouw, wat kan ik doen?",
    "Wat houdt stap 2 van de meldcode in?",
    "ik ben 13 en mijn vader slaat me",
    "Is Veilig Thuis anoniem?",
    "Wat is de kindcheck?",
    "weerbericht morgen",
    "my neighbour hits his wife, what can I do?",
    "wat gebeurt er na een melding?",
]
TURNS_PER_CONVERSATION = 10  # a sender starts a new conversation after this many turns


@dataclass
class Result:
    name: str
    kind: str  # parse | retrieval | turn | turn-paced
    concurrency: int
    n: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    msg_per_s: float
    errors: int = 0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summarise(name: str, kind: str, concurrency: int, latencies_ms: list[float], wall_s: float,
              errors: int = 0) -> Result:
    if not latencies_ms:
        return Result(name, kind, concurrency, 0, 0, 0, 0, 0, 0, errors)
    return Result(
        name=name, kind=kind, concurrency=concurrency, n=len(latencies_ms),
        p50_ms=round(percentile(latencies_ms, 0.50), 1), p95_ms=round(percentile(latencies_ms, 0.95), 1),
        p99_ms=round(percentile(latencies_ms, 0.99), 1), mean_ms=round(statistics.fmean(latencies_ms), 1),
        msg_per_s=round(len(latencies_ms) / wall_s, 1), errors=errors,
    )


class Sender:
    """One simulated person: a sender id that starts a new conversation every few turns."""

    prefix = "bench"

    def __init__(self) -> None:
        self.turns = 0
        self.sender = self._new_id()

    def _new_id(self) -> str:
        return f"{self.prefix}-{uuid.uuid4().hex[:10]}"

    def _pick(self) -> str:
        """The next message (`self.turns` turns were sent before it)."""
        return MESSAGES[self.turns % len(MESSAGES)]

    def next_message(self) -> tuple[str, str]:
        if self.turns and self.turns % TURNS_PER_CONVERSATION == 0:
            self.sender = self._new_id()
        message = self._pick()
        self.turns += 1
        return self.sender, message


Call = Callable[[int, int], Awaitable[None]]


@dataclass
class Tally:
    """Latencies (ms) of the calls that were answered, and how many failed."""
    latencies: list[float] = field(default_factory=list)
    errors: int = 0

    async def timed(self, call: Call, w: int, i: int) -> None:
        start = time.perf_counter()
        try:
            await call(w, i)
            self.latencies.append((time.perf_counter() - start) * 1000)
        except (httpx.HTTPError, ValueError):
            self.errors += 1


async def closed_loop(total: int, concurrency: int, call: Call) -> tuple[list[float], int, float]:
    """`concurrency` workers share `total` calls; each sends its next as soon as the last is answered."""
    tally = Tally()
    counter = iter(range(total))

    async def worker(w: int) -> None:
        for i in counter:
            await tally.timed(call, w, i)

    start = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(concurrency)))
    return tally.latencies, tally.errors, time.perf_counter() - start


async def paced(seconds: float, senders: int, think_s: float, call: Call) -> tuple[list[float], int, float]:
    """Each sender sends, waits for the reply, then thinks 0.5-1.5 x think_s before the next message."""
    tally = Tally()
    deadline = time.perf_counter() + seconds
    rng = random.Random(7)

    async def person(w: int) -> None:
        await asyncio.sleep(rng.uniform(0, think_s))  # people do not all start in the same millisecond
        i = 0
        while time.perf_counter() < deadline:
            await tally.timed(call, w, i)
            i += 1
            await asyncio.sleep(think_s * rng.uniform(0.5, 1.5))

    start = time.perf_counter()
    await asyncio.gather(*(person(w) for w in range(senders)))
    return tally.latencies, tally.errors, time.perf_counter() - start


