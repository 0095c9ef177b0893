"""Calls to the Telegram Bot API, retried with back-off: a flaky or rate-limiting API never crashes the bridge."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import warnings
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter, TelegramError

T = TypeVar("T")
logger = logging.getLogger("wegwijs.telegram")


async def pause(seconds: float) -> None:
    """The wait between two tries (its own name, so a test replaces it here and not for every event loop)."""
    await asyncio.sleep(seconds)


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns about the int/timedelta switch when this is read
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def backoff_s(attempt: int, base_s: float, max_s: float) -> float:
    """Exponential back-off with jitter: base, 2 x base, 4 x base ... at most max_s."""
    return min(max_s, base_s * 2 ** attempt) * random.uniform(0.75, 1.25)


async def call_with_retry(call: Callable[[], Awaitable[T]], what: str, attempts: int = 5,
                          base_s: float = 0.5, max_s: float = 30.0) -> T | None:
    """Run `call`; retry on rate limits and network or server errors; None when it gives up.

    Errors that a retry cannot fix (bad request, blocked by the user, wrong token) are not retried.
    Only the error type is logged: error texts can quote message content.
    """
    for attempt in range(attempts):
        try:
            return await call()
        except RetryAfter as error:
            wait_s = min(max_s, retry_after_seconds(error))
        except (BadRequest, Forbidden, InvalidToken) as error:
            logger.warning("%s failed: %s", what, type(error).__name__)
            return None
        except TelegramError as error:
            logger.info("%s failed (%s), attempt %d of %d", what, type(error).__name__, attempt + 1, attempts)
            wait_s = backoff_s(attempt, base_s, max_s)
        if attempt + 1 < attempts:
            await pause(wait_s)
    logger.warning("%s failed %d times, giving up", what, attempts)
    return None
