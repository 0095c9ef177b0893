"""FastAPI dependencies for log-in and roles. Routers (also the handoff inbox) use:

    @router.get("/inbox")
    def inbox(request: Request, session: Counsellor, db: DB) -> HTMLResponse: ...

and add ``dependencies=[Depends(csrf_protect)]`` to every POST (see bot/console/csrf.py)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy.orm import Session

from bot.console.sessions import ActiveSession, resume_session
from bot.console.state import ConsoleState
from bot.store.db import get_db

COOKIE = "wegwijs_console"

# Who may do what; admins may do everything.
REVIEW = ("reviewer", "admin")
COUNSEL = ("counsellor", "admin")
ADMIN = ("admin",)
ANY = ("reviewer", "counsellor", "admin")


class LoginRequired(Exception):
    """No valid session: the app answers with a redirect to the log-in page."""


class Forbidden(Exception):
    """Logged in, but the role does not allow this page."""


def console_state(request: Request) -> ConsoleState:
    return request.app.state.console


DB = Annotated[Session, Depends(get_db)]


def current_session(request: Request, db: DB) -> ActiveSession:
    token = request.cookies.get(COOKIE, "")
    settings = console_state(request).settings
    session = resume_session(db, token, settings.session_minutes, max_hours=settings.session_max_hours)
    if session is None:
        raise LoginRequired()
    request.state.console_session = session
    return session


CurrentSession = Annotated[ActiveSession, Depends(current_session)]


def require_role(*roles: str) -> Callable[..., ActiveSession]:
    """A dependency that returns the session when its user has one of `roles`, else raises Forbidden."""
    allowed = frozenset(roles)

    def dependency(session: CurrentSession) -> ActiveSession:
        if session.user.role not in allowed:
            raise Forbidden()
        return session

    return dependency


# Annotated parameter types for routers, e.g. `def page(session: Reviewer, db: DB)`.
Reviewer = Annotated[ActiveSession, Depends(require_role(*REVIEW))]
Counsellor = Annotated[ActiveSession, Depends(require_role(*COUNSEL))]
Admin = Annotated[ActiveSession, Depends(require_role(*ADMIN))]


def secure_cookies(request: Request) -> bool:
    """Secure cookies when configured and whenever the request came over HTTPS (directly, or through a
    proxy whose X-Forwarded-Proto uvicorn trusts)."""
    return console_state(request).settings.secure_cookie or request.url.scheme == "https"


def set_session_cookie(response: Response, token: str, request: Request) -> None:
    # No max-age: the cookie ends with the browser; the server ends the session after idle minutes.
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=secure_cookies(request), path="/")


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
