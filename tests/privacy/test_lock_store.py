"""Redis lock keys are keyed hashes of the sender id (nlu/lock_store.py), in Rasa's venv with a real
Redis: while a conversation is locked, no Redis key holds the raw id."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from bot.privacy.keys import hash_sender
from tests.support.redis import RedisUnavailable, start_redis

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"
KEY = "lock-test-key-" + "y" * 16
PROBE = """
import asyncio, json, sys
from rasa.utils.endpoints import EndpointConfig
from nlu.lock_store import HashingRedisLockStore

async def main():
    config = EndpointConfig(url="127.0.0.1", port=sys.argv[1], db="0", password="", use_ssl="false",
                            ssl_ca_certs="", key_prefix="wegwijs", type="nlu.lock_store.HashingRedisLockStore")
    store = HashingRedisLockStore(endpoint_config=config)
    async with store.lock(sys.argv[2]):
        keys = [key.decode() for key in store.red.keys("*")]
    print(json.dumps(keys))

asyncio.run(main())
"""


def test_lock_keys_hold_the_keyed_hash_not_the_sender_id():
    try:
        redis = start_redis()
    except RedisUnavailable as problem:
        pytest.fail(str(problem), pytrace=False)
    sender = "telefoon-0612345678"
    try:
        done = subprocess.run([str(RASA_PYTHON), "-c", PROBE, str(redis.port), sender], cwd=ROOT, capture_output=True,
                              text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT),
                                                           "WEGWIJS_SENDER_KEY": KEY})
    finally:
        redis.stop()
    assert done.returncode == 0, done.stderr[-2000:]
    keys = json.loads(done.stdout.strip().splitlines()[-1])
    assert keys and all(sender not in key for key in keys)
    assert any(hash_sender(sender, KEY.encode()) in key for key in keys)
