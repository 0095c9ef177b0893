# ruff: noqa: F811  (the browser fixtures of test_web_widget are imported and used as arguments)
"""The step record (issue 15.2) through the real stack: offered after the afwegingskader's decision, not after
a stop; the gateway's PDF of it (redacted, nothing stored); both downloads in the widget in Chromium."""
from __future__ import annotations

import io
import os
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader

from bot.settings import ROOT
from tests.e2e.test_red_flag_check import raw_chat
from tests.e2e.test_web_widget import BOT_REPLY_TIMEOUT_MS, _chat, _guard, browser, traffic  # noqa: F401

pytestmark = pytest.mark.e2e
START = "loop het afwegingskader met me door"
SCREENSHOTS = os.environ.get("REFRESH_SCREENSHOTS") == "1"  # set to refresh docs/step-record.png


def records(replies: list[dict]) -> list[dict]:
    customs = [r["custom"] for r in replies if isinstance(r.get("custom"), dict)]
    return [custom for custom in customs if custom.get("kind") == "step_record"]


def test_the_decision_comes_with_a_step_record_and_a_stop_without(stack):
    send = raw_chat(stack)
    send(START)
    send("ja")
    replies = send("ja")
    found = records(replies)
    assert len(found) == 1
    text = found[0]["text"]
    assert "Vraag 1 van 5" in text and "Vraag 2 van 5" in text and "Vraag 3 van 5" not in text
    assert "binnen 5 werkdagen" in text and "geen gegevens van je cliënt" in text
    assert any("stappenverslag" in (r.get("text") or "").lower() for r in replies)  # the offer says what it is
    stopped = raw_chat(stack)
    stopped(START)
    stopped("ja")
    assert records(stopped("stop")) == []


def _pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def test_the_pdf_is_the_record_redacted(stack):
    text = "Stappenverslag afwegingskader\n\nNotitie: gesprek met Jan Jansen op 06-12345678 gepland.\n"
    response = httpx.post(f"{stack.settings.web_url}/record.pdf", timeout=30,
                          json={"sender": "test-record", "text": text, "filename": "Verslag 5 dec!"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="verslag-5-dec.pdf"'
    shown = _pdf_text(response.content)
    assert "Stappenverslag afwegingskader" in shown and "Notitie" in shown
    assert "Jansen" not in shown and "12345678" not in shown


@pytest.mark.parametrize("body", [{"sender": "test-record", "text": ""}, {"sender": "", "text": "x"},
                                  {"sender": "test-record", "text": "x" * 8001},
                                  {"sender": "test-record", "text": "x", "filename": "f" * 81}])
def test_a_bad_pdf_request_gets_a_clear_reason(stack, body):
    response = httpx.post(f"{stack.settings.web_url}/record.pdf", json=body, timeout=30)
    assert response.status_code == 400 and response.json()["error"]


def test_the_widget_offers_the_record_as_text_and_pdf(browser, stack, traffic, tmp_path: Path):
    context = browser.new_context(locale="nl-NL", accept_downloads=True)
    _guard(context, traffic)
    try:
        page = context.new_page()
        page.goto(stack.settings.web_url)
        _chat(page, START)
        _chat(page, "ja")
        _chat(page, "ja")
        record = page.locator("#log li.record")
        record.wait_for(timeout=BOT_REPLY_TIMEOUT_MS)
        record.locator("summary").click()
        assert "binnen 5 werkdagen" in record.locator("pre").inner_text()
        if SCREENSHOTS:
            page.evaluate("document.querySelector('header.top').style.position = 'static'")  # not over the record
            record.screenshot(path=str(ROOT / "docs" / "step-record.png"))
        with page.expect_download() as text_download:
            record.get_by_role("button", name="Download als tekst").click()
        saved = tmp_path / text_download.value.suggested_filename
        text_download.value.save_as(saved)
        assert saved.suffix == ".txt" and "Stappenverslag afwegingskader" in saved.read_text(encoding="utf-8")
        with page.expect_download() as pdf_download:
            record.get_by_role("button", name="Download als PDF").click()
        pdf = tmp_path / pdf_download.value.suggested_filename
        pdf_download.value.save_as(pdf)
        assert pdf.suffix == ".pdf" and "binnen 5 werkdagen" in _pdf_text(pdf.read_bytes())
        assert traffic.outside == []
    finally:
        context.close()
