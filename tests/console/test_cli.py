"""`python -m bot console create-admin` creates the first admin; errors are clear."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, select

from bot.console.passwords import verify_password
from bot.settings import ROOT
from bot.store.console_models import User


def _run(args: list[str], db_url: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WEGWIJS_CONSOLE_DB_URL": db_url}
    return subprocess.run([sys.executable, "-m", "bot", "console", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def test_create_admin_from_stdin(new_database: str) -> None:
    result = _run(["create-admin", "Beheer", "--password-stdin"], new_database, "een-goed-lang-wachtwoord\n")
    assert result.returncode == 0, result.stderr
    assert "Created admin 'beheer'" in result.stdout
    engine = create_engine(new_database)
    with engine.connect() as connection:
        user = connection.execute(select(User.username, User.role, User.password_hash)).one()
    engine.dispose()
    assert (user.username, user.role) == ("beheer", "admin")
    assert verify_password(user.password_hash, "een-goed-lang-wachtwoord")
    assert "een-goed-lang-wachtwoord" not in user.password_hash

    again = _run(["create-admin", "beheer", "--password-stdin"], new_database, "een-goed-lang-wachtwoord\n")
    assert again.returncode == 2 and "bestaat al" in again.stderr


def test_short_password_and_no_terminal_are_clear_errors(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    short = _run(["create-admin", "beheer", "--password-stdin"], url, "kort\n")
    assert short.returncode == 2 and "minstens 12 tekens" in short.stderr
    no_tty = _run(["create-admin", "beheer"], url, "")
    assert no_tty.returncode != 0 and "--password-stdin" in no_tty.stderr
