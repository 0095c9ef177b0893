"""POST /feedback on the gateway: {"sender", "reply", "rating": "up"|"down", "comment"?} -> {"stored": id}.

Validated like the webhook (sender, size, no control characters), counted by the same rate limiter, and
redacted (reply and comment) before anything is written."""
from __future__ import annotations

import logging
from typing import Any, Optional

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.chat.json_body import sender_body
from bot.chat.messages import error
from bot.chat.validation import message_problem, sender_problem
from bot.store.feedback_models import DOWN, MAX_COMMENT_CHARS, MAX_REPLY_CHARS, UP
from bot.store.feedback_store import FeedbackStore

logger = logging.getLogger("wegwijs.feedback")
router = APIRouter()
RATINGS = {"up": UP, "down": DOWN}
MAX_BODY_BYTES = 32 * 1024
_ERROR = {"application/json": {"schema": {"type": "object", "required": ["error"],
                                          "properties": {"error": {"type": "string"}}}}}
_BODY = {"type": "object", "required": ["sender", "reply", "rating"], "properties": {
    "sender": {"type": "string", "minLength": 1, "maxLength": 128},
    "reply": {"type": "string", "minLength": 1, "maxLength": MAX_REPLY_CHARS,
              "description": "The bot's answer that is rated, as shown."},
    "rating": {"type": "string", "enum": list(RATINGS)},
    "comment": {"type": ["string", "null"], "maxLength": MAX_COMMENT_CHARS}}}


def store_of(app: FastAPI) -> FeedbackStore:
    store = getattr(app.state, "feedback_store", None)
    if store is None:
        from bot.store.db import database_url, make_engine
        store = app.state.feedback_store = FeedbackStore(make_engine(database_url()))
    return store


def problem_of(payload: Any) -> Optional[str]:
    """A clear reason to reject the feedback, or None."""
    if not isinstance(payload, dict):
        return error("feedback_rating")
    problem = sender_problem(payload.get("sender"))
    if problem:
        return problem
    if not isinstance(payload.get("rating"), str) or payload["rating"] not in RATINGS:
        return error("feedback_rating")
    reply = payload.get("reply")
    if message_problem(reply) or len(reply) > MAX_REPLY_CHARS:
        return error("feedback_reply", limit=MAX_REPLY_CHARS)
    comment = payload.get("comment")
    if comment is not None and comment != "" and (message_problem(comment) or len(comment) > MAX_COMMENT_CHARS):
        return error("feedback_comment", limit=MAX_COMMENT_CHARS)
    return None


def _store(app: FastAPI, payload: dict[str, Any]) -> int:
    from bot.privacy.keys import conversation_id
    from bot.privacy.redact import redact
    comment = (payload.get("comment") or "").strip()
    return store_of(app).add(conversation_id(payload["sender"]), RATINGS[payload["rating"]],
                             redact(payload["reply"]), redact(comment) if comment else None)


@router.post("/feedback", openapi_extra={"requestBody": {"required": True, "content": {
    "application/json": {"schema": _BODY}}}}, responses={
    200: {"description": "Stored.", "content": {"application/json": {"schema": {
        "type": "object", "required": ["stored"], "properties": {"stored": {"type": "integer"}}}}}},
    400: {"description": "Not JSON, too large, or an invalid field.", "content": _ERROR},
    429: {"description": "Too many requests from this sender; see Retry-After.", "content": _ERROR},
    503: {"description": "The database could not be reached.", "content": _ERROR}})
async def feedback_endpoint(request: Request) -> JSONResponse:
    payload = await sender_body(request, MAX_BODY_BYTES, problem_of)
    if isinstance(payload, JSONResponse):
        return payload
    try:
        stored = _store(request.app, payload)
    except SQLAlchemyError as failure:
        logger.error("feedback not stored: %s", type(failure).__name__)
        return JSONResponse({"error": error("feedback_failed")}, status_code=503)
    return JSONResponse({"stored": stored})
