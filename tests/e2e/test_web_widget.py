"""The web chat in headless Chromium (Debian's /usr/bin/chromium driven by Playwright), against the real stack.

Nothing leaves loopback: every request to another host is answered by a stub and recorded, and the browser
has a dead proxy for anything that would slip past.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bot.chat.validation import CLIENT_TURN_WAIT_S

pytestmark = pytest.mark.e2e
playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
# As long as every other client waits for a turn: the gateway may take up to 60 s for a 10,000-character story.
BOT_REPLY_TIMEOUT_MS = int(CLIENT_TURN_WAIT_S * 1000)


@dataclass
class Traffic:
    outside: list[str] = field(default_factory=list)
    csp_errors: list[str] = field(default_factory=list)


# Module scope: Playwright's sync API keeps an event loop running in this thread until it closes,
# which would break later asyncio tests in the same session.
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: scripts/setup.sh installs the Debian package 'chromium'")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            proxy={"server": "http://127.0.0.1:9", "bypass": "127.0.0.1,localhost"},  # port 9: nothing listens
        )
        yield browser
        browser.close()


def _guard(context: object, traffic: Traffic) -> None:
    def route(route: object) -> None:
        url = route.request.url
        if urlparse(url).hostname in LOOPBACK:
            route.continue_()
        else:
            traffic.outside.append(url)
            route.fulfill(status=200, content_type="text/html", body="<title>neutraal</title><p>Het weer</p>")

    context.route("**/*", route)


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(browser, stack, traffic) -> Iterator[object]:
    context = browser.new_context(locale="nl-NL")
    _guard(context, traffic)
    page = context.new_page()
    page.on("console", lambda message: traffic.csp_errors.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page
    context.close()


def _chat(page: object, message: str) -> str:
    """Type a message, press Enter, return the text of the first new bot reply."""
    before = page.locator("#log li.bot").count()
    page.locator("#message").fill(message)
    page.locator("#message").press("Enter")
    reply = page.locator("#log li.bot").nth(before)
    reply.wait_for(timeout=BOT_REPLY_TIMEOUT_MS)
    return reply.inner_text()


def test_send_a_message_and_get_a_reply(page, stack):
    page.goto(stack.settings.web_url)
    reply = _chat(page, "mijn buurman slaat zijn vrouw, wat kan ik doen?")
    assert "0800-2000" in reply and "Er ging iets mis" not in reply  # a real answer, not the fallback
    assert page.locator("#log li.user").inner_text().endswith("mijn buurman slaat zijn vrouw, wat kan ik doen?")
    assert page.locator("#message").input_value() == ""


def test_no_third_party_requests_and_no_policy_violations(page, stack, traffic):
    response = page.goto(stack.settings.web_url)
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    _chat(page, "hallo")
    assert traffic.outside == []
    assert traffic.csp_errors == []  # the page needs no inline script or style


def test_quick_exit_replaces_the_page_and_the_back_button_skips_the_chat(page, stack, traffic):
    before = f"{stack.settings.web_url}/health"
    page.goto(before)
    page.goto(stack.settings.web_url)
    _chat(page, "hallo")
    page.get_by_role("button", name="Snel weg").click()
    page.wait_for_url(re.compile(r"^https://"))
    assert "neutraal" == page.title()
    assert len(traffic.outside) == 1  # only the neutral site itself
    page.go_back()
    assert page.url == before  # not the chat
    assert page.evaluate("sessionStorage.length") == 0


def test_escape_is_a_quick_exit_too(page, stack):
    page.goto(stack.settings.web_url)
    page.locator("#message").fill("iets wat niemand mag zien")
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"^https://"))
    assert page.url != stack.settings.web_url + "/"


def test_keyboard_only_use(page, stack):
    page.goto(stack.settings.web_url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"  # the way out comes first
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "message"
    page.keyboard.type("regel een")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("regel twee")
    assert page.locator("#log li").count() == 0  # Shift+Enter is a new line, not send
    page.keyboard.press("Enter")
    page.locator("#log li.bot").first.wait_for(timeout=BOT_REPLY_TIMEOUT_MS)
    assert "regel een\nregel twee" in page.locator("#log li.user").inner_text()
    assert page.evaluate("document.activeElement.id") == "message"  # ready for the next message
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "send"


def test_html_in_messages_is_shown_as_text(page, stack):
    page.goto(stack.settings.web_url)
    hostile = "<img src=x onerror=\"window.pwned=1\"><b>vet</b><script>window.pwned=2</script>"
    _chat(page, hostile)
    assert page.locator("#log li.user").inner_text().endswith(hostile)
    assert page.locator("#log img, #log b, #log script").count() == 0
    assert page.evaluate("window.pwned") is None


def test_storage_is_session_only(page, stack):
    page.goto(stack.settings.web_url)
    _chat(page, "hallo")
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.getItem('wegwijs-sender')").startswith("web-")


def test_screen_reader_labels_and_live_region(page, stack):
    page.goto(stack.settings.web_url)
    assert page.locator("html").get_attribute("lang") == "nl"
    log = page.locator("[role=log]")
    assert log.get_attribute("aria-live") == "polite" and log.locator("ol#log").count() == 1
    assert page.get_by_label("Je bericht").count() == 1
    assert page.get_by_role("button", name="Verstuur").count() == 1
    assert page.locator("#quick-exit").get_attribute("aria-describedby") == "quick-exit-hint"
    _chat(page, "hallo")
    assert page.locator("#log li.bot .visually-hidden").first.inner_text().startswith("Wegwijs")


CONTRAST_JS = """(selector) => {
  const el = document.querySelector(selector);
  const parse = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  let bg = null;
  for (let node = el; node; node = node.parentElement) {
    const c = getComputedStyle(node).backgroundColor;
    if (!c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') { bg = parse(c); break; }
  }
  bg = bg || [255, 255, 255];
  const lum = (rgb) => { const [r, g, b] = rgb.map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126*r + 0.7152*g + 0.0722*b; };
  const a = lum(parse(getComputedStyle(el).color)), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_text_contrast_meets_wcag_aa(page, stack):
    page.goto(stack.settings.web_url)
    _chat(page, "hallo")
    for selector in ("#quick-exit", "#send", ".intro", "#log li.user", "#log li.bot", ".hint", "#message", "h1"):
        ratio = page.evaluate(CONTRAST_JS, selector)
        assert ratio >= 4.5, f"{selector}: {ratio:.2f}"


def test_works_on_a_phone(browser, stack, traffic):
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    _guard(context, traffic)
    page = context.new_page()
    try:
        page.goto(stack.settings.web_url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scroll
        exit_box = page.locator("#quick-exit").bounding_box()
        assert exit_box["y"] >= 0 and exit_box["y"] + exit_box["height"] <= 640 and exit_box["height"] >= 44
        assert page.evaluate("parseFloat(getComputedStyle(document.getElementById('message')).fontSize)") >= 16
        page.locator("#message").tap()
        _chat(page, "wat is de meldcode?")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert page.locator("#quick-exit").is_visible()
    finally:
        context.close()


QUICK_CHOICES = ["ik maak me zorgen om iemand", "het gebeurt bij mij thuis", "ik ben jonger dan 18",
                 "ik ben professional"]


def _bot_texts_after(page: object, before: int) -> str:
    page.locator("#log li.bot").nth(before).wait_for(timeout=BOT_REPLY_TIMEOUT_MS)
    return "\n".join(page.locator("#log li.bot").all_inner_texts()[before:])


def test_an_unsure_reply_shows_the_lifeline_and_quick_choices_that_send_their_words(page, stack):
    page.goto(stack.settings.web_url)
    _chat(page, "zwiebel trompet kwast")
    replies = "\n".join(page.locator("#log li.bot").all_inner_texts())
    assert "In gevaar? Bel 112" in replies and "0800-2000" in replies
    group = page.locator("#log li.choices").last
    group.wait_for(timeout=BOT_REPLY_TIMEOUT_MS)
    assert group.get_attribute("role") == "group"
    assert [b.strip() for b in group.locator("button").all_inner_texts()] == QUICK_CHOICES
    before = page.locator("#log li.bot").count()
    group.get_by_role("button", name="ik ben jonger dan 18").click()
    answer = _bot_texts_after(page, before)
    assert page.locator("#log li.user").last.inner_text().endswith("ik ben jonger dan 18")  # sent as words
    assert "0800-0432" in answer  # answered for a child: the Kindertelefoon
    assert group.locator("button:disabled").count() == len(QUICK_CHOICES)  # a choice is made once


def test_a_long_story_is_sent_whole_and_a_too_long_one_gets_a_kind_reply(page, stack):
    page.goto(stack.settings.web_url)
    story = ("Hij leest mijn berichten, beheert mijn geld en ik zie mijn vriendinnen bijna niet meer. " * 100)
    story = story[:9_500] + " Wat kan ik doen?"
    before = page.locator("#log li.bot").count()
    page.locator("#message").fill(story)
    page.locator("#message").press("Enter")
    answer = _bot_texts_after(page, before)
    assert page.locator("#log li.user").last.inner_text().endswith("Wat kan ik doen?")  # nothing cut off
    assert "0800-2000" in answer and "te lang" not in answer
    reply = _chat(page, "Dit is mijn verhaal. " * 600)  # 12,000 characters
    assert "10.000" in reply and "112" in reply
