"""The red-flag check (Rasa form red_flag_form) through the real servers: the offer with its button,
every outcome, skip, back, stop, English, and the safety net inside the check."""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from bot.operate.launcher import Stack

pytestmark = pytest.mark.e2e

START = "/start_red_flag_check"


def joined(replies: list[str]) -> str:
    return "\n".join(replies).lower()


def raw_chat(stack: Stack) -> Callable[[str], list[dict[str, Any]]]:
    sender = f"test-{uuid.uuid4().hex[:10]}"

    def send(message: str) -> list[dict[str, Any]]:
        response = httpx.post(f"{stack.settings.web_url}/webhooks/rest/webhook",
                              json={"sender": sender, "message": message}, timeout=60)
        response.raise_for_status()
        return response.json()

    return send


def paced(chat: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    """The check has eleven turns, one more than the gateway's burst of ten: answer like a reader would
    when the limit says so (wait Retry-After, then send again)."""
    def send(message: str) -> list[str]:
        try:
            return chat(message)
        except httpx.HTTPStatusError as problem:
            if problem.response.status_code != 429:
                raise
            time.sleep(float(problem.response.headers["Retry-After"]))
            return chat(message)
    return send


def test_control_and_threats_get_the_offer_with_a_button_that_starts_the_check(stack):
    send = raw_chat(stack)
    replies = send("mijn vriend kijkt elke avond in mijn telefoon en dreigt dat hij me iets aandoet")
    offers = [r for r in replies if r.get("buttons")]
    assert len(offers) == 1 and "geen score" in offers[0]["text"].lower()
    assert offers[0]["buttons"][0]["payload"] == START
    started = joined([r.get("text", "") for r in send(offers[0]["buttons"][0]["payload"])])
    assert "chatbot" in started and "nergens apart bewaard" in started and "gevaar" in started
    # Offered once: the next message about control gets no second offer.
    again = send("hij bepaalt ook met wie ik mag afspreken")
    assert not any(r.get("buttons") for r in again)


def test_typed_start_several_red_flags_lead_to_veilig_thuis_with_the_why_and_the_safety_plan(chat):
    chat = paced(chat)
    assert "nergens apart bewaard" in joined(chat("start de check"))
    assert "wurgen" in joined(chat("nee"))
    assert "doden" in joined(chat("ja, één keer"))
    for answer in ("nee", "nee", "ja", "nee", "ja", "ja", "nee"):
        chat(answer)
    outcome = joined(chat("nee"))
    assert "0800-2000" in outcome and "dwingende controle" in outcome and "veiligheidsplan" in outcome
    assert "bron: rijksoverheid" in outcome
    assert "je bent veilig" not in outcome and "score" not in outcome


def test_danger_now_ends_the_check_with_112(chat):
    chat(START)
    outcome = joined(chat("ja"))
    assert "112" in outcome and "wurgen" not in outcome


def test_skip_back_and_stop(chat):
    chat(START)
    chat("nee")
    skipped = joined(chat("overslaan"))
    assert "overslaan" in skipped or "slaan we over" in skipped
    assert "doden" in skipped
    assert "wurgen" in joined(chat("terug"))
    stopped = joined(chat("stop"))
    assert "we stoppen" in stopped and "0800-2000" in stopped and "112" in stopped
    after = joined(chat("wat doet veilig thuis?"))
    assert "wurgen" not in after and "doden" not in after


def test_acute_danger_inside_the_check_gets_112_first_and_ends_the_questions(chat):
    chat(START)
    chat("nee")
    replies = chat("hij staat nu met een mes in de keuken en schreeuwt dat hij me vermoordt")
    assert replies and "112" in replies[0]
    assert "stop hier met de vragen" in joined(replies) and "doden" not in joined(replies)


def test_no_red_flags_still_gives_a_route_and_never_says_safe(chat):
    chat = paced(chat)
    chat(START)
    for _ in range(9):
        chat("nee")
    outcome = joined(chat("nee"))
    assert "0800-2000" in outcome and "112" in outcome and "veilig bent" not in outcome


def test_english(chat):
    first = joined(chat("start the check please"))
    assert "not stored anywhere separately" in first
    assert "strangle" in joined(chat("no"))
