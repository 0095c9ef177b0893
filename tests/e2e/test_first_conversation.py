"""A first Dutch conversation over the REST contract, through the real servers."""
from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.e2e


def joined(replies: list[str]) -> str:
    return "\n".join(replies).lower()


def test_greeting_says_it_is_a_bot_and_not_the_police(chat):
    reply = joined(chat("hallo"))
    assert "bot" in reply or "computer" in reply
    assert "politie" in reply
    assert "112" in reply


def test_acute_danger_gets_112_first(chat):
    replies = chat("help hij slaat me nu en hij heeft een mes")
    assert replies, "no reply"
    assert "112" in replies[0]
    # A suicidal message the net reads as acute danger (a farewell, a plan) still reaches 113.
    assert "113" in replies[0] and "0800-0113" in replies[0]


def test_bystander_gets_veilig_thuis(chat):
    reply = joined(chat("mijn buurman slaat zijn vrouw, wat kan ik doen?"))
    assert "veilig thuis" in reply and "0800-2000" in reply


def test_meldcode_question_gets_the_five_steps(chat):
    reply = joined(chat("wat zijn de stappen van de meldcode?"))
    for word in ("signalen", "collega", "gesprek", "afwegingskader", "beslis"):
        assert word in reply, word
    assert "bron:" in reply


ACUTE_MESSAGE = "bel dan meteen 112"  # the safety net's own words (domain.yml utter_safety_acute)


def test_out_of_scope_is_polite_and_restates_what_the_bot_does(chat):
    reply = joined(chat("wat wordt het weer morgen in Utrecht?"))
    assert "huiselijk geweld" in reply
    assert ACUTE_MESSAGE not in reply  # no alarm, only the lifeline every unsure reply carries
    assert "in gevaar? bel 112" in reply and "0800-2000" in reply


@pytest.mark.parametrize("message", ["banaan fiets paraplu", "sdfkj qwpoe zzxx", "ik ga dood van het lachen"])
def test_nonsense_does_not_trigger_the_safety_net(chat, message):
    reply = joined(chat(message))
    assert ACUTE_MESSAGE not in reply and "113" not in reply
    assert reply.strip(), "never an empty reply"


def test_two_misunderstandings_in_a_row_offer_veilig_thuis(chat):
    chat("sdfkj qwpoe zzxx")
    reply = joined(chat("qqq zzz xxx"))
    assert "0800-2000" in reply and "chat" in reply


def test_acute_danger_later_in_the_conversation_still_gets_112(chat):
    first = joined(chat("mijn buurvrouw wordt vaak geslagen door haar man"))
    assert "0800-2000" in first
    second = chat("nu hoor ik haar gillen en ze roept om hulp")
    assert "112" in second[0]


def test_english_gets_an_english_reply(chat):
    reply = joined(chat("My neighbour hits his wife, what can I do?"))
    assert "veilig thuis" in reply
    assert " you " in f" {reply} "


def test_rasa_rest_channel_answers_directly(stack):
    response = httpx.post(f"{stack.settings.rasa_url}/webhooks/rest/webhook",
                          json={"sender": "direct-1", "message": "hallo"}, timeout=60)
    assert response.status_code == 200 and response.json()


def test_gateway_rejects_bad_input_with_a_clear_message(stack):
    url = f"{stack.settings.web_url}/webhooks/rest/webhook"
    empty = httpx.post(url, json={"sender": "x", "message": "   "})
    assert empty.status_code == 400 and "leeg" in empty.json()["error"]
    long = httpx.post(url, json={"sender": "x", "message": "a" * 10_001})
    assert long.status_code == 200 and "10.000" in long.json()[0]["text"]  # a kind reply, not an error
    assert httpx.post(url, content=b"not json", headers={"Content-Type": "application/json"}).status_code == 400
    assert httpx.post(url, content=b"not json").status_code == 415  # POSTs must say they are JSON


def test_web_page_has_a_chat_box(stack):
    page = httpx.get(stack.settings.web_url).text
    assert "<textarea" in page and "Snel weg" in page
