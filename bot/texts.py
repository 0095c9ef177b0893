"""The one loader for user-facing texts. Texts live in YAML files beside the code that sends them
(bot/chat/messages.yml, bot/channels/texts.yml, bot/chat/handoff/texts.yml and summary.yml,
the responses in domain.yml); each file is read once. A text is a string, or a mapping of language to
string: Dutch is used when there is no version in the asked language, and {placeholders} are filled in
when values are given."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("nl", "en")  # the languages the bot answers in


@cache
def load(path: Path) -> Any:
    """The parsed YAML file (cached: texts do not change while the process runs)."""
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def language(code: str | None) -> str:
    """The reply language for a language code: English for en, Dutch for everything else."""
    return code if code in LANGUAGES else "nl"


def pick(node: Any, lang: str | None = "nl", **values: Any) -> str:
    """A string, or the version in `lang` (else Dutch) of a {language: string} mapping; placeholders filled."""
    chosen = node.get(language(lang), node["nl"]) if isinstance(node, dict) else node
    return str(chosen).format(**values) if values else str(chosen)


class Texts:
    """One YAML file of texts, read through `load`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def data(self) -> Any:
        return load(self.path)

    def node(self, dotted: str) -> Any:
        node = self.data()
        for key in dotted.split("."):
            node = node[key]
        return node

    def get(self, dotted: str, lang: str | None = "nl", **values: Any) -> str:
        """The text at a dotted path ("queue.waiting") in `lang`, placeholders filled in."""
        return pick(self.node(dotted), lang, **values)
