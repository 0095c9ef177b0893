"""The Redis lock store of nlu/lock_store.py, in Rasa's venv with a real Redis: while a conversation is
locked, no Redis key holds the raw id; and two servers changing one conversation's tickets at the same moment
do not undo each other's change."""
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


# Server B issues a ticket while server A finishes its turn: B has read the ticket list [a] and writes
# [a, b] back a moment later; A meanwhile removes a. Done one after the other, B is served next.
RACE = """
import json, sys, threading, time
from rasa.utils.endpoints import EndpointConfig
from nlu.lock_store import HashingRedisLockStore

def store():
    config = EndpointConfig(url="127.0.0.1", port=sys.argv[1], db="0", key_prefix="wegwijs",
                            type="nlu.lock_store.HashingRedisLockStore")
    return HashingRedisLockStore(endpoint_config=config)

a, b = store(), store()
conversation = a.hashed(sys.argv[2])
ticket_a = a.issue_ticket(conversation)
save = b.save_lock
def slow_save(lock):
    time.sleep(0.3)
    save(lock)
b.save_lock = slow_save
issued = {}
thread = threading.Thread(target=lambda: issued.update(b=b.issue_ticket(conversation)))
thread.start()
time.sleep(0.1)
a.cleanup(conversation, ticket_a)
thread.join()
lock = b.get_lock(conversation)
print(json.dumps({"lock_exists": lock is not None, "b_may_go": lock is not None and not lock.is_locked(issued["b"])}))
"""


def _in_rasa_venv(probe: str, sender: str) -> str:
    try:
        redis = start_redis()
    except RedisUnavailable as problem:
        pytest.fail(str(problem), pytrace=False)
    try:
        done = subprocess.run([str(RASA_PYTHON), "-c", probe, str(redis.port), sender], cwd=ROOT, capture_output=True,
                              text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT),
                                                           "WEGWIJS_SENDER_KEY": KEY})
    finally:
        redis.stop()
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_a_ticket_issued_while_another_server_finishes_is_served_next():
    assert json.loads(_in_rasa_venv(RACE, "race-sender")) == {"lock_exists": True, "b_may_go": True}


# A step that holds the mutex past its timeout (a very slow Redis) still finishes: the expired mutex is not an error.
SLOW = """
import json, sys, time
import nlu.lock_store as lock_store
from rasa.utils.endpoints import EndpointConfig
from nlu.lock_store import HashingRedisLockStore

lock_store.MUTEX_TIMEOUT_S = 0.2
config = EndpointConfig(url="127.0.0.1", port=sys.argv[1], db="0", key_prefix="wegwijs",
                        type="nlu.lock_store.HashingRedisLockStore")
store = HashingRedisLockStore(endpoint_config=config)
conversation = store.hashed(sys.argv[2])
with store._mutex(conversation):
    time.sleep(0.5)
ticket = store.issue_ticket(conversation)
store.cleanup(conversation, ticket)
print(json.dumps({"finished": True, "lock_left": store.get_lock(conversation) is not None}))
"""


def test_a_mutex_held_past_its_timeout_does_not_break_the_turn():
    assert json.loads(_in_rasa_venv(SLOW, "slow-sender")) == {"finished": True, "lock_left": False}


def test_lock_keys_hold_the_keyed_hash_not_the_sender_id():
    sender = "telefoon-0612345678"
    keys = json.loads(_in_rasa_venv(PROBE, sender))
    assert keys and all(sender not in key for key in keys)
    assert any(hash_sender(sender, KEY.encode()) in key for key in keys)
