"""A turn answered by a form (red-flag check, afwegingskader walk-through) gets the watch tier's 113 line too, by
the same rule as any other reply (actions/watch_line.py): only when the models lean towards suicide without an
alarm, and not when the turn already gives 113."""
from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.afwegingskader import load_walkthrough
from actions.afwegingskader_actions import ValidateAfwegingskaderForm
from actions.lifeline import load_lifeline
from actions.red_flags import load_red_flags
from actions.red_flags_actions import ValidateRedFlagForm

WATCH_LINE = load_lifeline().text("watch_suicide", "nl")
FORMS = [(ValidateRedFlagForm(), load_red_flags().slots[0]),
         (ValidateAfwegingskaderForm(), load_walkthrough().slots[0])]


def _turn(action: Action, slot: str, entities: list[dict[str, Any]]) -> list[str]:
    message = {"text": "nee, maar soms zie ik het allemaal niet meer zitten",
               "intent": {"name": "deny", "confidence": 0.9}, "entities": entities}
    tracker = Tracker("s", {"requested_slot": slot, "language": "nl"}, message, [], False, None,
                      {"name": "form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    action.run(dispatcher, tracker, {})
    return [m.get("text") or "" for m in dispatcher.messages]


@pytest.mark.parametrize(("action", "slot"), FORMS)
def test_a_watched_form_turn_ends_with_the_113_line(action: Action, slot: str) -> None:
    texts = _turn(action, slot, [{"entity": "safety_watch", "value": "suicide"}])
    assert texts and texts[-1] == WATCH_LINE


@pytest.mark.parametrize(("action", "slot"), FORMS)
def test_no_line_without_the_watch_or_after_an_alarm(action: Action, slot: str) -> None:
    assert WATCH_LINE not in _turn(action, slot, [])
    alarmed = [{"entity": "safety", "value": "suicide"}, {"entity": "safety_watch", "value": "suicide"}]
    assert WATCH_LINE not in _turn(action, slot, alarmed)
