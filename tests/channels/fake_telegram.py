"""A fake Telegram Bot API on loopback for the bridge's tests (python-telegram-bot's base_url points here).

It implements getMe, getUpdates (long poll), sendMessage, sendChatAction, deleteMessage(s),
setWebhook and deleteWebhook, records every call, and can be told to fail the next calls of a method.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Wegwijs", "username": "wegwijs_test_bot",
            "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False}
RAW_STRING_PARAMS = {"text", "url", "secret_token"}  # PTB sends strings as they are, the rest JSON-encoded


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int
    at: float = field(default_factory=time.monotonic)


def free_port(first: int, last: int) -> int:
    for port in range(first, last + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {first}-{last}")


def _parse(values: dict[str, str]) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    for key, value in values.items():
        if key in RAW_STRING_PARAMS:
            parsed[key] = value
            continue
        try:
            parsed[key] = json.loads(value)
        except ValueError:
            parsed[key] = value
    return parsed


class FakeTelegram:
    def __init__(self, token: str, port: int) -> None:
        self.token = token
        self.port = port
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.deleted: set[tuple[int, int]] = set()
        self.failures: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self.webhook: dict[str, Any] = {}
        self._ids = itertools.count(1)
        self._update_ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # --- test side ----------------------------------------------------------------------------------
    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> FakeTelegram:
        config = uvicorn.Config(self._app(), host="127.0.0.1", port=self.port, log_level="error", access_log=False,
                                timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("fake Telegram API did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server:
            self._server.should_exit = True
        if self._thread:
            self._thread.join(timeout=10)

    def user_sends(self, chat_id: int, text: str | None = None, language: str = "nl", chat_type: str = "private",
                   photo: bool = False) -> int:
        """Queue an incoming message as the user in chat `chat_id`; returns its message id."""
        message_id = next(self._ids)
        message: dict[str, Any] = {
            "message_id": message_id, "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type, **({"first_name": "Test"} if chat_type == "private"
                                                           else {"title": "Groep"})},
            "from": {"id": abs(chat_id), "is_bot": False, "first_name": "Test", "language_code": language},
        }
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if photo:
            message["photo"] = [{"file_id": "photo-1", "file_unique_id": "p1", "width": 10, "height": 10}]
        with self._lock:
            self.updates.append({"update_id": next(self._update_ids), "message": message})
        return message_id

    def fail(self, method: str, status: int, times: int = 1, retry_after: int | None = None) -> None:
        """Make the next `times` calls of `method` fail with HTTP `status`."""
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": f"Fake error {status}"}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        with self._lock:
            self.failures.setdefault(method, []).extend([(status, body)] * times)

    def calls_of(self, method: str, ok_only: bool = True) -> list[Call]:
        """Calls of `method`: answered with 200, or all of them (also failed and in-flight ones)."""
        with self._lock:
            return [c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)]

    def sent_to(self, chat_id: int) -> list[str]:
        return [c.params["text"] for c in self.calls_of("sendMessage") if c.params.get("chat_id") == chat_id]

    def wait_for(self, condition: Callable[[], Any], timeout: float = 60.0, what: str = "condition") -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            time.sleep(0.05)
        raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")

    def wait_for_replies(self, chat_id: int, count: int, timeout: float = 60.0) -> list[str]:
        return self.wait_for(lambda: len(self.sent_to(chat_id)) >= count and self.sent_to(chat_id),
                             timeout, f"{count} replies in chat {chat_id}")

    def wait_for_whole_turn(self, chat_id: int, quiet: float = 2.0, timeout: float = 60.0) -> list[str]:
        """Every reply of a turn: the bridge sends a turn's messages one by one, so wait for the first and then
        until no new one arrives for `quiet` seconds."""
        self.wait_for_replies(chat_id, 1, timeout)
        deadline, seen, since = time.monotonic() + timeout, -1, time.monotonic()
        while time.monotonic() < deadline:
            count = len(self.sent_to(chat_id))
            if count != seen:
                seen, since = count, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return self.sent_to(chat_id)
            time.sleep(0.05)
        raise AssertionError(f"the replies in chat {chat_id} did not settle within {timeout:.0f} s")

    # --- the API --------------------------------------------------------------------------------------
    def _app(self) -> FastAPI:
        app = FastAPI()

        @app.api_route("/bot{token}/{method}", methods=["GET", "POST"])
        async def api(token: str, method: str, request: Request) -> JSONResponse:
            call = Call(method, await _params(request), status=0)  # 0 while in flight (a long poll)
            with self._lock:
                self.calls.append(call)
            call.status, body = await self._handle(token, method, call.params)
            return JSONResponse(body, status_code=call.status)

        return app

    async def _handle(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        with self._lock:
            queued = self.failures.get(method)
            if queued:
                return queued.pop(0)
        handler = getattr(self, f"_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
        result = await handler(params)
        return 200, {"ok": True, "result": result}

    async def _getMe(self, params: dict[str, Any]) -> Any:  # noqa: N802 (Bot API method names)
        return BOT_USER

    async def _getUpdates(self, params: dict[str, Any]) -> Any:  # noqa: N802
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while True:
            with self._lock:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                pending = list(self.updates)
            if pending or time.monotonic() >= deadline:
                return pending
            await asyncio.sleep(0.05)

    async def _sendMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        chat_id = int(params["chat_id"])
        return {"message_id": next(self._ids), "date": int(time.time()), "text": params["text"],
                "chat": {"id": chat_id, "type": "private", "first_name": "Test"}, "from": BOT_USER}

    async def _sendChatAction(self, params: dict[str, Any]) -> Any:  # noqa: N802
        return True

    async def _deleteMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        with self._lock:
            self.deleted.add((int(params["chat_id"]), int(params["message_id"])))
        return True

    async def _deleteMessages(self, params: dict[str, Any]) -> Any:  # noqa: N802
        ids = params["message_ids"]
        if not 1 <= len(ids) <= 100:
            raise ValueError("deleteMessages takes 1-100 ids")
        with self._lock:
            self.deleted.update((int(params["chat_id"]), int(m)) for m in ids)
        return True

    async def _setWebhook(self, params: dict[str, Any]) -> Any:  # noqa: N802
        self.webhook = params
        return True

    async def _deleteWebhook(self, params: dict[str, Any]) -> Any:  # noqa: N802
        self.webhook = {}
        return True


async def _params(request: Request) -> dict[str, Any]:
    values: dict[str, str] = dict(request.query_params)
    kind = request.headers.get("content-type", "")
    if kind.startswith("application/json"):
        body = await request.json()
        values.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()})
    elif kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        values.update({k: str(v) for k, v in form.items()})
    return _parse(values)
