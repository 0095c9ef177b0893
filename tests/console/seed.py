"""Writes conversations into a Rasa-style `events` table, in the format Rasa 3.6's SQLTrackerStore uses."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, insert

from bot.console.tracker import events

DAY = 86400.0
MODEL_META = {"model_id": "test", "assistant_id": "wegwijs"}


def conversation_id(name: str) -> str:
    """Looks like the keyed-hash sender ids the redacting tracker store writes."""
    return hashlib.sha256(f"console-test:{name}".encode()).hexdigest()


@dataclass
class Conversation:
    name: str
    start: float
    rows: list[dict[str, Any]] = field(default_factory=list)
    clock: float = 0.0

    @property
    def id(self) -> str:
        return conversation_id(self.name)

    def _add(self, type_name: str, data: dict[str, Any], step: float = 0.05, intent: str | None = None,
             action: str | None = None) -> Conversation:
        self.clock += step
        timestamp = self.start + self.clock
        data = {"event": type_name, "timestamp": timestamp, "metadata": dict(MODEL_META), **data}
        self.rows.append({"sender_id": self.id, "type_name": type_name, "timestamp": timestamp,
                          "intent_name": intent, "action_name": action, "data": json.dumps(data)})
        return self

    def begin(self) -> Conversation:
        self._add("action", {"name": "action_session_start"}, action="action_session_start")
        self._add("session_started", {})
        return self._add("action", {"name": "action_listen"}, action="action_listen")

    def user(self, text: str, intent: str, confidence: float = 0.9, safety: str | None = None,
             channel: str | None = None, language: str = "nl") -> Conversation:
        entities = [{"entity": "language", "value": language, "start": 0, "end": len(text)}]
        if safety:
            entities.insert(0, {"entity": "safety", "value": safety, "start": 0, "end": len(text)})
        ranking = [{"name": intent, "confidence": confidence}, {"name": "out_of_scope", "confidence": 0.05}]
        parse = {"intent": {"name": intent, "confidence": confidence}, "entities": entities, "text": text,
                 "message_id": "m", "metadata": {"channel": channel} if channel else {}, "intent_ranking": ranking}
        self._add("user", {"text": text, "parse_data": parse, "input_channel": "rest", "message_id": "m"},
                  step=5.0, intent=intent)
        self._add("user_featurization", {"use_text_for_featurization": False})
        return self.slot("language", language)

    def action(self, name: str) -> Conversation:
        return self._add("action", {"name": name, "policy": "RulePolicy", "confidence": 1.0}, action=name)

    def bot(self, text: str, delay: float = 0.2) -> Conversation:
        return self._add("bot", {"text": text, "data": {}}, step=delay)

    def slot(self, name: str, value: Any) -> Conversation:
        return self._add("slot", {"name": name, "value": value}, action=name)


def write(engine: Engine, conversations: list[Conversation]) -> None:
    events.metadata.create_all(engine)
    with engine.begin() as connection:
        for conversation in conversations:
            connection.execute(insert(events), conversation.rows)


def standard_conversations(entry_id: str, now: float | None = None) -> dict[str, Conversation]:
    """Six conversations covering every filter: safety net, fallback, handoff, languages, channels, dates."""
    now = now or time.time()
    acute = (Conversation("acute", now - 3600).begin()
             .user("help hij heeft een mes en staat voor de deur", "situation_victim", 0.87, safety="acute",
                   channel="web")
             .action("utter_safety_acute").bot("Ben je in gevaar? Bel dan meteen 112.")
             .action("action_reply").bot("Veilig Thuis is dag en nacht bereikbaar via 0800-2000.", 0.3)
             .slot("role", "citizen").slot("retrieved", [entry_id]).action("action_listen"))
    english = (Conversation("english", now - 2 * DAY).begin()
               .user("asdf qwerty zxcv", "nlu_fallback", 0.31, channel="telegram", language="en")
               .action("utter_not_understood").bot("Sorry, I did not understand that.").action("action_listen"))
    professional = (Conversation("professional", now - 10 * DAY).begin()
                    .user("Wat is stap 1 van de meldcode? Ik ben leerkracht.", "ask_meldcode_step", 0.95,
                          channel="cli")
                    .action("action_reply").bot("Stap 1 is signalen in kaart brengen. Bel Veilig Thuis: 0800-2000.")
                    .slot("role", "professional").slot("retrieved", [entry_id]).action("action_listen"))
    human = (Conversation("human", now - 1800).begin()
             .user("ik wil met een mens praten", "request_human", 0.93)
             .action("action_reply").bot("Ik ben een bot. Ik kan je in contact brengen met een hulpverlener.")
             .user("Mijn naam is [NAAM] en ik woon op [ADRES]", "situation_victim", 0.6)
             .action("action_reply").bot("Dank je. Bel Veilig Thuis op 0800-2000.", 1.5).action("action_listen"))
    markup = (Conversation("markup", now - 1200).begin()
              .user("<script>alert('x')</script> Één vraag over geweld", "out_of_scope", 0.52)
              .action("action_reply").bot("Daar kan ik je niet mee helpen.").action("action_listen"))
    suicide = (Conversation("suicide", now - 600).begin()
               .user("ik wil niet meer leven", "situation_victim", 0.7, safety="suicide")
               .action("utter_safety_suicide").bot("Bel 113 of 0800-0113, dag en nacht.").action("action_listen"))
    return {c.name: c for c in (acute, english, professional, human, markup, suicide)}
