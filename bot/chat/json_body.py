"""Reading a small JSON request body (feedback, the step record's PDF) without ever holding more than a limit."""
from __future__ import annotations

import json
from typing import Any

from fastapi import Request


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
