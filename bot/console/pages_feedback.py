"""Feedback from the widget: the worst-rated answers first, with their (redacted) comments."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from bot.console.auth import DB, Reviewer
from bot.console.web import render
from bot.store.feedback_store import FeedbackStore

router = APIRouter()


@router.get("/feedback", response_class=HTMLResponse)
def feedback_list(request: Request, db: DB, session: Reviewer) -> HTMLResponse:
    return render(request, "feedback.html", session, answers=FeedbackStore(db.get_bind()).worst())
