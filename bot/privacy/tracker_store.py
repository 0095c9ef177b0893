"""Rasa's SQL tracker store, with personal data redacted and sender ids hashed before anything is written.

endpoints.yml: `tracker_store: {type: bot.privacy.tracker_store.RedactingTrackerStore, dialect: ..., db: ...}`.
The running turn keeps the raw text in Rasa's in-memory tracker; only what is stored is redacted, so the
next turn sees "[NAAM]" where the user typed a name. Runs in the Rasa venv (Python 3.10, SQLAlchemy 1.4).
"""
from __future__ import annotations

import json
import logging
from typing import Any, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.privacy.keys import hash_sender, sender_key
from bot.privacy.scrub import scrub_event

logger = logging.getLogger(__name__)


def _blank_to_none(value: Any) -> Any:
    """endpoints.yml turns an unset optional variable into "": SQLAlchemy wants None."""
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


class RedactingTrackerStore(SQLTrackerStore):
    """Stores events with text redacted and the sender id as an HMAC-SHA256 keyed hash."""

    def __init__(self, domain: Optional[Domain] = None, dialect: str = "sqlite", host: Optional[str] = None,
                 port: Optional[Any] = None, db: str = "rasa.db", username: Optional[str] = None,
                 password: Optional[str] = None, event_broker: Optional[EventBroker] = None,
                 login_db: Optional[str] = None, query: Optional[dict] = None, **kwargs: Any) -> None:
        self._key = sender_key()
        super().__init__(domain, _blank_to_none(dialect) or "sqlite", _blank_to_none(host), _blank_to_none(port),
                         db, _blank_to_none(username), _blank_to_none(password), event_broker,
                         _blank_to_none(login_db), query, **kwargs)

    def stored_id(self, sender_id: str) -> str:
        return hash_sender(sender_id, self._key)

    def _event_query(self, session: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        return super()._event_query(session, self.stored_id(sender_id), fetch_events_from_all_sessions)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Like SQLTrackerStore.save, but every event is redacted and stored under the hashed id."""
        await self.stream_events(tracker)
        stored_id = self.stored_id(tracker.sender_id)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = scrub_event(event.as_dict(), tracker.sender_id, stored_id)
                session.add(self.SQLEvent(
                    sender_id=stored_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                    intent_name=(data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY),
                    action_name=data.get("name"), data=json.dumps(data),
                ))
            session.commit()
        logger.debug("Tracker %s… stored", stored_id[:8])

    async def _stream_new_events(self, event_broker: EventBroker, new_events: list[Event],
                                 sender_id: str) -> None:
        stored_id = self.stored_id(sender_id)
        for event in new_events:
            body = {"sender_id": stored_id}
            body.update(scrub_event(event.as_dict(), sender_id, stored_id))
            event_broker.publish(body)
