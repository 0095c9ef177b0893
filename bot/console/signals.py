"""Loads bot/console/signals.yml: which tracker events mean safety net, fallback, handoff, pathway."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SIGNALS_FILE = Path(__file__).with_name("signals.yml")


@dataclass(frozen=True)
class Signals:
    safety_entity: str
    safety_actions: dict[str, str]
    fallback_intents: frozenset[str]
    fallback_actions: frozenset[str]
    handoff_intents: frozenset[str]
    handoff_actions: frozenset[str]
    handoff_tables: tuple[str, ...]
    pathways: tuple[tuple[str, re.Pattern[str]], ...]
    roles: dict[str, str]

    def pathways_in(self, text: str) -> set[str]:
        return {label for label, pattern in self.pathways if pattern.search(text)}

    def role_label(self, role: str | None) -> str:
        return self.roles.get(role or "", role or self.roles.get("", ""))


def _set(section: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(item) for item in section.get(key) or [])


def parse_signals(data: dict[str, Any]) -> Signals:
    safety, fallback, handoff = data["safety"], data["fallback"], data["handoff"]
    return Signals(
        safety_entity=str(safety["entity"]),
        safety_actions={str(k): str(v) for k, v in (safety.get("actions") or {}).items()},
        fallback_intents=_set(fallback, "intents"),
        fallback_actions=_set(fallback, "actions"),
        handoff_intents=_set(handoff, "intents"),
        handoff_actions=_set(handoff, "actions"),
        handoff_tables=tuple(str(t) for t in handoff.get("tables") or []),
        pathways=tuple((str(label), re.compile(str(rx), re.IGNORECASE)) for label, rx in data["pathways"].items()),
        roles={str(k): str(v) for k, v in (data.get("roles") or {}).items()},
    )


@lru_cache(maxsize=1)
def load_signals(path: Path = SIGNALS_FILE) -> Signals:
    with open(path, encoding="utf-8") as handle:
        return parse_signals(yaml.safe_load(handle))
