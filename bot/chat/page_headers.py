"""Security headers for the chat page: nothing loads from elsewhere, no framing, nothing cached."""
from __future__ import annotations

from typing import Any

PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


class PageHeaders:
    """ASGI middleware: security headers on the chat page and its static files."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.raw = [(k.lower().encode(), v.encode()) for k, v in PAGE_HEADERS.items()]
        self.names = {name for name, _ in self.raw}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path == "/" or path.startswith("/static/")):
            await self.inner(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self.names]
                message = {**message, "headers": kept + self.raw}
            await send(message)

        await self.inner(scope, receive, send_with_headers)
