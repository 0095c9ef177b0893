"""Webhook mode: a small HTTP receiver Telegram posts updates to (behind a TLS-terminating proxy).

Only requests carrying the secret token registered with setWebhook are accepted.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import logging

import uvicorn
from fastapi import FastAPI, Request, Response
from telegram import Update
from telegram.ext import Application

from bot.channels.telegram.config import WEBHOOK_PATH, TelegramConfig
from bot.channels.telegram.retry import call_with_retry

logger = logging.getLogger("wegwijs.telegram")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_UPDATE_BYTES = 1_000_000
ALLOWED_UPDATES = ["message"]


def receiver(app: Application, secret: str) -> FastAPI:
    web = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @web.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @web.post(WEBHOOK_PATH)
    async def update(request: Request) -> Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, ""), secret):
            return Response(status_code=403)
        body = await request.body()
        if len(body) > MAX_UPDATE_BYTES:
            return Response(status_code=413)
        try:
            data = json.loads(body)
            await app.update_queue.put(Update.de_json(data, app.bot))
        except (ValueError, TypeError, KeyError):
            return Response(status_code=400)
        return Response(status_code=200)

    return web


async def serve_webhook(app: Application, config: TelegramConfig, stop: asyncio.Event) -> None:
    """Register the webhook with Telegram, then receive updates until `stop` is set."""
    registered = await call_with_retry(
        lambda: app.bot.set_webhook(url=config.webhook_url.rstrip("/") + WEBHOOK_PATH,
                                    secret_token=config.webhook_secret, allowed_updates=ALLOWED_UPDATES),
        "setWebhook", attempts=12, max_s=60.0)
    if not registered:
        raise RuntimeError("could not register the webhook with Telegram")
    server = uvicorn.Server(uvicorn.Config(receiver(app, config.webhook_secret), host=config.listen_host,
                                          port=config.listen_port, log_config=None, access_log=False))
    serving = asyncio.ensure_future(server.serve())
    stopping = asyncio.ensure_future(stop.wait())
    await asyncio.wait([serving, stopping], return_when=asyncio.FIRST_COMPLETED)
    server.should_exit = True
    stopping.cancel()
    await serving
