"""Conversation list with filters and search, the conversation view, and annotating a message."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from bot.console import audit
from bot.console.auth import DB, Reviewer, console_state
from bot.console.catalog import domain_intents, entry_titles
from bot.console.conversations import build_turns, user_intent
from bot.console.csrf import csrf_protect
from bot.console.queries import Filters
from bot.console.web import render
from bot.store.console_models import Annotation, utcnow

router = APIRouter()
PAGE_SIZE = 50


@router.get("/conversations", response_class=HTMLResponse)
def conversation_list(request: Request, session: Reviewer, page: int = 1) -> HTMLResponse:
    state = console_state(request)
    filters = Filters.from_params(request.query_params)
    handoff_ids = state.handoff_ids()
    found = state.store.search(filters, handoff_ids)
    everything = state.store.summaries()
    page = max(1, min(page, (len(found) - 1) // PAGE_SIZE + 1))
    shown = found[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    return render(
        request, "conversations.html", session, filters=filters, conversations=shown, total=len(found),
        page=page, pages=(len(found) - 1) // PAGE_SIZE + 1, query=urlencode(filters.as_params()),
        handoff_ids=handoff_ids,
        intents=sorted({i for s in everything for i in s.intents} | set(domain_intents())),
        languages=sorted({s.language for s in everything if s.language}),
        channels=sorted({s.channel for s in everything if s.channel}),
    )


@router.get("/conversations/{conversation_id}", response_class=HTMLResponse)
def conversation_view(request: Request, conversation_id: str, db: DB, session: Reviewer) -> HTMLResponse:
    state = console_state(request)
    events = state.tracker.conversation(conversation_id)
    if not events:
        raise HTTPException(status_code=404, detail="Dit gesprek bestaat niet (meer).")
    audit.record(db, session.user, "open_conversation", conversation_id)
    annotations = {a.event_id: a for a in db.scalars(
        select(Annotation).where(Annotation.conversation_id == conversation_id))}
    summary = state.store.get(conversation_id)
    return render(
        request, "conversation.html", session, conversation_id=conversation_id, summary=summary,
        role_label=state.signals.role_label(summary.role if summary else None),
        turns=build_turns(events, state.signals),
        annotations=annotations, intents=domain_intents(), titles=entry_titles(),
        back=request.query_params.get("back", ""), handed_off=conversation_id in state.handoff_ids(),
    )


@router.post("/conversations/{conversation_id}/annotate", dependencies=[Depends(csrf_protect)])
def annotate(request: Request, conversation_id: str, event_id: Annotated[int, Form()],
             intent: Annotated[str, Form()], db: DB, session: Reviewer) -> RedirectResponse:
    if intent not in domain_intents():
        raise HTTPException(status_code=400, detail="Onbekende intent.")
    # The text comes from the tracker store, never from the form.
    event = next((e for e in console_state(request).tracker.conversation(conversation_id)
                  if e.id == event_id and e.type == "user"), None)
    if event is None:
        raise HTTPException(status_code=404, detail="Dit bericht bestaat niet (meer).")
    existing = db.scalar(select(Annotation).where(Annotation.conversation_id == conversation_id,
                                                  Annotation.event_id == event_id))
    if existing:
        existing.correct_intent, existing.user_id, existing.updated_at = intent, session.user.id, utcnow()
    else:
        db.add(Annotation(conversation_id=conversation_id, event_id=event_id, text=str(event.data.get("text") or ""),
                          predicted_intent=user_intent(event)[0], correct_intent=intent, user_id=session.user.id))
    db.commit()
    audit.record(db, session.user, "annotate", conversation_id, f"event {event_id}: {intent}")
    return RedirectResponse(f"{request.url_for('conversation_view', conversation_id=conversation_id).path}"
                            f"#m{event_id}", status_code=303)
