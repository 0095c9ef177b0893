"""Decides what to answer: route by intent, look up knowledge, cite sources; when unsure, the lifeline
(actions/unsure.py); a long story as a story (actions/story_reply.py).

Pure logic: no Rasa imports, so it can be tested without a server.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from actions.answer import Hit, Knowledge, Reply, allowed_hits, render, role_audience, unique
from actions.context import (
    ADULT_AGE,
    TurnContext,
    age_in_text,
    from_8_only_openings,
    minors_only_openings,
    says_adult,
    says_parent,
    says_young_child,
    without_introduction,
)
from actions.cues import fold
from actions.identity import load_identity
from actions.lifeline import Lifeline, load_lifeline
from actions.routes import Route, Routes
from actions.service_question import load_service_questions
from actions.story import StorySettings, form_named, load_story_settings
from actions.story_reply import story_reply
from actions.unsure import hedged, unsure_reply, with_choice
from actions.watch_line import with_watch_line

__all__ = ["Reply", "compose", "render"]

MAX_ENTRIES = 2
YOUNG_ADULT_MAX = 25
YOUNG_ADULT_LINE = "alles-oke-supportlijn"  # knowledge/entries/topics.yml: the line for 18 to 25
# After the 112/113 message the advice pathway, then what the search finds for the message (a teacher whose
# pupil is scared at home needs the teacher's steps too); a clear paraphrase of an entry's question first.
SAFETY_FOLLOW_UP = Route(entries=("veilig-thuis",), search="citizen")
CHILD_SAFETY_FOLLOW_UP = Route(entries=("kindertelefoon", "veilig-thuis"), search="citizen")


def safety_follow_up(ctx: TurnContext) -> Route:
    """After the 112/113 message: the advice pathway, for a child the Kindertelefoon first."""
    return CHILD_SAFETY_FOLLOW_UP if ctx.role == "child" else SAFETY_FOLLOW_UP
_SEARCH_AUDIENCE = {"citizen": "citizen", "professional": "professional", "any": None}


def _specific_ids(route: Route, ctx: TurnContext, routes: Routes) -> list[str]:
    """Entries picked by the professional passage rules, an entity, the remembered profession or the step
    that follows the one the user says is done."""
    if _picks_passages(route, ctx, routes):
        picked = routes.passages.select(_question(ctx), ctx.sector)
        if picked:
            return [picked]
    ids: list[str] = []
    if route.by_entity:
        value = ctx.entity(route.by_entity["entity"])
        if value:
            ids.append(route.by_entity["template"].format(value=value))
    if route.by_sector == "first" and ctx.sector in routes.sectors:
        ids.append(routes.sectors[ctx.sector])
    if route.next_step and not ids:
        following = routes.next_step.entry_for(ctx.text)
        if following:
            ids.append(following)
    return ids


def _question(ctx: TurnContext) -> str:
    """What a professional asks, without "ik ben verloskundige": naming one's profession says who asks (the
    remembered sector does the rest), not that the question is about the sector's own route."""
    return without_introduction(ctx.text) or ctx.text


def _default_ids(route: Route, ctx: TurnContext) -> list[str]:
    if route.parent and ctx.role != "child" and says_parent(ctx.text):  # "mijn dochter van 15 ..."
        return list(route.parent)
    age = age_in_text(ctx.text)
    if age is not None and age >= ADULT_AGE:  # "ben 21 en woon nog thuis": no children's line
        if age <= YOUNG_ADULT_MAX and route.young_adult:
            return list(route.young_adult)
        if route.adult:
            return list(route.adult)
    if ctx.role == "child" and route.child:
        return list(route.child)
    if ctx.role == "professional" and route.professional:
        return list(route.professional)
    return list(route.entries)


def _search_audience(route: Route, ctx: TurnContext, as_child: bool = False) -> Optional[str]:
    """`as_child`: the route's own entry for this turn is written for a child (a child's situation, no role or age
    that says otherwise), so the search reads for a child too."""
    audience = _SEARCH_AUDIENCE.get(route.search or "any")
    if audience == "citizen":  # a doctor asking about a girl at risk of FGM needs the professional entry
        return role_audience(ctx.role, "child" if as_child and ctx.role is None else audience)
    if audience is None and ctx.role not in ("child", "professional") and says_parent(ctx.text):
        return "citizen"  # a parent asking about their child is not a child: no children's entries
    return audience


def _search_hits(route: Route, ctx: TurnContext, knowledge: Knowledge, shown: list[Hit],
                 held_back: tuple[str, ...] = ()) -> tuple[list[Hit], bool]:
    """The best search hits that are not already among the route's own entries (`shown`), and whether the best one
    is a clear paraphrase of a question its entry lists (then it answers what was asked, before the route's own
    entries). Entries `held_back` (routes.yml `only_when_asked`) come only as that clear paraphrase."""
    if not route.search or not ctx.text.strip():
        return [], False
    audience = _search_audience(route, ctx, as_child=any(hit.audience == "child" for hit in shown))
    # "ik ben mentor op het vmbo, ...": the introduction says who asks, the rest what to search for
    text = _question(ctx) if audience == "professional" else ctx.text
    result = knowledge.search(text, audience=audience, lang=ctx.language, k=3)
    if not result.answered:
        return [], False
    best = result.hits[0].id if result.hits else None
    shown_ids = {hit.id for hit in shown}
    hits = [hit for hit in allowed_hits(result, held_back) if hit.id not in shown_ids][: route.search_hits]
    asked = result.asked and bool(hits) and hits[0].id == best
    return hits, asked


def _lookup(ids: list[str], ctx: TurnContext, knowledge: Knowledge) -> list[Hit]:
    hits = [knowledge.entry(entry_id, ctx.language) for entry_id in ids]
    return [hit for hit in hits if hit is not None]


def _dedupe(hits: list[Hit]) -> list[Hit]:
    return unique(hits)[:MAX_ENTRIES]


def _collect(route: Route, ctx: TurnContext, routes: Routes, knowledge: Knowledge) -> list[Hit]:
    specific = _lookup(_specific_ids(route, ctx, routes), ctx, knowledge)
    pathway = _lookup(_default_ids(route, ctx), ctx, knowledge)
    if specific:
        # A professional in a situation with an entry of its own (FGM) gets that first, then the passage
        # the rules picked (their sector's route); elsewhere the picked passage answers alone.
        own = pathway if ctx.role == "professional" and route.professional else []
        return _dedupe(own + specific)
    if route.by_sector == "after" and ctx.sector in routes.sectors:  # the route's answer, then their sector's
        pathway = unique(pathway + _lookup([routes.sectors[ctx.sector]], ctx, knowledge))
    found, asked = _search_hits(route, ctx, knowledge, pathway, routes.held_back(ctx.text))
    return _dedupe(found + pathway if route.first == "search" or asked else pathway + found)


def _asked_entry(ctx: TurnContext, knowledge: Knowledge) -> Optional[Hit]:
    """The entry whose own question the message clearly paraphrases ("hoe laat gaat de Kindertelefoon
    open?"), for a message the classifier calls out of scope; None when there is none."""
    if not ctx.text.strip():
        return None
    result = knowledge.search(ctx.text, audience=role_audience(ctx.role), lang=ctx.language, k=1)
    if not (result.answered and result.asked and result.hits) or result.hits[0].kind == "passage":
        return None
    return result.hits[0]


def _passage_answers(route: Route, ctx: TurnContext, routes: Routes) -> bool:
    """A professional's question the passage rules answer, even when the classifier could not route it."""
    return _picks_passages(route, ctx, routes) and routes.passages.select(_question(ctx), ctx.sector) is not None


def _picks_passages(route: Route, ctx: TurnContext, routes: Routes) -> bool:
    """The passage rules answer on this route, for this person: a professional, or someone who asks in the
    words only professionals use, unless they said they are a child."""
    if ctx.role is None and routes.passages.speaks_as_professional(ctx.text):
        return route.picks_passages("professional")
    return route.picks_passages(ctx.role)


def _unless_misfit(ctx: TurnContext, routes: Routes, lifeline: Lifeline) -> Route:
    """The intent's route; a hesitant guess the message contradicts (routes.yml `guessed_only_when`: help for
    those who use violence, for a child who says a parent hits them) is read as not understood instead."""
    if ctx.confidence < lifeline.unsure_below and not ctx.safety and not routes.may_guess(ctx.intent, ctx.text):
        return routes.for_intent("nlu_fallback")
    return routes.for_intent(ctx.intent)


def _runner_up_route(ctx: TurnContext, route: Route, routes: Routes, lifeline: Lifeline) -> tuple[TurnContext, Route]:
    """A fallback whose best real intent is still fairly likely answers that intent's route; its low
    confidence makes the answer hedged. Never guessed: fixed responses, routes without entries of their own
    (yes, no) and the request for a human. A guessed situation that would offer a human (FGM, honour) gives
    its knowledge without that offer: a guess is no reason to start a handoff. A family of intents whose members
    together are confident enough (knowledge/lifeline.yml, `families`) answers by its first intent, unhedged."""
    if route.unsure != "search" or ctx.runner_up is None:
        return ctx, route
    name, confidence = lifeline.family_guess(ctx.fallback_ranking) or ctx.runner_up
    guess = routes.for_intent(name)
    if (confidence < lifeline.runner_up_min or guess.unsure or guess.response or guess.handoff == "request"
            or not guess.entries or not routes.may_guess(name, ctx.text)):
        return ctx, route
    return replace(ctx, intent=name, confidence=confidence), replace(guess, handoff=None)


def _asked_over_a_guess(ctx: TurnContext, route: Route, routes: Routes, knowledge: Knowledge,
                        story: StorySettings) -> Optional[Hit]:
    """The classifier's fallback (not sure of any intent) for a message that clearly paraphrases an entry's own
    question: that entry answers, hedged, before any guessed runner-up intent (a guess of a professional's
    route for "what is the difference between Veilig Thuis and the Raad" would miss what was asked). Not for
    a safety turn or a long story, which have their own paths, nor for a professional's question that names a
    meldcode step by its number ("step 2 says I should consult: who?"): the step's rules answer that."""
    if route.unsure != "search" or ctx.safety or len(ctx.text) >= story.min_chars:
        return None
    if routes.passages.names_step_number(ctx.text) and _passage_answers(route, ctx, routes):
        return None
    return _asked_entry(ctx, knowledge)


def _with_named_form(hits: list[Hit], route: Route, ctx: TurnContext, knowledge: Knowledge,
                     story: StorySettings) -> list[Hit]:
    """On a general situation route (bystander, victim, child: routes that search the citizens' entries) or a
    route of fixed entries (shelter), a form of violence with a help line of its own named in the message
    (knowledge/story_themes.yml, `short_messages`: "aan haar gezeten") gets its entry right after the route's
    first one."""
    if not hits or route.search not in ("citizen", None):
        return hits
    entry = _named_form_entry(ctx, knowledge, story)  # None for a professional
    if entry is None or any(hit.id == entry.id for hit in hits):
        return hits
    return _dedupe([hits[0], entry, *hits[1:]])


def _named_form_entry(ctx: TurnContext, knowledge: Knowledge, story: StorySettings) -> Optional[Hit]:
    """The entry of a form of violence with a help line of its own that a short message names, or None (also for
    a professional, whose question has its own passages)."""
    if ctx.role == "professional" or len(ctx.text) >= story.min_chars:
        return None
    form = form_named(ctx.text, story, ctx.role)
    found = _lookup([form], ctx, knowledge) if form else []
    return found[0] if found else None


def _not_understood(ctx: TurnContext, kind: str, routes: Routes, knowledge: Knowledge, lifeline: Lifeline,
                    story: StorySettings) -> Reply:
    """The unsure reply, led by the entry of a form of violence the message names, without the entries it holds
    back."""
    return unsure_reply(ctx, knowledge, lifeline, kind, _named_form_entry(ctx, knowledge, story),
                        routes.held_back(ctx.text))


def _answered_by(hits: list[Hit], ctx: TurnContext, handoff: Optional[str] = None) -> Reply:
    """A reply of these knowledge hits, each as the person's language shows it."""
    return Reply(texts=[render(hit, ctx.language) for hit in hits], entry_ids=[hit.id for hit in hits],
                 handoff=handoff, role=ctx.role)


def _service_question(ctx: TurnContext, knowledge: Knowledge, story: StorySettings) -> Optional[Reply]:
    """A question about one help line itself ("is 113 free?"): that line's entry, after a safety message the
    advice pathway too. Not for a long story, which has its own path."""
    if len(ctx.text) >= story.min_chars:
        return None
    questions = load_service_questions()
    entry_id = questions.entry_for(ctx.text) or questions.follow_up_entry(
        ctx.text, ctx.previous_entries, lambda previous: _entry_text(previous, ctx, knowledge))
    line = _lookup([entry_id], ctx, knowledge) if entry_id else []
    if not line:
        return None
    pathway = _lookup(_default_ids(safety_follow_up(ctx), ctx), ctx, knowledge) if ctx.safety else []
    hits = _dedupe(line + pathway)
    return _answered_by(hits, ctx)


def _entry_text(entry_id: str, ctx: TurnContext, knowledge: Knowledge) -> str:
    return " ".join(render(hit, ctx.language) for hit in _lookup([entry_id], ctx, knowledge))


def _step_follow_up(ctx: TurnContext, routes: Routes, knowledge: Knowledge) -> Optional[Reply]:
    """"En wat komt daarna?" after a professional's question about a meldcode step: the step after (or before)."""
    if ctx.safety or not (ctx.role == "professional" or routes.passages.speaks_as_professional(ctx.previous_text)):
        return None
    entry_id = routes.passages.follow_up_neighbour(ctx.text, ctx.previous_text)
    hits = _lookup([entry_id], ctx, knowledge) if entry_id else []
    if not hits:
        return None
    return _answered_by(hits[:1], ctx)


def _with_identity(reply: Reply, ctx: TurnContext) -> Reply:
    """A request to pretend to be someone else: first what the bot is (knowledge/identity.yml)."""
    statement = load_identity().statement_for(ctx.text, ctx.language)
    return replace(reply, texts=[statement, *reply.texts]) if statement else reply


def _with_young_adult_line(reply: Reply, ctx: TurnContext, knowledge: Knowledge) -> Reply:
    """Someone who says they are 18 to 25 and speaks of themselves: whatever answered, the line for their age
    (Alles Oké?, where the Kindertelefoon stops at 18) comes next, before the lifeline."""
    age = age_in_text(ctx.text)
    if (age is None or not ADULT_AGE <= age <= YOUNG_ADULT_MAX or ctx.role == "professional" or says_parent(ctx.text)
            or not reply.texts or YOUNG_ADULT_LINE in reply.entry_ids):
        return reply
    line = _lookup([YOUNG_ADULT_LINE], ctx, knowledge)
    if not line:
        return reply
    texts = [*reply.texts[:1], render(line[0], ctx.language), *reply.texts[1:]]
    return replace(reply, texts=texts, entry_ids=[*reply.entry_ids, YOUNG_ADULT_LINE])


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00C0-\u00DD])")


def _speaks_as_adult(ctx: TurnContext) -> bool:
    """Someone who said they are an adult (an age of 18 or more, now or earlier in the conversation, or "mijn
    man", "we're two men"); never a child or a professional (who may pass a children's line on)."""
    if ctx.role in ("child", "professional"):
        return False
    return ctx.role == "citizen" or says_adult(ctx.text)


def _without_children_lines(reply: Reply, ctx: TurnContext) -> Reply:
    """An adult does not need an answer's sentences that speak only to children ("Ben je jonger dan 18, dan kun
    je ook de Kindertelefoon bellen"): they are left out (actions/age.yml, `for_minors`). A parent of a child
    younger than 8 is not told that the child can call the Kindertelefoon (8 to 18; `for_children_from_8`)."""
    if not reply.texts:
        return reply
    left_out = [*(minors_only_openings() if _speaks_as_adult(ctx) else ()),
                *(from_8_only_openings() if ctx.role != "child" and says_young_child(ctx.text) else ())]
    if not left_out:
        return reply
    openings = tuple(f" {opening}" for opening in left_out)

    def kept(text: str) -> str:
        lines = []
        for line in text.split("\n"):
            sentences = _SENTENCE_END.split(line)
            lines.append(" ".join(s for s in sentences if not fold(s).startswith(openings)))
        return "\n".join(lines)

    return replace(reply, texts=[kept(text) for text in reply.texts])


def compose(ctx: TurnContext, routes: Routes, knowledge: Knowledge, lifeline: Optional[Lifeline] = None,
            story: Optional[StorySettings] = None) -> Reply:
    lifeline = lifeline or load_lifeline()
    story = story or load_story_settings()
    ctx = with_choice(ctx, lifeline)
    reply = _answer(ctx, routes, knowledge, lifeline, story)
    reply = _with_identity(_without_children_lines(_with_young_adult_line(reply, ctx, knowledge), ctx), ctx)
    return with_watch_line(reply, ctx, lifeline)


def _answer(ctx: TurnContext, routes: Routes, knowledge: Knowledge, lifeline: Lifeline, story: StorySettings) -> Reply:
    direct = _service_question(ctx, knowledge, story) or _step_follow_up(ctx, routes, knowledge)
    if direct is not None:
        return direct
    asked = _asked_over_a_guess(ctx, routes.for_intent(ctx.intent), routes, knowledge, story)
    if asked is not None:
        return hedged(_answered_by([asked], ctx), ctx, lifeline)
    ctx, route = _runner_up_route(ctx, _unless_misfit(ctx, routes, lifeline), routes, lifeline)
    if len(ctx.text) >= story.min_chars:
        def pathway_for(question: str) -> list[Hit]:  # the route's own search looks for the question
            if route.unsure or route.response:
                return _collect(safety_follow_up(ctx), ctx, routes, knowledge) if ctx.safety else []
            return _collect(route, replace(ctx, text=question), routes, knowledge)
        return story_reply(ctx, knowledge, lifeline, story, pathway_for, None if ctx.safety else route.handoff)
    if ctx.safety and (route.response or route.unsure):
        # The safety message already went out; add the advice pathway, never "off topic".
        route = safety_follow_up(ctx)
    if route.response:
        return Reply(responses=[route.response], role=ctx.role)
    if route.unsure and not _passage_answers(route, ctx, routes):
        asked = _asked_entry(ctx, knowledge) if route.unsure == "out_of_scope" else None
        if asked is not None:  # out of scope by the classifier, yet an entry's own question in other words
            return hedged(_answered_by([asked], ctx), ctx, lifeline)
        return _not_understood(ctx, route.unsure, routes, knowledge, lifeline, story)
    if ctx.role == "child" and route.search and not route.child and ctx.confidence < lifeline.unsure_below:
        # A child on a guessed route that has no children's entry (the monitoring refusal for "will my teacher
        # keep it secret?"): what the search finds among the children's entries comes first.
        route = replace(route, first="search")
    hits = _with_named_form(_collect(route, ctx, routes, knowledge), route, ctx, knowledge, story)
    if not hits:
        return _not_understood(ctx, "search", routes, knowledge, lifeline, story)
    reply = _answered_by(hits, ctx, handoff=None if ctx.safety else route.handoff)  # acute danger: 112, no queue
    if ctx.confidence < lifeline.unsure_below and not ctx.safety:
        return hedged(reply, ctx, lifeline)
    return reply
