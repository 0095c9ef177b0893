"""Server-side SVG charts with matplotlib (no JavaScript, no CDN)."""
from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

_RC = {"svg.hashsalt": "wegwijs", "svg.fonttype": "none", "font.size": 9, "axes.spines.top": False,
       "axes.spines.right": False}
_COLOURS = ("#1f5f8b", "#c0392b", "#7d3c98", "#27ae60", "#d68910")
_lock = threading.Lock()  # matplotlib's global state is not thread-safe


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    FigureCanvasSVG(figure).print_svg(buffer, metadata={"Date": None})
    return buffer.getvalue()


def _figure(height: float = 3.0) -> Figure:
    return Figure(figsize=(7.5, height), layout="constrained")


def _empty(axes: object, values: Sequence[float]) -> bool:
    """Write "geen gegevens" on empty axes; True when there was nothing to draw."""
    if any(values):
        return False
    axes.text(0.5, 0.5, "geen gegevens", ha="center", va="center", transform=axes.transAxes)  # type: ignore
    return True


def daily(days: Sequence[dt.date], series: dict[str, Sequence[int]], ylabel: str) -> str:
    """Stacked bars per day, one colour per series."""
    with _lock, matplotlib.rc_context(_RC):
        figure = _figure()
        axes = figure.add_subplot()
        bottom = [0] * len(days)
        for colour, (label, values) in zip(_COLOURS, series.items(), strict=False):
            axes.bar(list(days), list(values), bottom=bottom, label=label, color=colour, width=0.8)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        _empty(axes, bottom)
        axes.set_ylabel(ylabel)
        axes.yaxis.get_major_locator().set_params(integer=True)
        if len(series) > 1:
            axes.legend(frameon=False)
        figure.autofmt_xdate()
        return _svg(figure)


def horizontal(labels: Sequence[str], values: Sequence[float], xlabel: str, percent: bool = False) -> str:
    """Horizontal bars, largest on top."""
    height = max(2.0, 0.28 * len(labels) + 1.0)
    with _lock, matplotlib.rc_context(_RC):
        figure = _figure(height)
        axes = figure.add_subplot()
        shown = [v * 100 for v in values] if percent else list(values)
        axes.barh(list(labels)[::-1], shown[::-1], color=_COLOURS[0])
        _empty(axes, shown)
        axes.set_xlabel(xlabel)
        if not percent:
            axes.xaxis.get_major_locator().set_params(integer=True)
        return _svg(figure)


def histogram(values: Sequence[float], xlabel: str) -> str:
    with _lock, matplotlib.rc_context(_RC):
        figure = _figure()
        axes = figure.add_subplot()
        if not _empty(axes, [1.0] * len(values)):
            axes.hist(list(values), bins=min(30, max(5, len(values) // 5)), color=_COLOURS[0])
        axes.set_xlabel(xlabel)
        axes.set_ylabel("antwoorden")
        return _svg(figure)
