"""Runs in the Rasa venv: loads the shipped model with Rasa's own DIET loading (one training step to create the
variables) and with ours (nlu/rasa_speedups.py: variables created by the first prediction), parses the same
messages with both and prints one JSON line. With --check (a step of scripts/test.sh, beside pytest with the other
Rasa checks) it exits 1 when any prediction differs or fewer than 50 messages were compared. A passing check is
kept under var/nlu-compare/ keyed on a hash of the model, the NLU data and the loading code (copied to the machine's
cache like the NLU comparison), so an unchanged model is not loaded twice more on every run; --force checks anyway.

    .venv/rasa/bin/python tests/nlu/diet_load_probe.py --check"""
from __future__ import annotations

import asyncio
import hashlib
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import yaml
from rasa.core.agent import Agent
from rasa.utils.tensorflow.models import RasaModel

import nlu.policies  # noqa: F401  (applies the speed-ups, as Rasa does when it loads the model)
from nlu import rasa_speedups

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "wegwijs.tar.gz"
OWN = ["ik maak me zorgen over het kind van de buren", "what happens after I call them", "qwerty asdf",
       "komşum karısını dövüyor", "moja siostra boi się ojca", "welke stap komt na de kindcheck",
       "hij heeft mijn telefoon afgepakt en ik mag niet naar buiten", "dank je wel"]


def messages() -> list[str]:
    data = yaml.safe_load((ROOT / "nlu" / "nlu.yml").read_text(encoding="utf-8"))
    examples = [line.strip()[2:] for item in data["nlu"] if "examples" in item
                for line in item["examples"].splitlines() if line.strip().startswith("- ")]
    return [re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text) for text in examples[::50]] + OWN


def load(loader: Any) -> tuple[Agent, float]:
    RasaModel.load = classmethod(loader)  # type: ignore[method-assign, assignment]
    started = time.perf_counter()
    agent = Agent.load(str(MODEL))
    return agent, round(time.perf_counter() - started, 1)


async def parses(agent: Agent, texts: list[str]) -> list[Any]:
    out = []
    for text in texts:
        parsed = await agent.parse_message(text)
        out.append([[(i["name"], round(i["confidence"], 6)) for i in parsed["intent_ranking"]],
                    [(i["name"], round(i["confidence"], 6)) for i in parsed.get("diet_intent_ranking") or []],
                    sorted((e["entity"], str(e["value"])) for e in parsed["entities"])])
    return out


def cache_file() -> Path:
    digest = hashlib.sha256()
    for part in (MODEL, ROOT / "nlu" / "nlu.yml", Path(__file__), Path(rasa_speedups.__file__),
                 Path(nlu.policies.__file__)):
        digest.update(part.read_bytes())
        digest.update(b"\0")
    return ROOT / "var" / "nlu-compare" / f"diet-load-{digest.hexdigest()[:20]}.json"


def main() -> None:
    check, cached = "--check" in sys.argv, cache_file()
    if check and "--force" not in sys.argv and cached.exists():
        print(cached.read_text(encoding="utf-8").strip(), "(cached: model, data and loading code unchanged)")
        return
    texts = messages()
    rasa_agent, rasa_s = load(rasa_speedups._rasa_load)
    ours_agent, ours_s = load(rasa_speedups._load_for_inference)
    rasa_out, ours_out = asyncio.run(parses(rasa_agent, texts)), asyncio.run(parses(ours_agent, texts))
    differ = [text for text, a, b in zip(texts, rasa_out, ours_out, strict=True) if a != b]
    result = json.dumps({"messages": len(texts), "differ": differ, "load_seconds": {"rasa": rasa_s, "ours": ours_s}})
    print(result)
    if check and (len(texts) < 50 or differ):
        print(f"DIET loading differs from Rasa's on {len(differ)} of {len(texts)} messages", file=sys.stderr)
        sys.exit(1)
    if check:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(result + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
