"""POST /record.pdf on the gateway: {"sender", "text", "filename"} -> the step record as a PDF download.

The widget sends back the step record the bot gave (actions/step_record.py) and gets the same text as a PDF.
Nothing is stored; the text is redacted first all the same (it is the client's side that sends it), counted
by the sender's rate limit, and a bad request gets a clear reason."""
from __future__ import annotations

import re
from typing import Any, Optional

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from fpdf import FPDF

from bot.chat.json_body import sender_body
from bot.chat.messages import error
from bot.chat.validation import message_problem, sender_problem

router = APIRouter()
MAX_RECORD_CHARS = 8_000
MAX_FILENAME_CHARS = 80
MAX_BODY_BYTES = 64 * 1024
_FILENAME = re.compile(r"[^a-z0-9-]+")
_ERROR = {"application/json": {"schema": {"type": "object", "required": ["error"],
                                          "properties": {"error": {"type": "string"}}}}}
_BODY = {"type": "object", "required": ["sender", "text"], "properties": {
    "sender": {"type": "string", "minLength": 1, "maxLength": 128},
    "text": {"type": "string", "minLength": 1, "maxLength": MAX_RECORD_CHARS},
    "filename": {"type": ["string", "null"], "maxLength": MAX_FILENAME_CHARS}}}


def problem_of(payload: Any) -> Optional[str]:
    if not isinstance(payload, dict):
        return error("record_text", limit=MAX_RECORD_CHARS)
    problem = sender_problem(payload.get("sender"))
    if problem:
        return problem
    text = payload.get("text")
    if message_problem(text) or len(text) > MAX_RECORD_CHARS:
        return error("record_text", limit=MAX_RECORD_CHARS)
    name = payload.get("filename")
    if name is not None and (not isinstance(name, str) or len(name) > MAX_FILENAME_CHARS):
        return error("record_filename", limit=MAX_FILENAME_CHARS)
    return None


def safe_filename(name: Optional[str]) -> str:
    cleaned = _FILENAME.sub("-", (name or "").lower()).strip("-")[:MAX_FILENAME_CHARS]
    return cleaned or "stappenverslag"


def pdf_of(text: str) -> bytes:
    """The text on A4 pages in Helvetica (the PDF core fonts hold Latin-1: other characters become '?')."""
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    lines = text.replace("\r", "").split("\n")
    pdf.set_font("Helvetica", style="B", size=14)
    pdf.multi_cell(0, 8, _latin1(lines[0]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for line in lines[1:]:
        if set(line.strip()) == {"="}:  # the title's underline in the text version
            continue
        pdf.multi_cell(0, 5, _latin1(line) or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _latin1(text: str) -> str:
    return text.replace("\u2013", "-").replace("\u2014", "-").encode("latin-1", "replace").decode("latin-1")


@router.post("/record.pdf", openapi_extra={"requestBody": {"required": True, "content": {
    "application/json": {"schema": _BODY}}}}, responses={
    200: {"description": "The record as a PDF download.", "content": {"application/pdf": {}}},
    400: {"description": "Not JSON, too large, or an invalid field.", "content": _ERROR},
    429: {"description": "Too many requests from this sender; see Retry-After.", "content": _ERROR}})
async def record_pdf(request: Request) -> Response:
    from bot.privacy.redact import redact

    payload = await sender_body(request, MAX_BODY_BYTES, problem_of)
    if isinstance(payload, JSONResponse):
        return payload
    name = safe_filename(payload.get("filename"))
    return Response(pdf_of(redact(payload["text"])), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}.pdf"',
                             "Cache-Control": "no-store"})
