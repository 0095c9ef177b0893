"""All annotations, deleting one, and the export as Rasa NLU YAML."""
from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.console import audit
from bot.console.auth import DB, Reviewer
from bot.console.csrf import csrf_protect
from bot.console.export import build_export, existing_examples
from bot.console.web import RowId, render
from bot.store.console_models import Annotation, User

router = APIRouter()


def _all(db: Session) -> list[tuple[Annotation, str]]:
    query = (select(Annotation, User.username).join(User, Annotation.user_id == User.id, isouter=True)
             .order_by(Annotation.updated_at.desc(), Annotation.id.desc()))
    return [(row[0], row[1] or "") for row in db.execute(query)]


@router.get("/annotations", response_class=HTMLResponse)
def annotation_list(request: Request, db: DB, session: Reviewer) -> HTMLResponse:
    return render(request, "annotations.html", session, annotations=_all(db))


@router.post("/annotations/{annotation_id}/delete", dependencies=[Depends(csrf_protect)])
def annotation_delete(annotation_id: RowId, db: DB, session: Reviewer) -> RedirectResponse:
    annotation = db.get(Annotation, annotation_id)
    if annotation is None:
        raise HTTPException(status_code=404, detail="Deze annotatie bestaat niet (meer).")
    conversation_id, event_id = annotation.conversation_id, annotation.event_id
    db.delete(annotation)
    db.commit()
    audit.record(db, session.user, "delete_annotation", conversation_id, f"event {event_id}")
    return RedirectResponse("/annotations", status_code=303)


@router.get("/annotations/export.yml")
def annotation_export(db: DB, session: Reviewer) -> Response:
    pairs = [(a.text, a.correct_intent) for a, _ in sorted(_all(db), key=lambda pair: pair[0].id)]
    text, counts = build_export(pairs, existing_examples())
    audit.record(db, session.user, "export", detail=f"{counts['exported']} examples")
    name = f"annotations-{dt.date.today().isoformat()}.yml"
    return Response(text, media_type="application/x-yaml; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
