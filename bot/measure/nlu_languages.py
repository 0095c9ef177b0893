"""Intent accuracy of the shipped model per language and register on a labelled set (figures only).

Run with the Rasa venv:  .venv/rasa/bin/python -m bot.measure.nlu_languages [--set tests/nlu/multilingual_b.yml]

The default sets: tests/nlu/multilingual_b.yml, written blind before the first language round and read in the
second (a tuning set since), and tests/nlu/multilingual_c.yml, written blind before the second round and never read.
Misses are never printed: only the accuracy per `lang` (en, tr, pl, ar, nl, nl_kids, nl_formal) and overall.
The counts are kept under var/nlu-compare/ keyed on a hash of the model file, the set and this code (like the NLU
comparison), so an unchanged model is not asked the same 500 questions again; --force asks anyway.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import io
import json
import logging
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.measure import nlu_compare
from bot.measure.nlu_compare import top_intent, var_dir

ROOT = Path(__file__).resolve().parents[2]
SETS = [ROOT / "tests" / "nlu" / "multilingual_b.yml", ROOT / "tests" / "nlu" / "multilingual_c.yml"]
MODEL = ROOT / "models" / "wegwijs.tar.gz"
TARGET = 0.90  # issue 12: held-out accuracy per language
Hits = dict[str, tuple[int, int]]


async def accuracy(agent: Any, cases: list[dict[str, str]]) -> Hits:
    hits: Hits = {}
    for case in cases:
        ok = top_intent(await agent.parse_message(case["text"]))[0] == case["intent"]
        done, total = hits.get(case["lang"], (0, 0))
        hits[case["lang"]] = (done + ok, total + 1)
    return hits


def cache_file(model: Path, path: Path) -> Path:
    digest = hashlib.sha256()
    for part in (model, path, Path(__file__), Path(nlu_compare.__file__)):
        digest.update(part.read_bytes())
        digest.update(b"\0")
    return var_dir() / "nlu-compare" / f"languages-{digest.hexdigest()[:20]}.json"


def print_figures(model: Path, path: Path, cases: int, hits: Hits, cached: bool) -> None:
    note = "; cached: model, set and code unchanged" if cached else ""
    print(f"== intent accuracy of {model.name} on {path.name} ({cases} cases; target {TARGET} per language{note})")
    for lang, (done, total) in sorted(hits.items()):
        print(f"   {lang:<10} {done / total:.3f}  ({done}/{total})")
    done, total = sum(h for h, _ in hits.values()), sum(t for _, t in hits.values())
    print(f"   {'all':<10} {done / total:.3f}  ({done}/{total})")


@lru_cache(maxsize=1)
def load_agent(model: Path) -> Any:
    """Loaded once for every set, and only when a set is not cached."""
    from rasa.core.agent import Agent

    with contextlib.redirect_stdout(io.StringIO()):
        return Agent.load(str(model))


def report(model: Path, path: Path, force: bool) -> None:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    cached = cache_file(model, path)
    if cached.exists() and not force:
        hits = {lang: (done, total) for lang, (done, total) in json.loads(cached.read_text()).items()}
        print_figures(model, path, len(cases), hits, cached=True)
        return
    agent = load_agent(model)
    with contextlib.redirect_stdout(io.StringIO()):  # Rasa's debug log would print the texts
        hits = asyncio.run(accuracy(agent, cases))
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(hits), encoding="utf-8")
    print_figures(model, path, len(cases), hits, cached=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, action="append", help="labelled cases (YAML with `cases`); repeatable")
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--force", action="store_true", help="ask the model even when the counts are cached")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    for path in args.set or SETS:
        report(args.model, path, args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
