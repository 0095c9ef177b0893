"""Runs in the Rasa venv: builds token vectors for a small vocabulary of our own into a temporary file, fills a
process's featurizer cache from it and compares with what the featurizer computes itself; prints one JSON line."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from unittest import mock

import numpy as np

from nlu import e5_featurizer, token_vectors

WORDS = ["stiefvader", "schreeuwt", "kindertelefoon", "bang", "buurvrouw"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "nlu.yml"
        source.write_text("nlu:\n- intent: x\n  examples: |\n    - mijn " + " ".join(WORDS) + "\n", encoding="utf-8")
        out = Path(tmp) / "vectors.npz"
        with mock.patch.object(token_vectors, "source_files", lambda root=None: [source]):
            token_vectors.build(out)
            stored = np.load(out)
            words = stored["words"].tolist()
            embedder = e5_featurizer._embedder(1, 50000)
            embedder._cache = e5_featurizer.VectorCache(50000)  # an empty cache, as in a new process
            put = token_vectors.prefill(out)
            cached = [embedder._cache.get(word) for word in words]
            fresh = [np.asarray(embedder._model.query([word]), dtype=np.float32).reshape(-1) for word in words]
            diff = max(float(np.abs(c - f / np.linalg.norm(f)).max()) for c, f in zip(cached, fresh, strict=True))
        source.write_text(source.read_text(encoding="utf-8") + "    - iets anders\n", encoding="utf-8")
        with mock.patch.object(token_vectors, "source_files", lambda root=None: [source]):
            stale = token_vectors.prefill(out)
        missing = token_vectors.prefill(Path(tmp) / "none.npz")
    print(json.dumps({"words": words, "put": put, "max_diff": diff, "stale": stale, "missing": missing}))


if __name__ == "__main__":
    main()
