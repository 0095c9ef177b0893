"""Wires the handoff into the gateway: the flow object at start-up and the outbox endpoint.

GET /conversations/outbox?sender=S&after=N&wait=W
  -> {"state": "normal" | "waiting" | "handed_off", "messages": [{"id", "text", "from": "counsellor" | "bot"}]}
Messages newer than id N; with W > 0 (seconds, at most 25) the request waits until there is one.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.chat.handoff.flow import FlowSettings, HandoffFlow, Relay, handoff_request
from bot.chat.handoff.hours import load_hours, utc_now
from bot.chat.handoff.queue import HandoffStore
from bot.chat.handoff.rasa import RasaApi
from bot.chat.rasa_pool import RasaPool
from bot.chat.request_limits import RATE_LIMITED, SIDE, address_limited, sender_limited
from bot.chat.validation import sender_problem
from bot.settings import setting
from bot.store.console_models import MAX_ID  # the handoff tables are the console's
from bot.store.mode import stores_text

logger = logging.getLogger("wegwijs.handoff")
router = APIRouter()


def flow_settings() -> FlowSettings:
    return FlowSettings(wait_limit=dt.timedelta(minutes=setting("WEGWIJS_HANDOFF_WAIT_MINUTES")),
                        stale_after=dt.timedelta(minutes=setting("WEGWIJS_HANDOFF_STALE_MINUTES")))


def make_flow(client: httpx.AsyncClient, rasa: RasaPool, relay: Relay) -> HandoffFlow:
    """The flow on the console database (the tracker database unless WEGWIJS_CONSOLE_DB_URL says otherwise)."""
    from bot.chat.handoff.privacy import conversation_id, redact
    from bot.store.db import database_url, make_engine

    # Fail here (handoff off, chat on) rather than mid-conversation when bot.privacy is missing or misconfigured.
    redact("")
    conversation_id("start-up check")
    engine = make_engine(database_url())
    return HandoffFlow(HandoffStore(engine), RasaApi(client, rasa), relay, conversation_id, redact,
                       load_hours(), utc_now, flow_settings())


def install(app: FastAPI, client: httpx.AsyncClient, rasa: RasaPool, relay: Relay) -> None:
    """Called from the gateway's start-up: keep a flow on app.state (None when it cannot be built, and with
    WEGWIJS_STORE=none, which writes no transcript anywhere: people are referred to Veilig Thuis instead)."""
    if not stores_text():
        app.state.handoff = None
        return
    try:
        app.state.handoff = make_flow(client, rasa, relay)
    except (ImportError, OSError, SQLAlchemyError, SystemExit) as problem:
        logger.error("handoff disabled: %s", type(problem).__name__)
        app.state.handoff = None


async def turn(app: FastAPI, relay: Relay, sender: str, message: str,
               metadata: dict[str, Any] | None) -> list[dict[str, Any]]:
    """One user message through the handoff when it is available, else straight to Rasa."""
    flow: HandoffFlow | None = getattr(app.state, "handoff", None)
    if flow is None:
        visible, _ = handoff_request(await relay(sender, message, metadata))
        return visible
    return await flow.turn(sender, message, metadata)


@router.get("/conversations/outbox", responses={
    200: {"description": "The handoff state and the counsellor's and bot's messages newer than `after`.",
          "content": {"application/json": {"schema": {
              "type": "object", "required": ["state", "messages"], "properties": {
                  "state": {"type": "string", "enum": ["normal", "waiting", "handed_off"]},
                  "messages": {"type": "array", "items": {
                      "type": "object", "required": ["id", "text", "from"], "properties": {
                          "id": {"type": "integer"}, "text": {"type": "string"},
                          "from": {"type": "string", "enum": ["counsellor", "bot"]}}}}}}}}},
    400: {"description": "A blank or invalid sender.", "content": {"application/json": {"schema": {
        "type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}}}},
    429: RATE_LIMITED,
})
async def outbox(request: Request, sender: str = Query(...), after: int = Query(0, ge=0, le=MAX_ID),
                 wait: float = Query(0.0, ge=0.0, le=60.0)) -> JSONResponse:
    refused = await address_limited(request)
    if refused:
        return refused
    problem = sender_problem(sender)
    if problem:
        return JSONResponse({"error": problem}, status_code=400)
    limited = await sender_limited(request, sender, SIDE)
    if limited:
        return limited
    flow: HandoffFlow | None = getattr(request.app.state, "handoff", None)
    if flow is None:
        return JSONResponse({"state": "normal", "messages": []})
    try:
        return JSONResponse(await flow.outbox(sender, after, wait))
    except SQLAlchemyError as problem:
        logger.error("handoff store unavailable: %s", type(problem).__name__)
        return JSONResponse({"state": "normal", "messages": []})
