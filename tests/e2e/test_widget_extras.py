# ruff: noqa: F811  (the browser fixtures of test_web_widget are imported and used as arguments)
"""The widget beyond the basics (issue 15.3), in headless Chromium against the real stack: rating each
answer (stored redacted), links shortened to their site name, the typing state, the triple-tap quick exit,
axe-core with zero serious violations, and a 320 px wide phone. Screenshots for the README go to docs/."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from bot.console.settings import load_console_settings
from bot.settings import ROOT
from bot.store.db import make_engine
from bot.store.feedback_store import FeedbackStore
from tests.e2e.test_web_widget import BOT_REPLY_TIMEOUT_MS, _chat, _guard, browser, page, traffic  # noqa: F401

pytestmark = pytest.mark.e2e
SERIOUS = ("serious", "critical")
SCREENSHOTS = os.environ.get("REFRESH_SCREENSHOTS") == "1"  # set to refresh the PNGs under docs/


def _worst_answers() -> list:
    engine = make_engine(load_console_settings().db_url)
    try:
        return FeedbackStore(engine).worst(limit=500)
    finally:
        engine.dispose()


def test_each_answer_can_be_rated_and_a_comment_is_stored_redacted(page, stack):
    page.goto(stack.settings.web_url)
    reply = _chat(page, "mijn buurman slaat zijn vrouw, wat kan ik doen?")
    rating = page.locator("#log li.feedback").first
    assert rating.get_by_role("button", name="Dit antwoord hielp niet").count() == 1
    rating.get_by_role("button", name="Dit antwoord hielp niet").click()
    rating.get_by_label(re.compile("Wat was er mis")).fill("veel te lang antwoord, bel me op 0612345678")
    rating.get_by_role("button", name="Stuur").click()
    page.get_by_text("Bedankt, we kijken ernaar.").wait_for()
    comments = [c for a in _worst_answers() for c in a.comments if "veel te lang antwoord" in c]
    assert len(comments) == 1 and "0612345678" not in comments[0]
    assert any(a.reply[:40] in reply for a in _worst_answers() if comments[0] in a.comments)


def test_links_in_replies_are_clickable_and_named_by_their_site(page, stack):
    page.goto(stack.settings.web_url)
    _chat(page, "wat zijn de vijf stappen van de meldcode?")
    link = page.locator("#log li.bot a").first
    link.wait_for(timeout=BOT_REPLY_TIMEOUT_MS)
    assert link.get_attribute("href").startswith("https://")
    assert not link.inner_text().startswith("http") and "." in link.inner_text()
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_a_typing_state_shows_while_the_bot_answers(page, stack):
    page.goto(stack.settings.web_url)
    # Records every text the status takes, so a fast reply cannot hide the typing state from the test.
    page.evaluate("""() => { window.statusTexts = []; const s = document.getElementById('status');
        new MutationObserver(() => window.statusTexts.push(s.textContent))
            .observe(s, {childList: true, characterData: true, subtree: true}); }""")
    page.locator("#message").fill("hallo")
    page.locator("#message").press("Enter")
    page.locator("#log li.bot").first.wait_for(timeout=BOT_REPLY_TIMEOUT_MS)
    page.wait_for_function("document.getElementById('status').textContent === ''")
    assert any("schrijft" in text for text in page.evaluate("window.statusTexts"))


def _phone(browser, traffic, width: int):
    context = browser.new_context(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    _guard(context, traffic)
    return context


def test_triple_tap_is_a_quick_exit(browser, stack, traffic):
    context = _phone(browser, traffic, 360)
    try:
        phone = context.new_page()
        phone.goto(stack.settings.web_url)
        for _ in range(3):
            phone.tap("p.intro")
        phone.wait_for_url(re.compile(r"^https://"))
        assert phone.evaluate("sessionStorage.length") == 0
    finally:
        context.close()


def test_works_at_320_px_with_the_red_flag_check(browser, stack, traffic):
    context = _phone(browser, traffic, 320)
    try:
        phone = context.new_page()
        phone.goto(stack.settings.web_url)
        _chat(phone, "mijn vriend kijkt elke avond in mijn telefoon en dreigt dat hij me iets aandoet")
        phone.get_by_role("button", name="Start de check").click()
        phone.get_by_text(re.compile("nergens apart bewaard")).wait_for(timeout=BOT_REPLY_TIMEOUT_MS)
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert phone.locator("#log li.feedback button").first.is_visible()
        if SCREENSHOTS:
            phone.screenshot(path=str(Path(ROOT) / "docs" / "widget-red-flag-320.png"), full_page=True)
    finally:
        context.close()


def test_axe_finds_no_serious_violations(page, stack):
    page.goto(stack.settings.web_url)
    _chat(page, "wat zijn de vijf stappen van de meldcode?")
    page.locator("#log li.feedback").first.get_by_role("button", name="Dit antwoord hielp niet").click()
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v.get("impact") in SERIOUS]
    assert serious == [], results.generate_report()
    if SCREENSHOTS:
        page.set_viewport_size({"width": 720, "height": 900})
        page.screenshot(path=str(Path(ROOT) / "docs" / "widget.png"), full_page=True)
