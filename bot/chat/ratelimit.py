"""Per-sender token bucket: a flooding sender is slowed down, every other sender is untouched."""
from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from bot.settings import setting


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """`per_minute` messages a minute on average, up to `burst` in a row. per_minute <= 0 turns it off.

    Buckets live in memory (one gateway process) and the least recently used ones are dropped beyond
    `max_senders`, so a stream of made-up sender ids cannot exhaust memory.
    """

    def __init__(self, per_minute: float, burst: int, max_senders: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate_per_s = per_minute / 60.0
        self.burst = max(1, burst)
        self.max_senders = max_senders
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.rate_per_s > 0

    async def wait_s(self, sender: str) -> float:
        """retry_after for the gateway's request checks (the Redis-backed limiter's interface)."""
        return self.retry_after(sender)

    def allow(self, sender: str) -> bool:
        """Take one token for `sender`; False when the bucket is empty."""
        return self.retry_after(sender) == 0.0

    def retry_after(self, sender: str) -> float:
        """Take one token and return 0, or return the seconds until the next token (taking nothing)."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        bucket = self._buckets.pop(sender, None) or _Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate_per_s)
        bucket.updated = now
        self._buckets[sender] = bucket
        while len(self._buckets) > self.max_senders:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / self.rate_per_s


def limiter_from_env() -> RateLimiter:
    """WEGWIJS_RATE_PER_MIN (20; 0 = off) and WEGWIJS_RATE_BURST (10)."""
    return RateLimiter(setting("WEGWIJS_RATE_PER_MIN"), int(setting("WEGWIJS_RATE_BURST")))


def address_limiter_from_env() -> RateLimiter:
    """Every request from one client address: WEGWIJS_RATE_PER_IP_PER_MIN (120; 0 = off) and
    WEGWIJS_RATE_PER_IP_BURST (60). Behind a reverse proxy the address is the one the proxy forwards
    (uvicorn trusts X-Forwarded-For from FORWARDED_ALLOW_IPS, default 127.0.0.1)."""
    return RateLimiter(setting("WEGWIJS_RATE_PER_IP_PER_MIN"),
                       int(setting("WEGWIJS_RATE_PER_IP_BURST")))


def side_limiter_from_env() -> RateLimiter:
    """Outbox polls and erase requests per sender: WEGWIJS_RATE_SIDE_PER_MIN (60; 0 = off), burst 30."""
    return RateLimiter(setting("WEGWIJS_RATE_SIDE_PER_MIN"), 30)
