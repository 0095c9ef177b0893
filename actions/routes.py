"""Loads knowledge/routes.yml: which knowledge answers which intent."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from actions.professional import Passages, load_passages

ROUTES_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "routes.yml"
_SEARCH_AUDIENCES = {"citizen", "professional", "any"}
_HANDOFF_REASONS = {"request", "risk"}
_UNSURE_KINDS = {"search", "out_of_scope"}


@dataclass(frozen=True)
class Route:
    entries: tuple[str, ...] = ()
    child: tuple[str, ...] = ()
    young_adult: tuple[str, ...] = ()  # for someone who says they are 18 to 25 (Alles Oké? is for them)
    adult: tuple[str, ...] = ()  # for someone who says they are 18 or older, on a route meant for children
    professional: tuple[str, ...] = ()  # for a professional: the situation's own professional entry, first
    parent: tuple[str, ...] = ()  # for a parent speaking of their own child, on a route meant for children
    search: Optional[str] = None
    first: str = "entries"
    by_entity: Optional[dict[str, str]] = None
    by_sector: Optional[str] = None  # "first": the remembered profession's entry answers; "after": after the entries
    response: Optional[str] = None
    unsure: Optional[str] = None  # "search" | "out_of_scope": answer with the lifeline (actions/compose.py)
    next_step: bool = False
    passages: Optional[str] = None  # "always" | "professional": knowledge/professional.yml picks the passage first
    search_hits: int = 1
    handoff: Optional[str] = None  # "request" | "risk": also offer a human (bot/chat/handoff)

    def picks_passages(self, role: Optional[str]) -> bool:
        return self.passages == "always" or (self.passages == "professional" and role == "professional")


@dataclass(frozen=True)
class NextStep:
    """Which meldcode step comes next, from patterns (regular expressions, case-insensitive) that say a
    step is asked for and which step is done."""

    asks: tuple[re.Pattern[str], ...] = ()
    done: tuple[tuple[int, tuple[re.Pattern[str], ...]], ...] = ()
    template: str = "meldcode-stap-{value}"

    def entry_for(self, text: str) -> Optional[str]:
        if not any(ask.search(text) for ask in self.asks):
            return None
        for step, patterns in self.done:
            if any(pattern.search(text) for pattern in patterns):
                return self.template.format(value=min(step + 1, 5))
        return None


@dataclass(frozen=True)
class Routes:
    routes: dict[str, Route]
    sectors: dict[str, str] = field(default_factory=dict)
    next_step: NextStep = NextStep()
    only_when_asked: tuple[str, ...] = ()  # entries never shown as another route's extra search hit
    guessed_only_when: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    shown_only_when: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)

    def may_guess(self, intent: str, text: str) -> bool:
        """Whether a guessed (runner-up) intent fits the message: `guessed_only_when` lists what it must say."""
        needs = self.guessed_only_when.get(intent)
        return needs is None or any(pattern.search(text) for pattern in needs)

    def held_back(self, text: str) -> tuple[str, ...]:
        """Entries this message may get only as the clear paraphrase of one of their questions: `only_when_asked`,
        and those of `shown_only_when` whose words the message does not say."""
        unsaid = [entry for entry, needs in self.shown_only_when.items()
                  if not any(pattern.search(text) for pattern in needs)]
        return (*self.only_when_asked, *unsaid)

    @property
    def passages(self) -> Passages:
        return load_passages(tuple(sorted(self.sectors.items())))

    def for_intent(self, intent: str) -> Route:
        return self.routes.get(intent) or self.routes["nlu_fallback"]


def _handoff(intent: str, value: Any) -> Optional[str]:
    if value is not None and value not in _HANDOFF_REASONS:
        raise ValueError(f"{ROUTES_FILE}: route '{intent}' has unknown handoff '{value}'")
    return value


def _choice(intent: str, key: str, value: Any, when_true: str, other: str) -> Optional[str]:
    """A route option written as false/true or a word: None, `when_true`, or `other`."""
    if value in (None, False):
        return None
    if value is True:
        return when_true
    if value != other:
        raise ValueError(f"{ROUTES_FILE}: route '{intent}' has bad '{key}' value {value!r} (true or {other})")
    return value


def _route(intent: str, raw: dict[str, Any]) -> Route:
    search = raw.get("search")
    if search is not None and search not in _SEARCH_AUDIENCES:
        raise ValueError(f"{ROUTES_FILE}: route '{intent}' has unknown search audience '{search}'")
    if raw.get("first", "entries") not in {"entries", "search"}:
        raise ValueError(f"{ROUTES_FILE}: route '{intent}' has bad 'first' value")
    if raw.get("unsure") is not None and raw["unsure"] not in _UNSURE_KINDS:
        raise ValueError(f"{ROUTES_FILE}: route '{intent}' has unknown unsure kind '{raw['unsure']}'")
    return Route(
        entries=tuple(raw.get("entries") or ()),
        child=tuple(raw.get("child") or ()),
        young_adult=tuple(raw.get("young_adult") or ()),
        adult=tuple(raw.get("adult") or ()),
        professional=tuple(raw.get("professional") or ()),
        parent=tuple(raw.get("parent") or ()),
        search=search,
        first=raw.get("first", "entries"),
        by_entity=raw.get("by_entity"),
        by_sector=_choice(intent, "by_sector", raw.get("by_sector"), "first", "after"),
        response=raw.get("response"),
        unsure=raw.get("unsure"),
        next_step=bool(raw.get("next_step")),
        passages=_choice(intent, "passages", raw.get("passages"), "always", "professional"),
        search_hits=int(raw.get("search_hits", 1)),
        handoff=_handoff(intent, raw.get("handoff")),
    )


def _patterns(items: Any) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(item, re.IGNORECASE) for item in items or ())


def _next_step(raw: dict[str, Any]) -> NextStep:
    done = sorted(((int(step), _patterns(cues)) for step, cues in (raw.get("done") or {}).items()),
                  key=lambda item: item[0], reverse=True)
    return NextStep(asks=_patterns(raw.get("asks")), done=tuple(done),
                    template=raw.get("template", "meldcode-stap-{value}"))


def parse_routes(data: dict[str, Any]) -> Routes:
    routes = {intent: _route(intent, raw or {}) for intent, raw in data["routes"].items()}
    if "nlu_fallback" not in routes:
        raise ValueError(f"{ROUTES_FILE}: a route for 'nlu_fallback' is required")
    sectors = dict(data.get("sectors") or {})
    return Routes(routes=routes, sectors=sectors, next_step=_next_step(data.get("next_step") or {}),
                  only_when_asked=tuple(str(entry) for entry in data.get("only_when_asked") or ()),
                  guessed_only_when={intent: _patterns(cues)
                                     for intent, cues in (data.get("guessed_only_when") or {}).items()},
                  shown_only_when={entry: _patterns(cues)
                                   for entry, cues in (data.get("shown_only_when") or {}).items()})


@lru_cache(maxsize=1)
def load_routes(path: Path = ROUTES_FILE) -> Routes:
    with open(path, encoding="utf-8") as handle:
        return parse_routes(yaml.safe_load(handle))
