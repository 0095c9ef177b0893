"""The gateway relays a sender's messages one at a time, in the order they came (bot/chat/sender_order.py)."""
from __future__ import annotations

import asyncio

from bot.chat.sender_order import SenderOrder


async def _run(order: SenderOrder, sender: str, name: str, delay: float, log: list[str]) -> None:
    async with order.turn(sender):
        log.append(f"start {name}")
        await asyncio.sleep(delay)
        log.append(f"end {name}")


def test_a_senders_messages_run_one_at_a_time_in_arrival_order():
    async def scenario() -> list[str]:
        order, log = SenderOrder(), []
        # The first turn is slow; the later ones would finish first if they were not queued.
        tasks = [asyncio.create_task(_run(order, "a", "1", 0.05, log))]
        for name in ("2", "3", "4"):
            await asyncio.sleep(0.005)
            tasks.append(asyncio.create_task(_run(order, "a", name, 0.0, log)))
        await asyncio.gather(*tasks)
        assert order.waiting() == 0, "a sender with nothing waiting is forgotten"
        return log

    log = asyncio.run(scenario())
    assert log == ["start 1", "end 1", "start 2", "end 2", "start 3", "end 3", "start 4", "end 4"]


def test_different_senders_do_not_wait_for_each_other():
    async def scenario() -> list[str]:
        order, log = SenderOrder(), []
        slow = asyncio.create_task(_run(order, "a", "a", 0.2, log))
        await asyncio.sleep(0.01)
        await asyncio.wait_for(_run(order, "b", "b", 0.0, log), timeout=0.1)
        await slow
        return log

    assert asyncio.run(scenario()) == ["start a", "start b", "end b", "end a"]


def test_a_failing_turn_releases_the_sender():
    async def scenario() -> int:
        order = SenderOrder()
        try:
            async with order.turn("a"):
                raise RuntimeError("rasa away")
        except RuntimeError:
            pass
        async with order.turn("a"):
            return order.waiting()

    assert asyncio.run(scenario()) == 1
