"""CSRF protection: a token per session, required in every POST (form field or X-CSRF-Token header),
plus an Origin check. The log-in form, which has no session yet, uses a double-submit cookie."""
from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request, Response

from bot.console.auth import CurrentSession

FIELD = "csrf_token"
HEADER = "x-csrf-token"
LOGIN_COOKIE = "wegwijs_console_login"


class CsrfError(Exception):
    """The request did not carry the right token: answered with 403."""


async def _submitted(request: Request) -> str:
    header = request.headers.get(HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(FIELD)
        return value if isinstance(value, str) else ""
    return ""


def check_origin(request: Request) -> None:
    """Browsers send Origin on POST; when present it must be this very site."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    host = request.headers.get("host", "")
    if origin == "null" or urlsplit(origin).netloc != host:
        raise CsrfError()


def _same(expected: str, given: str) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected.encode(), given.encode())


async def csrf_protect(request: Request, session: CurrentSession) -> None:
    check_origin(request)
    if not _same(session.csrf_token, await _submitted(request)):
        raise CsrfError()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def set_login_cookie(response: Response, token: str, secure: bool) -> None:
    response.set_cookie(LOGIN_COOKIE, token, max_age=3600, httponly=True, samesite="strict", secure=secure,
                        path="/login")


async def check_login_token(request: Request) -> None:
    check_origin(request)
    if not _same(request.cookies.get(LOGIN_COOKIE, ""), await _submitted(request)):
        raise CsrfError()
