"""Live handoff relay: messages a counsellor writes in the console reach the person's Telegram chat.

The gateway keeps them in an outbox per sender (GET /conversations/outbox?sender=S&after=N, long-poll).
A chat is watched from its first message on; the watch ends after a quiet spell without any message
either way, on /stop and /wis, or when the bridge stops.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.channels.gateway_client import AsyncGatewayClient

logger = logging.getLogger("wegwijs.telegram")
QUIET_S = 30 * 60.0
MIN_POLL_S = 1.0
Deliver = Callable[[int, str, str], Awaitable[None]]  # chat id, text, author


@dataclass
class _Watch:
    chat_id: int
    after: int = 0
    last_activity: float = field(default_factory=time.monotonic)
    task: asyncio.Task[None] | None = None


class OutboxRelay:
    def __init__(self, gateway: AsyncGatewayClient, deliver: Deliver, quiet_s: float = QUIET_S,
                 poll_wait_s: float = 25.0, error_pause_s: float = 5.0) -> None:
        self.gateway = gateway
        self.deliver = deliver
        self.quiet_s = quiet_s
        self.poll_wait_s = poll_wait_s
        self.error_pause_s = error_pause_s
        self._watches: dict[str, _Watch] = {}

    def watch(self, sender: str, chat_id: int) -> None:
        """Start (or keep) relaying counsellor messages for `sender` to `chat_id`."""
        current = self._watches.get(sender)
        if current and current.task and not current.task.done():
            current.last_activity = time.monotonic()
            return
        after = current.after if current else 0
        entry = _Watch(chat_id, after)
        entry.task = asyncio.ensure_future(self._run(sender, entry))
        self._watches[sender] = entry

    def unwatch(self, sender: str) -> None:
        entry = self._watches.pop(sender, None)
        if entry and entry.task:
            entry.task.cancel()

    def watching(self) -> list[str]:
        return [s for s, w in self._watches.items() if w.task and not w.task.done()]

    async def close(self) -> None:
        tasks = [w.task for w in self._watches.values() if w.task]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._watches.clear()

    async def _run(self, sender: str, entry: _Watch) -> None:
        while time.monotonic() - entry.last_activity < self.quiet_s:
            asked = time.monotonic()
            result = await self.gateway.outbox(sender, entry.after, self.poll_wait_s)
            if result is None:  # the gateway is unreachable or has no outbox: wait, then try again
                await asyncio.sleep(self.error_pause_s)
                continue
            if not result and time.monotonic() - asked < MIN_POLL_S:
                await asyncio.sleep(MIN_POLL_S)  # the gateway answered at once: do not spin
            for message in result:
                await self.deliver(entry.chat_id, message.text, message.author)
                entry.after = max(entry.after, message.id)
                entry.last_activity = time.monotonic()
