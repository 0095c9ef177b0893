"""The counsellors' handoff inbox: available / away, take over, reply, end, and offering a chat.

Counsellor text is redacted before it is stored (and so before the person sees it), like everything else.
The gateway applies what happens here (pause/resume of Rasa) when it next sees the conversation.
"""
from __future__ import annotations

import datetime as dt
import time
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from bot.chat.handoff.flow import PRE_QUEUE
from bot.chat.handoff.queue import HandoffStore
from bot.chat.handoff.texts import text
from bot.console import audit
from bot.console.auth import DB, Counsellor, console_state
from bot.console.csrf import csrf_protect
from bot.console.sessions import ActiveSession
from bot.console.web import RowId, render
from bot.store.console_models import MAX_ID
from bot.store.handoff_models import ACTIVE, CLOSED, LIVE_STATES, Handoff

router = APIRouter()
RECENT_CONVERSATIONS = dt.timedelta(minutes=30)  # conversations a counsellor may offer a chat to
MAX_REPLY_CHARS = 2000
STATE_LABELS = {"consent": "toestemming gevraagd", "review": "samenvatting bekijken", "editing": "samenvatting "
                "aanpassen", "waiting": "wacht op hulpverlener", "active": "in gesprek", "ended": "beëindigd",
                "closed": "afgesloten"}


def _store(request: Request) -> HandoffStore:
    state = console_state(request)
    store = getattr(state, "handoff_store", None)
    if store is None:
        store = HandoffStore(state.database.engine)
        state.handoff_store = store
    return store


def _redact(message: str) -> str:
    from bot.chat.handoff.privacy import redact
    return redact(message)


def _handoff(store: HandoffStore, handoff_id: int) -> Handoff:
    handoff = store.get(handoff_id)
    if handoff is None:
        raise HTTPException(status_code=404, detail="Deze overdracht bestaat niet (meer).")
    return handoff


def _may_write(handoff: Handoff, session: ActiveSession) -> bool:
    return handoff.state == ACTIVE and (handoff.counsellor == session.user.username or session.user.role == "admin")


def _recent_conversations(request: Request, busy: set[str]) -> list[object]:
    since = time.time() - RECENT_CONVERSATIONS.total_seconds()
    summaries = console_state(request).store.summaries()
    recent = [s for s in summaries if s.last >= since and s.conversation_id not in busy]
    return sorted(recent, key=lambda s: s.last, reverse=True)[:20]


@router.get("/inbox", response_class=HTMLResponse)
def inbox(request: Request, session: Counsellor) -> HTMLResponse:
    store = _store(request)
    store.seen(session.user.username)
    live = store.inbox()
    busy = {h.conversation_id for h in live}
    return render(request, "inbox.html", session, available=store.is_available(session.user.username),
                  waiting=[h for h in live if h.state != ACTIVE], active=[h for h in live if h.state == ACTIVE],
                  recent=store.recent(10), conversations=_recent_conversations(request, busy), labels=STATE_LABELS)


@router.post("/inbox/status", dependencies=[Depends(csrf_protect)])
def set_status(request: Request, db: DB, session: Counsellor,
               available: Annotated[str, Form()] = "") -> RedirectResponse:
    on = available == "1"
    _store(request).set_available(session.user.username, on)
    audit.record(db, session.user, "handoff_status", detail="available" if on else "away")
    return RedirectResponse("/inbox", status_code=303)


@router.post("/inbox/offer", dependencies=[Depends(csrf_protect)])
def offer(request: Request, conversation_id: Annotated[str, Form()], db: DB, session: Counsellor) -> RedirectResponse:
    """Offer a chat to a conversation; the gateway asks the person's consent (language "" = not asked yet)."""
    store = _store(request)
    if not console_state(request).tracker.conversation(conversation_id):
        raise HTTPException(status_code=404, detail="Dit gesprek bestaat niet (meer).")
    if store.open_for(conversation_id) is not None:
        raise HTTPException(status_code=409, detail="Voor dit gesprek loopt al een overdracht.")
    store.set_available(session.user.username, True)
    handoff = store.start(conversation_id, "counsellor", "", counsellor=session.user.username)
    audit.record(db, session.user, "handoff_offer", conversation_id)
    return RedirectResponse(f"/inbox/{handoff.id}", status_code=303)


@router.get("/inbox/{handoff_id}", response_class=HTMLResponse)
def view(request: Request, handoff_id: RowId, db: DB, session: Counsellor) -> HTMLResponse:
    store = _store(request)
    store.seen(session.user.username)
    handoff = _handoff(store, handoff_id)
    audit.record(db, session.user, "open_handoff", handoff.conversation_id)
    messages = store.messages(handoff_id)
    return render(request, "inbox_handoff.html", session, handoff=handoff, messages=messages,
                  last_id=messages[-1].id if messages else 0, may_write=_may_write(handoff, session),
                  label=STATE_LABELS.get(handoff.state, handoff.state), live=handoff.state in LIVE_STATES)


@router.get("/inbox/{handoff_id}/messages")
def messages_json(request: Request, handoff_id: RowId, session: Counsellor,
                  after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0) -> JSONResponse:
    """New messages for the open handoff page (polled by /static/inbox.js)."""
    store = _store(request)
    store.seen(session.user.username)
    handoff = _handoff(store, handoff_id)
    return JSONResponse({
        "state": handoff.state, "label": STATE_LABELS.get(handoff.state, handoff.state),
        "messages": [{"id": m.id, "from": m.author, "text": m.text, "safety": m.safety or "",
                      "at": m.created_at.isoformat()} for m in store.messages(handoff_id, after)],
    })


@router.post("/inbox/{handoff_id}/take", dependencies=[Depends(csrf_protect)])
def take(request: Request, handoff_id: RowId, db: DB, session: Counsellor) -> RedirectResponse:
    store = _store(request)
    handoff = _handoff(store, handoff_id)
    if not store.take(handoff_id, session.user.username):
        raise HTTPException(status_code=409, detail="Iemand anders heeft dit gesprek al overgenomen.")
    store.add_message(handoff, "bot", text("queue.taken", handoff.language))
    audit.record(db, session.user, "handoff_take", handoff.conversation_id)
    return RedirectResponse(f"/inbox/{handoff_id}", status_code=303)


@router.post("/inbox/{handoff_id}/reply", dependencies=[Depends(csrf_protect)])
def reply(request: Request, handoff_id: RowId, db: DB, session: Counsellor,
          message: Annotated[str, Form()] = "") -> RedirectResponse:
    store = _store(request)
    handoff = _handoff(store, handoff_id)
    if not _may_write(handoff, session):
        raise HTTPException(status_code=409, detail="Je kunt in dit gesprek niet (meer) schrijven.")
    cleaned = _redact(message.strip()[:MAX_REPLY_CHARS]).strip()
    if cleaned:
        store.add_message(handoff, "counsellor", cleaned)
    return RedirectResponse(f"/inbox/{handoff_id}#reply", status_code=303)


@router.post("/inbox/{handoff_id}/end", dependencies=[Depends(csrf_protect)])
def end(request: Request, handoff_id: RowId, db: DB, session: Counsellor) -> RedirectResponse:
    store = _store(request)
    handoff = _handoff(store, handoff_id)
    if handoff.counsellor not in (None, session.user.username) and session.user.role != "admin":
        raise HTTPException(status_code=403, detail="Dit gesprek is van een andere hulpverlener.")
    if store.end(handoff_id, "counsellor"):
        store.add_message(handoff, "bot", text("queue.ended_by_counsellor", handoff.language))
        audit.record(db, session.user, "handoff_end", handoff.conversation_id)
    elif handoff.reason == "counsellor" and store.update(handoff_id, expect=PRE_QUEUE, state=CLOSED,
                                                           outcome="withdrawn"):
        audit.record(db, session.user, "handoff_withdraw", handoff.conversation_id)
    return RedirectResponse("/inbox", status_code=303)
