"""The few calls the handoff makes to Rasa's HTTP API (besides relaying messages)."""
from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

import httpx

logger = logging.getLogger("wegwijs.handoff")


class RasaApi:
    def __init__(self, client: httpx.AsyncClient, base_url: str) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")

    def _conversation(self, sender: str) -> str:
        return f"{self.base_url}/conversations/{quote(sender, safe='')}"

    async def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation so far; an empty tracker when Rasa cannot be reached (the summary says less)."""
        try:
            response = await self.client.get(self._conversation(sender) + "/tracker")
            response.raise_for_status()
            tracker = response.json()
        except (httpx.HTTPError, ValueError) as problem:
            logger.error("could not read the tracker: %s", type(problem).__name__)
            return {}
        return tracker if isinstance(tracker, dict) else {}

    async def _event(self, sender: str, name: str) -> bool:
        try:
            response = await self.client.post(self._conversation(sender) + "/tracker/events", json={"event": name})
            response.raise_for_status()
        except httpx.HTTPError as problem:
            logger.error("could not %s the conversation: %s", name, type(problem).__name__)
            return False
        return True

    async def pause(self, sender: str) -> bool:
        return await self._event(sender, "pause")

    async def resume(self, sender: str) -> bool:
        return await self._event(sender, "resume")

    async def intent(self, text: str) -> tuple[str, float]:
        """Rasa's reading of a short answer (does not touch any conversation)."""
        try:
            response = await self.client.post(f"{self.base_url}/model/parse", json={"text": text})
            response.raise_for_status()
            intent = response.json().get("intent") or {}
        except (httpx.HTTPError, ValueError, AttributeError):
            return "", 0.0
        return str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)
