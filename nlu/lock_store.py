"""Rasa's Redis lock store with conversation ids as keyed hashes: the raw sender id never reaches Redis,
nor the lock errors Rasa logs (`Could not acquire lock for conversation_id '...'`), and with its ticket
updates made atomic across servers.

Rasa reads a conversation's ticket list, changes it and writes it back in separate Redis calls. Two servers
doing that at once lose one of the changes: a ticket that was just finished comes back (the next turn then
waits for it to expire, a minute), or the lock is deleted under a waiting turn (Rasa drops that message with
a LockError). Each read-change-write here holds a short Redis mutex of its own conversation.

endpoints: `lock_store: {type: nlu.lock_store.HashingRedisLockStore, url: ..., port: ..., ...}`.
Runs in the Rasa venv (Python 3.10).
"""
from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any, Optional

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import LockError as MutexLost

from bot.privacy.keys import hash_sender, sender_key

logger = logging.getLogger(__name__)
_FLAGS = ("use_ssl",)
MUTEX_TIMEOUT_S = 5.0  # a mutex outlives no crashed holder longer than this
MUTEX_WAIT_S = 5.0


def _options(kwargs: dict[str, Any]) -> dict[str, Any]:
    """endpoints.yml turns unset variables into "": drop them; "true"/"1" flags become booleans."""
    options = {key: value for key, value in kwargs.items() if not (isinstance(value, str) and not value.strip())}
    for flag in _FLAGS:
        if isinstance(options.get(flag), str):
            options[flag] = options[flag].strip().lower() in ("1", "true", "yes")
    return options


class HashingRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        self._key = sender_key()
        super().__init__(**_options(kwargs))

    def hashed(self, conversation_id: str) -> str:
        return hash_sender(conversation_id, self._key)

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[TicketLock, None]:
        async with super().lock(self.hashed(conversation_id), lock_lifetime, wait_time_in_seconds) as ticket:
            yield ticket

    # Rasa's read-change-write steps, each under the conversation's mutex (ids here are already hashed).

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().cleanup(conversation_id, ticket_number)

    @contextmanager
    def _mutex(self, conversation_id: str) -> Iterator[None]:
        mutex = self.red.lock(f"{self.key_prefix}mutex:{conversation_id}", timeout=MUTEX_TIMEOUT_S,
                              sleep=0.002, blocking_timeout=MUTEX_WAIT_S)
        if not mutex.acquire():
            raise LockError("The lock store's mutex for a conversation stayed taken.")
        try:
            yield
        finally:
            try:
                mutex.release()
            except MutexLost:  # held past MUTEX_TIMEOUT_S (a very slow Redis): it expired, nothing to release
                logger.warning("A lock-store mutex expired before it was released")
