"""python -m bot purge [--days N]   and   python -m bot erase SENDER"""
from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

COMMANDS = ("purge", "erase")


def add_privacy_parsers(commands: Any) -> None:
    from bot.chat.erase import retention_days

    purge = commands.add_parser("purge", help="delete conversations older than the retention period")
    purge.add_argument("--days", type=float, default=None,
                       help=f"retention in days (default WEGWIJS_RETENTION_DAYS, now {retention_days():g})")
    erase = commands.add_parser("erase", help="erase one conversation by its channel sender id")
    erase.add_argument("sender", help="the sender id the channel used (it is hashed the way the store does)")


def run_privacy_command(args: argparse.Namespace) -> int:
    from bot.chat.erase import retention_days
    from bot.privacy.db import console_url, make_engine, tracker_url
    from bot.privacy.retention import erase, purge_counts

    url = tracker_url()
    where = url.render_as_string(hide_password=True)
    engine = make_engine(url)
    other = console_url()
    also = [make_engine(other)] if other else []
    try:
        if args.command == "purge":
            days = retention_days() if args.days is None else args.days
            if days < 0:
                raise SystemExit("--days must not be negative")
            result = purge_counts(engine, days, also=also)
            print(f"Purged {result.conversations} conversation(s) older than {days:g} days "
                  f"({result.rows} rows) from {where}.")
        else:
            print(f"Erased {erase(engine, args.sender, also=also)} row(s) of that conversation from {where}"
                  f"{' and the console database' if also else ''}.")
    except SQLAlchemyError as problem:
        raise SystemExit(f"Cannot reach the tracker database {where}: {type(problem).__name__}") from None
    finally:
        for one in (engine, *also):
            one.dispose()
    return 0
