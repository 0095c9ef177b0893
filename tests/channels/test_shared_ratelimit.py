"""Rate limits shared by gateway replicas through a real Redis server (bot/chat/shared_limits.py): two
limiters with their own clients stand for two gateway processes behind one load balancer."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from redis.asyncio import Redis

from bot.chat import gateway
from bot.chat.ratelimit import RateLimiter
from bot.chat.shared_limits import KEY_PREFIX, SharedRateLimiter
from tests.support.redis import RedisServer, RedisUnavailable, start_redis

KEY = b"test-key-for-the-shared-limits"


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    try:
        server = start_redis()
    except RedisUnavailable as problem:
        pytest.fail(str(problem), pytrace=False)
    yield server
    server.stop()


def _replica(server: RedisServer, per_minute: float, burst: int, name: str = "message") -> SharedRateLimiter:
    client = Redis(host=server.host, port=server.port, db=0, socket_timeout=0.5, socket_connect_timeout=0.5)
    return SharedRateLimiter(client, name, RateLimiter(per_minute, burst), KEY)


async def _takes(limiter: SharedRateLimiter, who: str, times: int) -> list[float]:
    return [await limiter.wait_s(who) for _ in range(times)]


def test_two_replicas_share_one_burst(redis_server):
    async def run() -> tuple[list[float], list[float], float]:
        first, second = _replica(redis_server, 20, 10), _replica(redis_server, 20, 10)
        a = await _takes(first, "sender-shared", 6)
        b = await _takes(second, "sender-shared", 5)
        other = await second.wait_s("sender-other")
        return a, b, other

    a, b, other = asyncio.run(run())
    assert a == [0.0] * 6
    assert b[:4] == [0.0] * 4  # 6 + 4 = the burst of 10, counted across both replicas
    assert 2.9 < b[4] <= 3.0  # 20 a minute: the next token in about 3 s
    assert other == 0.0  # another sender keeps its own bucket


def test_tokens_come_back_at_the_configured_rate(redis_server):
    async def run() -> tuple[float, float, float]:
        limiter = _replica(redis_server, 600, 1)  # 10 a second, one at a time
        first, refused = await limiter.wait_s("sender-refill"), await limiter.wait_s("sender-refill")
        await asyncio.sleep(refused + 0.02)
        return first, refused, await limiter.wait_s("sender-refill")

    first, refused, later = asyncio.run(run())
    assert first == 0.0 and 0.0 < refused <= 0.1
    assert later == 0.0


def test_keys_hold_a_keyed_hash_that_expires(redis_server):
    async def run() -> list[tuple[str, int]]:
        limiter = _replica(redis_server, 60, 2, name="address")
        await limiter.wait_s("203.0.113.7")
        keys = [key.decode() async for key in limiter.client.scan_iter(f"{KEY_PREFIX}:address:*")]
        return [(key, await limiter.client.ttl(key)) for key in keys]

    keys = asyncio.run(run())
    assert keys and all("203.0.113.7" not in key for key in keys)
    assert all(0 < ttl <= 3 for _, ttl in keys)  # burst 2 at 1 a second: full again after 2 s


def test_redis_away_limits_in_this_process_without_an_error(caplog):
    server = start_redis()
    limiter = _replica(server, 20, 2)
    server.stop()

    async def run() -> list[float]:
        return await _takes(limiter, "sender-offline", 3)

    with caplog.at_level(logging.ERROR, logger="wegwijs.ratelimit"):
        taken = asyncio.run(run())
    assert taken[:2] == [0.0, 0.0] and taken[2] > 0.0  # the local bucket still refuses the third
    assert "did not answer (ConnectionError)" in caplog.text and "sender-offline" not in caplog.text


def test_the_gateway_keeps_its_buckets_in_redis_when_it_is_configured(redis_server, monkeypatch, tmp_path):
    monkeypatch.setenv("WEGWIJS_TRACKER_DIALECT", "sqlite")
    monkeypatch.setenv("WEGWIJS_TRACKER_DB", str(tmp_path / "tracker.db"))
    monkeypatch.delenv("WEGWIJS_CONSOLE_DB_URL", raising=False)
    monkeypatch.setenv("WEGWIJS_PURGE_INTERVAL_S", "0")
    monkeypatch.setenv("WEGWIJS_SENDER_KEY", KEY.decode())
    monkeypatch.setenv("WEGWIJS_REDIS_HOST", redis_server.host)
    monkeypatch.setenv("WEGWIJS_REDIS_PORT", str(redis_server.port))
    monkeypatch.setenv("WEGWIJS_REDIS_DB", "0")
    monkeypatch.setenv("WEGWIJS_RATE_PER_MIN", "20")
    monkeypatch.setenv("WEGWIJS_RATE_BURST", "2")

    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[{"recipient_id": "wired", "text": "echo"}])

    with TestClient(gateway.app) as client:
        gateway.app.state.client = httpx.AsyncClient(transport=httpx.MockTransport(echo))
        assert isinstance(gateway.app.state.limiter, SharedRateLimiter)
        codes = [client.post("/webhooks/rest/webhook", json={"sender": "wired", "message": "hallo"}).status_code
                 for _ in range(3)]
    # Another gateway process on the same Redis finds this sender's bucket empty too.
    other_replica = asyncio.run(_replica(redis_server, 20, 2).wait_s("wired"))
    assert codes == [200, 200, 429]
    assert other_replica > 0.0
