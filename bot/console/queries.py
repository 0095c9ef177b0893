"""The conversation list: filters, full-text search and a cache of summaries that grows with the tracker."""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping
from dataclasses import dataclass, fields
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, inspect, select, table
from sqlalchemy import column as sql_column

from bot.console.conversations import Summary, fold
from bot.console.signals import Signals
from bot.console.tracker import TrackerReader

TIMEZONE = ZoneInfo("Europe/Amsterdam")
YES_NO = ("", "yes", "no")
SAFETY = ("", "yes", "acute", "suicide", "no")


def local_date(timestamp: float) -> dt.date:
    return dt.datetime.fromtimestamp(timestamp, TIMEZONE).date()


def day_start(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time(), TIMEZONE).timestamp()


def _date(raw: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _choice(raw: str | None, allowed: tuple[str, ...]) -> str:
    return raw if raw in allowed else ""


@dataclass(frozen=True)
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    intent: str = ""
    safety: str = ""
    fallback: str = ""
    handoff: str = ""
    language: str = ""
    channel: str = ""
    q: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> Filters:
        """Parse query parameters; anything malformed is ignored rather than an error."""
        return cls(
            date_from=_date(params.get("date_from")), date_to=_date(params.get("date_to")),
            intent=params.get("intent", "").strip()[:100], safety=_choice(params.get("safety"), SAFETY),
            fallback=_choice(params.get("fallback"), YES_NO), handoff=_choice(params.get("handoff"), YES_NO),
            language=params.get("language", "").strip()[:20], channel=params.get("channel", "").strip()[:20],
            q=params.get("q", "").strip()[:200],
        )

    def as_params(self) -> dict[str, str]:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items() if v}

    def in_dates(self, summary: Summary) -> bool:
        """The conversation had activity within [date_from, date_to] (local days, both inclusive)."""
        if self.date_from and summary.last < day_start(self.date_from):
            return False
        return not (self.date_to and summary.started >= day_start(self.date_to + dt.timedelta(days=1)))

    def matches(self, summary: Summary, handoff_ids: set[str]) -> bool:
        checks = (
            self.in_dates(summary),
            not self.intent or self.intent in summary.intents,
            _yes_no(self.fallback, summary.fallback),
            _yes_no(self.handoff, summary.handed_off(handoff_ids)),
            _safety(self.safety, summary.safety),
            not self.language or (summary.language or "") == _unknown_as_empty(self.language),
            not self.channel or (summary.channel or "") == _unknown_as_empty(self.channel),
            _text(self.q, summary.search_text),
        )
        return all(checks)


def _unknown_as_empty(value: str) -> str:
    return "" if value == "unknown" else value


def _yes_no(wanted: str, actual: bool) -> bool:
    return wanted == "" or (wanted == "yes") == actual


def _safety(wanted: str, kinds: set[str]) -> bool:
    if wanted in ("", "yes", "no"):
        return _yes_no(wanted, bool(kinds))
    return wanted in kinds


def _text(query: str, haystack: str) -> bool:
    return all(term in haystack for term in fold(query).split())


def handoff_conversation_ids(engine: Engine, tables: tuple[str, ...]) -> set[str]:
    """Conversation ids found in the handoff module's tables; tables that do not exist are skipped."""
    inspector = inspect(engine)
    found: set[str] = set()
    with engine.connect() as connection:
        for name in tables:
            if not inspector.has_table(name):
                continue
            if "conversation_id" not in {c["name"] for c in inspector.get_columns(name)}:
                continue
            column = sql_column("conversation_id")
            found |= {str(v) for v in connection.scalars(select(column).select_from(table(name, column)).distinct())}
    return found


class ConversationStore:
    """Summaries of every conversation, kept in memory and updated from the events added since the last read.

    Rows are only appended by Rasa; when rows disappear (purge, erase) everything is read again."""

    def __init__(self, reader: TrackerReader, signals: Signals) -> None:
        self.reader = reader
        self.signals = signals
        self._lock = threading.Lock()
        self._summaries: dict[str, Summary] = {}
        self._count = 0
        self._top = 0
        self._count_upto_top = 0

    def summaries(self) -> list[Summary]:
        with self._lock:
            self._refresh()
            return list(self._summaries.values())

    def _refresh(self) -> None:
        count, top = self.reader.fingerprint()
        if (count, top) == (self._count, self._top):
            return
        # Rows at or below the last id read changed (purge, erase, a late commit): read everything again.
        if self.reader.count_upto(self._top) != self._count_upto_top:
            self._summaries, self._top = {}, 0
        # Counted before reading: a row committed late below `top` shows up as a mismatch next time.
        counted = self.reader.count_upto(top)
        for event in self.reader.events_between(self._top, top):
            summary = self._summaries.setdefault(event.conversation_id, Summary(event.conversation_id))
            summary.add(event, self.signals)
        self._count, self._top, self._count_upto_top = count, top, counted

    def search(self, filters: Filters, handoff_ids: set[str]) -> list[Summary]:
        found = [s for s in self.summaries() if filters.matches(s, handoff_ids)]
        return sorted(found, key=lambda s: s.last, reverse=True)

    def get(self, conversation_id: str) -> Summary | None:
        with self._lock:
            self._refresh()
            return self._summaries.get(conversation_id)
