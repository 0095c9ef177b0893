"""Does a process's memory grow during a soak? A least-squares slope over the samples after a warm-up."""
from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

WARM_UP_FRACTION = 0.2  # of the run ...
WARM_UP_MIN_S = 60.0  # ... or this, whichever is longer: start-up caches and first conversations settle
GROWTH_FRACTION = 0.05  # growth over the measured span that counts: 5% of the mean RSS ...
GROWTH_MIN_MB = 20.0  # ... but at least this, so allocator noise of a small process does not count
MIN_POINTS = 3  # one per third

FLAT, GROWTH, TOO_FEW = "flat", "growth", "too few samples"


@dataclass(frozen=True)
class Trend:
    verdict: str  # FLAT, GROWTH or TOO_FEW
    points: int  # samples after the warm-up
    slope_mb_per_min: Optional[float] = None
    span_min: Optional[float] = None
    growth_mb: Optional[float] = None  # slope x span: growth the fit says happened after the warm-up
    limit_mb: Optional[float] = None  # growth above this (and a higher last third) is a "growth" verdict
    mean_mb: Optional[float] = None
    first_third_mb: Optional[float] = None
    last_third_mb: Optional[float] = None


def warm_up_s(run_s: float) -> float:
    return max(WARM_UP_FRACTION * run_s, WARM_UP_MIN_S)


def after_warm_up(times_s: Sequence[float], values_mb: Sequence[Optional[float]],
                  run_s: float) -> list[tuple[float, float]]:
    """(time, value) pairs past the warm-up; the first sample never counts, missing values are skipped."""
    start = warm_up_s(run_s)
    return [(t, v) for i, (t, v) in enumerate(zip(times_s, values_mb, strict=True))
            if i > 0 and t >= start and v is not None]


def trend(times_s: Sequence[float], values_mb: Sequence[Optional[float]], run_s: float) -> Trend:
    """Verdict on one process's RSS series (`times_s` in seconds since the start of a run of `run_s` seconds)."""
    points = after_warm_up(times_s, values_mb, run_s)
    if len(points) < MIN_POINTS:
        return Trend(TOO_FEW, len(points))
    minutes = [t / 60 for t, _ in points]
    values = [v for _, v in points]
    slope = statistics.linear_regression(minutes, values).slope
    span = minutes[-1] - minutes[0]
    third = len(values) // 3
    first, last = statistics.fmean(values[:third]), statistics.fmean(values[-third:])
    mean = statistics.fmean(values)
    limit = max(GROWTH_FRACTION * mean, GROWTH_MIN_MB)
    growing = slope * span > limit and last > first
    return Trend(GROWTH if growing else FLAT, len(points), round(slope, 3), round(span, 2), round(slope * span, 1),
                 round(limit, 1), round(mean, 1), round(first, 1), round(last, 1))
