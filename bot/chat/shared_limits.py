"""Rate-limit buckets in Redis, shared by every gateway replica (WEGWIJS_REDIS_HOST set).

One Lua script takes a token atomically, on Redis's own clock (Redis 5 or newer), so replicas behind a load
balancer count one sender (or one client address) together instead of each allowing the full burst. Keys hold
the keyed hash of the sender id or address (bot/privacy/keys.py), never the raw value, and expire once the
bucket would be full again. When Redis does not answer, the gateway keeps limiting in its own process (the in-memory
RateLimiter) for a few seconds before it tries Redis again: the chat goes on, never an HTTP error.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Optional, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.chat.ratelimit import RateLimiter
from bot.privacy.keys import hash_sender, sender_key
from bot.settings import setting

logger = logging.getLogger("wegwijs.ratelimit")
KEY_PREFIX = "wegwijs:rate"
REDIS_TIMEOUT_S = 0.5
PAUSE_AFTER_FAILURE_S = 5.0

# KEYS[1] bucket; ARGV[1] tokens per second; ARGV[2] burst. Returns the seconds to wait ("0": token taken).
# Floats travel as strings: Redis truncates a Lua number reply to an integer.
TAKE_TOKEN = """
local now = redis.call('TIME')
now = tonumber(now[1]) + tonumber(now[2]) / 1000000
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1]) or burst
local updated = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return tostring(wait)
"""


class Limiter(Protocol):
    async def wait_s(self, who: str) -> float:
        """Take one token for `who` and return 0, or the seconds until the next token (taking nothing)."""
        ...


class SharedRateLimiter:
    """A token bucket per sender or address in Redis; `local` limits in this process while Redis is away."""

    def __init__(self, client: Redis, name: str, local: RateLimiter, key: Optional[bytes] = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.name = name
        self.local = local
        self._key = key
        self._clock = clock
        self._paused_until = 0.0
        self._script = client.register_script(TAKE_TOKEN)

    def redis_key(self, who: str) -> str:
        return f"{KEY_PREFIX}:{self.name}:{hash_sender(who, self._key)}"

    async def wait_s(self, who: str) -> float:
        if not self.local.enabled:
            return 0.0
        if self._clock() < self._paused_until:
            return self.local.retry_after(who)
        try:
            waited = await self._script(keys=[self.redis_key(who)], args=[self.local.rate_per_s, self.local.burst])
        except (RedisError, OSError) as problem:
            # Worded so the log redaction keeps it readable ("Redis" alone reads to it as a name).
            logger.error("the shared rate-limit store did not answer (%s): limits are kept in this gateway "
                         "process for %.0f s", type(problem).__name__, PAUSE_AFTER_FAILURE_S)
            self._paused_until = self._clock() + PAUSE_AFTER_FAILURE_S
            return self.local.retry_after(who)
        return float(waited)


def redis_from_env() -> Optional[Redis]:
    """A client for WEGWIJS_REDIS_HOST (the lock store's server and database), or None when it is unset."""
    host = setting("WEGWIJS_REDIS_HOST")
    if not host:
        return None
    tls = bool(setting("WEGWIJS_REDIS_SSL"))
    return Redis(host=host, port=setting("WEGWIJS_REDIS_PORT"), db=setting("WEGWIJS_REDIS_DB"),
                 password=setting("WEGWIJS_REDIS_PASSWORD") or None, ssl=tls,
                 ssl_ca_certs=str(setting("WEGWIJS_REDIS_CA")) if tls and setting("WEGWIJS_REDIS_CA") else None,
                 socket_timeout=REDIS_TIMEOUT_S, socket_connect_timeout=REDIS_TIMEOUT_S)


def shared(client: Optional[Redis], name: str, local: RateLimiter) -> Limiter:
    """The limiter the gateway uses: shared through Redis when a client is given, else `local` alone."""
    return local if client is None else SharedRateLimiter(client, name, local, sender_key())
