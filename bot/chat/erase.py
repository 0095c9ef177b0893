"""Privacy in the gateway: erasing a conversation on request and purging old ones on a schedule.

POST /conversations/erase {"sender": S}  -> {"erased": rows}   (the widget's "Wis dit gesprek", Telegram /wis)
A chat message "/wis" (or "/erase") erases the conversation too and is never sent to Rasa.
Every WEGWIJS_PURGE_INTERVAL_S seconds (default 3600; 0 = never) conversations older than
WEGWIJS_RETENTION_DAYS days (default 30) are deleted.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any, Optional
from urllib.parse import quote

import httpx
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.chat.messages import messages
from bot.chat.rasa_auth import auth_params
from bot.chat.request_limits import RATE_LIMITED, SIDE, address_limited, json_problem, sender_limited
from bot.chat.validation import sender_problem
from bot.privacy.db import console_url, make_engine, tracker_url
from bot.privacy.retention import erase, purge_counts
from bot.settings import setting
from bot.store.mode import stores_text

logger = logging.getLogger("wegwijs.privacy")
router = APIRouter()
ERASE_COMMANDS = {"/wis": "nl", "/wissen": "nl", "/erase": "en", "/delete": "en"}
DEFAULT_RETENTION_DAYS = 30.0
DEFAULT_PURGE_INTERVAL_S = 3600.0
MAX_BODY_BYTES = 4096


def retention_days() -> float:
    return setting("WEGWIJS_RETENTION_DAYS")


def purge_interval_s() -> float:
    return setting("WEGWIJS_PURGE_INTERVAL_S")


def engine_of(app: FastAPI) -> Engine:
    engine = getattr(app.state, "privacy_engine", None)
    if engine is None:
        engine = app.state.privacy_engine = make_engine(tracker_url())
    return engine


def other_engines(app: FastAPI) -> list[Engine]:
    """The console's database when it is separate from the tracker database."""
    engines = getattr(app.state, "privacy_other_engines", None)
    if engines is None:
        url = console_url()
        engines = app.state.privacy_other_engines = [make_engine(url)] if url else []
    return engines


async def erase_sender(app: FastAPI, sender: str) -> int:
    """Erase the raw sender id's conversation from every database (the tracker's and the console's), and
    with WEGWIJS_STORE=none from Rasa's memory, where it is kept while it lasts."""
    if not stores_text():
        await forget_in_rasa(app, sender)
    return await asyncio.to_thread(erase, engine_of(app), sender, None, other_engines(app))


async def forget_in_rasa(app: FastAPI, sender: str) -> None:
    """Replace the conversation's events in Rasa by none (its in-memory store then holds no text of it)."""
    client, rasa = app.state.client, app.state.rasa
    path = f"/conversations/{quote(sender, safe='')}/tracker/events"

    async def put(base_url: str) -> httpx.Response:
        return await client.put(base_url + path, json=[], params=auth_params())

    try:
        (await rasa.call(put)).raise_for_status()
    except httpx.HTTPError as problem:
        raise SQLAlchemyError(f"Rasa did not forget the conversation: {type(problem).__name__}") from None


def erase_command_language(message: str) -> Optional[str]:
    """'nl' or 'en' when the message is an erase command, else None."""
    return ERASE_COMMANDS.get(message.strip().lower())


def failed_text(language: str) -> str:
    return messages()["erase"]["failed"][language].format(days=f"{retention_days():g}")


async def erase_reply(app: FastAPI, sender: str, language: str) -> list[dict[str, Any]]:
    """The chat answer to "/wis": erase, then say so honestly (or that it failed)."""
    texts = messages()["erase"]
    try:
        await erase_sender(app, sender)
        text = texts["done"][language]
    except SQLAlchemyError as problem:
        logger.error("erase failed: %s", type(problem).__name__)
        text = failed_text(language)
    return [{"recipient_id": sender, "text": text}]


async def _small_body(request: Request) -> bytes:
    """The request body, or b"" when it is larger than an erase request can be."""
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_BODY_BYTES:
            return b""
    return bytes(body)


@router.post(
    "/conversations/erase",
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": ["sender"],
        "properties": {"sender": {"type": "string", "minLength": 1, "maxLength": 128}}}}}}},
    responses={
        200: {"description": "Erased: the number of stored rows removed.", "content": {"application/json": {
            "schema": {"type": "object", "required": ["erased"], "properties": {"erased": {"type": "integer"}}}}}},
        400: {"description": "Not JSON, too large, or a missing or invalid sender.", "content": {"application/json": {
            "schema": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}}}},
        415: {"description": "Content-Type is not application/json.", "content": {"application/json": {
            "schema": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}}}},
        429: RATE_LIMITED,
        503: {"description": "The tracker database could not be reached.", "content": {"application/json": {
            "schema": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}}}},
    },
)
async def erase_endpoint(request: Request) -> JSONResponse:
    refused = await address_limited(request) or json_problem(request)
    if refused:
        return refused
    try:
        payload = json.loads(await _small_body(request))
    except (ValueError, RecursionError):
        payload = None
    sender = payload.get("sender") if isinstance(payload, dict) else None
    problem = sender_problem(sender)
    if problem:
        return JSONResponse({"error": problem}, status_code=400)
    limited = await sender_limited(request, sender, SIDE)
    if limited:
        return limited
    try:
        rows = await erase_sender(request.app, sender)
    except SQLAlchemyError as failure:
        logger.error("erase failed: %s", type(failure).__name__)
        return JSONResponse({"error": failed_text("nl")}, status_code=503)
    return JSONResponse({"erased": rows})


async def purge_forever(app: FastAPI, days: float, interval_s: float) -> None:
    """Purge now and then every `interval_s` seconds; a failing run is logged and retried next time."""
    while True:
        try:
            result = await asyncio.to_thread(purge_counts, engine_of(app), days, None, other_engines(app))
            if result.conversations:
                logger.info("retention: purged %d conversations (%d rows) older than %g days",
                            result.conversations, result.rows, days)
        except SQLAlchemyError as problem:
            logger.error("retention purge failed: %s", type(problem).__name__)
        await asyncio.sleep(interval_s)


def install(app: FastAPI) -> None:
    """Called from the gateway's start-up: the purge schedule."""
    interval_s = purge_interval_s()
    days = retention_days()
    app.state.purge_task = asyncio.create_task(purge_forever(app, days, interval_s)) if interval_s > 0 else None


async def uninstall(app: FastAPI) -> None:
    """Called from the gateway's shutdown."""
    task = getattr(app.state, "purge_task", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    engine = getattr(app.state, "privacy_engine", None)
    for one in [engine, *(getattr(app.state, "privacy_other_engines", None) or [])]:
        if one is not None:
            one.dispose()
    app.state.privacy_engine = app.state.privacy_other_engines = None  # the next start reads the settings again
