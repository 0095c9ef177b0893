"""Redacts a serialised Rasa event (event.as_dict()) before it is stored.

Every string is redacted except the structural fields Rasa needs to rebuild the tracker (event type,
intent, action, slot and entity names, ids, timestamps); a string equal to the raw sender id becomes its
keyed hash. Standard library only (runs inside Rasa).

The bot's own replies and the slots its actions set repeat (the same passages, lifelines and entry ids in
many conversations), so their redacted copies are kept in a small memo keyed by a keyed hash of the text (a
key made per process, never the text itself): redacting them again was about a tenth of Rasa's CPU per turn.
The memo only saves time: a text is redacted exactly as it would be without it, and it holds nothing but
redacted copies. The user's own messages are redacted afresh every time.
"""
from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
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


class RedactionMemo:
    """Redacted copies of texts, keyed by a keyed BLAKE2b hash of the text; the oldest go beyond `size`."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._key = secrets.token_bytes(32)
        self._copies: OrderedDict[bytes, str] = OrderedDict()
        self._lock = threading.Lock()

    def redact(self, text: str) -> str:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=self._key, digest_size=16).digest()
        with self._lock:
            copy = self._copies.get(digest)
            if copy is not None:
                self._copies.move_to_end(digest)
                return copy
        copy = redact(text)
        with self._lock:
            self._copies[digest] = copy
            while len(self._copies) > self.size:
                self._copies.popitem(last=False)
        return copy

    def keys(self) -> list[bytes]:
        with self._lock:
            return list(self._copies)


BOT_TEXTS = RedactionMemo()
MEMO_EVENTS = frozenset({"bot", "slot"})


def scrub(value: Any, sender_id: str, hashed_sender: str, memo: RedactionMemo | None = None) -> Any:
    """A copy of `value` with every non-structural string redacted and transient fields dropped."""
    if isinstance(value, dict):
        return {k: _scrub_field(k, v, sender_id, hashed_sender, memo) for k, v in value.items()
                if k not in TRANSIENT_KEYS}
    if isinstance(value, list):
        return [scrub(item, sender_id, hashed_sender, memo) for item in value]
    if isinstance(value, str):
        if value == sender_id:
            return hashed_sender
        return memo.redact(value) if memo is not None else redact(value)
    return value


def _scrub_field(key: str, value: Any, sender_id: str, hashed_sender: str, memo: RedactionMemo | None) -> Any:
    if key in STRUCTURAL_KEYS:
        return hashed_sender if value == sender_id else value
    return scrub(value, sender_id, hashed_sender, memo)


def scrub_event(event: dict[str, Any], sender_id: str, hashed_sender: str) -> dict[str, Any]:
    """The event as it may be written to disk; the bot's own replies and slots go through the memo."""
    return scrub(event, sender_id, hashed_sender, BOT_TEXTS if event.get("event") in MEMO_EVENTS else None)
