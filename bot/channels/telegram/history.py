"""Which messages of a Telegram chat the bot may still delete: ids and times, in memory only.

Telegram lets a bot delete messages in a private chat (its own and the user's) for 48 hours. Nothing
about a chat is written to disk here, so after a restart the bot has forgotten older messages.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

DELETE_WINDOW_S = 48 * 3600 - 10 * 60  # a margin so a deletion is not refused at the last minute
MAX_PER_CHAT = 5000
PRUNE_EVERY = 1000  # adds; chats that went quiet are dropped then


class ChatHistory:
    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._chats: dict[int, deque[tuple[int, float]]] = {}
        self._adds = 0

    def add(self, chat_id: int, message_id: int) -> None:
        messages = self._chats.setdefault(chat_id, deque(maxlen=MAX_PER_CHAT))
        messages.append((message_id, self._clock()))
        self._adds += 1
        for chat in list(self._chats) if self._adds % PRUNE_EVERY == 0 else [chat_id]:
            self._prune(chat)

    def chats(self) -> int:
        return len(self._chats)

    def deletable(self, chat_id: int) -> list[int]:
        """Message ids still inside Telegram's deletion window, oldest first."""
        self._prune(chat_id)
        return [message_id for message_id, _ in self._chats.get(chat_id, ())]

    def forget(self, chat_id: int, message_ids: list[int] | None = None) -> None:
        """Forget all of a chat, or only the given ids."""
        if message_ids is None:
            self._chats.pop(chat_id, None)
            return
        gone = set(message_ids)
        kept = [(m, t) for m, t in self._chats.get(chat_id, ()) if m not in gone]
        self._chats[chat_id] = deque(kept, maxlen=MAX_PER_CHAT)

    def _prune(self, chat_id: int) -> None:
        messages = self._chats.get(chat_id)
        if messages is None:
            return
        oldest_allowed = self._clock() - DELETE_WINDOW_S
        while messages and messages[0][1] < oldest_allowed:
            messages.popleft()
        if not messages:
            del self._chats[chat_id]
