"""LinearIntentClassifier: a logistic regression over e5 and n-gram features, averaged with DIET's intents.

DIET (before it in config.yml) extracts the entities and ranks the intents; this component averages DIET's
confidences with those of a linear model over the multilingual e5 sentence vector (the same vector the
E5Featurizer computes, taken from its cache) and character and word n-grams, and ranks the intents by the
average. With about 70 examples per intent the linear model generalises better than DIET on held-out examples
(README, "Intent classification"), while DIET's confident readings of whole situations carry the conversations
the bot was built on; where the two disagree the average is low, and the fallback (a search with a hedge) answers.
The linear settings (e5 weight 4, C 30) were chosen by 5-fold cross-validation on the training split only.
DIET's own ranking stays in the parse result as `diet_intent_ranking`, so the parts can be compared
(bot.measure.nlu_compare, tests/nlu/diet_load_probe.py).
"""
from __future__ import annotations

import logging
import pickle
from typing import Any, Optional

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.e5_featurizer import _embedder

logger = logging.getLogger(__name__)
MODEL_FILE = "linear_intent.pkl"
DIET_RANKING = "diet_intent_ranking"


class LinearModel:
    """The fitted vectorisers and classifier; pure scikit-learn, pickled into the Rasa model."""

    def __init__(self, e5_weight: float, c: float, seed: int) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.e5_weight = e5_weight
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
        self.words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
        self.classifier = LogisticRegression(C=c, max_iter=3000, random_state=seed)

    def _features(self, texts: list[str], vectors: Optional[np.ndarray], fit: bool) -> scipy.sparse.csr_matrix:
        lowered = [text.lower() for text in texts]
        chars = self.chars.fit_transform(lowered) if fit else self.chars.transform(lowered)
        words = self.words.fit_transform(lowered) if fit else self.words.transform(lowered)
        parts = [chars, words]
        if vectors is not None:
            parts.insert(0, scipy.sparse.csr_matrix(vectors * self.e5_weight))
        return scipy.sparse.hstack(parts).tocsr()

    def fit(self, texts: list[str], vectors: Optional[np.ndarray], intents: list[str]) -> None:
        self.classifier.fit(self._features(texts, vectors, fit=True), intents)

    def probabilities(self, texts: list[str], vectors: Optional[np.ndarray]) -> np.ndarray:
        """The multinomial model's softmax, as ``predict_proba`` computes it; scikit-learn copies the whole weight
        matrix into C order on every call (6 ms a message), so the copy is made once."""
        weights = self.__dict__.get("_weights")
        if weights is None:
            weights = self._weights = np.ascontiguousarray(self.classifier.coef_.T)
        logits = np.asarray(self._features(texts, vectors, fit=False) @ weights) + self.classifier.intercept_
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def __getstate__(self) -> dict[str, Any]:
        return {key: value for key, value in self.__dict__.items() if key != "_weights"}

    def reference_probabilities(self, texts: list[str], vectors: Optional[np.ndarray]) -> np.ndarray:
        """scikit-learn's own ``predict_proba``, which ``probabilities`` must equal (tests/nlu)."""
        return self.classifier.predict_proba(self._features(texts, vectors, fit=False))

    @property
    def intents(self) -> list[str]:
        return [str(name) for name in self.classifier.classes_]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(IntentClassifier, GraphComponent):
    """Intent ranking from a logistic regression over e5 sentence vectors and character and word n-grams."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "e5_weight": 4.0,  # scale of the e5 vector beside the tf-idf blocks; 0 leaves e5 out (the baseline)
            "C": 30.0,  # inverse regularisation strength of the logistic regression
            "diet_weight": 0.5,  # DIET's share of the averaged confidences; 0 ranks by the linear model alone
            "ranking_length": 10,
            "random_seed": 42,
            "num_threads": 1,  # of the shared e5 embedder (nlu/e5_featurizer.py), created once per process
            "cache_size": 50000,
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if float(config.get("e5_weight", 0.0)) < 0 or float(config.get("C", 1.0)) <= 0:
            raise InvalidConfigException("LinearIntentClassifier: e5_weight must be >= 0 and C > 0")
        if not 0.0 <= float(config.get("diet_weight", 0.5)) < 1.0:
            raise InvalidConfigException("LinearIntentClassifier: diet_weight is a share from 0 to below 1")

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[LinearModel] = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> LinearIntentClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                model = pickle.loads((directory / MODEL_FILE).read_bytes())
        except (ValueError, FileNotFoundError):
            logger.warning("LinearIntentClassifier: no trained model found; DIET's intents are kept")
            model = None
        return cls(config, model_storage, resource, model)

    def _vectors(self, texts: list[str]) -> Optional[np.ndarray]:
        if float(self._config["e5_weight"]) == 0:
            return None
        embedder = _embedder(int(self._config["num_threads"]), int(self._config["cache_size"]))
        return embedder.embed(texts)

    def train(self, training_data: TrainingData) -> Resource:
        # The E5Featurizer's dense-only copies repeat examples; each (text, intent) is learnt once.
        pairs = sorted({(m.get(TEXT), m.get(INTENT)) for m in training_data.intent_examples if m.get(TEXT)})
        if len({intent for _, intent in pairs}) < 2:
            logger.warning("LinearIntentClassifier: fewer than two intents, nothing to train")
            return self._resource
        texts, intents = [text for text, _ in pairs], [intent for _, intent in pairs]
        model = LinearModel(float(self._config["e5_weight"]), float(self._config["C"]),
                            int(self._config["random_seed"]))
        model.fit(texts, self._vectors(texts), intents)
        self._model = model
        with self._model_storage.write_to(self._resource) as directory:
            (directory / MODEL_FILE).write_bytes(pickle.dumps(model))
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        with_text = [message for message in messages if message.get(TEXT)]
        if self._model is None or not with_text:
            return messages
        texts = [message.get(TEXT) for message in with_text]
        for message, row in zip(with_text, self._model.probabilities(texts, self._vectors(texts)), strict=True):
            self._set_ranking(message, row)
        return messages

    def _set_ranking(self, message: Message, row: np.ndarray) -> None:
        diet = message.get(INTENT_RANKING_KEY) or []
        share = float(self._config["diet_weight"])
        averaged = dict(zip(self._model.intents, (1.0 - share) * row, strict=True))
        for item in diet:  # DIET ranks its top intents only; an intent it left out counts as 0 for it
            name = item[INTENT_NAME_KEY]
            averaged[name] = averaged.get(name, 0.0) + share * float(item[PREDICTED_CONFIDENCE_KEY])
        best = sorted(averaged.items(), key=lambda pair: -pair[1])[: int(self._config["ranking_length"])]
        ranking = [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: float(value)} for name, value in best]
        message.set(DIET_RANKING, diet, add_to_output=True)
        message.set(INTENT, ranking[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
