"""`python -m bot soak`: a bounded load test that watches the services' memory for a growth trend.

N simulated people chat through the gateway for a fixed time (each sends, waits for the answer, thinks,
sends again). Every few seconds the resident memory of each service process (with its children) is read
from /proc, together with the turns, errors and latency since the previous sample. Afterwards each
process's memory gets a verdict (bot/measure/soak_trend.py). Failed turns or a growing process fail the run.
"""
from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Collection
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

import httpx

from bot.chat.messages import fallback, messages
from bot.chat.validation import CLIENT_TURN_WAIT_S
from bot.measure import report_files
from bot.measure.load import MESSAGES, TURNS_PER_CONVERSATION, Sender, paced, percentile
from bot.measure.procmem import children_by_parent, process_tree, tree_rss_mb
from bot.measure.soak_trend import GROWTH, TOO_FEW, Trend, trend, warm_up_s

# Besides bench's questions: greetings and thanks, and short conversations whose later turns build on
# the earlier ones (a script never crosses into a sender's next conversation).
GREETINGS = ("hallo", "hoi, wie ben jij?", "goedemorgen", "hello, can you help me?", "dank je wel", "thanks")
FOLLOW_UPS = (
    ("Ik werk als fysiotherapeut in een praktijk.", "Welke meldcode-route past bij mijn vak?",
     "Bij wie kan ik sparren over een moeilijke situatie?"),
    ("ik ben 13 jaar", "mijn vader gooit dingen naar me als hij boos is"),
    ("Mijn vriendin controleert al maanden mijn geld.", "Ze leest mijn berichten. Ziet zij wat ik hier typ?"),
    ("I'm a teacher and a pupil told me her stepfather hits her.", "Do I have to report this?"),
    ("mijn zus ziet haar vriendinnen niet meer sinds ze met hem samenwoont", "wat kan ik voor haar doen?", "bedankt"),
)
SCRIPTS: tuple[tuple[str, ...], ...] = (*((m,) for m in (*MESSAGES, *GREETINGS)), *FOLLOW_UPS)


@dataclass(frozen=True)
class SoakPlan:
    seconds: float = 600.0
    senders: int = 20
    sample_s: float = 10.0
    think_s: float = 2.0  # mean; each pause is 0.5-1.5 x this

    def __post_init__(self) -> None:
        if self.seconds <= 0 or self.sample_s <= 0 or self.senders < 1 or self.think_s < 0:
            raise ValueError("duration, sample interval and senders must be positive, think time not negative")


class SoakSender(Sender):
    """A sender that draws scripts at random: one question, or a few turns of one conversation."""

    prefix = "soak"

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._script: list[str] = []
        super().__init__()

    def _pick(self) -> str:
        if not self._script:
            left = TURNS_PER_CONVERSATION - self.turns % TURNS_PER_CONVERSATION
            self._script = list(self._rng.choice([s for s in SCRIPTS if len(s) <= left]))
        return self._script.pop(0)


@dataclass
class Recorder:
    """Turns as they complete: totals for the run, and the latencies since the last sample."""

    turns: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    _sampled: int = field(default=0, init=False, repr=False)  # latencies_ms[:_sampled]: earlier samples

    def add(self, latency_ms: float, problem: Optional[str]) -> None:
        self.turns += 1
        self.latencies_ms.append(latency_ms)
        if problem:
            self.errors[problem] += 1

    def since_last_sample(self) -> list[float]:
        recent = self.latencies_ms[self._sampled:]
        self._sampled = len(self.latencies_ms)
        return recent


@dataclass
class Sample:
    elapsed_s: float
    rss_mb: dict[str, Optional[float]]  # None: no reading (the process is gone)
    turns: int  # so far
    errors: int  # so far
    p50_ms: Optional[float]  # of the turns since the previous sample, failed ones too (None: no turns)
    p95_ms: Optional[float]


@dataclass
class SoakOutcome:
    plan: SoakPlan
    web_url: str
    samples: list[Sample]
    turns: int
    errors: dict[str, int]  # by kind
    latency_ms: dict[str, float]  # p50 / p95 / p99 of every turn
    wall_s: float
    trends: dict[str, Trend]

    def failures(self) -> list[str]:
        found = []
        if self.errors:
            found.append(f"{sum(self.errors.values())} failed turns: {dict(self.errors)}")
        for name, result in self.trends.items():
            if result.verdict == GROWTH:
                found.append(f"{name}: memory grows {result.slope_mb_per_min} MB/min")
            missing = sum(s.rss_mb.get(name) is None for s in self.samples)
            if missing:
                found.append(f"{name}: no memory reading in {missing} samples (process gone?)")
        return found


def fallback_texts() -> frozenset[str]:
    """The gateway's safe fallback answer, in every language it has."""
    return frozenset(fallback(language).strip() for language in messages()["fallback"])


def reply_problem(status: int, body: object, fallbacks: Collection[str]) -> Optional[str]:
    """Why this gateway answer counts as a failed turn, or None when it is a real answer."""
    if status != 200:
        return f"HTTP {status}"
    if not isinstance(body, list) or not body:
        return "empty reply"
    if any(isinstance(reply, dict) and str(reply.get("text", "")).strip() in fallbacks for reply in body):
        return "safe fallback"
    return None


def _json_or_none(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return None


def _turn_call(client: httpx.AsyncClient, web_url: str, senders: list[SoakSender],
               recorder: Recorder) -> Callable[[int, int], Awaitable[None]]:
    fallbacks = fallback_texts()

    async def call(w: int, i: int) -> None:
        sender, message = senders[w].next_message()
        start = time.perf_counter()
        try:
            response = await client.post(f"{web_url}/webhooks/rest/webhook",
                                         json={"sender": sender, "message": message, "metadata": {"channel": "soak"}})
            problem = reply_problem(response.status_code, _json_or_none(response), fallbacks)
        except httpx.HTTPError as error:
            problem = type(error).__name__
        recorder.add((time.perf_counter() - start) * 1000, problem)
    return call


def read_rss(pids: dict[str, int]) -> dict[str, Optional[float]]:
    """RSS in MB of each named process together with its children."""
    if not pids:
        return {}
    children = children_by_parent()
    readings = {name: tree_rss_mb(pid, children)[0] for name, pid in pids.items()}
    return {name: None if mb is None else round(mb, 1) for name, mb in readings.items()}


def take_sample(elapsed_s: float, pids: dict[str, int], recorder: Recorder) -> Sample:
    recent = recorder.since_last_sample()
    p50, p95 = (round(percentile(recent, q), 1) for q in (0.50, 0.95)) if recent else (None, None)
    return Sample(round(elapsed_s, 1), read_rss(pids), recorder.turns, sum(recorder.errors.values()), p50, p95)


def progress_line(sample: Sample) -> str:
    p95 = "-" if sample.p95_ms is None else f"{sample.p95_ms:.0f}"
    rss = "  ".join(f"{name} {'gone' if mb is None else f'{mb:.0f}'}" for name, mb in sample.rss_mb.items())
    return (f"{sample.elapsed_s:6.0f} s  turns {sample.turns:5}  errors {sample.errors:3}  p95 {p95:>5} ms"
            + (f"  RSS MB: {rss}" if rss else ""))


async def _sample_every(plan: SoakPlan, pids: dict[str, int], recorder: Recorder, samples: list[Sample],
                        progress: Callable[[str], None]) -> None:
    """A sample at the start (memory before the load) and every sample_s until the senders stop."""
    started = time.perf_counter()
    for k in range(int(plan.seconds // plan.sample_s) + 1):
        await asyncio.sleep(max(0.0, started + k * plan.sample_s - time.perf_counter()))
        samples.append(take_sample(time.perf_counter() - started, pids, recorder))
        progress(progress_line(samples[-1]))


async def _load(web_url: str, plan: SoakPlan, pids: dict[str, int],
                progress: Callable[[str], None]) -> tuple[list[Sample], Recorder, float]:
    recorder, samples = Recorder(), list[Sample]()
    rng = random.Random(11)
    senders = [SoakSender(rng) for _ in range(plan.senders)]
    limits = httpx.Limits(max_connections=max(100, plan.senders), max_keepalive_connections=max(20, plan.senders))
    async with httpx.AsyncClient(timeout=CLIENT_TURN_WAIT_S, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(_sample_every(plan, pids, recorder, samples, progress),
                             paced(plan.seconds, plan.senders, plan.think_s,
                                   _turn_call(client, web_url, senders, recorder)))
    return samples, recorder, time.perf_counter() - started


def describe(pids: dict[str, int]) -> str:
    children = children_by_parent()
    sizes = {name: len(process_tree(pid, children)) for name, pid in pids.items()}
    return ", ".join(f"{name} (pid {pids[name]}, {n} process{'es' if n > 1 else ''})" for name, n in sizes.items())


def trends(samples: list[Sample], names: list[str], run_s: float) -> dict[str, Trend]:
    times = [s.elapsed_s for s in samples]
    return {name: trend(times, [s.rss_mb.get(name) for s in samples], run_s) for name in names}


def run_soak(web_url: str, plan: SoakPlan, pids: dict[str, int],
             progress: Callable[[str], None] = lambda line: None) -> SoakOutcome:
    samples, recorder, wall_s = asyncio.run(_load(web_url, plan, pids, progress))
    latency = {f"p{round(q * 100)}": round(percentile(recorder.latencies_ms, q), 1)
               for q in (0.50, 0.95, 0.99)} if recorder.latencies_ms else {}
    return SoakOutcome(plan, web_url, samples, recorder.turns, dict(recorder.errors), latency, round(wall_s, 1),
                       trends(samples, list(pids), plan.seconds))


def _cell(value: Optional[float], spec: str = ".1f") -> str:
    return "-" if value is None else format(value, spec)


def print_summary(outcome: SoakOutcome) -> None:
    latency = ", ".join(f"{key} {value:.0f} ms" for key, value in outcome.latency_ms.items()) or "-"
    errors = f"{sum(outcome.errors.values())} errors" + (f" {outcome.errors}" if outcome.errors else "")
    print(f"\n{outcome.turns} turns in {outcome.wall_s:.0f} s ({outcome.turns / outcome.wall_s:.1f}/s), {errors}; "
          f"latency {latency}")
    if not outcome.trends:
        print("Memory was not sampled.")
        return
    header = ("process", "samples", "first MB", "last MB", "peak MB", "MB/min", "growth MB", "limit MB",
              "1st third", "last third", "verdict")
    print("{:<10} {:>7} {:>9} {:>8} {:>8} {:>7} {:>9} {:>8} {:>9} {:>10}  {}".format(*header))
    for name, result in outcome.trends.items():
        series = [mb for mb in (s.rss_mb.get(name) for s in outcome.samples) if mb is not None]
        first, last, peak = (series[0], series[-1], max(series)) if series else (None, None, None)
        print(f"{name:<10} {len(series):>7} {_cell(first):>9} {_cell(last):>8} {_cell(peak):>8} "
              f"{_cell(result.slope_mb_per_min, '+.2f'):>7} {_cell(result.growth_mb):>9} {_cell(result.limit_mb):>8} "
              f"{_cell(result.first_third_mb):>9} {_cell(result.last_third_mb):>10}  {result.verdict}")
    if any(r.verdict == TOO_FEW for r in outcome.trends.values()):
        print(f"(no trend before the warm-up of {warm_up_s(outcome.plan.seconds):.0f} s is over: run longer)")


def write_report(outcome: SoakOutcome, report: Path) -> None:
    from bot.measure.soak_plot import plot
    body = {**asdict(outcome), "warm_up_s": warm_up_s(outcome.plan.seconds), "failures": outcome.failures()}
    report_files.write_report(body, report, lambda path: plot(outcome, path))


def parse_pids(values: Optional[list[str]]) -> dict[str, int]:
    """--pid NAME=PID options as {name: pid}."""
    pids: dict[str, int] = {}
    for value in values or []:
        name, _, pid = value.partition("=")
        if not name or not pid.isdigit():
            raise SystemExit(f"--pid must look like NAME=PID, e.g. rasa=1234, got {value!r}")
        pids[name] = int(pid)
    return pids


def _soak_and_report(web_url: str, plan: SoakPlan, pids: dict[str, int], report: Path) -> int:
    print(f"Soak against {web_url}: {plan.senders} senders for {plan.seconds / 60:.3g} min, think {plan.think_s:g} s, "
          f"a sample every {plan.sample_s:g} s", flush=True)
    if not pids:
        print("No processes to sample (neither --start nor --pid): measuring errors and latency only.", flush=True)
    else:
        print(f"Sampling RSS with children: {describe(pids)}", flush=True)
    outcome = run_soak(web_url, plan, pids, lambda line: print("  " + line, flush=True))
    print_summary(outcome)
    write_report(outcome, report)
    failures = outcome.failures()
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


def soak(web_url: str, plan: SoakPlan, pids: dict[str, int], report: Path, start: bool) -> int:
    """The CLI command: with `start`, start the bot, sample its services (and `pids`), stop it afterwards."""
    if not start:
        return _soak_and_report(web_url, plan, pids, report)
    from bot.operate.launcher import Stack
    from bot.settings import load_settings
    settings = load_settings()
    stack = Stack(settings, log_dir=settings.var_dir / "logs")
    print("Starting the bot ...", flush=True)
    stack.start()
    try:
        return _soak_and_report(settings.web_url, plan, {**stack.pids(), **pids}, report)
    finally:
        stack.stop()
