# ruff: noqa: F811  (the browser fixtures of test_web_widget are imported and used as arguments)
"""Embedding (issue 15.3): another site shows the chat with one script tag, in its own colour, language and
organisation name; the chat's quick exit leaves the other site's page too. In Chromium against the real stack,
with the other site served from a different origin (WEGWIJS_EMBED_ORIGINS names it, see conftest.py)."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import httpx
import pytest
from playwright.sync_api import expect

from bot.settings import ROOT
from tests.e2e.conftest import EMBEDDING_SITE
from tests.e2e.test_web_widget import BOT_REPLY_TIMEOUT_MS, _guard, browser, traffic  # noqa: F401

pytestmark = pytest.mark.e2e
EXIT_URL = "https://www.example.org/weer"
SCREENSHOTS = os.environ.get("REFRESH_SCREENSHOTS") == "1"  # set to refresh docs/embed.png


def host_page(chat_url: str) -> bytes:
    return (f"<!doctype html><html lang='en'><head><title>Example health service</title></head><body>"
            f"<h1>Example health service</h1><p>Our page.</p>"
            f"<script src='{chat_url}/static/embed.js' data-color='#00594f' data-lang='en' "
            f"data-organisation='GGD Testregio' data-exit-url='{EXIT_URL}' async></script></body></html>").encode()


@pytest.fixture
def other_site(stack) -> Iterator[str]:
    page = host_page(stack.settings.web_url)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", urlparse(EMBEDDING_SITE).port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield EMBEDDING_SITE
    server.shutdown()
    server.server_close()


def test_the_chat_page_may_be_framed_by_the_named_site_only(stack):
    headers = httpx.get(stack.settings.web_url, timeout=10).headers
    assert f"frame-ancestors {EMBEDDING_SITE}" in headers["content-security-policy"]
    assert "x-frame-options" not in headers


@pytest.fixture
def embedded(browser, stack, traffic, other_site) -> Iterator[tuple[object, object]]:
    """The other site's page with the chat opened by its button: (page, the chat's frame)."""
    context = browser.new_context(locale="en-GB")
    _guard(context, traffic)
    try:
        page = context.new_page()
        page.goto(other_site)
        page.get_by_role("button", name="Chat with Wegwijs").click()
        yield page, page.frame_locator("iframe[title='Chat with Wegwijs']")
    finally:
        context.close()


def test_one_script_tag_shows_the_chat_in_the_sites_colour_language_and_name(embedded):
    page, chat = embedded
    # The frame's scripts set these after its page has loaded: wait for them, then compare.
    expect(chat.locator("header.top h1")).to_contain_text("GGD Testregio", timeout=10_000)
    expect(chat.locator("#send")).to_have_text("Send", timeout=10_000)
    assert chat.locator("#send").evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(0, 89, 79)"
    assert "keeps your messages" in chat.locator("#storage").inner_text()
    chat.locator("#message").fill("my neighbour hits his wife, what can I do?")
    chat.locator("#message").press("Enter")
    reply = chat.locator("#log li.bot").first
    reply.wait_for(timeout=BOT_REPLY_TIMEOUT_MS)
    assert "0800-2000" in reply.inner_text()
    if SCREENSHOTS:
        page.set_viewport_size({"width": 1000, "height": 760})
        page.screenshot(path=str(ROOT / "docs" / "embed.png"))


def test_the_quick_exit_in_the_chat_leaves_the_sites_page_too(embedded, traffic):
    page, chat = embedded
    chat.get_by_role("button", name="Leave quickly").click()
    page.wait_for_url(EXIT_URL, timeout=10_000)
    assert EXIT_URL in traffic.outside
