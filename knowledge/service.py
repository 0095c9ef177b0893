"""Get a ready KnowledgeIndex: load it from disk when its inputs are unchanged, else (re)build and save."""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import numpy as np
from tqdm import tqdm

from knowledge.calibration import calibrate
from knowledge.config import Settings, load_settings
from knowledge.curated import load_entries
from knowledge.docs import build_docs
from knowledge.embeddings import Embedder, embedder_key, make_embedder
from knowledge.evalset import load_calibration_set
from knowledge.fingerprint import input_hash
from knowledge.gate import default_gate
from knowledge.index import KnowledgeIndex
from knowledge.ingest import all_passages

_cache: dict[Settings, KnowledgeIndex] = {}
_lock = threading.Lock()


def index_path(settings: Settings) -> Path:
    """Each embedder keeps its own index, so switching backends does not throw the other away."""
    return settings.index_dir / embedder_key(settings)


def build_index(settings: Settings, embedder: Embedder | None = None, progress: bool = False,
                digest: str | None = None, known: Mapping[str, np.ndarray] | None = None) -> KnowledgeIndex:
    """Build from the entries, stored passages and seeds; calibrate the gate when the calibration set
    (knowledge/calibration/) exists. The retrieval eval set is never used for fitting.

    ``known`` holds vectors of an earlier build (by text) so unchanged texts are not embedded again.
    """
    started = time.perf_counter()
    entries = load_entries(settings.entries_dir)
    passages = all_passages(settings.docs_dir, settings.seeds_dir)
    docs = build_docs(entries, passages)
    embedder = embedder or make_embedder(settings)
    if progress:
        print(f"[knowledge] {len(entries)} entries, {len(passages)} passages -> {len(docs)} documents "
              f"({embedder.name})", file=sys.stderr)
    with _progress_bar(len(docs), progress) as advance:
        index = KnowledgeIndex.build(docs, embedder, default_gate(settings.embeddings),
                                     input_hash=digest or input_hash(settings), progress=advance,
                                     known=known)
    answerable, off_topic = load_calibration_set(settings.calibration_dir)
    if answerable and off_topic:
        gate, report = calibrate(index, answerable, off_topic)
        index.with_gate(gate, report)
    index.with_build_seconds(time.perf_counter() - started)
    return index


@contextlib.contextmanager
def _progress_bar(total: int, shown: bool) -> Iterator[Callable[[int], object]]:
    """A tqdm bar's update, or a no-op. No tqdm at all when hidden: even a disabled bar creates a
    multiprocessing lock, which fixes the start method to "fork" and makes the action server's Sanic
    (which asks for "spawn") refuse to start after building the index."""
    if not shown:
        yield lambda _n: None
        return
    with tqdm(total=total, desc="embedding", unit="doc", file=sys.stderr) as bar:
        yield bar.update


def _load_or_build(settings: Settings, progress: bool, force: bool) -> KnowledgeIndex:
    digest = input_hash(settings)
    directory = index_path(settings)
    stored = KnowledgeIndex.stored_meta(directory)
    embedder = make_embedder(settings)
    if not force and stored is not None and stored.input_hash == digest:
        try:
            return KnowledgeIndex.load(directory, embedder)
        except (OSError, ValueError, RuntimeError, KeyError, TypeError) as exc:  # damaged files
            print(f"[knowledge] stored index unreadable ({exc}); rebuilding", file=sys.stderr)
    if progress:
        print(f"[knowledge] {'rebuilding' if force else 'inputs changed; building'} the index in {directory}",
              file=sys.stderr)
    known = {} if force else KnowledgeIndex.stored_vectors(directory, embedder.name)
    index = build_index(settings, embedder, progress=progress, digest=digest, known=known)
    index.save(directory)
    return index


def load_index(settings: Settings | None = None, progress: bool = False, force: bool = False,
               refresh: bool = False) -> KnowledgeIndex:
    """The process-wide index for ``settings`` (default: from the environment).

    Loads the stored index when the content hash of its inputs matches; otherwise rebuilds and
    saves it. Later calls return the cached index; ``refresh`` first checks the inputs again
    (a hash of the files, milliseconds), ``force`` rebuilds regardless.
    """
    settings = settings or load_settings()
    with _lock:
        cached = _cache.get(settings)
        stale = cached is not None and refresh and cached.meta.input_hash != input_hash(settings)
        if force or cached is None or stale:
            _cache[settings] = _load_or_build(settings, progress, force)
        return _cache[settings]


def is_current(settings: Settings) -> bool:
    """True when a stored index matches the current inputs (nothing to rebuild)."""
    stored = KnowledgeIndex.stored_meta(index_path(settings))
    return stored is not None and stored.input_hash == input_hash(settings)


def clear_cache() -> None:
    with _lock:
        _cache.clear()
