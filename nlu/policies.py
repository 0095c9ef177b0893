"""SafetyNetPolicy: the turn after a flagged message always starts with 112 / 113.

Runs inside Rasa (Python 3.10). It reads the ``safety`` entities set by
``nlu.components.SafetyNetExtractor`` and takes over the whole turn:
safety utterance(s) first, then the normal reply (or the active form), then listen.
Its predictions are marked as "no user" predictions with the highest priority, so
neither rules nor forms nor ML policies can outvote it.
"""
from __future__ import annotations

import logging
from collections.abc import Collection
from pathlib import Path
from typing import Any, Optional

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.settings import setting
from nlu import rasa_speedups, token_vectors

rasa_speedups.apply()  # Rasa imports this module when it loads the model
try:  # our vocabulary's e5 vectors, computed at set-up: a new process need not embed them again
    token_vectors.prefill()
    if setting("WEGWIJS_E5_PRELOAD"):  # test runs: the evaluation's fixed messages (bot/measure/eval_vectors.py)
        token_vectors.prefill_texts(Path(setting("WEGWIJS_E5_PRELOAD")))
except Exception:  # noqa: BLE001  (a damaged file only costs speed; the featurizer embeds as before)
    logging.getLogger(__name__).warning("e5 vectors not loaded", exc_info=True)

SAFETY_UTTERANCES = {"acute": "utter_safety_acute", "suicide": "utter_safety_suicide"}
DEFAULT_REPLY_ACTION = "action_reply"


def flags_of_latest_message(tracker: DialogueStateTracker) -> list[str]:
    entities = tracker.latest_message.entities if tracker.latest_message else []
    values = {e.get("value") for e in entities if e.get("entity") == "safety"}
    return [flag for flag in SAFETY_UTTERANCES if flag in values]


def actions_since_user_message(tracker: DialogueStateTracker) -> list[str]:
    names: list[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted) and event.action_name:
            names.append(event.action_name)
    return list(reversed(names))


def next_safety_action(
    tracker: DialogueStateTracker, reply_action: str, loops: Collection[str] = ()
) -> Optional[str]:
    """The action this turn still needs, or None when the turn is not flagged (or the rest is up to
    the rules: once a loop (form) has run after the safety message, the rules decide whether it
    listens or, when the form just finished, gives its result)."""
    flags = flags_of_latest_message(tracker)
    if not flags:
        return None
    done = actions_since_user_message(tracker)
    for flag in flags:
        if SAFETY_UTTERANCES[flag] not in done:
            return SAFETY_UTTERANCES[flag]
    if any(name in loops for name in done):
        return None
    loop_can_run = tracker.active_loop_name and not tracker.is_active_loop_rejected
    follow_up = tracker.active_loop_name if loop_can_run else reply_action
    if follow_up not in done:
        return follow_up
    return ACTION_LISTEN_NAME


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class SafetyNetPolicy(Policy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 7, "reply_action": DEFAULT_REPLY_ACTION}

    def train(
        self,
        training_trackers: list[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[dict[str, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        action = next_safety_action(tracker, self.config["reply_action"], domain.form_names)
        if action is None or action not in domain.action_names_or_texts:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)
