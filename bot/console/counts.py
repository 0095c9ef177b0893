"""Counts without text (WEGWIJS_STORE=none): per kind (conversation, intent, pathway) and name, summed over
a date range, from the `usage_counts` table that nlu/memory_store.py writes inside Rasa."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import Engine, MetaData, Table, func, inspect, select

COUNTS = "usage_counts"


def usage_counts(engine: Engine, date_from: dt.date, date_to: dt.date) -> dict[str, Counter[str]]:
    """kind -> Counter(name -> count) for days from `date_from` to `date_to` (inclusive)."""
    found: dict[str, Counter[str]] = {}
    if COUNTS not in inspect(engine).get_table_names():
        return found
    table = Table(COUNTS, MetaData(), autoload_with=engine)
    query = (select(table.c.kind, table.c.name, func.sum(table.c.count))
             .where(table.c.day >= date_from.isoformat(), table.c.day <= date_to.isoformat())
             .group_by(table.c.kind, table.c.name))
    with engine.connect() as connection:
        for kind, name, count in connection.execute(query):
            found.setdefault(kind, Counter())[name] += int(count or 0)
    return found
