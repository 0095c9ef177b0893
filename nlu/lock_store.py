"""Rasa's Redis lock store with conversation ids as keyed hashes: the raw sender id never reaches Redis,
nor the lock errors Rasa logs (`Could not acquire lock for conversation_id '...'`).

endpoints: `lock_store: {type: nlu.lock_store.HashingRedisLockStore, url: ..., port: ..., ...}`.
Runs in the Rasa venv (Python 3.10).
"""
from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any, Optional

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.privacy.keys import hash_sender, sender_key

_FLAGS = ("use_ssl",)


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
