"""Reads the tracker database of a test stack directly, to check what is stored (and what no longer is)."""
from __future__ import annotations

import sqlite3

from bot.operate.launcher import Stack


def stored_events_with(stack: Stack, needle: str) -> int:
    """How many rows of the tracker database (SQLite in these tests) hold `needle` in their event data."""
    with sqlite3.connect(stack.settings.tracker_db) as connection:
        return connection.execute("SELECT count(*) FROM events WHERE data LIKE ?", (f"%{needle}%",)).fetchone()[0]
