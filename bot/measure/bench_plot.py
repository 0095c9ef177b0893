"""Plot of a benchmark run: p50/p95 per measurement and concurrency level, as SVG."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)

from bot.measure.load import Result  # noqa: E402


def plot(results: list[Result], path: Path) -> Path:
    kinds = list(dict.fromkeys(r.kind for r in results))
    figure, axes = plt.subplots(1, len(kinds), figsize=(4 * len(kinds), 3.6), squeeze=False)
    for axis, kind in zip(axes[0], kinds, strict=True):
        rows = [r for r in results if r.kind == kind]
        labels = [str(r.concurrency) for r in rows]
        positions = range(len(rows))
        axis.bar([p - 0.2 for p in positions], [r.p50_ms for r in rows], width=0.4, label="p50")
        axis.bar([p + 0.2 for p in positions], [r.p95_ms for r in rows], width=0.4, label="p95")
        axis.set_xticks(list(positions), labels)
        axis.set_xlabel("concurrent senders")
        axis.set_ylabel("ms")
        axis.set_title(rows[0].name, fontsize=9)
        axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, format="svg")
    plt.close(figure)
    return path
