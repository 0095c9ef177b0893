"""The watch tier's line: a message the safety net did not alarm on, but whose models lean towards danger
(nlu/safety_watch.py, the entity `safety_watch`), gets 112 or 113 at the end of its reply when the reply does not
give that number already. Never for nonsense, never after an alarm (its message names 112 and 113)."""
from __future__ import annotations

import re
from dataclasses import replace

from actions.answer import Reply
from actions.context import TurnContext
from actions.lifeline import Lifeline

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
