"""The answer to a long story: what it shows, the question asked at the end, the matching routes."""
from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from actions.answer import Hit, Knowledge, Reply, render, role_audience, unique
from actions.context import TurnContext
from actions.lifeline import Lifeline
from actions.story import StorySettings, question_of, themes_of

MAX_STORY_ENTRIES = 3


def answer_to(question: str, ctx: TurnContext, knowledge: Knowledge) -> list[Hit]:
    """The best knowledge for the question at the end of a story, if the index is confident of it."""
    result = knowledge.search(question, audience=role_audience(ctx.role, "citizen"), lang=ctx.language, k=1)
    return list(result.hits[:1]) if result.answered else []


def story_reply(ctx: TurnContext, knowledge: Knowledge, lifeline: Lifeline, story: StorySettings,
                pathway_for: Callable[[str], list[Hit]], handoff: Optional[str]) -> Reply:
    """Say what the story shows, answer the question asked at the end, give the matching routes and the
    112 / Veilig Thuis line. `pathway_for(question)` gives the route's own knowledge for the question."""
    question = question_of(ctx.text)
    themes = themes_of(ctx.text, story, ctx.role)
    found = [*answer_to(question, ctx, knowledge), *_entries(themes, ctx, knowledge), *pathway_for(question)]
    hits = unique(found)[:MAX_STORY_ENTRIES]
    opening = story.named(themes, ctx.language, ctx.role)
    texts = [text for text in (opening, *(render(hit, ctx.language) for hit in hits)) if text]
    return Reply(texts=[*texts, lifeline.closing(ctx.role, ctx.language)], entry_ids=[hit.id for hit in hits],
                 handoff=handoff, role=ctx.role)


def _entries(ids: list[str], ctx: TurnContext, knowledge: Knowledge) -> list[Hit]:
    return [hit for hit in (knowledge.entry(entry_id, ctx.language) for entry_id in ids) if hit is not None]
