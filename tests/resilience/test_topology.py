"""The production topology on loopback: PostgreSQL tracker store, Redis lock store, two Rasa servers with an
action server each, one gateway taking them in turn (deploy/production/endpoints.yml, bot/operate/topology.py).
Then faults: an action server down, a Rasa server down and restarted, the database away for a while, Redis
down (no personal data nor raw sender id in any log then either).

The afwegingskader walk-through is the probe for context: question N+1 only comes when the server that
takes the turn knows the answers given on the other one."""
from __future__ import annotations

import asyncio
import dataclasses
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.operate.launcher import Stack
from bot.settings import load_settings
from tests.support.postgres import PostgresServer
from tests.support.redis import RedisServer, RedisUnavailable, start_redis

pytestmark = pytest.mark.e2e
START = "loop het afwegingskader met me door"
PORT_OFFSET = 300  # next to the ports of the single-instance stack of tests/e2e


@dataclasses.dataclass
class Topology:
    stack: Stack
    postgres: PostgresServer
    database: str
    redis: RedisServer

    @property
    def rasa_urls(self) -> list[str]:
        return [f"http://{self.stack.settings.internal_host}:{self.stack.settings.rasa_port + i}" for i in range(2)]

    @property
    def web_url(self) -> str:
        return self.stack.settings.web_url


@pytest.fixture(scope="module")
def topology(postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    try:
        redis = start_redis()
    except RedisUnavailable as problem:
        pytest.fail(str(problem), pytrace=False)
    database = "wegwijs_topology"
    postgres_server.create_database(database)
    base = load_settings()
    var_dir = Path(tmp_path_factory.mktemp("topology"))
    settings = dataclasses.replace(
        base, instances=2, var_dir=var_dir, tracker_dialect="postgresql", tracker_db=database,
        web_port=base.web_port + PORT_OFFSET, rasa_port=base.rasa_port + PORT_OFFSET,
        action_port=base.action_port + PORT_OFFSET, console_port=base.console_port + PORT_OFFSET)
    env = {"WEGWIJS_TRACKER_HOST": postgres_server.host, "WEGWIJS_TRACKER_PORT": str(postgres_server.port),
           "WEGWIJS_TRACKER_USER": postgres_server.user, "WEGWIJS_TRACKER_PASSWORD": postgres_server.password,
           "WEGWIJS_REDIS_HOST": redis.host, "WEGWIJS_REDIS_PORT": str(redis.port), "WEGWIJS_REDIS_DB": "0",
           "WEGWIJS_ENDPOINTS": "", "WEGWIJS_CONSOLE_DB_URL": ""}
    stack = Stack(settings, log_dir=var_dir / "logs", env=env)
    stack.start()
    try:
        topology = Topology(stack, postgres_server, database, redis)
        yield topology
    finally:
        stack.stop()
        topology.redis.stop()


def say(url: str, sender: str, message: str) -> list[str]:
    response = httpx.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60)
    assert response.status_code == 200, response.text
    return [reply.get("text", "") for reply in response.json()]


def joined(replies: list[str]) -> str:
    return "\n".join(replies).lower()


def tracker_events(url: str, sender: str, auth: dict[str, str]) -> list[dict[str, Any]]:
    response = httpx.get(f"{url}/conversations/{sender}/tracker", params=auth, timeout=30)
    response.raise_for_status()
    return response.json()["events"]


def new_sender() -> str:
    return f"topo-{uuid.uuid4().hex[:10]}"


def test_a_conversation_goes_on_when_its_turns_alternate_between_the_rasa_servers(topology):
    one, two = topology.rasa_urls
    sender = new_sender()
    assert "vraag 1 van 5" in joined(say(one, sender, START))
    assert "vraag 2 van 5" in joined(say(two, sender, "ja"))
    assert "vraag 3 van 5" in joined(say(one, sender, "nee"))
    assert "vraag 4 van 5" in joined(say(two, sender, "ja"))
    assert "vraag 5 van 5" in joined(say(one, sender, "ja"))
    assert "(opnieuw) melden" in joined(say(two, sender, "nee"))


def test_the_gateway_walks_the_form_across_both_servers(topology):
    """The gateway takes the servers in turn (tests/unit/test_rasa_pool.py checks the rotation itself)."""
    sender = new_sender()
    answers = [joined(say(topology.web_url, sender, text)) for text in (START, "ja", "nee", "ja")]
    for number, answer in enumerate(answers, start=1):
        assert f"vraag {number} van 5" in answer


async def _send_staggered(url_of: list[str], sender: str, messages: list[str], gap_s: float) -> list[list[str]]:
    async with httpx.AsyncClient(timeout=120) as client:
        async def send(index: int, message: str) -> list[str]:
            await asyncio.sleep(index * gap_s)
            url = url_of[index % len(url_of)]
            response = await client.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message})
            response.raise_for_status()
            return [reply.get("text", "") for reply in response.json()]
        return await asyncio.gather(*(send(i, m) for i, m in enumerate(messages)))


def test_quick_messages_of_one_sender_through_the_gateway_are_answered_in_order(topology):
    """The gateway relays a sender's next message only when the previous one is answered (bot/chat/
    sender_order.py), while it takes the Rasa servers in turn."""
    sender = new_sender()
    messages = [START, "ja", "nee", "ja", "ja", "nee"]
    replies = asyncio.run(_send_staggered([topology.web_url], sender, messages, gap_s=0.05))
    for number, reply in enumerate(replies[:5], start=1):
        assert f"vraag {number} van 5" in joined(reply), (number, replies)
    assert "(opnieuw) melden" in joined(replies[5])
    assert _stored_user_texts(topology, sender) == messages


def test_quick_messages_straight_to_both_rasa_servers_are_handled_one_at_a_time(topology):
    """Rasa's Redis lock keeps the turns of one conversation apart across servers. The order is the one in
    which the servers ticket the messages (a busy server tickets later), which is why the gateway keeps it."""
    sender = new_sender()
    messages = [START, "ja", "nee", "ja", "ja", "nee"]
    asyncio.run(_send_staggered(topology.rasa_urls, sender, messages, gap_s=0.05))
    events = tracker_events(topology.rasa_urls[0], sender, topology.stack.rasa_auth())
    users = [i for i, event in enumerate(events) if event["event"] == "user"]
    assert sorted(events[i]["text"] for i in users) == sorted(messages)
    for here, following in zip(users, users[1:] + [len(events)], strict=True):
        between = events[here + 1:following]
        assert any(e["event"] == "bot" for e in between), f"message {events[here]['text']!r} was not answered"
        assert (between[-1]["event"], between[-1].get("name")) == ("action", "action_listen")


def test_with_every_action_server_down_the_user_still_gets_112_and_veilig_thuis(topology):
    sender = new_sender()
    say(topology.web_url, sender, "hallo")
    for name in ("actions-1", "actions-2"):
        topology.stack.stop_service(name)
    try:
        for message in ("mijn buurman slaat zijn vrouw, wat kan ik doen?", "wat is de meldcode?"):
            response = httpx.post(f"{topology.web_url}/webhooks/rest/webhook", timeout=60,
                                  json={"sender": sender, "message": message})
            assert response.status_code == 200
            text = joined([reply.get("text", "") for reply in response.json()])
            assert "112" in text and "0800-2000" in text
            assert "traceback" not in text and "exception" not in text
        acute = joined(say(topology.web_url, sender, "hij staat nu met een mes voor de deur"))
        assert "112" in acute
    finally:
        for name in ("actions-1", "actions-2"):
            topology.stack.start_service(name)
    assert "signalen" in joined(say(topology.web_url, sender, "wat zijn de stappen van de meldcode?"))


def test_with_one_rasa_server_down_the_gateway_uses_the_other(topology):
    sender = new_sender()
    assert "vraag 1 van 5" in joined(say(topology.web_url, sender, START))
    topology.stack.stop_service("rasa-2")
    try:
        for number, answer in enumerate(("ja", "nee", "ja"), start=2):
            assert f"vraag {number} van 5" in joined(say(topology.web_url, sender, answer))
    finally:
        topology.stack.start_service("rasa-2")
    assert "vraag 5 van 5" in joined(say(topology.rasa_urls[1], sender, "ja"))


def _stored_user_texts(topology: Topology, sender: str) -> list[str]:
    events = tracker_events(topology.rasa_urls[0], sender, topology.stack.rasa_auth())
    return [event["text"] for event in events if event["event"] == "user"]


def _stored_rows(topology: Topology) -> list[tuple[str, str]]:
    import psycopg

    server = topology.postgres
    with psycopg.connect(host=server.host, port=server.port, user=server.user, password=server.password,
                         dbname=topology.database) as connection:
        return [(row[0], row[1]) for row in connection.execute("SELECT sender_id, data FROM events ORDER BY id")]


def test_the_database_away_for_a_while_loses_nothing_and_a_restarted_rasa_goes_on(topology):
    """rasa-2 is stopped so every turn lands on rasa-1 (each server keeps only what it saw itself while
    the database is away); after the outage a freshly started rasa-2 continues from the database."""
    sender = new_sender()
    one, two = topology.rasa_urls
    topology.stack.stop_service("rasa-2")
    try:
        assert "vraag 1 van 5" in joined(say(topology.web_url, sender, START))
        topology.postgres.pause()
        try:
            assert "vraag 2 van 5" in joined(say(topology.web_url, sender, "ja"))
            assert "vraag 3 van 5" in joined(say(topology.web_url, sender, "nee"))
            other = new_sender()  # a conversation that starts during the outage
            assert "vraag 1 van 5" in joined(say(topology.web_url, other, START))
        finally:
            topology.postgres.resume()
        assert "vraag 4 van 5" in joined(say(one, sender, "ja"))
    finally:
        topology.stack.start_service("rasa-2")
    assert "vraag 5 van 5" in joined(say(two, sender, "ja"))
    assert "(opnieuw) melden" in joined(say(two, sender, "nee"))
    assert _stored_user_texts(topology, sender) == [START, "ja", "nee", "ja", "ja", "nee"]
    _wait_until_stored(topology, other)
    assert _stored_user_texts(topology, other) == [START]
    datas = [data for _, data in _stored_rows(topology)]
    assert len(datas) == len(set(datas)), "an event was stored twice"
    assert all(isinstance(json.loads(data), dict) for data in datas)


def _wait_until_stored(topology: Topology, sender: str, timeout_s: float = 20.0) -> None:
    """Rows kept during the outage are written by a background retry within seconds."""
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if _stored_user_texts(topology, sender):
            return
        time.sleep(0.5)


def test_redis_down_leaks_no_personal_data_nor_the_sender_id(topology):
    """Rasa cannot take the conversation's lock: it logs the failure (with the lock key, a keyed hash) and
    the gateway answers its safe fallback. Runs last: it stops the stack to read complete logs."""
    sender = f"lek-{uuid.uuid4()}"
    message = "mijn stiefvader Gerrit Brouwer slaat me, bel 06-98765432"
    assert say(topology.web_url, sender, "hallo")  # the conversation exists before Redis goes
    topology.redis.stop()
    try:
        replies = joined(say(topology.web_url, sender, message))
        assert "112" in replies and "0800-2000" in replies
    finally:
        topology.redis = start_redis(port=topology.redis.port)
    topology.stack.stop()
    assert topology.stack.log_dir is not None
    logs = sorted(topology.stack.log_dir.glob("*.log"))
    assert len(logs) >= 5 and "lock" in " ".join(p.read_text(errors="replace") for p in logs).lower()
    for path in logs:
        content = path.read_text(errors="replace")
        for value in ("Brouwer", "06-98765432", "98765432", sender):
            assert value not in content, f"{value!r} in {path.name}"
