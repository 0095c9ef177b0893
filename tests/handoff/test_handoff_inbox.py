"""The counsellors' inbox in the console: roles, CSRF, available/away, take over, reply, end, offer."""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from bot.chat.handoff.queue import HandoffStore
from bot.console.app import create_app
from bot.console.settings import ConsoleSettings
from bot.console.users import create_user
from bot.store.db import Database
from bot.store.handoff_models import ACTIVE, CLOSED, ENDED, WAITING
from tests.console.seed import Conversation, write

PASSWORD = "een-heel-lang-wachtwoord"
USERS = {"anna": "counsellor", "bram": "counsellor", "rita": "reviewer"}
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Inbox:
    app: object
    store: HandoffStore
    conversation_id: str

    def login(self, username: str) -> TestClient:
        client = TestClient(self.app, follow_redirects=False)
        page = client.get("/login")
        response = client.post("/login", data={"username": username, "password": PASSWORD,
                                               "csrf_token": token(page.text)})
        assert response.status_code == 303
        return client

    def queued(self) -> int:
        handoff = self.store.start(self.conversation_id, "request", "nl", "web")
        self.store.update(handoff.id, state=WAITING, summary="- Situatie: stalking", queued_at=handoff.created_at)
        return handoff.id


def token(html: str) -> str:
    match = _TOKEN.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def post(client: TestClient, path: str, page: str, **data: str) -> int:
    return client.post(path, data={"csrf_token": token(client.get(page).text), **data}).status_code


@pytest.fixture
def inbox(tmp_path: Path) -> Iterator[Inbox]:
    url = f"sqlite:///{tmp_path / 'console.db'}"
    engine = create_engine(url)
    conversation = Conversation("inbox-test", time.time() - 60).begin().user("ik word gestalkt", "situation_stalking")
    write(engine, [conversation])
    app = create_app(ConsoleSettings(db_url=url, tracker_url=url, session_minutes=30))
    with TestClient(app):
        database = Database(url)
        with database.sessions() as db:
            for name, role in USERS.items():
                create_user(db, name, PASSWORD, role)
        yield Inbox(app, HandoffStore(database.engine), conversation.id)
        database.dispose()
    engine.dispose()


def test_only_counsellors_and_admins(inbox: Inbox) -> None:
    assert inbox.login("rita").get("/inbox").status_code == 403
    assert inbox.login("anna").get("/inbox").status_code == 200
    assert TestClient(inbox.app, follow_redirects=False).get("/inbox").status_code == 303  # to the log-in


def test_posts_need_the_csrf_token(inbox: Inbox) -> None:
    anna = inbox.login("anna")
    assert anna.post("/inbox/status", data={"available": "1"}).status_code == 403
    assert anna.post("/inbox/status", data={"available": "1", "csrf_token": "wrong"}).status_code == 403
    assert not inbox.store.is_available("anna")
    assert post(anna, "/inbox/status", "/inbox", available="1") == 303
    assert inbox.store.is_available("anna") and inbox.store.counsellor_available()
    assert post(anna, "/inbox/status", "/inbox", available="0") == 303
    assert not inbox.store.counsellor_available()


def test_take_reply_and_end(inbox: Inbox) -> None:
    handoff_id = inbox.queued()
    anna, bram = inbox.login("anna"), inbox.login("bram")
    assert f"/inbox/{handoff_id}" in anna.get("/inbox").text
    assert "stalking" in anna.get(f"/inbox/{handoff_id}").text  # the summary
    assert post(anna, f"/inbox/{handoff_id}/take", f"/inbox/{handoff_id}") == 303
    assert post(bram, f"/inbox/{handoff_id}/take", f"/inbox/{handoff_id}") == 409  # already taken
    assert inbox.store.get(handoff_id).state == ACTIVE and inbox.store.get(handoff_id).counsellor == "anna"

    assert post(bram, f"/inbox/{handoff_id}/reply", f"/inbox/{handoff_id}", message="hallo") == 409
    assert post(anna, f"/inbox/{handoff_id}/reply", f"/inbox/{handoff_id}",
                message="Hoi, je kunt mij ook bellen: 06-12345678") == 303
    sent = anna.get(f"/inbox/{handoff_id}/messages").json()["messages"]
    assert [m["from"] for m in sent] == ["bot", "counsellor"]  # the "a counsellor is here" notice first
    assert "06-12345678" not in sent[1]["text"]  # counsellor text is redacted too

    assert post(anna, f"/inbox/{handoff_id}/end", f"/inbox/{handoff_id}") == 303
    ended = inbox.store.get(handoff_id)
    assert ended.state == ENDED and ended.ended_by == "counsellor"
    notices = [m.text for m in inbox.store.outbox(inbox.conversation_id, 0) if m.author == "bot"]
    assert "afgesloten" in notices[-1]


def test_offer_a_chat_to_a_recent_conversation(inbox: Inbox) -> None:
    anna = inbox.login("anna")
    page = anna.get("/inbox").text
    assert inbox.conversation_id in page  # listed under "Een gesprek aanbieden"
    response = anna.post("/inbox/offer", data={"csrf_token": token(page), "conversation_id": inbox.conversation_id})
    assert response.status_code == 303
    offered = inbox.store.open_for(inbox.conversation_id)
    assert offered.reason == "counsellor" and offered.counsellor == "anna" and offered.language == ""
    assert post(anna, "/inbox/offer", "/inbox", conversation_id=inbox.conversation_id) == 409  # one at a time
    assert post(anna, "/inbox/offer", "/inbox", conversation_id="does-not-exist") == 404
    assert post(anna, f"/inbox/{offered.id}/end", f"/inbox/{offered.id}") == 303  # withdraw the offer
    assert inbox.store.get(offered.id).state == CLOSED
