"""The Rasa servers behind the gateway: one by default, several in production, taken in turn (round-robin).

WEGWIJS_RASA_URLS="http://10.0.0.1:5005,http://10.0.0.2:5005" lists them; without it WEGWIJS_RASA_URL (one
server, default http://127.0.0.1:5005). They must share one tracker store and one Redis lock store
(deploy/production/endpoints.yml), so any of them can take any turn.
"""
from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx

from bot.settings import setting

DEFAULT_URL = "http://127.0.0.1:5005"
T = TypeVar("T")


def urls_from_env() -> list[str]:
    listed = [url.strip().rstrip("/") for url in (setting("WEGWIJS_RASA_URLS") or "").split(",")]
    listed = [url for url in listed if url]
    return listed or [(setting("WEGWIJS_RASA_URL") or DEFAULT_URL).rstrip("/")]


class RasaPool:
    def __init__(self, urls: list[str]) -> None:
        if not urls:
            raise ValueError("at least one Rasa URL is needed")
        self.urls = urls
        self._turn = itertools.count()

    def in_turn(self) -> list[str]:
        """Every server, starting with the next one in the rotation (the rest are for failover)."""
        start = next(self._turn) % len(self.urls)
        return self.urls[start:] + self.urls[:start]

    async def call(self, request: Callable[[str], Awaitable[T]]) -> T:
        """`request(base_url)` on the next server; on to the following one only when a server cannot be
        reached at all. Any later failure is raised: that server may have handled the message already."""
        servers = self.in_turn()
        for base_url in servers[:-1]:
            try:
                return await request(base_url)
            except (httpx.ConnectError, httpx.ConnectTimeout):
                continue
        return await request(servers[-1])
