"""action_reply: the one custom action that answers every user message."""
from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.compose import compose
from actions.context import TurnContext, read_context
from actions.red_flags import OFFERED_SLOT, START_PAYLOAD, load_red_flags, should_offer
from actions.routes import load_routes
from knowledge.query_vector import for_message
from knowledge.reachable import fill_live
from knowledge.service import load_index


class ActionReply(Action):
    def __init__(self) -> None:
        # Load the index and embedding model when the action server registers this action,
        # so the first user does not wait for it.
        load_index()

    def name(self) -> str:
        return "action_reply"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        ctx = read_context(tracker)
        # Rasa already embedded the message: retrieval reuses that vector instead of embedding it again.
        reply = compose(ctx, load_routes(), for_message(load_index(), tracker.latest_message or {}))
        for response in reply.responses:
            dispatcher.utter_message(response=response)
        now = dt.datetime.now(dt.timezone.utc)
        for number, text in enumerate(reply.texts, 1):
            last = number == len(reply.texts)
            # Quick choices go under the last text: buttons on the web, a reply keyboard on Telegram.
            dispatcher.utter_message(text=fill_live(text, ctx.language, now),  # "{now.reachable}": the clock
                                     buttons=reply.buttons if last and reply.buttons else None)
        if reply.handoff:
            # Reaches the gateway as {"custom": {"handoff": ...}}; bot/chat/handoff asks the person's consent.
            dispatcher.utter_message(json_message={"handoff": {"reason": reply.handoff, "language": ctx.language}})
        offered = _offer_red_flag_check(dispatcher, ctx, bool(tracker.get_slot(OFFERED_SLOT)))
        return [
            SlotSet(OFFERED_SLOT, offered or bool(tracker.get_slot(OFFERED_SLOT))),
            SlotSet("role", reply.role),
            SlotSet("misunderstood", float(reply.misunderstood)),
            SlotSet("last_topic", reply.entry_ids[0] if reply.entry_ids else tracker.get_slot("last_topic")),
            SlotSet("retrieved", list(reply.entry_ids)),
        ]


def _offer_red_flag_check(dispatcher: CollectingDispatcher, ctx: TurnContext, offered: bool) -> bool:
    """Offers the red-flag check (once) when a victim or bystander names control or threats; the button's
    payload starts the form without the classifier."""
    flags = load_red_flags()
    if not should_offer(flags, ctx.intent, ctx.text, ctx.role, ctx.safety, offered):
        return False
    title = flags.text(flags.messages, "offer_button", ctx.language)
    dispatcher.utter_message(text=flags.text(flags.messages, "offer", ctx.language),
                             buttons=[{"title": title, "payload": START_PAYLOAD}])
    return True
