"""Intent accuracy of the shipped model per language and register on a labelled set (figures only).

Run with the Rasa venv:  .venv/rasa/bin/python -m bot.measure.nlu_languages [--set tests/nlu/multilingual_b.yml]

The default set, tests/nlu/multilingual_b.yml, was written blind (never read while tuning the NLU data), so its
misses are never printed: only the accuracy per `lang` (en, tr, pl, ar, nl, nl_kids, nl_formal) and overall.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import logging
import sys
from pathlib import Path

import yaml

from bot.measure.nlu_compare import top_intent

ROOT = Path(__file__).resolve().parents[2]
BLIND_SET = ROOT / "tests" / "nlu" / "multilingual_b.yml"
MODEL = ROOT / "models" / "wegwijs.tar.gz"
TARGET = 0.90  # issue 12: held-out accuracy per language


async def accuracy(model: Path, cases: list[dict[str, str]]) -> dict[str, tuple[int, int]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    hits: dict[str, tuple[int, int]] = {}
    for case in cases:
        ok = top_intent(await agent.parse_message(case["text"]))[0] == case["intent"]
        done, total = hits.get(case["lang"], (0, 0))
        hits[case["lang"]] = (done + ok, total + 1)
    return hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, default=BLIND_SET, help="labelled cases (YAML with `cases`)")
    parser.add_argument("--model", type=Path, default=MODEL)
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    cases = yaml.safe_load(args.set.read_text(encoding="utf-8"))["cases"]
    with contextlib.redirect_stdout(io.StringIO()):  # Rasa's debug log would print the blind texts
        hits = asyncio.run(accuracy(args.model, cases))
    print(f"== intent accuracy of {args.model.name} on {args.set.name} ({len(cases)} cases; "
          f"target {TARGET} per language)")
    for lang, (done, total) in sorted(hits.items()):
        print(f"   {lang:<10} {done / total:.3f}  ({done}/{total})")
    done, total = sum(h for h, _ in hits.values()), sum(t for _, t in hits.values())
    print(f"   {'all':<10} {done / total:.3f}  ({done}/{total})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
