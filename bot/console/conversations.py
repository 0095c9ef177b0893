"""Turns tracker events into what the console shows: a summary per conversation and its turns."""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from bot.console.signals import Signals
from bot.console.tracker import Event

DEFAULT_CHANNEL = "rest"
PREVIEW_CHARS = 90


def fold(text: str) -> str:
    """Lower case without diacritics and with single spaces, for search."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def user_intent(event: Event) -> tuple[str, float]:
    intent = (event.data.get("parse_data") or {}).get("intent") or {}
    return str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)


def user_entities(event: Event) -> list[dict[str, Any]]:
    entities = (event.data.get("parse_data") or {}).get("entities") or []
    return [e for e in entities if isinstance(e, dict)]


def channel_of(event: Event) -> str:
    """The channel the gateway passed in message metadata; Rasa's input channel otherwise."""
    parse_meta = (event.data.get("parse_data") or {}).get("metadata") or {}
    for source in (parse_meta, event.data.get("metadata") or {}):
        if isinstance(source, dict) and source.get("channel"):
            return str(source["channel"])
    return str(event.data.get("input_channel") or DEFAULT_CHANNEL)


def safety_kinds(event: Event, signals: Signals) -> set[str]:
    return {str(e.get("value")) for e in user_entities(event) if e.get("entity") == signals.safety_entity}


@dataclass
class Summary:
    """Everything the list, its filters and the statistics need about one conversation."""

    conversation_id: str
    started: float = 0.0
    last: float = 0.0
    messages: int = 0
    preview: str = ""
    intents: Counter[str] = field(default_factory=Counter)
    safety: set[str] = field(default_factory=set)
    fallback: bool = False
    handoff: bool = False
    language: Optional[str] = None
    channel: Optional[str] = None
    role: Optional[str] = None
    pathways: set[str] = field(default_factory=set)
    latencies: list[float] = field(default_factory=list)
    search_text: str = ""
    _awaiting_since: Optional[float] = None

    # Sets and counters are replaced, never changed in place: pages may be reading them in another thread.
    def add(self, event: Event, signals: Signals) -> None:
        self.started = event.timestamp if not self.started else min(self.started, event.timestamp)
        self.last = max(self.last, event.timestamp)
        handler = {"user": self._user, "bot": self._bot, "action": self._action, "slot": self._slot}.get(event.type)
        if handler:
            handler(event, signals)

    def _user(self, event: Event, signals: Signals) -> None:
        text = str(event.data.get("text") or "")
        intent, _ = user_intent(event)
        self.messages += 1
        self.preview = self.preview or text[:PREVIEW_CHARS]
        if intent:
            self.intents = self.intents + Counter({intent: 1})
        self.fallback = self.fallback or intent in signals.fallback_intents
        self.handoff = self.handoff or intent in signals.handoff_intents
        self.safety = self.safety | safety_kinds(event, signals)
        self.channel = self.channel or channel_of(event)
        self._awaiting_since = event.timestamp
        self._index(text)

    def _bot(self, event: Event, signals: Signals) -> None:
        text = str(event.data.get("text") or "")
        if self._awaiting_since is not None:
            self.latencies.append(max(0.0, event.timestamp - self._awaiting_since))
            self._awaiting_since = None
        self.pathways = self.pathways | signals.pathways_in(text)
        self._index(text)

    def _action(self, event: Event, signals: Signals) -> None:
        if event.name in signals.safety_actions:
            self.safety = self.safety | {signals.safety_actions[event.name]}
        self.fallback = self.fallback or event.name in signals.fallback_actions
        self.handoff = self.handoff or event.name in signals.handoff_actions

    def _slot(self, event: Event, signals: Signals) -> None:
        value = event.data.get("value")
        if event.name == "role" and value:
            self.role = str(value)
        elif event.name == "language" and value:
            self.language = str(value)

    def _index(self, text: str) -> None:
        if text:
            self.search_text = f"{self.search_text}\n{fold(text)}" if self.search_text else fold(text)

    def handed_off(self, handoff_ids: set[str]) -> bool:
        return self.handoff or self.conversation_id in handoff_ids


def summarise(events: list[Event], signals: Signals) -> dict[str, Summary]:
    summaries: dict[str, Summary] = {}
    for event in events:
        summaries.setdefault(event.conversation_id, Summary(event.conversation_id)).add(event, signals)
    return summaries


@dataclass
class Turn:
    """One user message with what the bot did about it (or the bot's opening lines when event_id is 0)."""

    event_id: int = 0
    timestamp: float = 0.0
    text: str = ""
    intent: str = ""
    confidence: float = 0.0
    ranking: list[tuple[str, float]] = field(default_factory=list)
    entities: list[tuple[str, str]] = field(default_factory=list)
    safety: set[str] = field(default_factory=set)
    channel: str = ""
    replies: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    retrieved: list[str] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    fallback: bool = False


def _user_turn(event: Event, signals: Signals) -> Turn:
    intent, confidence = user_intent(event)
    ranking = (event.data.get("parse_data") or {}).get("intent_ranking") or []
    entities = [(str(e.get("entity")), str(e.get("value"))) for e in user_entities(event)
                if e.get("entity") not in (signals.safety_entity, "language")]
    return Turn(event_id=event.id, timestamp=event.timestamp, text=str(event.data.get("text") or ""),
                intent=intent, confidence=confidence, entities=entities, safety=safety_kinds(event, signals),
                channel=channel_of(event), fallback=intent in signals.fallback_intents,
                ranking=[(str(r.get("name")), float(r.get("confidence") or 0.0)) for r in ranking[:3]])


def build_turns(events: list[Event], signals: Signals) -> list[Turn]:
    turns: list[Turn] = []
    current = Turn()
    for event in events:
        if event.type == "user":
            if current.event_id or current.replies:
                turns.append(current)
            current = _user_turn(event, signals)
        elif event.type == "bot":
            current.replies.append(str(event.data.get("text") or ""))
        elif event.type == "action" and event.name != "action_listen":
            current.actions.append(event.name)
            current.safety |= {signals.safety_actions[event.name]} if event.name in signals.safety_actions else set()
            current.fallback = current.fallback or event.name in signals.fallback_actions
        elif event.type == "slot":
            _slot_into(current, event)
    if current.event_id or current.replies:
        turns.append(current)
    return turns


def _slot_into(turn: Turn, event: Event) -> None:
    value = event.data.get("value")
    if event.name == "retrieved":
        turn.retrieved = [str(v) for v in value] if isinstance(value, list) else ([str(value)] if value else [])
    elif value not in (None, "", []):
        turn.slots[event.name] = value
