"""Log-in and log-out."""
from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bot.console import audit
from bot.console.auth import (
    COOKIE,
    DB,
    CurrentSession,
    clear_session_cookie,
    console_state,
    secure_cookies,
    set_session_cookie,
)
from bot.console.csrf import check_login_token, csrf_protect, new_token, set_login_cookie
from bot.console.sessions import end_session, resume_session, start_session
from bot.console.users import authenticate, find_user
from bot.console.web import home_for, render

router = APIRouter()


def _safe_next(target: str) -> str:
    """Only local paths: never redirect to another site after log-in."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else ""


@router.get("/", include_in_schema=False)
def root(session: CurrentSession) -> RedirectResponse:
    return RedirectResponse(home_for(session.user.role), status_code=303)


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _login_page(request: Request, error: str = "", next_path: str = "", status_code: int = 200) -> HTMLResponse:
    token = new_token()
    page = render(request, "login.html", None, status_code=status_code, error=error, next_path=next_path,
                  login_token=token)
    set_login_cookie(page, token, secure_cookies(request))
    return page


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, db: DB, next: str = "") -> Response:
    settings = console_state(request).settings
    session = resume_session(db, request.cookies.get(COOKIE, ""), settings.session_minutes,
                             max_hours=settings.session_max_hours)
    if session:
        return RedirectResponse(_safe_next(next) or home_for(session.user.role), status_code=303)
    return _login_page(request, next_path=_safe_next(next))


@router.post("/login", dependencies=[Depends(check_login_token)])
def login(request: Request, db: DB, username: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "") -> Response:
    throttle, address, username = console_state(request).throttle, _address(request), username[:64]
    wait_s = throttle.wait_s(address, username)
    if wait_s > 0:
        return _login_page(request, f"Te veel mislukte pogingen vanaf dit adres. Probeer het over "
                                    f"{math.ceil(wait_s)} seconden opnieuw.", _safe_next(next), status_code=429)
    user = authenticate(db, username, password[:256])
    if user is None:
        throttle.failed(address, username)
        audit.record(db, find_user(db, username), "login_failed")
        return _login_page(request, "Onbekende gebruikersnaam of wachtwoord.", _safe_next(next), status_code=401)
    throttle.succeeded(address, username)
    token = start_session(db, user, console_state(request).settings.session_minutes)
    audit.record(db, user, "login")
    response = RedirectResponse(_safe_next(next) or home_for(user.role), status_code=303)
    set_session_cookie(response, token, request)
    return response


@router.post("/logout", dependencies=[Depends(csrf_protect)])
def logout(session: CurrentSession, db: DB) -> Response:
    end_session(db, session.token_hash)
    audit.record(db, session.user, "logout")
    response = RedirectResponse("/login", status_code=303)
    clear_session_cookie(response)
    return response

