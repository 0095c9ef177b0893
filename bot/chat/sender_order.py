"""One turn at a time per sender, in the order the messages reached this gateway.

Rasa's lock store lets only one turn of a conversation run at a time, but it hands out its tickets when a Rasa
server gets round to a request: a server whose event loop is busy with another turn may ticket a message
after a later one that reached an idle server. Two quick messages of one sender ("ja", then "nee" in a
walk-through) could then be answered in the wrong order. The gateway therefore relays a sender's next
message only when the previous one is answered. The queues live in this process only (several gateways each
keep their own order; Rasa's lock still keeps turns apart) and are dropped when a sender has nothing waiting.
"""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Queue:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class SenderOrder:
    def __init__(self) -> None:
        self._queues: dict[str, _Queue] = {}

    @asynccontextmanager
    async def turn(self, sender: str) -> AsyncIterator[None]:
        """Wait for the sender's earlier messages (asyncio.Lock wakes waiters first come, first served)."""
        queue = self._queues.setdefault(sender, _Queue())
        queue.users += 1
        try:
            async with queue.lock:
                yield
        finally:
            queue.users -= 1
            if queue.users == 0:
                del self._queues[sender]

    def waiting(self) -> int:
        """How many senders have a turn running or waiting (for tests and health checks)."""
        return len(self._queues)
