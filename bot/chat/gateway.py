"""The web gateway: serves the chat page and relays messages to Rasa's REST channel.

Every channel passes through here on its way to Rasa. It speaks the same contract as
Rasa's REST channel: POST /webhooks/rest/webhook {"sender", "message"} -> [{"text", ...}].
"""
from __future__ import annotations

import html
import json
import logging
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from bot.chat import erase as privacy
from bot.chat import feedback, record
from bot.chat.handoff import service as handoff
from bot.chat.messages import error, fallback, grouped, storage_notice, too_long_reply
from bot.chat.page_headers import PageHeaders
from bot.chat.rasa_pool import RasaPool, urls_from_env
from bot.chat.ratelimit import address_limiter_from_env, limiter_from_env, side_limiter_from_env
from bot.chat.request_limits import RATE_LIMITED, address_limited, exempt_addresses, json_problem, sender_limited
from bot.chat.sender_order import SenderOrder
from bot.chat.shared_limits import redis_from_env, shared
from bot.chat.validation import (
    MAX_MESSAGE_CHARS,
    MAX_SENDER_CHARS,
    as_words,
    channel_metadata,
    message_problem,
    sender_problem,
    too_long,
)
from bot.privacy import logredact
from bot.privacy.language import detect_language  # pure Python: which language to answer an over-long message in
from bot.settings import setting

logredact.install()  # before anything logs: no personal data in this process's logs
WEB_DIR = Path(__file__).with_name("web")
RASA_TIMEOUT_S = setting("WEGWIJS_RASA_TIMEOUT_S")
# A 10,000-character message JSON-escaped (\\uXXXX, emoji as two of them) stays below this; a longer one up
# to here still gets a kind reply, only larger bodies an HTTP 413.
MAX_BODY_BYTES = 256 * 1024
logger = logging.getLogger("wegwijs.gateway")

# The webhook reads the raw body itself (size limit before parsing), so FastAPI cannot derive these.
_ERROR = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}
_WEBHOOK_BODY = {
    "type": "object",
    "required": ["sender", "message"],
    "properties": {
        "sender": {"type": "string", "minLength": 1, "maxLength": MAX_SENDER_CHARS,
                   "description": "Conversation id chosen by the channel; no control characters."},
        "message": {"type": "string", "minLength": 1,
                    "description": f"Plain text, not blank, no control characters except newlines and tabs. "
                                   f"Up to {MAX_MESSAGE_CHARS} characters are passed on whole; a longer message "
                                   f"is answered with a request to send it in parts."},
        "metadata": {"type": ["object", "null"], "properties": {
            "channel": {"type": ["string", "null"], "pattern": "^[a-z][a-z0-9_-]{0,31}$"}}},
    },
}
_REPLY = {"type": "object", "properties": {
    "recipient_id": {"type": "string"}, "text": {"type": "string"},
    "buttons": {"type": "array", "items": {"type": "object"}}, "custom": {"type": "object"}}}


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_WEBHOOK_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: _json("The bot's replies (the safe fallback text when Rasa cannot answer).",
               {"type": "array", "items": _REPLY}),
    400: _json("Not JSON, or a missing, blank or invalid sender, message or metadata.", _ERROR),
    413: _json(f"Body larger than {MAX_BODY_BYTES} bytes.", _ERROR),
    415: _json("Content-Type is not application/json.", _ERROR),
    429: RATE_LIMITED,
}


def _api_docs() -> dict[str, Any]:
    """/docs and /openapi.json only when WEGWIJS_API_DOCS=1 (app.openapi() always works in-process)."""
    if setting("WEGWIJS_API_DOCS"):
        return {}
    return {"docs_url": None, "redoc_url": None, "openapi_url": None}


app = FastAPI(title="Wegwijs gateway", version="0.1.0", **_api_docs())
app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
app.state.limiter = limiter_from_env()
app.add_middleware(PageHeaders)
app.include_router(handoff.router)  # GET /conversations/outbox: counsellor messages during a handoff
app.include_router(privacy.router)  # POST /conversations/erase: erase one conversation
app.include_router(feedback.router)  # POST /feedback: thumbs up or down on one answer
app.include_router(record.router)  # POST /record.pdf: the step record as a PDF (nothing stored)


def rasa_client() -> httpx.AsyncClient:
    """The client for Rasa. Without keep-alive (WEGWIJS_RASA_KEEPALIVE=0) every turn opens its own
    connection: a Kubernetes Service balances connections, not requests, so kept-alive connections would
    stay on the pairs that were there first and never reach the ones the autoscaler adds."""
    if setting("WEGWIJS_RASA_KEEPALIVE"):
        return httpx.AsyncClient(timeout=RASA_TIMEOUT_S)  # httpx's default pool
    no_keepalive = httpx.Limits(max_connections=100, max_keepalive_connections=0)
    return httpx.AsyncClient(timeout=RASA_TIMEOUT_S, limits=no_keepalive)


@app.on_event("startup")
async def _open_client() -> None:
    app.state.client = rasa_client()
    redis = app.state.redis = redis_from_env()  # None: the buckets live in this process
    app.state.limiter = shared(redis, "message", limiter_from_env())
    app.state.address_limiter = shared(redis, "address", address_limiter_from_env())
    app.state.side_limiter = shared(redis, "side", side_limiter_from_env())
    app.state.rate_exempt = exempt_addresses()
    app.state.rasa = RasaPool(urls_from_env())
    app.state.sender_order = SenderOrder()
    handoff.install(app, app.state.client, app.state.rasa, _relay)
    privacy.install(app)  # scheduled retention purge


@app.on_event("shutdown")
async def _close_client() -> None:
    await app.state.client.aclose()
    if app.state.redis is not None:
        await app.state.redis.aclose()
    await privacy.uninstall(app)


@app.get("/", include_in_schema=False)
async def index(lang: str = "nl") -> HTMLResponse:
    """The chat page, saying what this installation keeps (WEGWIJS_STORE, WEGWIJS_RETENTION_DAYS); `?lang=en`
    (the embed script's language) says it in English."""
    page = (WEB_DIR / "index.html").read_text(encoding="utf-8")
    language = "en" if lang == "en" else "nl"
    return HTMLResponse(page.replace("<!--storage-->", html.escape(storage_notice(language))),
                        headers={"Cache-Control": "no-store"})


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


def _bad_request(reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=400)


def _safe_fallback(sender: str) -> list[dict[str, Any]]:
    return [{"recipient_id": sender, "text": fallback()}]


def turn_timeout_s(message: str) -> float:
    """How long to wait for Rasa on this turn: up to twice WEGWIJS_RASA_TIMEOUT_S for a long story, whose parse
    (the safety net reads it in dozens of chunks through e5) can pass the short messages' wait on a loaded machine."""
    return RASA_TIMEOUT_S * (1 + min(len(message), MAX_MESSAGE_CHARS) / MAX_MESSAGE_CHARS)


async def relay(client: httpx.AsyncClient, rasa: RasaPool, sender: str, message: str,
                metadata: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Send one message to Rasa (the next server in turn); on any failure answer with the safe fallback."""
    body: dict[str, Any] = {"sender": sender, "message": message}
    if metadata:
        body["metadata"] = metadata  # Rasa's RestInput stores it on the user event

    async def post(base_url: str) -> httpx.Response:
        return await client.post(f"{base_url}/webhooks/rest/webhook", json=body, timeout=turn_timeout_s(message))

    try:
        response = await rasa.call(post)
        response.raise_for_status()
        replies = response.json()
    except (httpx.HTTPError, ValueError) as problem:
        logger.error("Rasa did not answer: %s", type(problem).__name__)
        return _safe_fallback(sender)
    return replies if isinstance(replies, list) and replies else _safe_fallback(sender)


async def _relay(sender: str, message: str, metadata: dict[str, Any] | None) -> list[dict[str, Any]]:
    return await relay(app.state.client, app.state.rasa, sender, message, metadata)


async def _read_body(request: Request, limit: int) -> bytes | None:
    """The request body, or None when it is larger than `limit` (stops reading there)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            return None
    return bytes(body)


@app.post("/webhooks/rest/webhook", responses=_WEBHOOK_RESPONSES,
          openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": _WEBHOOK_BODY}}}})
async def webhook(request: Request) -> JSONResponse:
    refused = await address_limited(request) or json_problem(request)
    if refused:
        return refused
    body = await _read_body(request, MAX_BODY_BYTES)
    if body is None:
        return JSONResponse({"error": error("body_too_large", limit=grouped(MAX_MESSAGE_CHARS))}, status_code=413)
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):  # invalid UTF-8 is a ValueError; deep nesting a RecursionError
        return _bad_request("Body must be JSON: {\"sender\": ..., \"message\": ...}")
    if not isinstance(payload, dict):
        return _bad_request("Body must be a JSON object with 'sender' and 'message'.")
    problem = sender_problem(payload.get("sender"))
    if problem:
        return _bad_request(problem)
    # Counted before the message is checked: a flood of bad messages is still a flood.
    limited = await sender_limited(request, payload["sender"])
    if limited:
        return limited
    metadata, problem = channel_metadata(payload.get("metadata"))
    problem = message_problem(payload.get("message")) or problem
    if problem:
        return _bad_request(problem)
    message: str = payload["message"]
    if too_long(message):  # kindly, as a bot reply: never cut a story short, never an error in the chat
        language = "en" if detect_language(message[:MAX_MESSAGE_CHARS]) == "en" else "nl"
        return JSONResponse([{"recipient_id": payload["sender"], "text": too_long_reply(MAX_MESSAGE_CHARS, language)}])
    erase_language = privacy.erase_command_language(message)
    if erase_language:  # "/wis": erased here, never sent to Rasa
        return JSONResponse(await privacy.erase_reply(app, payload["sender"], erase_language))
    async with app.state.sender_order.turn(payload["sender"]):  # a sender's messages in the order they came
        replies = await handoff.turn(app, _relay, payload["sender"], as_words(message), metadata)
    return JSONResponse(replies)
