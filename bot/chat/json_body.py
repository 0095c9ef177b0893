"""Reading a small JSON request body (feedback, the step record's PDF) without ever holding more than a limit."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Optional

from fastapi import Request
from fastapi.responses import JSONResponse

from bot.chat.request_limits import sender_limited


async def small_json(request: Request, limit: int) -> Any:
    """The parsed JSON body, or None when it is empty, larger than `limit` bytes (reading stops there) or not
    JSON; the endpoint's own checks then give the clear reason."""
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            return None
    try:
        return json.loads(body) if body else None
    except (ValueError, RecursionError):
        return None


async def sender_body(request: Request, limit: int,
                      problem_of: Callable[[Any], Optional[str]]) -> dict[str, Any] | JSONResponse:
    """The small JSON body of a sender's request, checked by `problem_of` (a 400 with its reason) and within
    the sender's rate limit (a 429); or the answer that says why not."""
    payload = await small_json(request, limit)
    problem = problem_of(payload)
    if problem:
        return JSONResponse({"error": problem}, status_code=400)
    limited = await sender_limited(request, payload["sender"])
    return limited if limited is not None else payload
