"""The gateway's Rasa servers: taken in turn, and the next one only when a server cannot be reached."""
from __future__ import annotations

import asyncio

import httpx
import pytest

from bot.chat.rasa_pool import RasaPool, urls_from_env

URLS = ["http://rasa-a:5005", "http://rasa-b:5005", "http://rasa-c:5005"]


def test_servers_are_taken_in_turn():
    pool = RasaPool(URLS)
    firsts = [pool.in_turn()[0] for _ in range(6)]
    assert firsts == URLS + URLS


def test_every_server_is_offered_once_per_turn_for_failover():
    pool = RasaPool(URLS)
    for _ in range(4):
        assert sorted(pool.in_turn()) == sorted(URLS)


def _calls(pool: RasaPool, down: set[str], fail_after_connect: set[str] = frozenset()) -> tuple[str, list[str]]:
    tried: list[str] = []

    async def request(base_url: str) -> str:
        tried.append(base_url)
        if base_url in down:
            raise httpx.ConnectError("refused")
        if base_url in fail_after_connect:
            raise httpx.ReadTimeout("slow")
        return base_url

    return asyncio.run(pool.call(request)), tried


def test_a_server_that_cannot_be_reached_is_skipped():
    answered, tried = _calls(RasaPool(URLS), down={URLS[0]})
    assert answered == URLS[1] and tried == URLS[:2]


def test_a_server_that_failed_after_taking_the_message_is_not_retried_elsewhere():
    with pytest.raises(httpx.ReadTimeout):
        _calls(RasaPool(URLS), down=set(), fail_after_connect={URLS[0]})


def test_when_every_server_is_down_the_last_error_is_raised():
    with pytest.raises(httpx.ConnectError):
        _calls(RasaPool(URLS), down=set(URLS))


def test_urls_come_from_the_list_else_the_single_url(monkeypatch):
    monkeypatch.setenv("WEGWIJS_RASA_URLS", " http://a:1/, ,http://b:2 ")
    assert urls_from_env() == ["http://a:1", "http://b:2"]
    monkeypatch.setenv("WEGWIJS_RASA_URLS", "")
    monkeypatch.setenv("WEGWIJS_RASA_URL", "http://only:5005/")
    assert urls_from_env() == ["http://only:5005"]


def test_an_empty_pool_is_refused():
    with pytest.raises(ValueError):
        RasaPool([])
