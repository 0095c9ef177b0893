"""Intent accuracy of the shipped model per language and register on a labelled set (figures only).

Run with the Rasa venv:  .venv/rasa/bin/python -m bot.measure.nlu_languages [--set tests/nlu/multilingual_b.yml]

The default sets: tests/nlu/multilingual_b.yml, written blind before the first language round and read in the
second (a tuning set since), and tests/nlu/multilingual_c.yml, written blind before the second round and never read.
Misses are never printed: only the accuracy per `lang` (en, tr, pl, ar, nl, nl_kids, nl_formal) and overall.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import logging
import sys
from pathlib import Path
from typing import Any

import yaml

from bot.measure.nlu_compare import top_intent

ROOT = Path(__file__).resolve().parents[2]
SETS = [ROOT / "tests" / "nlu" / "multilingual_b.yml", ROOT / "tests" / "nlu" / "multilingual_c.yml"]
MODEL = ROOT / "models" / "wegwijs.tar.gz"
TARGET = 0.90  # issue 12: held-out accuracy per language


async def accuracy(agent: Any, cases: list[dict[str, str]]) -> dict[str, tuple[int, int]]:
    hits: dict[str, tuple[int, int]] = {}
    for case in cases:
        ok = top_intent(await agent.parse_message(case["text"]))[0] == case["intent"]
        done, total = hits.get(case["lang"], (0, 0))
        hits[case["lang"]] = (done + ok, total + 1)
    return hits


def report(agent: Any, model: Path, path: Path) -> None:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    with contextlib.redirect_stdout(io.StringIO()):  # Rasa's debug log would print the texts
        hits = asyncio.run(accuracy(agent, cases))
    print(f"== intent accuracy of {model.name} on {path.name} ({len(cases)} cases; target {TARGET} per language)")
    for lang, (done, total) in sorted(hits.items()):
        print(f"   {lang:<10} {done / total:.3f}  ({done}/{total})")
    done, total = sum(h for h, _ in hits.values()), sum(t for _, t in hits.values())
    print(f"   {'all':<10} {done / total:.3f}  ({done}/{total})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, action="append", help="labelled cases (YAML with `cases`); repeatable")
    parser.add_argument("--model", type=Path, default=MODEL)
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    from rasa.core.agent import Agent

    with contextlib.redirect_stdout(io.StringIO()):
        agent = Agent.load(str(args.model))  # once for every set
    for path in args.set or SETS:
        report(agent, args.model, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
