"""HTTP client for the gateway, shared by the Telegram bridge and the terminal shell.

Channels never call Rasa directly: the gateway validates, rate-limits and keeps conversation state.
Whatever goes wrong, a channel always has something safe to show (the 112 / Veilig Thuis fallback).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from bot.chat.messages import fallback
from bot.chat.validation import CLIENT_TURN_WAIT_S

WEBHOOK = "/webhooks/rest/webhook"
ERASE = "/conversations/erase"
OUTBOX = "/conversations/outbox"


@dataclass(frozen=True)
class Choice:
    """A button under a reply: `title` is shown, `payload` is what to send when it is chosen."""

    title: str
    payload: str


@dataclass(frozen=True)
class BotReply:
    text: str
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class OutboxMessage:
    """A message a counsellor wrote during a live handoff, to be delivered on the user's channel."""

    id: int
    text: str
    author: str = "counsellor"  # or "bot"


def bot_replies(response: httpx.Response, language: str = "nl") -> list[BotReply]:
    """What to show for a gateway answer: the bot's replies, the gateway's reason, or the fallback.

    An answer without text is fine: during a live handoff the gateway answers with a state marker only
    (the counsellor's words come through the outbox)."""
    if response.status_code in (400, 413, 429):
        reason = _json(response)
        if isinstance(reason, dict) and isinstance(reason.get("error"), str):
            return [BotReply(reason["error"])]
    replies = _json(response) if response.status_code == 200 else None
    if not isinstance(replies, list) or not replies:
        return [BotReply(fallback(language))]
    shown = [(_shown_text(r), r) for r in replies if isinstance(r, dict)]
    return [BotReply(text, _choices(r.get("buttons"))) for text, r in shown if text]


RECORD_KIND = "step_record"  # a step record (actions/step_record.py): sent as a message of its own


def _shown_text(reply: dict) -> str:
    """A reply's text, or a step record's text; "" for anything else (state markers, handoff requests)."""
    custom = reply.get("custom")
    if isinstance(custom, dict) and custom.get("kind") == RECORD_KIND and isinstance(custom.get("text"), str):
        return custom["text"].strip()
    text = reply.get("text")
    return text.strip() and text if isinstance(text, str) else ""


def reply_texts(response: httpx.Response, language: str = "nl") -> list[str]:
    return [reply.text for reply in bot_replies(response, language)]


def _choices(buttons: object) -> tuple[Choice, ...]:
    if not isinstance(buttons, list):
        return ()
    return tuple(Choice(b["title"], str(b.get("payload") or b["title"])) for b in buttons
                 if isinstance(b, dict) and isinstance(b.get("title"), str))


def outbox_messages(response: httpx.Response) -> list[OutboxMessage] | None:
    """Parse GET /conversations/outbox: {"state", "messages": [{"id", "text", "from"}, ...]}.

    None when the gateway did not answer with an outbox (error, or no such endpoint)."""
    if response.status_code != 200:
        return None
    data = _json(response)
    items = data.get("messages") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return None
    return [OutboxMessage(m["id"], m["text"], str(m.get("from") or m.get("author") or "counsellor")) for m in items
            if isinstance(m, dict) and isinstance(m.get("id"), int) and isinstance(m.get("text"), str)]


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _message_body(sender: str, text: str, channel: str) -> dict[str, Any]:
    return {"sender": sender, "message": text, "metadata": {"channel": channel}}


class AsyncGatewayClient:
    def __init__(self, base_url: str, channel: str, client: httpx.AsyncClient | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.channel = channel
        self.http = client or httpx.AsyncClient(timeout=CLIENT_TURN_WAIT_S)

    async def send(self, sender: str, text: str, language: str = "nl") -> list[BotReply]:
        try:
            response = await self.http.post(self.base_url + WEBHOOK, json=_message_body(sender, text, self.channel))
        except httpx.HTTPError:
            return [BotReply(fallback(language))]
        return bot_replies(response, language)

    async def erase(self, sender: str) -> bool:
        """Ask the gateway to delete what it stored for `sender`; True when it confirms."""
        try:
            response = await self.http.post(self.base_url + ERASE, json={"sender": sender})
        except httpx.HTTPError:
            return False
        return response.status_code == 200

    async def outbox(self, sender: str, after: int, wait_s: float = 25.0) -> list[OutboxMessage] | None:
        """Long-poll for counsellor messages newer than `after`: [] when none came, None on an error."""
        try:
            response = await self.http.get(self.base_url + OUTBOX, timeout=wait_s + 10.0,
                                           params={"sender": sender, "after": after, "wait": wait_s})
        except httpx.HTTPError:
            return None
        return outbox_messages(response)

    async def handoff_state(self, sender: str) -> str:
        """"normal", "waiting" or "handed_off" (from the outbox, without waiting); "normal" on an error."""
        try:
            response = await self.http.get(self.base_url + OUTBOX, params={"sender": sender, "after": 0, "wait": 0})
        except httpx.HTTPError:
            return "normal"
        data = _json(response) if response.status_code == 200 else None
        state = data.get("state") if isinstance(data, dict) else None
        return state if isinstance(state, str) else "normal"

    async def aclose(self) -> None:
        await self.http.aclose()


class GatewayClient:
    """The same as AsyncGatewayClient, blocking, for the terminal."""

    def __init__(self, base_url: str, channel: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.channel = channel
        self.http = httpx.Client(timeout=CLIENT_TURN_WAIT_S)

    def reachable(self) -> bool:
        try:
            return self.http.get(self.base_url + "/health", timeout=3.0).status_code == 200
        except httpx.HTTPError:
            return False

    def send(self, sender: str, text: str, language: str = "nl") -> list[BotReply]:
        try:
            response = self.http.post(self.base_url + WEBHOOK, json=_message_body(sender, text, self.channel))
        except httpx.HTTPError:
            return [BotReply(fallback(language))]
        return bot_replies(response, language)

    def erase(self, sender: str) -> bool:
        try:
            return self.http.post(self.base_url + ERASE, json={"sender": sender}).status_code == 200
        except httpx.HTTPError:
            return False

    def close(self) -> None:
        self.http.close()
