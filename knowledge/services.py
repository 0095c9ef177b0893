"""The table of help lines (knowledge/services.yml) and the placeholders that put it into texts.

``{vt.phone}``, ``{kt.hours}``, ``{counts.vt_organisations}`` in an entry or handoff text are replaced by
the table's value in the text's language, so a number or an hour is written down once. Placeholders of
the live namespace ``{now.*}`` are left for the action server, which fills them with the clock.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.hours import Interval, OpeningHours, parse_week

SERVICES_FILE = Path(__file__).with_name("services.yml")
PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\.([a-z0-9_]+)\}")
LIVE_NAMESPACE = "now"
_ALWAYS = (Interval(dt.time(0, 0), dt.time.max),)


@dataclass(frozen=True)
class Service:
    key: str
    name: dict[str, str]
    hours_spec: str
    purpose: dict[str, str]
    facts: str
    phone: str = ""
    phone2: str = ""
    url: str = ""
    ages: str = ""
    staffed: bool = True

    @property
    def known_hours(self) -> bool:
        return self.hours_spec not in ("unknown",)

    def opening(self, timezone: str) -> OpeningHours:
        return OpeningHours(week=parse_week(self.hours_spec if self.known_hours else "closed"), timezone=timezone,
                            url=self.url or "https://www.veiligthuis.nl")


@dataclass(frozen=True)
class ServiceTable:
    services: dict[str, Service]
    counts: dict[str, int]
    count_facts: dict[str, str]
    timezone: str = "Europe/Amsterdam"

    def value(self, namespace: str, field: str, lang: str) -> str | None:
        """The text for {namespace.field} in ``lang``; None for an unknown placeholder."""
        if namespace == "counts":
            return str(self.counts[field]) if field in self.counts else None
        service = self.services.get(namespace)
        if service is None:
            return None
        return _field(service, field, lang, self.timezone)

    def render(self, text: str, lang: str) -> str:
        """Fill every table placeholder; raises KeyError naming the first unknown one."""
        def fill(match: re.Match[str]) -> str:
            namespace, field = match.groups()
            if namespace == LIVE_NAMESPACE:
                return match.group(0)
            value = self.value(namespace, field, lang)
            if value is None:
                raise KeyError(f"unknown placeholder {match.group(0)} (see {SERVICES_FILE.name})")
            return value
        return PLACEHOLDER.sub(fill, text)

    def phones(self) -> set[str]:
        """Every number in the table, digits only."""
        return {digits(p) for s in self.services.values() for p in (s.phone, s.phone2) if p}


def digits(text: str) -> str:
    return re.sub(r"\D", "", text.replace("+31", "0")) if text.startswith("+31") else re.sub(r"\D", "", text)


def clock_label(moment: dt.time, lang: str) -> str:
    if moment == dt.time.max:
        return "24" if lang == "nl" else "24:00"
    if lang == "nl":
        return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02d}"
    return f"{moment.hour}:{moment.minute:02d}"


def interval_label(interval: Interval, lang: str) -> str:
    if lang == "nl":
        return f"van {clock_label(interval.start, lang)} tot {clock_label(interval.end, lang)} uur"
    return f"from {clock_label(interval.start, lang)} to {clock_label(interval.end, lang)}"


_DAY_GROUPS = {
    "nl": {7: "elke dag", 5: "op werkdagen"},
    "en": {7: "every day", 5: "on weekdays"},
}
_UNKNOWN = {"nl": "tijden niet door ons gecontroleerd: kijk op de website",
            "en": "hours not checked by us: see the website"}
_ALWAYS_LABEL = {"nl": "dag en nacht", "en": "day and night"}


def hours_label(spec: str, lang: str) -> str:
    """Plain words for a week spec: "dag en nacht", "elke dag van 11 tot 21 uur", ..."""
    lang = lang if lang in _DAY_GROUPS else "nl"
    if spec == "unknown":
        return _UNKNOWN[lang]
    week = parse_week(spec)
    if all(day == _ALWAYS for day in week):
        return _ALWAYS_LABEL[lang]
    open_days = [i for i, day in enumerate(week) if day]
    first = week[open_days[0]]
    same = all(week[i] == first for i in open_days)
    group = _DAY_GROUPS[lang].get(len(open_days))
    if same and len(first) == 1 and group and (len(open_days) == 7 or open_days == [0, 1, 2, 3, 4]):
        return f"{group} {interval_label(first[0], lang)}"
    raise ValueError(f"hours {spec!r} have no plain label yet; extend knowledge/services.py")


def _field(service: Service, field: str, lang: str, timezone: str) -> str | None:
    values: dict[str, str] = {
        "phone": service.phone, "phone2": service.phone2, "url": service.url.removeprefix("https://"),
        "ages": service.ages, "name": service.name.get(lang) or service.name["nl"],
        "for": service.purpose.get(lang) or service.purpose["nl"],
        "hours": hours_label(service.hours_spec, lang),
    }
    if "-" in service.ages:
        low, high = service.ages.split("-")
        values["ages"] = f"{low} tot {high} jaar" if lang == "nl" else f"{low} to {high}"
    value = values.get(field)
    return value or None


def _service(key: str, raw: Mapping[str, Any]) -> Service:
    service = Service(
        key=key, name=dict(raw["name"]), hours_spec=str(raw["hours"]).strip(), purpose=dict(raw["for"]),
        facts=str(raw["facts"]), phone=str(raw.get("phone") or ""), phone2=str(raw.get("phone2") or ""),
        url=str(raw.get("url") or ""), ages=str(raw.get("ages") or ""), staffed=bool(raw.get("staffed", True)),
    )
    if service.known_hours:
        parse_week(service.hours_spec)  # fail early on a bad spec
    return service


def parse_table(data: Mapping[str, Any]) -> ServiceTable:
    services = {key: _service(key, raw) for key, raw in data["services"].items()}
    counts = {key: int(raw["value"]) for key, raw in data["counts"].items()}
    count_facts = {key: str(raw["facts"]) for key, raw in data["counts"].items()}
    return ServiceTable(services, counts, count_facts, str(data.get("timezone", "Europe/Amsterdam")))


@lru_cache(maxsize=4)
def load_table(path: Path = SERVICES_FILE) -> ServiceTable:
    with open(path, encoding="utf-8") as handle:
        return parse_table(yaml.safe_load(handle))
