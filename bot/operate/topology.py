"""How many Rasa servers run and how they are wired: one pair (Rasa + action server) by default, N pairs in
production on consecutive ports, all behind the one gateway (round-robin, bot/chat/rasa_pool.py).

Several Rasa servers must share their conversations, so they need the production endpoints
(deploy/production/endpoints.yml): PostgreSQL as tracker store and Redis as lock store.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.settings import ROOT, Settings, setting

SINGLE_ENDPOINTS = ROOT / "endpoints.yml"
PRODUCTION_ENDPOINTS = ROOT / "deploy" / "production" / "endpoints.yml"
# Rasa refuses an unset variable in endpoints.yml, so these default to a value.
REDIS_DEFAULTS = {"WEGWIJS_REDIS_HOST": "", "WEGWIJS_REDIS_PORT": "6379", "WEGWIJS_REDIS_DB": "1",
                  "WEGWIJS_REDIS_PASSWORD": "", "WEGWIJS_REDIS_SSL": "false", "WEGWIJS_REDIS_CA": ""}


@dataclass(frozen=True)
class Pair:
    """One Rasa server and the action server it calls."""
    number: int  # 1-based; names get a suffix only when there are several
    rasa_port: int
    action_port: int
    suffix: str


def pairs(settings: Settings) -> list[Pair]:
    many = settings.instances > 1
    return [Pair(i + 1, settings.rasa_port + i, settings.action_port + i, f"-{i + 1}" if many else "")
            for i in range(settings.instances)]


def endpoints_file(settings: Settings, env: Mapping[str, str] | None = None) -> Path:
    chosen = setting("WEGWIJS_ENDPOINTS", env)
    if chosen:
        return Path(chosen)
    return PRODUCTION_ENDPOINTS if settings.instances > 1 else SINGLE_ENDPOINTS


def topology_problem(settings: Settings, env: Mapping[str, str] | None = None) -> str | None:
    """Why this configuration cannot run several instances, or None."""
    env = os.environ if env is None else env
    if settings.instances <= 1:
        return None
    if setting("WEGWIJS_STORE", env) == "none":
        return ("WEGWIJS_STORE=none keeps conversations in one Rasa server's memory: run one instance "
                "(several instances share conversations through the database, which this mode does not use).")
    if settings.tracker_dialect == "sqlite":
        return (f"{settings.instances} Rasa instances need a shared tracker store: set "
                "WEGWIJS_TRACKER_DIALECT=postgresql and WEGWIJS_TRACKER_DB, _HOST, _PORT, _USER, _PASSWORD.")
    if endpoints_file(settings, env) == PRODUCTION_ENDPOINTS and not setting("WEGWIJS_REDIS_HOST", env):
        return (f"{settings.instances} Rasa instances need a shared lock store: set WEGWIJS_REDIS_HOST "
                "(and WEGWIJS_REDIS_PORT, _DB, _PASSWORD when not 6379, 1 and none).")
    return None
