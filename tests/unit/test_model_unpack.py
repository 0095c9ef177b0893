"""nlu/model_unpack.py: a model archive is unpacked once, beside it, and every load gets its own copy."""
from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest

from nlu import model_unpack


def _archive(folder: Path, content: str) -> Path:
    source = folder / "src"
    (source / "components" / "diet").mkdir(parents=True, exist_ok=True)
    (source / "metadata.json").write_text('{"model": 1}', encoding="utf-8")
    (source / "components" / "diet" / "weights.bin").write_text(content, encoding="utf-8")
    archive = folder / "model.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(source, arcname="")
    return archive


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, archive: str | Path, target: Path) -> None:
        self.calls += 1
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(target)


def _load(archive: Path, extract: Counting, into: Path) -> Path:
    source = model_unpack.unpacked(archive, archive.parent / ".unpacked", extract)
    into.mkdir()
    model_unpack.copy_tree(source, into)
    return into


def test_an_archive_is_unpacked_once_and_each_load_gets_the_same_files(tmp_path: Path) -> None:
    archive, extract = _archive(tmp_path, "v1"), Counting()
    first = _load(archive, extract, tmp_path / "load1")
    second = _load(archive, extract, tmp_path / "load2")
    assert extract.calls == 1
    for load in (first, second):
        assert (load / "components" / "diet" / "weights.bin").read_text(encoding="utf-8") == "v1"
        assert (load / "metadata.json").is_file()


def test_a_load_gets_copies_that_cannot_change_the_cache(tmp_path: Path) -> None:
    archive, extract = _archive(tmp_path, "v1"), Counting()
    first = _load(archive, extract, tmp_path / "load1")
    (first / "components" / "diet" / "weights.bin").write_text("changed", encoding="utf-8")
    second = _load(archive, extract, tmp_path / "load2")
    assert (second / "components" / "diet" / "weights.bin").read_text(encoding="utf-8") == "v1"


def test_a_new_archive_is_unpacked_again_and_old_ones_are_pruned(tmp_path: Path) -> None:
    extract = Counting()
    for version in range(model_unpack.KEEP + 2):
        archive = _archive(tmp_path, f"v{version}")
        os.utime(archive, ns=(version * 10**9, version * 10**9))  # a retrained model: another modification time
        loaded = _load(archive, extract, tmp_path / f"load{version}")
        assert (loaded / "components" / "diet" / "weights.bin").read_text(encoding="utf-8") == f"v{version}"
    assert extract.calls == model_unpack.KEEP + 2
    assert len([p for p in (tmp_path / ".unpacked").iterdir() if p.is_dir()]) == model_unpack.KEEP


def test_another_process_unpacking_first_is_used_and_nothing_half_done_is_left(tmp_path: Path) -> None:
    archive = _archive(tmp_path, "v1")
    root = tmp_path / ".unpacked"

    def racing(source: str | Path, target: Path) -> None:
        Counting()(source, target)
        Counting()(source, root / model_unpack.key(archive))  # the other process finishes first

    found = model_unpack.unpacked(archive, root, racing)
    assert (found / "components" / "diet" / "weights.bin").read_text(encoding="utf-8") == "v1"
    assert [p.name for p in root.iterdir()] == [found.name]


def test_a_broken_archive_fails_as_rasa_would_and_leaves_no_cache(tmp_path: Path) -> None:
    archive = tmp_path / "model.tar.gz"
    archive.write_bytes(b"not a tar")
    with pytest.raises(tarfile.TarError):
        model_unpack.unpacked(archive, tmp_path / ".unpacked", Counting())
    assert list((tmp_path / ".unpacked").iterdir()) == []


def test_where_nothing_can_be_cached_the_archive_is_unpacked_as_before(tmp_path: Path) -> None:
    archive, extract = _archive(tmp_path, "v1"), Counting()
    (tmp_path / ".unpacked").write_text("a file where the cache folder would go", encoding="utf-8")
    target = tmp_path / "load"
    target.mkdir()
    model_unpack.extract_cached(archive, target, extract)
    assert extract.calls == 1 and (target / "components" / "diet" / "weights.bin").read_text(encoding="utf-8") == "v1"


def test_a_copy_cut_short_is_cleared_and_the_archive_unpacked_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive, extract = _archive(tmp_path, "v1"), Counting()
    target = tmp_path / "load"
    target.mkdir()

    def cut_short(source: Path, into: Path) -> None:
        (into / "half.bin").write_text("x", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(model_unpack, "copy_tree", cut_short)
    model_unpack.extract_cached(archive, target, extract)
    assert not (target / "half.bin").exists()
    assert (target / "components" / "diet" / "weights.bin").read_text(encoding="utf-8") == "v1"
