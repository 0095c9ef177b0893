"""Redacts a serialised Rasa event (event.as_dict()) before it is stored.

Every string is redacted except the structural fields Rasa needs to rebuild the tracker (event type,
intent, action, slot and entity names, ids, timestamps); a string equal to the raw sender id becomes its
keyed hash. Standard library only (runs inside Rasa).
"""
from __future__ import annotations

from typing import Any

from bot.privacy.redact import redact

STRUCTURAL_KEYS = frozenset({
    "event", "name", "policy", "intent_name", "intent_ranking", "entity", "extractor", "role", "group",
    "timestamp", "id", "message_id", "input_channel", "type_name", "action_name", "confidence",
    "confidence_entity", "confidence_group", "confidence_role", "processors", "model_id", "assistant_id",
    "start", "end", "date_time", "kill_on_user_msg", "use_text_for_featurization", "hide_rule_turn",
    "utter_action", "retrieval_intent", "template_name",
})


# Derived from the raw text for the running turn only (the e5 query vector the action server reuses): an
# embedding can be turned back into much of its text, so it is dropped, not redacted.
TRANSIENT_KEYS = frozenset({"query_vector"})


def scrub(value: Any, sender_id: str, hashed_sender: str) -> Any:
    """A copy of `value` with every non-structural string redacted and transient fields dropped."""
    if isinstance(value, dict):
        return {k: _scrub_field(k, v, sender_id, hashed_sender) for k, v in value.items() if k not in TRANSIENT_KEYS}
    if isinstance(value, list):
        return [scrub(item, sender_id, hashed_sender) for item in value]
    if isinstance(value, str):
        return hashed_sender if value == sender_id else redact(value)
    return value


def _scrub_field(key: str, value: Any, sender_id: str, hashed_sender: str) -> Any:
    if key in STRUCTURAL_KEYS:
        return hashed_sender if value == sender_id else value
    return scrub(value, sender_id, hashed_sender)


def scrub_event(event: dict[str, Any], sender_id: str, hashed_sender: str) -> dict[str, Any]:
    """The event as it may be written to disk."""
    return scrub(event, sender_id, hashed_sender)
