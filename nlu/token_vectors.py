"""The e5 vectors of our own vocabulary, computed once, so a starting Rasa does not embed them again.

DIET's sequence features embed every token of a message on its own (nlu/e5_featurizer.py), about 8 ms of CPU per
token that the process has not seen before; each Rasa process starts with an empty cache. The words of our NLU
examples and knowledge entries are the bulk of what people write to the bot, so set-up embeds them once
(`python -m nlu.token_vectors build`, Rasa venv; cached per content hash like the model) and every Rasa process puts
them in its featurizer's cache when it loads the model (nlu/policies.py). The vectors are the ones the featurizer
would compute itself, so predictions do not change; only our own vocabulary is stored, never a user's word.

Runs inside Rasa (Python 3.10, numpy 1.23): stdlib, numpy, yaml and Rasa only.
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import numpy as np
import yaml

if TYPE_CHECKING:
    from nlu.e5_featurizer import _Embedder

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("nlu/nlu*.yml", "knowledge/entries/*.yml")
FILE_NAME = "e5_token_vectors.npz"
logger = logging.getLogger(__name__)


def _featurizer_embedder() -> _Embedder:
    """The embedder whose cache the featurizer reads: the same thread count and cache size as its config."""
    from nlu.e5_featurizer import E5Featurizer, _embedder

    config = E5Featurizer.get_default_config()
    return _embedder(int(config["num_threads"]), int(config["cache_size"]))


def source_files(root: Path = ROOT) -> list[Path]:
    return sorted(path for pattern in SOURCES for path in root.glob(pattern))


def _texts(value: object) -> list[str]:
    """Every string inside a loaded YAML value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def _plain(text: str) -> str:
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # an NLU example's "[word](entity)" is just the word


def vocabulary(files: list[Path]) -> list[str]:
    """The tokens of our texts as the featurizer sees them: Rasa's whitespace tokenizer, lower case."""
    from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
    from rasa.shared.nlu.training_data.message import Message

    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    words: set[str] = set()
    for path in files:
        for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for line in _plain(text).splitlines():
                line = line.strip().removeprefix("- ")
                if line:
                    tokens = tokenizer.tokenize(Message(data={"text": line}), "text")
                    words.update(token.text.lower() for token in tokens)
    return sorted(words)


def content_hash(files: list[Path], model_name: str) -> str:
    digest = hashlib.sha256(model_name.encode())
    for path in [*files, Path(__file__)]:
        digest.update(b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def build(out: Path, batch: int = 64) -> None:
    embedder = _featurizer_embedder()
    files = source_files()
    words = vocabulary(files)
    started, vectors = time.perf_counter(), []
    for start in range(0, len(words), batch):
        vectors.append(embedder.embed(words[start:start + batch]))
        done = min(start + batch, len(words))
        if done % (batch * 20) == 0 or done == len(words):
            print(f"  [token vectors] {done}/{len(words)} words, {time.perf_counter() - started:.0f} s", flush=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".tmp.npz")
    np.savez(partial, words=np.array(words), vectors=np.concatenate(vectors).astype(np.float32),
             model=np.array(embedder.name), content=np.array(content_hash(files, embedder.name)))
    partial.replace(out)


def default_path() -> Path:
    from bot.settings import load_settings  # as nlu/semantic_safety.py finds var/

    return load_settings().var_dir / "cache" / FILE_NAME


def prefill(path: Optional[Path] = None) -> int:
    """Put the stored vectors in the featurizer's cache; the number put, 0 when the file is missing, stale or made
    with another model (then the featurizer simply embeds as before)."""
    path = path or default_path()
    if not path.is_file():
        return 0
    embedder = _featurizer_embedder()
    with np.load(path) as stored:
        current = content_hash(source_files(), embedder.name)
        if str(stored["model"]) != embedder.name or str(stored["content"]) != current:
            logger.info("e5 token vectors in %s are stale; not used", path)
            return 0
        for word, vector in zip(stored["words"].tolist(), stored["vectors"], strict=True):
            embedder._cache.put(str(word), vector)
        return len(stored["words"])


def prefill_texts(path: Path, sample: int = 3) -> int:
    """Put a file of fixed texts' vectors (the evaluation's messages, bot/measure/eval_vectors.py) in the
    featurizer's cache; the number put. 0 when the file was made with another model or a sample of it differs from
    what this process computes: then nothing is put and the featurizer embeds as before."""
    embedder = _featurizer_embedder()
    with np.load(path) as stored:
        words, vectors = [str(word) for word in stored["words"].tolist()], stored["vectors"]
        model = str(stored["model"])
    if model != embedder.name or len(words) != len(vectors):
        logger.warning("e5 vectors in %s were made with %s, not %s; not used", path, model, embedder.name)
        return 0
    picked = list(range(0, len(words), max(1, len(words) // sample)))[:sample]
    fresh = embedder.embed([words[i] for i in picked])
    if not np.array_equal(fresh, vectors[picked]):
        logger.warning("e5 vectors in %s differ from this process's own; not used", path)
        return 0
    for word, vector in zip(words, vectors, strict=True):
        embedder._cache.put(word, vector)
    logger.info("e5 vectors of %d fixed texts from %s put in the featurizer's cache", len(words), path)
    return len(words)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["build", "hash"])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "hash":
        print(content_hash(source_files(), _featurizer_embedder().name))
        return 0
    build(args.out or default_path())
    return 0


if __name__ == "__main__":
    sys.exit(main())
