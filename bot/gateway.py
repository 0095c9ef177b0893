"""The web gateway: serves the chat page and relays messages to Rasa's REST channel.

Every channel passes through here on its way to Rasa. It speaks the same contract as
Rasa's REST channel: POST /webhooks/rest/webhook {"sender", "message"} -> [{"text", ...}].
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from bot.messages import fallback
from bot.validation import message_problem, sender_problem

WEB_DIR = Path(__file__).with_name("web")
RASA_TIMEOUT_S = 30.0
logger = logging.getLogger("wegwijs.gateway")

app = FastAPI(title="Wegwijs gateway", version="0.1.0")
app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")


def rasa_url() -> str:
    return os.environ.get("WEGWIJS_RASA_URL", "http://127.0.0.1:5005")


@app.on_event("startup")
async def _open_client() -> None:
    app.state.client = httpx.AsyncClient(timeout=RASA_TIMEOUT_S)


@app.on_event("shutdown")
async def _close_client() -> None:
    await app.state.client.aclose()


@app.get("/", include_in_schema=False)
async def index() -> FileResponse:
    return FileResponse(WEB_DIR / "index.html", headers={"Cache-Control": "no-store"})


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


def _bad_request(reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=400)


def _safe_fallback(sender: str) -> list[dict[str, Any]]:
    return [{"recipient_id": sender, "text": fallback()}]


async def relay(client: httpx.AsyncClient, sender: str, message: str) -> list[dict[str, Any]]:
    """Send one message to Rasa; on any failure answer with the safe fallback text."""
    try:
        response = await client.post(
            f"{rasa_url()}/webhooks/rest/webhook", json={"sender": sender, "message": message}
        )
        response.raise_for_status()
        replies = response.json()
    except (httpx.HTTPError, ValueError) as problem:
        logger.error("Rasa did not answer: %s", type(problem).__name__)
        return _safe_fallback(sender)
    return replies if isinstance(replies, list) and replies else _safe_fallback(sender)


@app.post("/webhooks/rest/webhook")
async def webhook(request: Request) -> JSONResponse:
    try:
        payload = await request.json()
    except ValueError:
        return _bad_request("Body must be JSON: {\"sender\": ..., \"message\": ...}")
    if not isinstance(payload, dict):
        return _bad_request("Body must be a JSON object with 'sender' and 'message'.")
    problem = sender_problem(payload.get("sender")) or message_problem(payload.get("message"))
    if problem:
        return _bad_request(problem)
    replies = await relay(app.state.client, payload["sender"], payload["message"])
    return JSONResponse(replies)
