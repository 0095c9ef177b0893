"""The few calls the handoff makes to Rasa's HTTP API (besides relaying messages)."""
from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

import httpx

from bot.chat.rasa_auth import auth_params
from bot.chat.rasa_pool import RasaPool

logger = logging.getLogger("wegwijs.handoff")


class RasaApi:
    def __init__(self, client: httpx.AsyncClient, rasa: RasaPool) -> None:
        self.client = client
        self.rasa = rasa

    async def _get(self, path: str) -> httpx.Response:
        return await self.rasa.call(lambda base_url: self.client.get(base_url + path, params=auth_params()))

    async def _post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return await self.rasa.call(lambda base_url: self.client.post(base_url + path, json=body,
                                                                    params=auth_params()))

    @staticmethod
    def _conversation(sender: str) -> str:
        return f"/conversations/{quote(sender, safe='')}"

    async def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation so far; an empty tracker when Rasa cannot be reached (the summary says less)."""
        try:
            response = await self._get(self._conversation(sender) + "/tracker")
            response.raise_for_status()
            tracker = response.json()
        except (httpx.HTTPError, ValueError) as problem:
            logger.error("could not read the tracker: %s", type(problem).__name__)
            return {}
        return tracker if isinstance(tracker, dict) else {}

    async def _event(self, sender: str, name: str) -> bool:
        try:
            response = await self._post(self._conversation(sender) + "/tracker/events", {"event": name})
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
            response = await self._post("/model/parse", {"text": text})
            response.raise_for_status()
            intent = response.json().get("intent") or {}
        except (httpx.HTTPError, ValueError, AttributeError):
            return "", 0.0
        return str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)

    async def safety(self, text: str) -> tuple[str, ...] | None:
        """The levels Rasa's safety net (lexicon, kNN bank, trained head) flags in a text, from the
        SafetyNetExtractor's entities; None when Rasa cannot be reached (the caller keeps its lexicon)."""
        try:
            response = await self._post("/model/parse", {"text": text})
            response.raise_for_status()
            entities = response.json().get("entities") or []
        except (httpx.HTTPError, ValueError, AttributeError):
            logger.error("could not ask Rasa's safety net; lexicon only for this message")
            return None
        return tuple(sorted({str(e.get("value")) for e in entities
                             if isinstance(e, dict) and e.get("entity") == "safety"
                             and e.get("value") in ("acute", "suicide")}))
