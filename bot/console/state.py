"""What the console app holds while it runs (app.state.console)."""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.console.queries import ConversationStore, handoff_conversation_ids
from bot.console.settings import ConsoleSettings
from bot.console.signals import Signals, load_signals
from bot.console.throttle import LoginThrottle
from bot.console.tracker import TrackerReader
from bot.store.db import Database


@dataclass
class ConsoleState:
    settings: ConsoleSettings
    database: Database
    tracker: TrackerReader
    store: ConversationStore
    signals: Signals
    throttle: LoginThrottle = field(default_factory=LoginThrottle)

    @classmethod
    def open(cls, settings: ConsoleSettings) -> ConsoleState:
        database = Database(settings.db_url)
        same_db = settings.tracker_url == settings.db_url
        tracker = TrackerReader(engine=database.engine) if same_db else TrackerReader(settings.tracker_url)
        signals = load_signals()
        return cls(settings, database, tracker, ConversationStore(tracker, signals), signals)

    def handoff_ids(self) -> set[str]:
        return handoff_conversation_ids(self.database.engine, self.signals.handoff_tables)

    def close(self) -> None:
        if self.tracker.engine is not self.database.engine:
            self.tracker.dispose()
        self.database.dispose()
