"""The console's FastAPI app factory: `uvicorn bot.console.app:create_app --factory`."""
from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.console import (
    pages_admin,
    pages_annotations,
    pages_auth,
    pages_conversations,
    pages_feedback,
    pages_stats,
)
from bot.console.auth import Counsellor, Forbidden, LoginRequired
from bot.console.csrf import CsrfError
from bot.console.settings import ConsoleSettings, load_console_settings
from bot.console.state import ConsoleState
from bot.console.web import STATIC, render
from bot.privacy import logredact

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # "no-referrer" makes Chromium send Origin: null on POST
    "Cache-Control": "no-store",
}


def create_app(settings: ConsoleSettings | None = None) -> FastAPI:
    logredact.install()  # no personal data in this process's logs
    settings = settings or load_console_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = ConsoleState.open(settings)
        state.database.migrate()
        app.state.console = state
        yield
        state.close()

    app = FastAPI(title="Wegwijs console", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (pages_auth, pages_conversations, pages_annotations, pages_feedback, pages_stats, pages_admin):
        app.include_router(module.router)
    app.include_router(_inbox_router())
    app.add_api_route("/health", lambda: {"status": "ok"}, methods=["GET"], include_in_schema=False)
    _add_error_pages(app)
    _add_security_headers(app)
    return app


def _inbox_router() -> APIRouter:
    """The handoff inbox (bot/console/inbox.py, `router`) when it exists, else a placeholder page."""
    if importlib.util.find_spec("bot.console.inbox") is not None:
        return importlib.import_module("bot.console.inbox").router
    router = APIRouter()

    @router.get("/inbox", response_class=HTMLResponse)
    def inbox_placeholder(request: Request, session: Counsellor) -> Response:
        return render(request, "inbox_placeholder.html", session)

    return router


def _error(request: Request, status: int, message: str) -> Response:
    session = getattr(request.state, "console_session", None)
    return render(request, "error.html", session, status_code=status, status=status, message=message)


def _add_error_pages(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.method != "GET":
            return _error(request, 401, "Je sessie is verlopen. Log opnieuw in.")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, _: Forbidden) -> Response:
        return _error(request, 403, "Je rol geeft geen toegang tot deze pagina.")

    @app.exception_handler(CsrfError)
    async def csrf_failed(request: Request, _: CsrfError) -> Response:
        return _error(request, 403, "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, problem: HTTPException) -> Response:
        message = problem.detail if isinstance(problem.detail, str) else "Er ging iets mis."
        if problem.status_code == 404 and message == "Not Found":
            message = "Deze pagina bestaat niet."
        return _error(request, problem.status_code, message)


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response
