"""Rasa actions of the red-flag check (form ``red_flag_form``, logic in actions/red_flags.py).

- ``validate_red_flag_form`` reads every turn inside the form (yes, no, skip, back, stop) and never
  rejects it; a message the safety net flagged ends the check (its 112/113 message already went out);
- ``action_ask_<slot>`` asks a question in the conversation language;
- ``action_red_flag_result`` gives the outcome (never a score) and clears the check's slots, so the
  answers live nowhere but in the (redacted) conversation.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.red_flags import (
    DANGER_SLOT,
    OUTCOME_SLOT,
    REQUESTED_SLOT,
    RedFlags,
    load_red_flags,
    outcome_of,
    outcome_texts,
    plan_turn,
    read_turn,
)
from actions.watch_line import form_watch_lines

FORM_NAME = "red_flag_form"
RETRIEVED_SLOT = "retrieved"


def _language(tracker: Tracker) -> str:
    return tracker.get_slot("language") or "nl"


def _answers(flags: RedFlags, tracker: Tracker) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in flags.slots}


def _cleared(flags: RedFlags) -> list[dict[str, Any]]:
    return [SlotSet(slot, None) for slot in flags.slots] + [SlotSet(OUTCOME_SLOT, None), SlotSet(DANGER_SLOT, None)]


def _safety(message: dict[str, Any]) -> list[str]:
    return [str(e.get("value")) for e in message.get("entities") or [] if e.get("entity") == "safety"]


class ValidateRedFlagForm(Action):
    def name(self) -> str:
        return f"validate_{FORM_NAME}"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        flags = load_red_flags()
        language = _language(tracker)
        requested = tracker.get_slot(REQUESTED_SLOT)
        if requested not in flags.slots:
            # Activation: start from question 1, whatever an earlier check left behind.
            dispatcher.utter_message(text=flags.text(flags.messages, "intro", language))
            return _cleared(flags) + [SlotSet(RETRIEVED_SLOT, [])]
        message = tracker.latest_message or {}
        intent = message.get("intent") or {}
        text = message.get("text") or ""
        turn = read_turn(flags, text, intent.get("name") or "", float(intent.get("confidence") or 0.0))
        plan = plan_turn(flags, _answers(flags, tracker), requested, turn, language, _safety(message))
        for line in [*plan.texts, *form_watch_lines(tracker, list(plan.texts))]:
            dispatcher.utter_message(text=line)
        return [SlotSet(slot, value) for slot, value in plan.slots.items()] + [SlotSet(RETRIEVED_SLOT, [])]


class _AskQuestion(Action, ABC):
    """Asks one question of the check; one subclass per slot is made below."""

    @property
    @abstractmethod
    def slot(self) -> str: ...

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        question = load_red_flags().question(self.slot)
        language = _language(tracker)
        dispatcher.utter_message(text=question.text.get(language) or question.text["nl"])
        return []


def _make_ask_actions() -> list[type[_AskQuestion]]:
    made = []
    for index, slot in enumerate(load_red_flags().slots, start=1):
        action = type(f"AskRedFlag{index}", (_AskQuestion,), {"slot": slot, "__module__": __name__})
        globals()[action.__name__] = action  # the action server's worker processes find it by name (pickle)
        made.append(action)
    return made


ASK_ACTIONS = _make_ask_actions()


class ActionRedFlagResult(Action):
    def name(self) -> str:
        return "action_red_flag_result"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        flags = load_red_flags()
        alarmed = bool(tracker.get_slot(DANGER_SLOT))
        outcome = tracker.get_slot(OUTCOME_SLOT) or outcome_of(flags, _answers(flags, tracker), alarmed)
        for line in outcome_texts(flags, outcome, _language(tracker), alarmed):
            dispatcher.utter_message(text=line)
        return _cleared(flags) + [SlotSet(RETRIEVED_SLOT, [])]
