"""Never a reply without a lifeline, and long stories, through the real stack (gateway, Rasa, actions)."""
from __future__ import annotations

import uuid

import httpx
import pytest

pytestmark = pytest.mark.e2e

QUICK_CHOICES = ["ik maak me zorgen om iemand", "het gebeurt bij mij thuis", "ik ben jonger dan 18",
                 "ik ben professional"]


def post(stack, message: str, sender: str | None = None) -> list[dict]:
    response = httpx.post(f"{stack.settings.web_url}/webhooks/rest/webhook",
                          json={"sender": sender or f"life-{uuid.uuid4().hex[:10]}", "message": message}, timeout=120)
    assert response.status_code == 200, response.text
    return response.json()


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


@pytest.mark.parametrize("message", ["blork fnurp weeble", "Jaki jest kod pocztowy do Wenus?", "🙈🙈"])
def test_an_unsure_reply_carries_112_veilig_thuis_and_the_quick_choices(stack, message):
    replies = post(stack, message)
    last = replies[-1]
    assert "In gevaar? Bel 112" in last["text"] and "Veilig Thuis 0800-2000 (dag en nacht" in last["text"]
    assert [b["title"] for b in last["buttons"]] == QUICK_CHOICES
    assert all(b["payload"] == b["title"] for b in last["buttons"])  # a click sends words, not "/intent"


def test_english_users_get_the_lifeline_in_english(stack):
    replies = post(stack, "What does the purple fox eat on Tuesdays in my garden?")
    assert "In danger? Call 112" in replies[-1]["text"]
    assert [b["title"] for b in replies[-1]["buttons"]][0] == "I'm worried about someone"


def test_a_quick_choice_is_answered_by_its_meaning(stack):
    sender = f"life-{uuid.uuid4().hex[:10]}"
    post(stack, "blork fnurp weeble", sender)
    reply = texts(post(stack, "ik ben jonger dan 18", sender))
    assert "Kindertelefoon" in reply and "0800-0432" in reply


def test_an_intent_command_typed_by_a_user_is_read_as_words(stack):
    reply = post(stack, "/situation_child")  # Rasa would otherwise skip the classifier
    assert "0800-2000" in texts(reply)


def test_a_long_story_is_read_whole_and_answered_with_what_it_shows(stack):
    story = (
        "We zijn negen jaar getrouwd. Hij leest elke avond mijn berichten op mijn telefoon en wil al mijn "
        "wachtwoorden weten. Mijn salaris gaat naar zijn rekening en ik krijg boodschappengeld waarvoor ik de "
        "kassabon moet laten zien. Mijn vriendinnen zie ik bijna niet meer, want dan wordt hij dagen stil. ")
    story = story * 30 + "Is dit normaal, en bij wie kan ik terecht zonder dat hij het merkt?"
    assert 8_000 < len(story) <= 10_000
    reply = texts(post(stack, story))
    assert "dwingende controle" in reply.lower()
    assert "0800-2000" in reply and "In gevaar? Bel 112" in reply


def test_danger_at_the_end_of_a_long_story_still_gets_112_first(stack):
    story = ("Ik wil je vertellen hoe het thuis gaat. Mijn man is vaak boos en schreeuwt tegen de kinderen. " * 60
             + "Nu staat hij met een mes in de gang en zegt dat hij me vanavond vermoordt.")
    assert len(story) > 5_000
    replies = post(stack, story)
    assert "112" in replies[0]["text"]


def test_a_story_over_the_limit_gets_a_kind_reply(stack):
    replies = post(stack, "Dit is mijn verhaal. " * 600)
    assert len(replies) == 1 and "10.000" in replies[0]["text"] and "112" in replies[0]["text"]


def test_a_message_the_safety_net_only_watches_ends_with_113(stack):
    # Our own wording: the models lean towards suicide below the alarm (nlu/safety_watch.py); Rasa carries the
    # `safety_watch` entity to the action, which ends the reply with the 113 line and no alarm message.
    replies = post(stack, "nobody would notice if i disappeared")
    reply = texts(replies)
    assert "113 Zelfmoordpreventie" in replies[-1]["text"] and "0800-0113" in replies[-1]["text"]
    assert "I'm glad you are telling this" not in reply  # the alarm's opening: it did not fire
