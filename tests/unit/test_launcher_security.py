"""How the launcher starts the services: internals on loopback whatever the public address, Rasa's API
behind a token that no process list shows, redacting wrappers for Rasa and the action server, and the
in-memory endpoints when nothing may be stored."""
from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path

import pytest

from bot.chat.rasa_auth import TOKEN_ENV
from bot.operate.launcher import _base_env, services
from bot.operate.topology import topology_problem
from bot.settings import ROOT, load_settings
from bot.store.mode import STORE_NONE_ENDPOINTS

RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"


@pytest.fixture
def public(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WEGWIJS_HOST", "0.0.0.0")
    monkeypatch.delenv("WEGWIJS_INTERNAL_HOST", raising=False)
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    monkeypatch.delenv("WEGWIJS_STORE", raising=False)
    return dataclasses.replace(load_settings(), var_dir=tmp_path)


def _command(settings, name: str) -> list[str]:
    return next(service.command for service in services(settings) if service.name == name)


def test_only_the_gateway_listens_on_the_public_address(public):
    assert _command(public, "gateway")[_command(public, "gateway").index("--host") + 1] == "0.0.0.0"
    assert _command(public, "console")[_command(public, "console").index("--host") + 1] == "127.0.0.1"
    assert _command(public, "rasa")[_command(public, "rasa").index("-i") + 1] == "127.0.0.1"
    assert _base_env(public)["SANIC_HOST"] == "127.0.0.1"  # the action server
    assert public.rasa_url.startswith("http://127.0.0.1:") and public.action_url.startswith("http://127.0.0.1:")


def test_rasa_gets_a_token_from_the_environment_not_the_command_line(public):
    env = _base_env(public)
    token = env[TOKEN_ENV]
    assert len(token) >= 32 and (public.var_dir / "rasa.token").stat().st_mode & 0o077 == 0
    assert _base_env(public)[TOKEN_ENV] == token  # kept across starts
    rasa = _command(public, "rasa")
    assert rasa[1:3] == ["-m", "nlu.rasa_main"] and "--enable-api" in rasa and token not in rasa
    assert _command(public, "actions")[1:3] == ["-m", "bot.operate.action_server"]


def test_the_rasa_wrapper_adds_the_token_inside_the_process():
    probe = ("import os, sys; os.environ['WEGWIJS_RASA_TOKEN'] = 'secret-token'; "
             "from nlu.rasa_main import _with_token; "
             "print(_with_token(['rasa', 'run', '--enable-api', '-p', '1']))")
    out = subprocess.run([str(RASA_PYTHON), "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert "'run', '--auth-token', 'secret-token', '--enable-api'" in out


def test_store_nothing_runs_rasa_without_a_database_and_only_one_instance(public, monkeypatch):
    monkeypatch.setenv("WEGWIJS_STORE", "none")
    rasa = _command(public, "rasa")
    assert rasa[rasa.index("--endpoints") + 1] == str(STORE_NONE_ENDPOINTS)
    problem = topology_problem(dataclasses.replace(public, instances=2, tracker_dialect="postgresql"),
                               {**os.environ, "WEGWIJS_REDIS_HOST": "127.0.0.1"})
    assert problem and "WEGWIJS_STORE=none" in problem
