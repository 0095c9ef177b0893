"""The soak's memory verdict (bot/measure/soak_trend.py) on made-up RSS series, 10 minutes sampled every 10 s."""
from __future__ import annotations

import random

from bot.measure.soak_trend import FLAT, GROWTH, TOO_FEW, after_warm_up, trend, warm_up_s

RUN_S = 600.0
TIMES = [10.0 * k for k in range(61)]  # 0, 10, ..., 600 s


def noisy(base_mb: float, per_min_mb: float = 0.0, noise_mb: float = 5.0, seed: int = 1) -> list[float]:
    rng = random.Random(seed)
    return [base_mb + per_min_mb * t / 60 + rng.uniform(-noise_mb, noise_mb) for t in TIMES]


def test_warm_up_is_a_fifth_of_the_run_but_at_least_a_minute():
    assert warm_up_s(600) == 120
    assert warm_up_s(120) == 60


def test_first_sample_and_missing_readings_never_count():
    assert after_warm_up([0.0, 70.0, 80.0], [1.0, None, 3.0], run_s=10.0) == [(80.0, 3.0)]


def test_flat_noisy_series_is_flat():
    result = trend(TIMES, noisy(1300, noise_mb=15), RUN_S)
    assert result.verdict == FLAT
    assert result.points == 49  # 120 s .. 600 s
    assert abs(result.slope_mb_per_min) < 3


def test_steady_leak_is_growth():
    result = trend(TIMES, noisy(200, per_min_mb=4), RUN_S)  # 32 MB over the 8 measured minutes
    assert result.verdict == GROWTH
    assert 3.5 < result.slope_mb_per_min < 4.5
    assert result.growth_mb > result.limit_mb == 20
    assert result.last_third_mb > result.first_third_mb


def test_small_leak_below_five_percent_of_a_large_process_is_flat():
    result = trend(TIMES, noisy(1300, per_min_mb=4), RUN_S)  # 32 MB < 5% of 1.3 GB
    assert result.verdict == FLAT
    assert result.limit_mb > 60


def test_jump_during_warm_up_then_flat_is_flat():
    values = [60.0 if t < 90 else 400.0 for t in TIMES]
    values = [v + noise for v, noise in zip(values, noisy(0, noise_mb=2), strict=True)]
    result = trend(TIMES, values, RUN_S)
    assert result.verdict == FLAT
    assert result.first_third_mb > 390


def test_too_few_samples_is_a_verdict_not_a_crash():
    short = trend([0.0, 5.0, 10.0, 15.0, 20.0], [50.0, 60.0, 70.0, 80.0, 90.0], run_s=20.0)
    assert short.verdict == TOO_FEW
    assert short.points == 0
    assert short.slope_mb_per_min is None
    assert trend([], [], RUN_S).verdict == TOO_FEW
    assert trend([0.0, 130.0, 140.0], [1.0, 2.0, 3.0], RUN_S).verdict == TOO_FEW  # 2 after the warm-up
