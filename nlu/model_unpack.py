"""Each model archive unpacked once, not at every start of Rasa.

Rasa 3.6 unpacks the model archive (160 MB compressed, most of it DIET's checkpoint) into a temporary directory
whenever it loads a model: it decompresses the archive twice (tarsafe checks every member first), 3-8 s of CPU per
start. Here an archive is unpacked once, beside it, into ``.unpacked/<key>`` (key: the archive's resolved path, size
and modification time; in `models/` for ours, never in var/, which holds conversation data) and every load copies
the unpacked files from there, a fraction of a second. Rasa then moves them into its model storage as before.
Copies, not links: the cached files can never be changed through a model storage. An archive beside which nothing
can be written (a read-only volume) is unpacked as before.

Runs inside Rasa (Python 3.10): installed by nlu/rasa_main.py before Rasa loads the model.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Union

logger = logging.getLogger(__name__)
KEEP = 3  # unpacked archives kept; the least recently used others are removed
Extract = Callable[[Union[str, Path], Path], None]


def key(archive: Path) -> str:
    stat = archive.stat()
    text = f"{archive.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def unpacked(archive: Path, root: Path, extract: Extract) -> Path:
    """The directory holding the archive's files, unpacking it with ``extract`` the first time."""
    target = root / key(archive)
    if not target.is_dir():
        root.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=root))
        try:
            extract(archive, partial)
            partial.chmod(0o755)  # as readable as the archive's folder, not mkdtemp's owner-only
            os.replace(partial, target)  # atomic; another process that got there first wins
        except OSError:
            if not target.is_dir():
                raise
        finally:
            shutil.rmtree(partial, ignore_errors=True)
        _prune(root, keep=target)
    os.utime(target)  # most recently used
    return target


def copy_tree(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        destination = target / path.relative_to(source)
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def _prune(root: Path, keep: Path) -> None:
    others = sorted((p for p in root.iterdir() if p.is_dir() and p != keep and not p.name.startswith(".")),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in others[KEEP - 1:]:
        shutil.rmtree(stale, ignore_errors=True)


def extract_cached(model_archive_path: Union[str, Path], temporary_directory: Path, original: Extract) -> None:
    """Rasa's unpacking step: a copy of the cached files, or ``original`` when the cache cannot be used."""
    target = Path(temporary_directory)
    try:
        archive = Path(model_archive_path)
        copy_tree(unpacked(archive, archive.parent / ".unpacked", original), target)
    except OSError:
        logger.warning("model archive not cached; unpacked as usual", exc_info=True)
        for path in target.iterdir():  # a copy cut short
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        original(model_archive_path, temporary_directory)


def install() -> None:
    """Make Rasa's archive unpacking go through the cache beside each archive."""
    from rasa.engine.storage.local_model_storage import LocalModelStorage

    original: Extract = LocalModelStorage._extract_archive_to_directory

    def extract(model_archive_path: Union[str, Path], temporary_directory: Path) -> None:
        extract_cached(model_archive_path, temporary_directory, original)

    LocalModelStorage._extract_archive_to_directory = staticmethod(extract)
