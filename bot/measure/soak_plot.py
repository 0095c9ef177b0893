"""Plot of a soak run: RSS of each process over time, and the latency per sample interval, as SVG."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
from matplotlib.axes import Axes  # noqa: E402

from bot.measure.soak_trend import Trend, warm_up_s  # noqa: E402


class SoakOutcome(Protocol):
    """What the plot reads of bot.measure.soak.SoakOutcome (declared here, so the plot does not import the soak)."""
    samples: list[Any]
    trends: dict[str, Trend]
    plan: Any


def _rss(axis: Axes, outcome: SoakOutcome, name: str) -> None:
    points = [(s.elapsed_s / 60, s.rss_mb[name]) for s in outcome.samples if s.rss_mb.get(name) is not None]
    axis.plot([t for t, _ in points], [mb for _, mb in points], marker=".", linewidth=1)
    result = outcome.trends[name]
    slope = "" if result.slope_mb_per_min is None else f", {result.slope_mb_per_min:+.2f} MB/min after warm-up"
    axis.set_title(f"{name}: {result.verdict}{slope}", fontsize=9)
    axis.set_ylabel("RSS MB")


def _latency(axis: Axes, outcome: SoakOutcome) -> None:
    for key in ("p50_ms", "p95_ms"):
        points = [(s.elapsed_s / 60, getattr(s, key)) for s in outcome.samples if getattr(s, key) is not None]
        axis.plot([t for t, _ in points], [ms for _, ms in points], marker=".", linewidth=1, label=key[:3])
    axis.set_title(f"turn latency per interval ({outcome.plan.senders} senders)", fontsize=9)
    axis.set_ylabel("ms")
    axis.legend(fontsize=8)


def plot(outcome: SoakOutcome, path: Path) -> Path:
    names = list(outcome.trends)
    rows = len(names) + 1
    figure, axes = plt.subplots(rows, 1, figsize=(7, 1.9 * rows + 0.4), sharex=True, squeeze=False)
    for axis, name in zip(axes[:-1, 0], names, strict=True):
        _rss(axis, outcome, name)
    _latency(axes[-1, 0], outcome)
    warm_up_min = min(warm_up_s(outcome.plan.seconds), outcome.plan.seconds) / 60
    for axis in axes[:, 0]:
        axis.axvspan(0, warm_up_min, color="0.92", zorder=0)
    axes[-1, 0].set_xlabel("minutes (grey: warm-up, left out of the trend)")
    figure.tight_layout()
    figure.savefig(path, format="svg")
    plt.close(figure)
    return path
