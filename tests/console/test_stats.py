"""Statistics figures and the server-rendered SVG charts."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ElementTree

import pytest

from bot.console.queries import TIMEZONE
from tests.console.conftest import ConsoleEnv

CHARTS = ("per_day", "safety", "intents", "roles", "rates", "pathways", "latency")


def _range() -> str:
    today = dt.datetime.now(TIMEZONE).date()
    return f"date_from={(today - dt.timedelta(days=29)).isoformat()}&date_to={today.isoformat()}"


def test_figures(console: ConsoleEnv) -> None:
    page = console.as_role("reviewer").get(f"/stats?{_range()}").text
    assert re.search(r'id="n-conversations">6<', page)
    assert re.search(r"Vangnet \(112/113\)</th><td>2 \(33%\)", page)
    assert re.search(r"Overdracht</th><td>1 \(17%\)", page)
    assert re.search(r"Niet begrepen</th><td>1 \(17%\)", page)
    for pathway in ("112 (acuut gevaar)", "113 Zelfmoordpreventie", "Veilig Thuis"):
        assert f"<td>{pathway}</td>" in page
    assert "<td>Professional</td><td>1</td>" in page and "<td>Burger</td><td>1</td>" in page


def test_a_narrow_range_counts_only_its_days(console: ConsoleEnv) -> None:
    today = dt.datetime.now(TIMEZONE).date()
    far = (today - dt.timedelta(days=300)).isoformat()
    page = console.as_role("reviewer").get(f"/stats?date_from={far}&date_to={far}").text
    assert 'id="n-conversations">0<' in page


@pytest.mark.parametrize("name", CHARTS)
def test_chart_is_svg(console: ConsoleEnv, name: str) -> None:
    response = console.as_role("reviewer").get(f"/stats/charts/{name}.svg?{_range()}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag.endswith("svg")
    assert "<script" not in response.text and 'href="http' not in response.text  # nothing fetched from elsewhere


def test_intent_chart_names_the_intents(console: ConsoleEnv) -> None:
    svg = console.as_role("reviewer").get(f"/stats/charts/intents.svg?{_range()}").text
    assert "situation_victim" in svg and "ask_meldcode_step" in svg


def test_unknown_chart_is_404(console: ConsoleEnv) -> None:
    assert console.as_role("reviewer").get("/stats/charts/nope.svg").status_code == 404
