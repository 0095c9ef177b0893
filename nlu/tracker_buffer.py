"""What the tracker store keeps in memory so a conversation goes on while the database is unreachable.

Runs inside Rasa (Python 3.10): standard library only. Per conversation (keyed by the stored, hashed id) it
holds the rows exactly as they are (or will be) in the database, already redacted: the rows of the latest
session read at the last retrieve plus the rows saved since, so they line up one to one with the events of
the tracker Rasa is working on. The last `pending` of them are not in the
database yet; they are written, in order, once it answers again. Conversations with pending rows are never
evicted; the others leave least recently used first.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Optional

Row = dict[str, Any]  # the columns of Rasa's `events` table except id and sender_id
DEFAULT_RECENT = 256


@dataclass
class Conversation:
    rows: list[Row] = field(default_factory=list)
    pending: int = 0

    def unwritten(self) -> list[Row]:
        return self.rows[len(self.rows) - self.pending:] if self.pending else []


@dataclass
class TrackerBuffer:
    max_recent: int = DEFAULT_RECENT
    conversations: OrderedDict[str, Conversation] = field(default_factory=OrderedDict)

    def loaded(self, key: str, rows: list[Row]) -> None:
        """A successful read: the database holds exactly these rows (nothing of this one is pending)."""
        self._put(key, Conversation(list(rows)))

    def saved(self, key: str, rows: list[Row], stored: bool) -> None:
        """New rows of a save; `stored` says whether the database took them."""
        conversation = self.conversations.get(key) or Conversation()
        conversation.rows.extend(rows)
        conversation.pending = 0 if stored else conversation.pending + len(rows)
        self._put(key, conversation)

    def written(self, key: str) -> None:
        conversation = self.conversations.get(key)
        if conversation is not None:
            conversation.pending = 0

    def known(self, key: str) -> Optional[list[Row]]:
        conversation = self.conversations.get(key)
        return None if conversation is None else list(conversation.rows)

    def unwritten(self, key: str) -> list[Row]:
        conversation = self.conversations.get(key)
        return conversation.unwritten() if conversation else []

    def keys_with_unwritten(self) -> list[str]:
        return [key for key, conversation in self.conversations.items() if conversation.pending]

    def forget(self, key: str) -> None:
        self.conversations.pop(key, None)

    def _put(self, key: str, conversation: Conversation) -> None:
        self.conversations[key] = conversation
        self.conversations.move_to_end(key)
        excess = len(self.conversations) - self.max_recent
        if excess > 0:
            for old in [k for k, c in self.conversations.items() if not c.pending][:excess]:
                del self.conversations[old]

