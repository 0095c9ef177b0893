"""Run the Telegram bridge: long polling by default (no public URL needed), or a webhook receiver.

    WEGWIJS_TELEGRAM_TOKEN=... python -m bot telegram

Start-up waits for Telegram with back-off instead of crashing; a rejected token stops it with a clear
message. SIGTERM and Ctrl-C stop it cleanly.
"""
from __future__ import annotations

import asyncio
import logging
import os
import signal

from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application

from bot.channels import log_safety
from bot.channels.gateway_client import AsyncGatewayClient
from bot.channels.telegram.bridge import Bridge, build_application
from bot.channels.telegram.config import TelegramConfig, config_from_env
from bot.channels.telegram.retry import backoff_s
from bot.channels.telegram.webhook import ALLOWED_UPDATES, serve_webhook
from bot.privacy import logredact

logger = logging.getLogger("wegwijs.telegram")
TOKEN_REJECTED = "Telegram rejected the bot token in WEGWIJS_TELEGRAM_TOKEN; check it with @BotFather."


async def _initialize(app: Application, stop: asyncio.Event) -> bool:
    """Connect to Telegram (getMe), retrying network and server errors; False when asked to stop first."""
    attempt = 0
    while not stop.is_set():
        try:
            await app.initialize()
            return True
        except InvalidToken:
            raise
        except TelegramError as error:
            wait_s = backoff_s(attempt, 1.0, 60.0)
            logger.warning("Telegram not reachable (%s); retrying in %.0f s", type(error).__name__, wait_s)
            attempt += 1
            try:
                await asyncio.wait_for(stop.wait(), wait_s)
            except asyncio.TimeoutError:
                pass
    return False


def _polling_error(error: TelegramError) -> None:
    logger.warning("polling for updates failed (%s); retrying", type(error).__name__)


async def serve(config: TelegramConfig, stop: asyncio.Event) -> None:
    gateway = AsyncGatewayClient(config.gateway_url, channel="telegram")
    bridge = Bridge(config, gateway)
    app = build_application(config, bridge)
    try:
        if not await _initialize(app, stop):
            return
        await app.start()
        me = app.bot.username
        if config.mode == "webhook":
            logger.info("Telegram bridge for @%s receiving updates by webhook", me)
            await serve_webhook(app, config, stop)
        else:
            await app.updater.start_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1,
                                            error_callback=_polling_error)
            logger.info("Telegram bridge for @%s polling for updates", me)
            await stop.wait()
    finally:
        if app.updater and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        if bridge.relay:
            await bridge.relay.close()
        await app.shutdown()
        await gateway.aclose()


async def _main(config: TelegramConfig) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve(config, stop)


def main() -> int:
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # durations as timedelta, PTB's future default (no warnings)
    config = config_from_env()
    log_safety.configure(config.secrets())
    logredact.install()  # and no personal data in any log line of the bridge
    try:
        asyncio.run(_main(config))
    except InvalidToken:
        logger.error(TOKEN_REJECTED)
        return 2
    logger.info("Telegram bridge stopped")
    return 0
