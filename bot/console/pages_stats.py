"""Statistics page; the charts are separate SVG images rendered on the server."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from bot.console import charts
from bot.console.auth import Reviewer, console_state
from bot.console.counts import usage_counts
from bot.console.queries import TIMEZONE, Filters
from bot.console.stats import Stats, compute, date_range
from bot.console.web import render
from bot.store.mode import stores_text

router = APIRouter()
DEFAULT_DAYS = 30
TOP_INTENTS = 20


def _stats(request: Request) -> tuple[Stats, dict[str, str]]:
    filters = Filters.from_params(request.query_params)
    today = dt.datetime.now(TIMEZONE).date()
    date_to = filters.date_to or today
    date_from = filters.date_from or date_to - dt.timedelta(days=DEFAULT_DAYS - 1)
    days = date_range(date_from, date_to)
    state = console_state(request)
    stats = compute(state.store.summaries(), days, state.signals, state.handoff_ids())
    return stats, {"date_from": days[0].isoformat(), "date_to": days[-1].isoformat()}


def _counts_page(request: Request, session: Reviewer) -> HTMLResponse:
    """WEGWIJS_STORE=none: no conversations to read, only counts per pathway and intent."""
    filters = Filters.from_params(request.query_params)
    date_to = filters.date_to or dt.datetime.now(TIMEZONE).date()
    days = date_range(filters.date_from or date_to - dt.timedelta(days=DEFAULT_DAYS - 1), date_to)
    counts = usage_counts(console_state(request).tracker.engine, days[0], days[-1])
    params = {"date_from": days[0].isoformat(), "date_to": days[-1].isoformat()}
    return render(request, "counts.html", session, params=params,
                  conversations=sum(counts.get("conversation", {}).values()),
                  pathways=counts.get("pathway", Counter()).most_common(),
                  intents=counts.get("intent", Counter()).most_common(TOP_INTENTS))


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, session: Reviewer) -> HTMLResponse:
    if not stores_text():
        return _counts_page(request, session)
    stats, params = _stats(request)
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return render(request, "stats.html", session, stats=stats, params=params, query=query,
                  intents=stats.intents.most_common(TOP_INTENTS), pathways=stats.pathways.most_common(),
                  roles=stats.roles.most_common(), p50=stats.latency_percentile(0.5),
                  p95=stats.latency_percentile(0.95))


def _chart(name: str, stats: Stats) -> str:
    if name == "per_day":
        return charts.daily(stats.days, {"gesprekken": stats.per_day}, "gesprekken")
    if name == "safety":
        labels = {"acute": "acuut gevaar (112)", "suicide": "suïcide (113)"}
        return charts.daily(stats.days, {labels.get(k, k): v for k, v in stats.safety_per_day.items()},
                            "gesprekken met vangnet")
    if name == "intents":
        top = stats.intents.most_common(TOP_INTENTS)
        return charts.horizontal([k for k, _ in top], [v for _, v in top], "berichten")
    if name == "roles":
        roles = stats.roles.most_common()
        return charts.horizontal([k for k, _ in roles], [v for _, v in roles], "gesprekken")
    if name == "rates":
        return charts.horizontal(list(stats.rates), list(stats.rates.values()), "% van de gesprekken", percent=True)
    if name == "pathways":
        pathways = stats.pathways.most_common()
        return charts.horizontal([k for k, _ in pathways], [v for _, v in pathways], "gesprekken")
    if name == "latency":
        return charts.histogram(stats.latencies, "seconden tot het eerste antwoord")
    raise HTTPException(status_code=404, detail="Onbekende grafiek.")


@router.get("/stats/charts/{name}.svg")
def stats_chart(request: Request, name: str, session: Reviewer) -> Response:
    stats, _ = _stats(request)
    return Response(_chart(name, stats), media_type="image/svg+xml")
