"""Rasa actions of the afwegingskader walk-through (form ``afwegingskader_form``).

- ``validate_afwegingskader_form`` reads every turn inside the form (answer, back, stop, explain) and
  never rejects it, so the form stays in charge and the safety net can still speak first;
- ``action_ask_<slot>`` asks a question in the conversation language;
- ``action_afwegingskader_result`` gives the outcome with its source and clears the form's slots.
"""
from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.afwegingskader import (
    OUTCOME_SLOT,
    REQUESTED_SLOT,
    Walkthrough,
    decide,
    load_walkthrough,
    outcome_texts,
    plan_turn,
    read_turn,
)
from actions.step_record import build_record, offer_text
from actions.watch_line import form_watch_lines

FORM_NAME = "afwegingskader_form"
RETRIEVED_SLOT = "retrieved"


def _language(tracker: Tracker) -> str:
    return tracker.get_slot("language") or "nl"


def _answers(flow: Walkthrough, tracker: Tracker) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in flow.slots}


def _cleared(flow: Walkthrough) -> list[dict[str, Any]]:
    return [SlotSet(slot, None) for slot in flow.slots] + [SlotSet(OUTCOME_SLOT, None)]


def _flagged(message: dict[str, Any]) -> bool:
    return any(entity.get("entity") == "safety" for entity in message.get("entities") or [])


class ValidateAfwegingskaderForm(Action):
    def name(self) -> str:
        return f"validate_{FORM_NAME}"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        flow = load_walkthrough()
        language = _language(tracker)
        requested = tracker.get_slot(REQUESTED_SLOT)
        if requested not in flow.slots:
            # Activation: start from question 1, whatever an earlier walk-through left behind.
            dispatcher.utter_message(text=flow.text(flow.messages, "intro", language))
            return _cleared(flow) + [SlotSet(RETRIEVED_SLOT, [flow.entry])]
        message = tracker.latest_message or {}
        intent = message.get("intent") or {}
        text = message.get("text") or ""
        turn = read_turn(flow, text, intent.get("name") or "", float(intent.get("confidence") or 0.0))
        plan = plan_turn(flow, _answers(flow, tracker), requested, turn, text, language, _flagged(message))
        for line in [*plan.texts, *form_watch_lines(tracker, list(plan.texts))]:
            dispatcher.utter_message(text=line)
        events = [SlotSet(slot, value) for slot, value in plan.slots.items()]
        return events + [SlotSet(RETRIEVED_SLOT, list(plan.entries))]


class _AskQuestion(Action, ABC):
    """Asks one question of the walk-through; one subclass per slot is made below."""

    @property
    @abstractmethod
    def slot(self) -> str: ...

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        question = load_walkthrough().question(self.slot)
        language = _language(tracker)
        dispatcher.utter_message(text=question.text.get(language) or question.text["nl"])
        return []


def _make_ask_actions() -> list[type[_AskQuestion]]:
    made = []
    for index, slot in enumerate(load_walkthrough().slots, start=1):
        action = type(f"AskQuestion{index}", (_AskQuestion,), {"slot": slot, "__module__": __name__})
        globals()[action.__name__] = action  # the action server's worker processes find it by name (pickle)
        made.append(action)
    return made


ASK_ACTIONS = _make_ask_actions()


class ActionAfwegingskaderResult(Action):
    def name(self) -> str:
        return "action_afwegingskader_result"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        flow = load_walkthrough()
        answers = _answers(flow, tracker)
        outcome = tracker.get_slot(OUTCOME_SLOT) or decide(flow, answers).outcome
        language = _language(tracker)
        for line in outcome_texts(flow, outcome, language):
            dispatcher.utter_message(text=line)
        if outcome in flow.outcomes:  # not when the walk-through was stopped
            record = build_record(flow, answers, outcome, language, tracker.get_slot("sector"), dt.date.today())
            dispatcher.utter_message(text=offer_text(language), json_message=record.payload())
        return _cleared(flow) + [SlotSet("role", "professional"), SlotSet(RETRIEVED_SLOT, [])]
