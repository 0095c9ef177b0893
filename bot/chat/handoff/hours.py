"""The Veilig Thuis chat's usual hours for the handoff: from the services table (knowledge/services.yml,
service `vt_chat`), with overrides from the environment:

  WEGWIJS_VT_CHAT_HOURS="mon-fri 09:00-17:00; sat 10:00-14:00"   (or "closed")
  WEGWIJS_VT_CHAT_CLOSED="2026-12-25,2026-12-26"                   (whole days closed, e.g. holidays)
  WEGWIJS_VT_CHAT_TZ="Europe/Amsterdam"
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from zoneinfo import ZoneInfo

from bot.settings import setting
from knowledge.hours import OpeningHours, parse_dates, parse_week
from knowledge.services import load_table

__all__ = ["Clock", "OpeningHours", "load_hours", "opening_hours", "parse_week", "utc_now"]
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def opening_hours(config: Mapping[str, object], env: Mapping[str, str]) -> OpeningHours:
    timezone = setting("WEGWIJS_VT_CHAT_TZ", env) or str(config.get("timezone", "Europe/Amsterdam"))
    ZoneInfo(timezone)  # fail early on an unknown zone
    return OpeningHours(
        week=parse_week(setting("WEGWIJS_VT_CHAT_HOURS", env) or str(config.get("hours", "mon-fri 09:00-17:00"))),
        timezone=timezone,
        closed_dates=parse_dates(setting("WEGWIJS_VT_CHAT_CLOSED", env) or config.get("closed_dates")),
        url=str(config.get("url", "https://www.veiligthuis.nl")),
    )


def table_config() -> dict[str, object]:
    table = load_table()
    chat = table.services["vt_chat"]
    return {"hours": chat.hours_spec, "timezone": table.timezone, "url": chat.url}


def load_hours(env: Mapping[str, str] | None = None) -> OpeningHours:
    return opening_hours(table_config(), os.environ if env is None else env)
