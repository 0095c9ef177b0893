"""The handoff summary: situation, who is asking, who is involved, what was advised.

Built from the Rasa tracker (GET /conversations/{sender}/tracker) using only the fixed descriptions in
summary.yml: intents become plain descriptions, relation words become kinds of people, the help named in the
bot's replies becomes a list of services. The person's own words are never copied, and the result is
redacted once more before it is shown or stored.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.chat.handoff.texts import language
from bot.texts import load

SUMMARY_FILE = Path(__file__).with_name("summary.yml")
ENTRIES_DIR = Path(__file__).resolve().parents[3] / "knowledge" / "entries"
_WORD = re.compile(r"\w+")


def config() -> dict[str, Any]:
    return load(SUMMARY_FILE)


@lru_cache(maxsize=1)
def entry_titles() -> dict[str, dict[str, str]]:
    """Knowledge entry id -> title per language (read from the YAML entries, no index needed)."""
    from knowledge.curated import load_entries
    return {entry.id: dict(entry.title) for entry in load_entries(ENTRIES_DIR)}


@dataclass
class Facts:
    """What the conversation says about the situation, as keys into summary.yml."""

    situations: list[str] = field(default_factory=list)
    role: str | None = None
    sector: str | None = None
    involved: list[str] = field(default_factory=list)
    pathways: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    danger: list[str] = field(default_factory=list)
    language: str = "nl"


def _add(items: list[str], value: str | None) -> None:
    if value and value not in items:
        items.append(value)


def _mentions(cue: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(cue.lower())}(?![\w-])", text) is not None


def _read_user(event: dict[str, Any], facts: Facts) -> None:
    parse = event.get("parse_data") or {}
    intent = (parse.get("intent") or {}).get("name")
    if intent in config()["situations"]:
        _add(facts.situations, intent)
    for entity in parse.get("entities") or []:
        if entity.get("entity") == "safety":
            _add(facts.danger, str(entity.get("value")))
    words = set(_WORD.findall((event.get("text") or "").lower()))
    for group in config()["involved"]:
        if words & {word.lower() for word in group["words"]}:
            _add(facts.involved, group["kind"]["nl"])


def _read_bot(event: dict[str, Any], facts: Facts) -> None:
    text = (event.get("text") or "").lower()
    for pathway in config()["pathways"]:
        if any(_mentions(cue, text) for cue in pathway["cues"]):
            _add(facts.pathways, pathway["name"])


def _read_slot(event: dict[str, Any], facts: Facts) -> None:
    name, value = event.get("name"), event.get("value")
    values = value if isinstance(value, list) else [value]
    if name in {"retrieved", "last_topic"}:
        for entry_id in values:
            if isinstance(entry_id, str) and entry_id not in config()["ignore_topics"]:
                _add(facts.topics, entry_id)


_READERS: dict[str, Callable[[dict[str, Any], Facts], None]] = {
    "user": _read_user, "bot": _read_bot, "slot": _read_slot}


def read_facts(tracker: dict[str, Any]) -> Facts:
    slots = tracker.get("slots") or {}
    facts = Facts(role=slots.get("role"), sector=slots.get("sector"), language=language(slots.get("language")))
    for event in tracker.get("events") or []:
        reader = _READERS.get(event.get("event", ""))
        if reader:
            reader(event, facts)
    return facts


def _pick(node: dict[str, str], lang: str) -> str:
    return node.get(lang) or node["nl"]


def _involved_label(kind_nl: str, lang: str) -> str:
    for group in config()["involved"]:
        if group["kind"]["nl"] == kind_nl:
            return _pick(group["kind"], lang)
    return kind_nl


def _asker(facts: Facts, lang: str) -> str | None:
    role = config()["roles"].get(facts.role or "")
    if not role:
        return None
    asker = _pick(role, lang)
    if facts.role == "professional" and facts.sector:
        asker += ", " + _pick(config()["sector"], lang).format(sector=facts.sector)
    return asker


def _topics(facts: Facts, lang: str) -> list[str]:
    titles = entry_titles()
    named = [_pick(titles[entry_id], lang) for entry_id in facts.topics if entry_id in titles]
    return named[-int(config().get("max_topics", 3)):]


def _line(label: str, values: Iterable[str], lang: str) -> str:
    items = [value for value in values if value]
    shown = "; ".join(items) if items else _pick(config()["labels"]["unknown"], lang)
    return f"- {_pick(config()['labels'][label], lang)}: {shown}"


def compose(facts: Facts, reason: str, lang: str | None = None) -> str:
    """The summary text, one fact per line."""
    lang = language(lang or facts.language)
    cfg = config()
    lines = [
        _pick(cfg["labels"]["title"], lang) + ":",
        _line("reason", [_pick(cfg["reasons"].get(reason, cfg["reasons"]["request"]), lang)], lang),
        _line("situation", [_pick(cfg["situations"][key], lang) for key in facts.situations], lang),
        _line("asker", [_asker(facts, lang) or ""], lang),
        _line("involved", [_involved_label(kind, lang) for kind in facts.involved], lang),
        _line("advised", facts.pathways, lang),
    ]
    topics = _topics(facts, lang)
    if topics:
        lines.append(_line("topics", topics, lang))
    if facts.danger:
        lines.append(_line("danger", [_pick(cfg["danger"][level], lang) for level in facts.danger
                                      if level in cfg["danger"]], lang))
    return "\n".join(lines)


def build_summary(tracker: dict[str, Any], reason: str, lang: str | None = None,
                  redact: Callable[[str], str] | None = None) -> str:
    """Summary of a tracker, passed through `redact` (bot.privacy by default) before anyone sees it."""
    text = compose(read_facts(tracker), reason, lang)
    return (redact or default_redact())(text)


def default_redact() -> Callable[[str], str]:
    from bot.privacy.redact import redact
    return redact
