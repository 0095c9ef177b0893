"""Figures for the statistics page, computed from conversation summaries in a date range."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from bot.console.conversations import Summary
from bot.console.queries import local_date
from bot.console.signals import Signals

MAX_RANGE_DAYS = 366


@dataclass
class Stats:
    days: list[dt.date]
    per_day: list[int]
    safety_per_day: dict[str, list[int]]
    intents: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    pathways: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    conversations: int = 0
    messages: int = 0
    handoffs: int = 0
    fallbacks: int = 0
    safety: int = 0

    def rate(self, count: int) -> float:
        return count / self.conversations if self.conversations else 0.0

    @property
    def rates(self) -> dict[str, float]:
        return {"overdracht": self.rate(self.handoffs), "niet begrepen": self.rate(self.fallbacks),
                "vangnet": self.rate(self.safety)}

    def latency_percentile(self, fraction: float) -> float | None:
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def date_range(date_from: dt.date, date_to: dt.date) -> list[dt.date]:
    if date_to < date_from:
        date_from, date_to = date_to, date_from
    date_from = max(date_from, date_to - dt.timedelta(days=MAX_RANGE_DAYS - 1))
    return [date_from + dt.timedelta(days=n) for n in range((date_to - date_from).days + 1)]


def compute(summaries: list[Summary], days: list[dt.date], signals: Signals, handoff_ids: set[str]) -> Stats:
    """Conversations count on the local day they started."""
    index = {day: n for n, day in enumerate(days)}
    kinds = sorted(set(signals.safety_actions.values()))
    stats = Stats(days=days, per_day=[0] * len(days), safety_per_day={k: [0] * len(days) for k in kinds})
    for summary in summaries:
        position = index.get(local_date(summary.started))
        if position is None:
            continue
        _add(stats, summary, position, signals, summary.handed_off(handoff_ids))
    return stats


def _add(stats: Stats, summary: Summary, position: int, signals: Signals, handed_off: bool) -> None:
    stats.per_day[position] += 1
    stats.conversations += 1
    stats.messages += summary.messages
    stats.intents.update(summary.intents)
    stats.roles[signals.role_label(summary.role)] += 1
    stats.pathways.update(summary.pathways)
    stats.latencies.extend(summary.latencies)
    stats.handoffs += handed_off
    stats.fallbacks += summary.fallback
    stats.safety += bool(summary.safety)
    for kind in summary.safety:
        stats.safety_per_day.setdefault(kind, [0] * len(stats.days))[position] += 1
