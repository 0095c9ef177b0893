"""Annotations as Rasa NLU training data (YAML), ready to put in nlu/ beside nlu.yml."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import yaml

from bot.console.conversations import fold
from bot.settings import ROOT

NLU_DIR = ROOT / "nlu"
# "[NAAM](x)", "[NAAM]{...}" or "[NAAM][...]" would read as an entity annotation in Rasa's YAML format.
_LOOKS_LIKE_ENTITY = re.compile(r"\](?=[({\[])")


def clean_example(text: str) -> str:
    """One line, and never parsed as entity markup."""
    return _LOOKS_LIKE_ENTITY.sub("] ", " ".join(text.split()))


def existing_examples(nlu_dir: Path = NLU_DIR) -> dict[str, str]:
    """Folded example text -> intent, for every example already in nlu/*.yml."""
    found: dict[str, str] = {}
    for path in sorted(nlu_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            if not isinstance(block, dict) or "intent" not in block:
                continue
            for line in str(block.get("examples") or "").splitlines():
                example = line.strip()
                if example.startswith("- "):
                    found.setdefault(fold(_strip_markup(example[2:])), str(block["intent"]))
    return found


def _strip_markup(example: str) -> str:
    return re.sub(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}", lambda m: m.group(1) or m.group(2), example)


def build_export(annotations: Iterable[tuple[str, str]], existing: dict[str, str]) -> tuple[str, dict[str, int]]:
    """(text, intent) pairs -> Rasa NLU YAML and counts of what was kept and skipped."""
    per_intent: dict[str, list[str]] = defaultdict(list)
    seen: set[str] = set()
    counts = {"exported": 0, "already_in_nlu": 0, "conflicts": 0, "duplicates": 0}
    for text, intent in annotations:
        example = clean_example(text)
        key = fold(example)
        if not key:
            continue
        if key in seen:
            counts["duplicates"] += 1
            continue
        seen.add(key)
        if key in existing:
            counts["already_in_nlu" if existing[key] == intent else "conflicts"] += 1
            continue
        per_intent[intent].append(example)
        counts["exported"] += 1
    return _render(per_intent, counts), counts


def _render(per_intent: dict[str, list[str]], counts: dict[str, int]) -> str:
    header = (
        "# Exported from the Wegwijs operator console: reviewed user messages with their correct intent.\n"
        f"# {counts['exported']} new example(s); skipped {counts['already_in_nlu']} already in nlu/, "
        f"{counts['conflicts']} that nlu/ lists under another intent, {counts['duplicates']} duplicate(s).\n"
        "# Texts were redacted before storage; check placeholders such as [NAAM] before training.\n"
    )
    blocks = [{"intent": intent, "examples": "".join(f"- {e}\n" for e in examples)}
              for intent, examples in sorted(per_intent.items())]
    body = yaml.dump({"version": "3.1", "nlu": blocks}, Dumper=_LiteralDumper, allow_unicode=True,
                     sort_keys=False, width=1000)
    return header + body


class _LiteralDumper(yaml.SafeDumper):
    pass


def _literal(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_LiteralDumper.add_representer(str, _literal)
