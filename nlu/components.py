"""Custom Rasa NLU components (run inside Rasa, Python 3.10: stdlib + Rasa only).

They add entities that the dialogue relies on, independent of intent classification:
- ``safety`` (acute / suicide) from the rule-based safety net,
- ``language`` (nl / en) from a function-word language detector.
"""
from __future__ import annotations

from typing import Any, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.privacy.language import detect_language
from nlu.safety_combined import detect_both

SUPPORTED_REPLY_LANGUAGES = {"nl", "en"}


def _entity(name: str, value: str, text: str, extractor: str) -> dict[str, Any]:
    return {
        "entity": name,
        "value": value,
        "start": 0,
        "end": len(text),
        "confidence": 1.0,
        "extractor": extractor,
    }


class _StatelessExtractor(GraphComponent, EntityExtractorMixin):
    """Base for extractors that need no training and no persisted state."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls()

    def train(self, training_data: TrainingData) -> Resource:  # pragma: no cover
        raise NotImplementedError

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            new = self.extract(text)
            if new:
                message.set(ENTITIES, (message.get(ENTITIES) or []) + new, add_to_output=True)
        return messages

    def extract(self, text: str) -> list[dict[str, Any]]:
        raise NotImplementedError


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class SafetyNetExtractor(_StatelessExtractor):
    """Flags acute danger and suicidal thoughts on every message (lexicon OR semantic bank)."""

    def extract(self, text: str) -> list[dict[str, Any]]:
        signal = detect_both(text)
        found = []
        if signal.acute:
            found.append(_entity("safety", "acute", text, "SafetyNetExtractor"))
        if signal.suicide:
            found.append(_entity("safety", "suicide", text, "SafetyNetExtractor"))
        # No alarm, but the models lean towards danger: the reply ends with 112 or 113 (actions/watch_line.py).
        found += [_entity("safety_watch", level, text, "SafetyNetExtractor") for level in signal.watch]
        return found


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class LanguageExtractor(_StatelessExtractor):
    """Sets the ``language`` entity when the message is clearly Dutch or English."""

    def extract(self, text: str) -> list[dict[str, Any]]:
        language: Optional[str] = detect_language(text)
        if language not in SUPPORTED_REPLY_LANGUAGES:
            return []
        return [_entity("language", language, text, "LanguageExtractor")]
