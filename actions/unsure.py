"""When the bot is unsure: the best passage with a hedge, else what it can help with, and always the
lifeline (112, Veilig Thuis) with the quick choices (knowledge/lifeline.yml)."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from actions.answer import Hit, Knowledge, Reply, render
from actions.context import TurnContext, without_introduction
from actions.lifeline import Lifeline

MISUNDERSTOOD_BEFORE_HUMAN = 2
BETTER_BY = 0.03  # how much more confident the search over everyone must be than the citizens' search


def with_choice(ctx: TurnContext, lifeline: Lifeline) -> TurnContext:
    """A quick choice (tapped or typed) says what the person means: its intent, and maybe who they are."""
    choice = lifeline.chosen(ctx.text)
    if choice is None:
        return ctx
    return replace(ctx, intent=choice.intent, confidence=1.0, role=choice.role or ctx.role)


def best_passage(ctx: TurnContext, knowledge: Knowledge) -> Optional[Hit]:
    """The best entry or passage for an unclear message, if the index is confident enough of one.
    A child or a professional: their own entries. Anyone else: a citizens' entry, unless an entry for
    everyone (a professional or partner entry, never a policy passage) fits clearly better."""
    own = {"child": "child", "professional": "professional"}.get(ctx.role or "")
    if own:
        # "ik ben verloskundige, ...": search for the question first; the profession names who asks
        questions = dict.fromkeys([without_introduction(ctx.text), ctx.text] if own == "professional" else [ctx.text])
        for question in filter(None, questions):
            result = knowledge.search(question, audience=own, lang=ctx.language, k=1)
            if result.answered and result.hits:
                return result.hits[0]
        return None
    citizen = knowledge.search(ctx.text, audience="citizen", lang=ctx.language, k=1)
    anyone = knowledge.search(ctx.text, audience=None, lang=ctx.language, k=1)
    top = anyone.hits[0] if anyone.answered and anyone.hits else None
    if top is not None and top.kind != "passage" and anyone.confidence > citizen.confidence + BETTER_BY:
        return top
    return citizen.hits[0] if citizen.answered and citizen.hits else None


def _follow_up_passage(ctx: TurnContext, knowledge: Knowledge) -> Optional[Hit]:
    """A follow-up ("en hoe lang duurt dat dan?", "will they call the police on me?") searched together with
    the person's message before it, so that it stays on the topic of the conversation. Never for keyboard
    noise, and None in a first turn."""
    if not ctx.previous_text.strip() or ctx.nonsense:
        return None
    return best_passage(replace(ctx, text=f"{ctx.previous_text} {ctx.text}"), knowledge)


def _clearly_asked(ctx: TurnContext, knowledge: Knowledge) -> Optional[Hit]:
    """The entry whose own question the message clearly paraphrases, in the person's own audience (a new
    question in a conversation: it answers before the topic of the turn before). Never a policy passage."""
    own = {"child": "child", "professional": "professional"}.get(ctx.role or "")
    text = without_introduction(ctx.text) if own == "professional" else ctx.text
    result = knowledge.search(text or ctx.text, audience=own, lang=ctx.language, k=1)
    if result.answered and result.asked and result.hits and result.hits[0].kind != "passage":
        return result.hits[0]
    return None


def unclear_turn_passage(ctx: TurnContext, knowledge: Knowledge) -> Optional[Hit]:
    """What answers an unclear turn: in a conversation's later turns a clear paraphrase of an entry's own
    question, else the message read together with the one before it (a follow-up leans on the topic so far:
    "and will they take my kids?"), else the message alone; in a first turn the message alone."""
    if ctx.previous_text.strip() and not ctx.nonsense:
        return _clearly_asked(ctx, knowledge) or _follow_up_passage(ctx, knowledge) or best_passage(ctx, knowledge)
    return best_passage(ctx, knowledge)


def with_lifeline(texts: list[str], ctx: TurnContext, lifeline: Lifeline, **fields: object) -> Reply:
    return Reply(texts=[*texts, lifeline.text("lifeline", ctx.language)], buttons=lifeline.buttons(ctx.language),
                 role=ctx.role, **fields)  # type: ignore[arg-type]


def unsure_reply(ctx: TurnContext, knowledge: Knowledge, lifeline: Lifeline, kind: str) -> Reply:
    """No route or no confidence: the best passage with a hedge, else what the bot can help with; always
    112, Veilig Thuis and the quick choices. Two misunderstandings in a row offer a human instead."""
    language = ctx.language
    has_words = any(ch.isalnum() for ch in ctx.text)
    if has_words and kind == "search":
        hit = unclear_turn_passage(ctx, knowledge)
        if hit is not None:
            text = f"{lifeline.text('hedge', language)}\n{render(hit, language)}"
            return with_lifeline([text], ctx, lifeline, entry_ids=[hit.id])
    count = ctx.misunderstood + 1
    if count >= MISUNDERSTOOD_BEFORE_HUMAN:
        return Reply(responses=["utter_offer_human"], misunderstood=0, handoff="misunderstood", role=ctx.role)
    what = "check_in" if not has_words else "out_of_scope" if kind == "out_of_scope" else "not_understood"
    return with_lifeline([lifeline.text(what, language)], ctx, lifeline, misunderstood=count)


def hedged(reply: Reply, ctx: TurnContext, lifeline: Lifeline) -> Reply:
    """A routed answer the classifier was not sure of: say so, and add the lifeline and choices."""
    texts = [f"{lifeline.text('hedge', ctx.language)}\n{reply.texts[0]}", *reply.texts[1:]]
    return replace(with_lifeline(texts, ctx, lifeline), entry_ids=reply.entry_ids, handoff=reply.handoff)
