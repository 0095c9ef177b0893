"""Runs inside the Rasa venv (called by test_e5_featurizer.py): trains, saves, loads and applies the
E5Featurizer on a few messages and prints what the test checks, as JSON."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.e5_featurizer import E5Featurizer

TRAIN = [("mijn man slaat mij", "victim"), ("wat is de kindcheck", "kindcheck"), ("hallo", "greet"),
         ("mijn buurman slaat zijn vrouw", "bystander"), ("welke stappen heeft de meldcode", "steps")]
PROBES = ["My husband hits me", "Kocam bana vuruyor", "زوجي يضربني", "wat is de kindcheck", "???"]


def main() -> None:
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    storage = LocalModelStorage(Path(tempfile.mkdtemp()))
    context = ExecutionContext(GraphSchema({}), "probe")
    data = TrainingData([Message.build(text=text, intent=intent) for text, intent in TRAIN])
    tokenizer.process_training_data(data)
    counts = CountVectorsFeaturizer.create(CountVectorsFeaturizer.get_default_config(), storage,
                                           Resource("counts"), context)
    counts.train(data)
    counts.process_training_data(data)
    config = {**E5Featurizer.get_default_config(), "dense_only_copies": 0.4}
    resource = Resource("e5")
    E5Featurizer.create(config, storage, resource, context).train(data)
    featurizer = E5Featurizer.load(config, storage, resource, context)
    augmented = featurizer.process_training_data(data)
    probes = [Message.build(text=text) for text in PROBES]
    tokenizer.process(probes)
    featurizer.process(probes)
    train_sentences = np.stack([m.get_dense_features("text")[1].features[0] for m in data.training_examples])
    copies = augmented.training_examples[len(TRAIN):]
    raw = featurizer._embedder.embed(["mijn man slaat mij", "My husband hits me", "wat is de kindcheck"])
    shapes = []
    for message in probes:
        sequence, sentence = message.get_dense_features("text")
        shapes.append([len(message.get("text_tokens")), list(sequence.features.shape), list(sentence.features.shape)])
    json.dump({
        "shapes": shapes,
        "train_mean_abs": float(np.abs(train_sentences.mean(axis=0)).max()),
        "copies": len(copies),
        "copy_sparse_nnz": int(sum(f.features.nnz for m in copies for f in m.features if f.is_sparse()
                                   and f.attribute == "text")),
        "copy_has_dense": all(m.get_dense_features("text")[1] is not None for m in copies),
        "same_meaning": float(raw[0] @ raw[1]),
        "other_meaning": float(raw[0] @ raw[2]),
    }, sys.stdout)


if __name__ == "__main__":
    main()
