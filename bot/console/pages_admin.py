"""Admin pages: user accounts and the audit log."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from bot.console import audit
from bot.console.auth import DB, Admin
from bot.console.csrf import csrf_protect
from bot.console.sessions import ActiveSession, end_user_sessions
from bot.console.users import UserError, all_users, create_user, set_active, set_password, set_role
from bot.console.web import RowId, render
from bot.store.console_models import ROLES, User

router = APIRouter()


def _users_page(request: Request, db: Session, session: ActiveSession, error: str = "", notice: str = "",
                status_code: int = 200) -> HTMLResponse:
    return render(request, "users.html", session, status_code=status_code, users=all_users(db), roles=ROLES,
                  error=error, notice=notice)


@router.get("/users", response_class=HTMLResponse)
def users(request: Request, db: DB, session: Admin) -> HTMLResponse:
    return _users_page(request, db, session)


@router.post("/users", dependencies=[Depends(csrf_protect)])
def user_create(request: Request, db: DB, session: Admin, username: Annotated[str, Form()] = "",
                password: Annotated[str, Form()] = "", role: Annotated[str, Form()] = "") -> Response:
    try:
        user = create_user(db, username, password, role)
    except UserError as problem:
        return _users_page(request, db, session, error=str(problem), status_code=400)
    audit.record(db, session.user, "create_user", detail=f"{user.username} ({user.role})")
    return _users_page(request, db, session, notice=f"Gebruiker {user.username} aangemaakt.")


@router.post("/users/{user_id}", dependencies=[Depends(csrf_protect)])
def user_change(request: Request, user_id: RowId, db: DB, session: Admin, change: Annotated[str, Form()] = "",
                role: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "") -> Response:
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="Deze gebruiker bestaat niet.")
    try:
        detail = _apply(db, user, change, role, password)
    except UserError as problem:
        return _users_page(request, db, session, error=str(problem), status_code=400)
    audit.record(db, session.user, "change_user", detail=f"{user.username}: {detail}")
    return RedirectResponse("/users", status_code=303)


def _apply(db: Session, user: User, change: str, role: str, password: str) -> str:
    if change == "role":
        set_role(db, user, role)
        return f"role {role}"
    if change in ("activate", "deactivate"):
        set_active(db, user, change == "activate")
        if change == "deactivate":
            end_user_sessions(db, user.id)
        return change
    if change == "password":
        set_password(db, user, password)
        end_user_sessions(db, user.id)
        return "password reset"
    raise UserError("Onbekende wijziging.")


@router.get("/audit", response_class=HTMLResponse)
def audit_log(request: Request, db: DB, session: Admin, action: str = "", conversation: str = "") -> HTMLResponse:
    entries = audit.recent(db, action=action[:32] or None, conversation_id=conversation[:255] or None)
    return render(request, "audit.html", session, entries=entries, action=action, conversation=conversation)
