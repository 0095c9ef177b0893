"""Rate limits of the gateway's public endpoints: per client address (every request) and per sender
(messages on the webhook; outbox polls and erase requests on their own bucket). The limiters live on
app.state (the gateway's start-up makes them, in Redis when WEGWIJS_REDIS_HOST is set; tests may replace them)."""
from __future__ import annotations

import math
from typing import Optional

from fastapi import Request
from fastapi.responses import JSONResponse

from bot.chat.messages import error
from bot.settings import setting

MESSAGE, SIDE = "message", "side"
RATE_LIMITED = {"description": "Too many requests from this address or sender; see Retry-After.",
                "headers": {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "string"}}},
                "content": {"application/json": {"schema": {
                    "type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}}}}


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def exempt_addresses() -> frozenset[str]:
    """WEGWIJS_RATE_EXEMPT (default loopback): local channels (the Telegram bridge speaks for all its users
    from one address). Behind a reverse proxy on this host uvicorn reports the forwarded client address."""
    raw = setting("WEGWIJS_RATE_EXEMPT")
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


def _answer(wait_s: float) -> Optional[JSONResponse]:
    if wait_s <= 0:
        return None
    seconds = max(1, math.ceil(wait_s))
    return JSONResponse({"error": error("rate_limited", seconds=seconds)}, status_code=429,
                        headers={"Retry-After": str(seconds)})


async def address_limited(request: Request) -> Optional[JSONResponse]:
    """A 429 answer when this client address is over its limit, else None (one token taken)."""
    limiter = getattr(request.app.state, "address_limiter", None)
    address = client_address(request)
    if limiter is None or address in getattr(request.app.state, "rate_exempt", frozenset()):
        return None
    return _answer(await limiter.wait_s(address))


async def sender_limited(request: Request, sender: str, kind: str = MESSAGE) -> Optional[JSONResponse]:
    """A 429 answer when this sender is over its limit for messages (or outbox and erase), else None."""
    state = request.app.state
    limiter = state.limiter if kind == MESSAGE else getattr(state, "side_limiter", None)
    return _answer(await limiter.wait_s(sender) if limiter is not None else 0.0)


def json_problem(request: Request) -> Optional[JSONResponse]:
    """415 unless the request says it is JSON: a plain HTML form (another site's) cannot post here."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        return None
    return JSONResponse({"error": "Content-Type must be application/json."}, status_code=415)
