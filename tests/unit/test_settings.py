"""The one settings module (bot/settings.py): every WEGWIJS_* variable the code uses is declared there with its
default and meaning, each is parsed there with a clear message on a bad value, and the README's configuration
table is the one generated from it."""
from __future__ import annotations

import re
import subprocess

import pytest

from bot.settings import README_BEGIN, README_END, ROOT, VARIABLES, load_settings, markdown_table, setting

NAME = re.compile(r"\bWEGWIJS_[A-Z0-9_]*[A-Z0-9]\b")
CODE_DIRS = ("bot", "nlu", "actions", "knowledge", "scripts", "deploy", "tests")
ROOT_FILES = ("endpoints.yml", "Makefile", "credentials.yml")


def names_in_code() -> set[str]:
    files = subprocess.run(["git", "ls-files", *CODE_DIRS, *ROOT_FILES], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    found: set[str] = set()
    for name in files:
        path = ROOT / name
        if path.suffix in (".py", ".yml", ".yaml", ".sh", "") and path.is_file() and name != "scripts/move_layout.py":
            found |= set(NAME.findall(path.read_text(encoding="utf-8", errors="replace")))
    return found


def test_every_variable_the_code_uses_is_declared():
    prefixes = {name for name in names_in_code() if any(v.startswith(name + "_") for v in VARIABLES)}
    undeclared = sorted(names_in_code() - VARIABLES.keys() - prefixes)
    assert not undeclared, f"declare these in bot/settings.py SECTIONS: {undeclared}"


def test_every_declared_variable_is_used():
    assert not sorted(VARIABLES.keys() - names_in_code())


def test_the_readme_table_is_generated_from_the_settings():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(README_BEGIN, 1)[1].split(README_END, 1)[0]
    assert block == markdown_table(), "run: python -m bot.settings --readme"


def test_values_are_typed_and_default_when_unset():
    assert setting("WEGWIJS_WEB_PORT", {}) == 8000
    assert setting("WEGWIJS_RATE_PER_MIN", {"WEGWIJS_RATE_PER_MIN": "2.5"}) == 2.5
    assert setting("WEGWIJS_CONSOLE_SECURE_COOKIE", {"WEGWIJS_CONSOLE_SECURE_COOKIE": "yes"}) is True
    assert setting("WEGWIJS_CONSOLE_SECURE_COOKIE", {}) is False
    assert setting("WEGWIJS_REDIS_HOST", {"WEGWIJS_REDIS_HOST": "  "}) is None
    assert load_settings({"WEGWIJS_VAR_DIR": "/x"}).tracker_db == "/x/tracker.db"


@pytest.mark.parametrize("name, raw, message", [
    ("WEGWIJS_WEB_PORT", "web", "must be a whole number"),
    ("WEGWIJS_WEB_PORT", "70000", "must be a port number"),
    ("WEGWIJS_RETENTION_DAYS", "-1", "must be at least 0"),
    ("WEGWIJS_CONSOLE_SECURE_COOKIE", "perhaps", "must be 1 or 0"),
])
def test_a_bad_value_stops_with_the_variable_named(name, raw, message):
    with pytest.raises(SystemExit, match=f"{name} {message}"):
        setting(name, {name: raw})


def test_embedding_origins_are_checked_and_named_in_frame_ancestors():
    from bot.chat.page_headers import embed_origins, headers_for
    assert headers_for([])["X-Frame-Options"] == "DENY" and "frame-ancestors 'none'" in headers_for([])[
        "Content-Security-Policy"]
    origins = embed_origins("https://www.ggd.nl, http://localhost:8080")
    headers = headers_for(origins)
    assert "frame-ancestors https://www.ggd.nl http://localhost:8080" in headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in headers
    with pytest.raises(ValueError, match="not an origin"):
        embed_origins("https://www.ggd.nl/chat")
