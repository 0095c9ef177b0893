"""When the bot is unsure: the best passage with a hedge, else what it can help with, and always the
lifeline (112, Veilig Thuis) with the quick choices (knowledge/lifeline.yml)."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from actions.answer import Hit, Knowledge, Reply, SearchResult, allowed_hits, render, role_audience, unique
from actions.context import TurnContext, without_introduction
from actions.lifeline import Lifeline

MISUNDERSTOOD_BEFORE_HUMAN = 2
# Hits asked of the index for an unclear message: room for the next one when the best is held back.
SEARCH_DEPTH = 3
BETTER_BY = 0.03  # how much more confident the search over everyone must be than the citizens' search
# A later unclear turn shows the hits for the message with the one before it and for the message alone when
# the index is about as sure of both (the gate's confidence within this much).
FOLLOW_UP_BOTH = 0.03


def with_choice(ctx: TurnContext, lifeline: Lifeline) -> TurnContext:
    """A quick choice (tapped or typed) says what the person means: its intent, and maybe who they are."""
    choice = lifeline.chosen(ctx.text)
    if choice is None:
        return ctx
    return replace(ctx, intent=choice.intent, confidence=1.0, role=choice.role or ctx.role)


def best_passage(ctx: TurnContext, knowledge: Knowledge, held_back: tuple[str, ...] = ()) -> Optional[Hit]:
    """The best entry or passage for an unclear message, if the index is confident enough of one.
    A child or a professional: their own entries. Anyone else: a citizens' entry, unless an entry for
    everyone (a professional or partner entry, never a policy passage) fits clearly better. Entries `held_back`
    (Routes.held_back: the monitoring refusal, help for those who use violence when the message does not speak of
    their own) only when the message clearly paraphrases one of their questions."""
    return _best_with_confidence(ctx, knowledge, held_back)[0]


def _allowed(result: SearchResult, held_back: tuple[str, ...]) -> Optional[Hit]:
    """The first hit allowed_hits keeps, or None."""
    return next(iter(allowed_hits(result, held_back)), None)


def _best_with_confidence(ctx: TurnContext, knowledge: Knowledge, held_back: tuple[str, ...] = ()
                          ) -> tuple[Optional[Hit], float]:
    """best_passage and the no-answer gate's confidence in it (0.0 when there is none)."""
    own = role_audience(ctx.role)
    if own:
        # "ik ben verloskundige, ...": search for the question first; the profession names who asks
        questions = dict.fromkeys([without_introduction(ctx.text), ctx.text] if own == "professional" else [ctx.text])
        for question in filter(None, questions):
            result = knowledge.search(question, audience=own, lang=ctx.language, k=SEARCH_DEPTH)
            hit = _allowed(result, held_back)
            if hit is not None:
                return hit, result.confidence
        return None, 0.0
    citizen = knowledge.search(ctx.text, audience="citizen", lang=ctx.language, k=SEARCH_DEPTH)
    anyone = knowledge.search(ctx.text, audience=None, lang=ctx.language, k=SEARCH_DEPTH)
    top = _allowed(anyone, held_back)
    if top is not None and top.kind != "passage" and anyone.confidence > citizen.confidence + BETTER_BY:
        return top, anyone.confidence
    mine = _allowed(citizen, held_back)
    return (mine, citizen.confidence) if mine is not None else (None, 0.0)


def _clearly_asked(ctx: TurnContext, knowledge: Knowledge) -> Optional[Hit]:
    """The entry whose own question the message clearly paraphrases, in the person's own audience (a new
    question in a conversation: it answers before the topic of the turn before). Never a policy passage."""
    own = role_audience(ctx.role)
    text = without_introduction(ctx.text) if own == "professional" else ctx.text
    result = knowledge.search(text or ctx.text, audience=own, lang=ctx.language, k=1)
    if result.answered and result.asked and result.hits and result.hits[0].kind != "passage":
        return result.hits[0]
    return None


def unclear_turn_passages(ctx: TurnContext, knowledge: Knowledge, held_back: tuple[str, ...] = ()) -> list[Hit]:
    """What answers an unclear turn. In a first turn: the best passage for the message. In a later turn a
    follow-up may go on with the topic so far ("and can she chat there too?") or ask something new ("do I have
    to give my name?"), and the words cannot tell which: a clear paraphrase of an entry's own question answers
    alone; else the best hit for the message read together with the one before it and the best hit for the
    message alone, the surer first, both when the other is about as sure (within FOLLOW_UP_BOTH). Never for
    keyboard noise."""
    if not ctx.previous_text.strip() or ctx.nonsense:
        hit = best_passage(ctx, knowledge, held_back)
        return [hit] if hit is not None else []
    asked = _clearly_asked(ctx, knowledge)
    if asked is not None:
        return [asked]
    joint = _best_with_confidence(replace(ctx, text=f"{ctx.previous_text} {ctx.text}"), knowledge, held_back)
    alone = _best_with_confidence(ctx, knowledge, held_back)
    found = sorted((pair for pair in (joint, alone) if pair[0] is not None), key=lambda pair: -pair[1])
    if not found:
        return []
    (first, sure), rest = found[0], found[1:]
    both = [hit for hit, confidence in rest if hit.id != first.id and confidence >= sure - FOLLOW_UP_BOTH]
    return [first, *both]


def with_lifeline(texts: list[str], ctx: TurnContext, lifeline: Lifeline, **fields: object) -> Reply:
    return Reply(texts=[*texts, lifeline.closing(ctx.role, ctx.language)], buttons=lifeline.buttons(ctx.language),
                 role=ctx.role, **fields)  # type: ignore[arg-type]


def unsure_reply(ctx: TurnContext, knowledge: Knowledge, lifeline: Lifeline, kind: str,
                 lead: Optional[Hit] = None, held_back: tuple[str, ...] = ()) -> Reply:
    """No route or no confidence: the best passage with a hedge, else what the bot can help with; always
    112, Veilig Thuis and the quick choices. Two misunderstandings in a row offer a human instead. `lead`: the
    entry of a form of violence the message names (rape, forced marriage), which then comes first."""
    language = ctx.language
    has_words = any(ch.isalnum() for ch in ctx.text)
    if has_words and kind == "search":
        hits = unique([*([lead] if lead is not None else []), *unclear_turn_passages(ctx, knowledge, held_back)])
        if hits:
            texts = [f"{lifeline.text('hedge', language)}\n{render(hits[0], language)}",
                     *(render(hit, language) for hit in hits[1:])]
            return with_lifeline(texts, ctx, lifeline, entry_ids=[hit.id for hit in hits])
    count = ctx.misunderstood + 1
    if count >= MISUNDERSTOOD_BEFORE_HUMAN:
        return Reply(responses=["utter_offer_human"], misunderstood=0, handoff="misunderstood", role=ctx.role)
    what = "check_in" if not has_words else "out_of_scope" if kind == "out_of_scope" else "not_understood"
    return with_lifeline([lifeline.text(what, language)], ctx, lifeline, misunderstood=count)


def hedged(reply: Reply, ctx: TurnContext, lifeline: Lifeline) -> Reply:
    """A routed answer the classifier was not sure of: say so, and add the lifeline and choices."""
    texts = [f"{lifeline.text('hedge', ctx.language)}\n{reply.texts[0]}", *reply.texts[1:]]
    return replace(with_lifeline(texts, ctx, lifeline), entry_ids=reply.entry_ids, handoff=reply.handoff)
