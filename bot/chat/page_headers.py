"""Security headers for the chat page: nothing loads from elsewhere, nothing cached, and no framing except by
the sites named in WEGWIJS_EMBED_ORIGINS (the embed script, bot/chat/web/embed.js)."""
from __future__ import annotations

import re
from typing import Any, Optional

from bot.settings import setting

_ORIGIN = re.compile(r"https?://[a-z0-9.-]+(:[0-9]{1,5})?")

PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def embed_origins(raw: Optional[str] = None) -> list[str]:
    """The origins that may frame the chat; a clear error on anything that is not a plain origin."""
    text = setting("WEGWIJS_EMBED_ORIGINS") if raw is None else raw
    origins = (text or "").replace(",", " ").split()
    wrong = [origin for origin in origins if not _ORIGIN.fullmatch(origin.lower())]
    if wrong:
        raise ValueError(f"WEGWIJS_EMBED_ORIGINS: not an origin (scheme://host[:port], no path): {', '.join(wrong)}")
    return [origin.lower() for origin in origins]


def headers_for(origins: list[str]) -> dict[str, str]:
    """The page headers; with embedding origins, frame-ancestors names them and X-Frame-Options (which can
    name only one) is left out."""
    if not origins:
        return dict(PAGE_HEADERS)
    headers = {k: v for k, v in PAGE_HEADERS.items() if k != "X-Frame-Options"}
    headers["Content-Security-Policy"] = PAGE_HEADERS["Content-Security-Policy"].replace(
        "frame-ancestors 'none'", "frame-ancestors " + " ".join(origins))
    return headers


class PageHeaders:
    """ASGI middleware: security headers on the chat page and its static files."""

    def __init__(self, inner: Any, origins: Optional[list[str]] = None) -> None:
        self.inner = inner
        chosen = embed_origins() if origins is None else origins
        self.raw = [(k.lower().encode(), v.encode()) for k, v in headers_for(chosen).items()]
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
