"""Runs in the Rasa venv: puts the vectors of a file built by bot/measure/eval_vectors.py (path in argv) in a new
process's featurizer cache and compares them with what this process computes itself; then tries a copy with one
vector changed and a copy made with another model. Prints one JSON line."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from nlu import e5_featurizer, token_vectors


def _copy(path: Path, folder: Path, name: str, **changes: np.ndarray) -> Path:
    with np.load(path) as stored:
        data = {key: stored[key] for key in stored.files}
    out = folder / name
    np.savez(out, **{**data, **changes})
    return out


def main(path: Path) -> None:
    embedder = e5_featurizer._embedder(1, 50000)
    embedder._cache = e5_featurizer.VectorCache(50000)  # an empty cache, as in a new process
    put = token_vectors.prefill_texts(path)
    with np.load(path) as stored:
        words, vectors = [str(word) for word in stored["words"].tolist()], stored["vectors"]
    cached = np.stack([embedder._cache.get(word) for word in words])
    embedder._cache = e5_featurizer.VectorCache(50000)
    fresh = embedder.embed(words)
    with tempfile.TemporaryDirectory() as tmp:
        changed = vectors.copy()
        changed[0, 0] += 1e-3
        tampered = token_vectors.prefill_texts(_copy(path, Path(tmp), "tampered.npz", vectors=changed))
        other = token_vectors.prefill_texts(_copy(path, Path(tmp), "other.npz", model=np.array("another-model")))
    print(json.dumps({"words": words, "put": put, "cached_equal": bool(np.array_equal(cached, vectors)),
                      "fresh_equal": bool(np.array_equal(fresh, vectors)), "tampered": tampered, "other": other}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
