"""Decides what to answer: route by intent, look up knowledge, cite sources; when unsure, the lifeline.

Pure logic: no Rasa imports, so it can be tested without a server.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Optional, Protocol

from actions.context import TurnContext
from actions.lifeline import Lifeline, load_lifeline
from actions.routes import Route, Routes
from actions.story import StorySettings, load_story_settings, question_of, themes_of

MAX_ENTRIES = 2
MAX_STORY_ENTRIES = 3
MISUNDERSTOOD_BEFORE_HUMAN = 2
_SOURCE_LABEL = {"nl": "Bron", "en": "Source"}
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
    buttons: list[dict[str, str]] = field(default_factory=list)  # quick choices under the last text
    role: Optional[str] = None  # who is asking after this turn (a quick choice can tell)


def cite(hit: Hit, language: str) -> str:
    label = _SOURCE_LABEL.get(language, "Bron")
    if hit.kind == "passage":
        where = f", {hit.location}" if hit.location else ""
        return f"{label}: {hit.source_title}{where}"
    return f"{label}: {hit.source_title} ({hit.source})"


def render(hit: Hit, language: str) -> str:
    """Entry text, with its source named for professional and document answers."""
    if hit.audience == "professional" or hit.kind == "passage":
        return f"{hit.text}\n{cite(hit, language)}"
    return hit.text


def _specific_ids(route: Route, ctx: TurnContext, routes: Routes) -> list[str]:
    """Entries picked by an entity or the remembered profession: the exact answer."""
    ids: list[str] = []
    if route.by_entity:
        value = ctx.entity(route.by_entity["entity"])
        if value:
            ids.append(route.by_entity["template"].format(value=value))
    if route.by_sector and ctx.sector in routes.sectors:
        ids.append(routes.sectors[ctx.sector])
    if route.next_step and not ids:
        following = routes.next_step.entry_for(ctx.text)
        if following:
            ids.append(following)
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


def with_choice(ctx: TurnContext, lifeline: Lifeline) -> TurnContext:
    """A quick choice (tapped or typed) says what the person means: its intent, and maybe who they are."""
    choice = lifeline.chosen(ctx.text)
    if choice is None:
        return ctx
    return replace(ctx, intent=choice.intent, confidence=1.0, role=choice.role or ctx.role)


def _best_passage(ctx: TurnContext, knowledge: Knowledge) -> Optional[Hit]:
    """The best entry or passage for an unclear message, if the index is confident enough of one.
    Citizens' entries first when we do not know who is asking; policy passages only for professionals."""
    audiences = {"child": ("child",), "professional": ("professional",)}.get(ctx.role or "", ("citizen", None))
    for audience in audiences:
        result = knowledge.search(ctx.text, audience=audience, lang=ctx.language, k=1)
        if result.answered and result.hits:
            return result.hits[0]
    return None


def _with_lifeline(texts: list[str], ctx: TurnContext, lifeline: Lifeline, **fields: object) -> Reply:
    return Reply(texts=[*texts, lifeline.text("lifeline", ctx.language)], buttons=lifeline.buttons(ctx.language),
                 role=ctx.role, **fields)  # type: ignore[arg-type]


def _unsure_reply(ctx: TurnContext, knowledge: Knowledge, lifeline: Lifeline, kind: str) -> Reply:
    """No route or no confidence: the best passage with a hedge, else what the bot can help with; always
    112, Veilig Thuis and the quick choices. Two misunderstandings in a row offer a human instead."""
    language = ctx.language
    has_words = any(ch.isalnum() for ch in ctx.text)
    if has_words and kind == "search":
        hit = _best_passage(ctx, knowledge)
        if hit is not None:
            text = f"{lifeline.text('hedge', language)}\n{render(hit, language)}"
            return _with_lifeline([text], ctx, lifeline, entry_ids=[hit.id])
    count = ctx.misunderstood + 1
    if count >= MISUNDERSTOOD_BEFORE_HUMAN:
        return Reply(responses=["utter_offer_human"], misunderstood=0, handoff="misunderstood", role=ctx.role)
    what = "check_in" if not has_words else "out_of_scope" if kind == "out_of_scope" else "not_understood"
    return _with_lifeline([lifeline.text(what, language)], ctx, lifeline, misunderstood=count)


def _hedged(reply: Reply, ctx: TurnContext, lifeline: Lifeline) -> Reply:
    """A routed answer the classifier was not sure of: say so, and add the lifeline and choices."""
    texts = [f"{lifeline.text('hedge', ctx.language)}\n{reply.texts[0]}", *reply.texts[1:]]
    return replace(_with_lifeline(texts, ctx, lifeline), entry_ids=reply.entry_ids, handoff=reply.handoff)


def _answer_to(question: str, ctx: TurnContext, knowledge: Knowledge) -> list[Hit]:
    """The best knowledge for the question at the end of a story, if the index is confident of it."""
    audience = {"child": "child", "professional": "professional"}.get(ctx.role or "", "citizen")
    result = knowledge.search(question, audience=audience, lang=ctx.language, k=1)
    return list(result.hits[:1]) if result.answered else []


def _story_reply(ctx: TurnContext, route: Route, routes: Routes, knowledge: Knowledge, lifeline: Lifeline,
                 story: StorySettings) -> Reply:
    """A long story: say what it shows, answer the question asked at the end, give the matching routes."""
    question = question_of(ctx.text)
    answer = _answer_to(question, ctx, knowledge)
    themes = themes_of(ctx.text, story, ctx.role)
    asked = replace(ctx, text=question)  # the route's own search looks for the question, not the whole story
    pathway = [] if route.unsure or route.response else _collect(route, asked, routes, knowledge)
    found = [*answer, *_lookup(themes, ctx, knowledge), *pathway]
    hits = [hit for index, hit in enumerate(found) if all(hit.id != seen.id for seen in found[:index])]
    hits = hits[:MAX_STORY_ENTRIES]
    opening = story.named(themes, ctx.language, ctx.role)
    texts = [text for text in (opening, *(render(hit, ctx.language) for hit in hits)) if text]
    return Reply(texts=[*texts, lifeline.text("lifeline", ctx.language)], entry_ids=[hit.id for hit in hits],
                 handoff=None if ctx.safety else route.handoff, role=ctx.role)


def compose(ctx: TurnContext, routes: Routes, knowledge: Knowledge, lifeline: Optional[Lifeline] = None,
            story: Optional[StorySettings] = None) -> Reply:
    lifeline = lifeline or load_lifeline()
    story = story or load_story_settings()
    ctx = with_choice(ctx, lifeline)
    route = routes.for_intent(ctx.intent)
    if len(ctx.text) >= story.min_chars:
        return _story_reply(ctx, route, routes, knowledge, lifeline, story)
    if ctx.safety and (route.response or route.unsure):
        # The safety message already went out; add the advice pathway, never "off topic".
        route = SAFETY_FOLLOW_UP
    if route.response:
        return Reply(responses=[route.response], role=ctx.role)
    if route.unsure:
        return _unsure_reply(ctx, knowledge, lifeline, route.unsure)
    hits = _collect(route, ctx, routes, knowledge)
    if not hits:
        return _unsure_reply(ctx, knowledge, lifeline, "search")
    reply = Reply(
        texts=[render(hit, ctx.language) for hit in hits],
        entry_ids=[hit.id for hit in hits],
        handoff=None if ctx.safety else route.handoff,  # acute danger gets 112, not a queue
        role=ctx.role,
    )
    if ctx.confidence < lifeline.unsure_below and not ctx.safety:
        return _hedged(reply, ctx, lifeline)
    return reply
