"""Weekly opening hours in local time (Europe/Amsterdam by default): is a line usually open at a moment?

The clock is passed in (an aware datetime), so tests can fix it; local wall-clock time comes from
zoneinfo, so daylight saving time is handled by the time zone database, not by hand.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_PART = re.compile(r"^\s*([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$")
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class Interval:
    """Open from `start` (inclusive) to `end` (exclusive), local wall-clock time."""

    start: dt.time
    end: dt.time

    def contains(self, moment: dt.time) -> bool:
        return self.start <= moment < self.end

    def label(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


Week = tuple[tuple[Interval, ...], ...]  # seven entries, Monday first


@dataclass(frozen=True)
class OpeningHours:
    week: Week
    timezone: str = "Europe/Amsterdam"
    closed_dates: frozenset[dt.date] = frozenset()
    url: str = "https://www.veiligthuis.nl"

    @property
    def always(self) -> bool:
        return all(day == (Interval(dt.time(0, 0), dt.time.max),) for day in self.week) and not self.closed_dates

    def _local(self, now: dt.datetime) -> dt.datetime:
        if now.tzinfo is None:
            raise ValueError("the clock must give an aware datetime")
        return now.astimezone(ZoneInfo(self.timezone))

    def is_open(self, now: dt.datetime) -> bool:
        local = self._local(now)
        if local.date() in self.closed_dates:
            return False
        return any(interval.contains(local.time()) for interval in self.week[local.weekday()])

    def next_opening(self, now: dt.datetime, horizon_days: int = 21) -> dt.datetime | None:
        """The next moment (aware, local time) the chat opens after `now`; None if not within the horizon."""
        local = self._local(now)
        zone = ZoneInfo(self.timezone)
        for offset in range(horizon_days + 1):
            day = local.date() + dt.timedelta(days=offset)
            if day in self.closed_dates:
                continue
            for interval in self.week[day.weekday()]:
                start = dt.datetime.combine(day, interval.start, tzinfo=zone)
                if start > local:
                    return start
        return None

    def describe(self, day_names: Sequence[str], through: str) -> str:
        """E.g. "maandag t/m vrijdag 09:00-17:00", from the names of the seven days (Monday first)."""
        parts = []
        for first, last, intervals in _runs(self.week):
            days = day_names[first] if first == last else f"{day_names[first]} {through} {day_names[last]}"
            parts.append(f"{days} {', '.join(interval.label() for interval in intervals)}")
        return "; ".join(parts)


def _runs(week: Week) -> list[tuple[int, int, tuple[Interval, ...]]]:
    """Consecutive days with the same (non-empty) hours, as (first day, last day, intervals)."""
    runs: list[tuple[int, int, tuple[Interval, ...]]] = []
    for day, intervals in enumerate(week):
        if not intervals:
            continue
        if runs and runs[-1][1] == day - 1 and runs[-1][2] == intervals:
            runs[-1] = (runs[-1][0], day, intervals)
        else:
            runs.append((day, day, intervals))
    return runs


def _clock_time(text: str) -> dt.time:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours == 24 and minutes == 0:
        return dt.time.max
    return dt.time(hours, minutes)


def parse_week(spec: str) -> Week:
    """Parse "mon-fri 09:00-17:00; sat 10:00-14:00" (parts separated by ; or ,); "closed": never open;
    "always": day and night."""
    days: list[list[Interval]] = [[] for _ in DAYS]
    if spec.strip().lower() == "closed":
        return tuple(() for _ in DAYS)
    if spec.strip().lower() == "always":
        spec = "mon-sun 00:00-24:00"
    for part in filter(str.strip, re.split(r"[;,]", spec.lower())):
        match = _PART.match(part)
        if not match or match.group(1) not in DAYS or (match.group(2) and match.group(2) not in DAYS):
            raise ValueError(f"cannot read opening hours {part.strip()!r}: use e.g. 'mon-fri 09:00-17:00'")
        first = DAYS.index(match.group(1))
        last = DAYS.index(match.group(2) or match.group(1))
        if last < first:
            raise ValueError(f"day range {part.strip()!r} runs backwards")
        interval = Interval(_clock_time(match.group(3)), _clock_time(match.group(4)))
        if interval.end <= interval.start:
            raise ValueError(f"opening hours {part.strip()!r} end before they start")
        for day in range(first, last + 1):
            days[day].append(interval)
    return tuple(tuple(sorted(intervals, key=lambda i: i.start)) for intervals in days)


def parse_dates(raw: object) -> frozenset[dt.date]:
    if not raw:
        return frozenset()
    items = raw.split(",") if isinstance(raw, str) else list(raw)  # type: ignore[call-overload]
    return frozenset(item if isinstance(item, dt.date) else dt.date.fromisoformat(str(item).strip())
                     for item in items if str(item).strip())
