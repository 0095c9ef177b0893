"""Runs inside the Rasa venv (called by test_linear_intent.py): trains, saves, loads and applies the
LinearIntentClassifier on a few messages and prints what the test checks, as JSON."""
from __future__ import annotations

import json
import pickle
import sys
import tempfile
from pathlib import Path

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.linear_intent import DIET_RANKING, LinearIntentClassifier

TRAIN = [("mijn man slaat mij", "victim"), ("mijn vriend slaat me elke week", "victim"),
         ("wat is de kindcheck", "kindcheck"), ("hoe werkt de kindcheck precies", "kindcheck"),
         ("hallo", "greet"), ("goedemorgen", "greet"),
         ("mijn buurman slaat zijn vrouw", "bystander"), ("ik hoor de buren elke nacht ruzie maken", "bystander")]
PROBES = ["My husband hits me", "Kocam bana vuruyor", "wat houdt die kindcheck in", "hoi hallo", "", "???"]


def parse(classifier: LinearIntentClassifier, text: str, diet: str = "from_diet") -> dict:
    message = Message.build(text=text)
    message.set("intent_ranking", [{"name": diet, "confidence": 0.9}, {"name": "greet", "confidence": 0.1}])
    classifier.process([message])
    return {"intent": (message.get("intent") or {}).get("name"),
            "confidences": [item["confidence"] for item in message.get("intent_ranking") or []],
            "diet": [item["name"] for item in message.get(DIET_RANKING) or []]}


def main() -> None:
    storage = LocalModelStorage(Path(tempfile.mkdtemp()))
    context = ExecutionContext(GraphSchema({}), "probe")
    data = TrainingData([Message.build(text=text, intent=intent) for text, intent in TRAIN])
    # A repeated example (as the E5Featurizer's dense-only copies are) must not count twice.
    data = TrainingData(data.training_examples + [Message.build(text=TRAIN[0][0], intent=TRAIN[0][1])])
    config = {**LinearIntentClassifier.get_default_config(), "ranking_length": 3, "diet_weight": 0.0}
    resource = Resource("linear")
    LinearIntentClassifier.create(config, storage, resource, context).train(data)
    loaded = LinearIntentClassifier.load(config, storage, resource, context)
    untrained = LinearIntentClassifier.load(config, storage, Resource("never-trained"), context)
    baseline = {**config, "e5_weight": 0.0}
    LinearIntentClassifier.create(baseline, storage, Resource("baseline"), context).train(data)
    without_e5 = LinearIntentClassifier.load(baseline, storage, Resource("baseline"), context)
    averaged = LinearIntentClassifier.load({**config, "diet_weight": 0.5}, storage, resource, context)
    texts = PROBES[:4]
    vectors = loaded._vectors(texts)
    ours, sklearn = loaded._model.probabilities(texts, vectors), loaded._model.reference_probabilities(texts, vectors)
    json.dump({
        "probes": {text: parse(loaded, text) for text in PROBES},
        "agree": parse(averaged, "wat houdt die kindcheck in", diet="kindcheck"),
        "disagree": parse(averaged, "wat houdt die kindcheck in", diet="victim"),
        "linear_alone": parse(loaded, "wat houdt die kindcheck in", diet="victim"),
        "largest_difference_to_sklearn": float(abs(ours - sklearn).max()),
        "weights_pickled": "_weights" in pickle.loads(pickle.dumps(loaded._model)).__dict__,
        "untrained": parse(untrained, "mijn man slaat mij"),
        "without_e5": parse(without_e5, "Kocam bana vuruyor"),
    }, sys.stdout)


if __name__ == "__main__":
    main()
