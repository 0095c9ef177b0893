"""`python -m bot console ...`: create the first admin (and other users), run the migrations."""
from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

ROLES = ("reviewer", "counsellor", "admin")  # as bot.store.console_models.ROLES; kept here so --help stays light


def add_console_parser(commands: Any) -> None:
    """Add the `console` command with its sub-commands to the `python -m bot` parser."""
    console = commands.add_parser("console", help="operator console: users and database")
    sub = console.add_subparsers(dest="console_command", required=True)
    admin = sub.add_parser("create-admin", help="create an admin account (the first one, or another)")
    admin.add_argument("username")
    admin.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    user = sub.add_parser("create-user", help="create an account with a role")
    user.add_argument("username")
    user.add_argument("--role", choices=ROLES, required=True)
    user.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    sub.add_parser("migrate", help="create or upgrade the console's tables")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise SystemExit("No terminal to ask for the password: pass --password-stdin and pipe it in.")
    first = getpass.getpass("Wachtwoord: ")
    if first != getpass.getpass("Nogmaals: "):
        raise SystemExit("De wachtwoorden zijn niet gelijk.")
    return first


def run_console_command(args: argparse.Namespace) -> int:
    from bot.console.settings import load_console_settings
    from bot.console.users import UserError, create_user
    from bot.store.db import Database

    database = Database(load_console_settings().db_url)
    try:
        database.migrate()
        if args.console_command == "migrate":
            print("Console tables are up to date.")
            return 0
        role = "admin" if args.console_command == "create-admin" else args.role
        password = _read_password(args.password_stdin)
        with database.sessions() as db:
            try:
                user = create_user(db, args.username, password, role)
            except UserError as problem:
                print(f"Error: {problem}", file=sys.stderr)
                return 2
            print(f"Created {user.role} {user.username!r}.")
        return 0
    finally:
        database.dispose()
