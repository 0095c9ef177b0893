"""The watch tier's line: a message the safety net did not alarm on, but whose models lean towards danger
(nlu/safety_watch.py, the entity `safety_watch`), gets 112 or 113 at the end of its reply when the reply does not
give that number already. Never for nonsense, never after an alarm (its message names 112 and 113)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from rasa_sdk import Tracker

from actions.answer import Reply
from actions.context import TurnContext, read_context
from actions.lifeline import Lifeline, load_lifeline

NUMBER = {"acute": "112", "suicide": "113"}


def gives(number: str, text: str) -> bool:
    """112 or 113 as a number of its own; 0800-0113 counts for 113."""
    return re.search(rf"(?<!\d){number}(?!\d)|0800-0{number}(?!\d)", text) is not None


def with_watch_line(reply: Reply, ctx: TurnContext, lifeline: Lifeline) -> Reply:
    if ctx.safety or ctx.nonsense or not ctx.watch:
        return reply
    shown = " ".join(reply.texts)
    lines = [lifeline.text(f"watch_{level}", ctx.language) for level, number in NUMBER.items()
             if level in ctx.watch and not gives(number, shown)]
    return replace(reply, texts=[*reply.texts, *lines]) if lines else reply


def form_watch_lines(tracker: Tracker, shown: list[str], lifeline: Optional[Lifeline] = None) -> list[str]:
    """The watch lines for a turn a form answers (red-flag check, afwegingskader walk-through), after ``shown``:
    the same rule as ``with_watch_line``, so a person inside a form is not left without 113 either."""
    ctx = read_context(tracker)
    return with_watch_line(Reply(texts=list(shown)), ctx, lifeline or load_lifeline()).texts[len(shown):]
