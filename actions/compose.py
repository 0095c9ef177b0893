"""Decides what to answer: route by intent, look up knowledge, cite sources.

Pure logic: no Rasa imports, so it can be tested without a server.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional, Protocol

from actions.context import TurnContext
from actions.routes import Route, Routes

MAX_ENTRIES = 2
MISUNDERSTOOD_BEFORE_HUMAN = 2
_SOURCE_LABEL = {"nl": "Bron", "en": "Source"}
_CHECKED_LABEL = {"nl": "gecontroleerd op", "en": "checked on"}
SAFETY_FOLLOW_UP = Route(entries=("veilig-thuis",))
_SEARCH_AUDIENCE = {"citizen": "citizen", "professional": "professional", "any": None}


class Hit(Protocol):
    id: str
    text: str
    source: str
    source_title: str
    location: Optional[str]
    audience: str
    kind: str


class SearchResult(Protocol):
    hits: Sequence[Hit]
    answered: bool


class Knowledge(Protocol):
    def search(self, text: str, audience: Optional[str] = None, lang: str = "nl", k: int = 5) -> SearchResult: ...

    def entry(self, entry_id: str, lang: str = "nl") -> Optional[Hit]: ...


@dataclass
class Reply:
    texts: list[str] = field(default_factory=list)
    responses: list[str] = field(default_factory=list)
    entry_ids: list[str] = field(default_factory=list)
    misunderstood: int = 0
    handoff: Optional[str] = None  # why a human is offered (bot/handoff asks consent), or None


def cite(hit: Hit, language: str) -> str:
    label = _SOURCE_LABEL.get(language, "Bron")
    if hit.kind == "passage":
        where = f", {hit.location}" if hit.location else ""
        return f"{label}: {hit.source_title}{where}"
    checked = getattr(hit, "checked", "")  # curated entries: the date the entry was checked against its source
    when = f", {_CHECKED_LABEL.get(language, _CHECKED_LABEL['nl'])} {checked}" if checked else ""
    return f"{label}: {hit.source_title} ({hit.source}){when}"


def render(hit: Hit, language: str) -> str:
    """Entry text, with its source named for professional and document answers."""
    if hit.audience == "professional" or hit.kind == "passage":
        return f"{hit.text}\n{cite(hit, language)}"
    return hit.text


def _specific_ids(route: Route, ctx: TurnContext, routes: Routes) -> list[str]:
    """Entries picked by the professional passage rules, an entity or the remembered profession."""
    if route.picks_passages(ctx.role):
        picked = routes.passages.select(ctx.text, ctx.sector)
        if picked:
            return [picked]
    ids: list[str] = []
    if route.by_entity:
        value = ctx.entity(route.by_entity["entity"])
        if value:
            ids.append(route.by_entity["template"].format(value=value))
    if route.by_sector and ctx.sector in routes.sectors:
        ids.append(routes.sectors[ctx.sector])
    return ids


def _default_ids(route: Route, ctx: TurnContext) -> list[str]:
    if ctx.role == "child" and route.child:
        return list(route.child)
    return list(route.entries)


def _search_audience(route: Route, ctx: TurnContext) -> Optional[str]:
    audience = _SEARCH_AUDIENCE.get(route.search or "any")
    if ctx.role == "child" and audience == "citizen":
        return "child"
    return audience


def _search_hits(route: Route, ctx: TurnContext, knowledge: Knowledge) -> list[Hit]:
    if not route.search or not ctx.text.strip():
        return []
    result = knowledge.search(ctx.text, audience=_search_audience(route, ctx), lang=ctx.language, k=3)
    return list(result.hits[: route.search_hits]) if result.answered else []


def _lookup(ids: list[str], ctx: TurnContext, knowledge: Knowledge) -> list[Hit]:
    hits = [knowledge.entry(entry_id, ctx.language) for entry_id in ids]
    return [hit for hit in hits if hit is not None]


def _dedupe(hits: list[Hit]) -> list[Hit]:
    unique: list[Hit] = []
    for hit in hits:
        if all(hit.id != seen.id for seen in unique):
            unique.append(hit)
    return unique[:MAX_ENTRIES]


def _collect(route: Route, ctx: TurnContext, routes: Routes, knowledge: Knowledge) -> list[Hit]:
    specific = _lookup(_specific_ids(route, ctx, routes), ctx, knowledge)
    if specific:
        return _dedupe(specific)
    pathway = _lookup(_default_ids(route, ctx), ctx, knowledge)
    found = _search_hits(route, ctx, knowledge)
    return _dedupe(found + pathway if route.first == "search" else pathway + found)


def _misunderstood_reply(route: Route, ctx: TurnContext) -> Reply:
    count = ctx.misunderstood + 1
    if count >= MISUNDERSTOOD_BEFORE_HUMAN:
        return Reply(responses=["utter_offer_human"], misunderstood=0, handoff="misunderstood")
    if not any(ch.isalnum() for ch in ctx.text):
        return Reply(responses=["utter_check_in"], misunderstood=count)
    response = route.response or route.fallback_response or "utter_not_understood"
    return Reply(responses=[response], misunderstood=count)


def compose(ctx: TurnContext, routes: Routes, knowledge: Knowledge) -> Reply:
    route = routes.for_intent(ctx.intent)
    if ctx.safety and (route.response or route.counts_as_misunderstood):
        # The safety message already went out; add the advice pathway, never "off topic".
        route = SAFETY_FOLLOW_UP
    if route.response and not route.counts_as_misunderstood:
        return Reply(responses=[route.response])
    hits = [] if route.response else _collect(route, ctx, routes, knowledge)
    if not hits:
        return _misunderstood_reply(route, ctx)
    return Reply(
        texts=[render(hit, ctx.language) for hit in hits],
        entry_ids=[hit.id for hit in hits],
        handoff=None if ctx.safety else route.handoff,  # acute danger gets 112, not a queue
    )
