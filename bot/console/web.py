"""Templates, navigation and the page-rendering helper shared by every console router."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Path as UrlPart
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from bot.console.auth import ADMIN, COUNSEL, REVIEW
from bot.console.queries import TIMEZONE
from bot.console.sessions import ActiveSession
from bot.store.console_models import MAX_ID

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
templates = Jinja2Templates(directory=str(TEMPLATES))  # autoescape is on for .html
RowId = Annotated[int, UrlPart(ge=0, le=MAX_ID)]  # a user, annotation or handoff id in a URL


@dataclass(frozen=True)
class NavItem:
    path: str
    label: str
    roles: tuple[str, ...]


NAV = (
    NavItem("/conversations", "Gesprekken", REVIEW),
    NavItem("/annotations", "Annotaties", REVIEW),
    NavItem("/feedback", "Feedback", REVIEW),
    NavItem("/stats", "Statistiek", REVIEW),
    NavItem("/inbox", "Inbox", COUNSEL),  # served by bot/console/inbox.py (handoff) when present
    NavItem("/users", "Gebruikers", ADMIN),
    NavItem("/audit", "Auditlog", ADMIN),
)


def home_for(role: str) -> str:
    return next(item.path for item in NAV if role in item.roles)


def local_time(value: float | dt.datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    else:
        moment = dt.datetime.fromtimestamp(value, dt.timezone.utc)
    return moment.astimezone(TIMEZONE).strftime(fmt)


templates.env.filters["local_time"] = local_time


def render(request: Request, name: str, session: ActiveSession | None, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    user = session.user if session else None
    nav = [item for item in NAV if user and user.role in item.roles]
    base = {"me": user, "csrf_token": session.csrf_token if session else "", "nav": nav,
            "current": request.url.path}
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)
