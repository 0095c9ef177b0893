"""What a reply is made of: the knowledge it draws on (as protocols, so tests need no index), the reply
itself, and how a knowledge hit is shown (with its source for professionals and documents)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional, Protocol

_SOURCE_LABEL = {"nl": "Bron", "en": "Source"}
_CHECKED_LABEL = {"nl": "gecontroleerd op", "en": "checked on"}
_ROLE_AUDIENCE = {"child": "child", "professional": "professional"}


class Hit(Protocol):
    id: str
    text: str
    source: str
    source_title: str
    location: Optional[str]
    audience: str
    kind: str


class SearchResult(Protocol):
    hits: Sequence[Hit]
    answered: bool
    confidence: float  # the no-answer gate's score of the best hit
    asked: bool  # the best hit's entry lists a question the message clearly paraphrases


class Knowledge(Protocol):
    def search(self, text: str, audience: Optional[str] = None, lang: str = "nl", k: int = 5) -> SearchResult: ...

    def entry(self, entry_id: str, lang: str = "nl") -> Optional[Hit]: ...


@dataclass
class Reply:
    texts: list[str] = field(default_factory=list)
    responses: list[str] = field(default_factory=list)
    entry_ids: list[str] = field(default_factory=list)
    misunderstood: int = 0
    handoff: Optional[str] = None  # why a human is offered (bot/chat/handoff asks consent), or None
    buttons: list[dict[str, str]] = field(default_factory=list)  # quick choices under the last text
    role: Optional[str] = None  # who is asking after this turn (a quick choice can tell)


def cite(hit: Hit, language: str) -> str:
    label = _SOURCE_LABEL.get(language, "Bron")
    if hit.kind == "passage":
        where = f", {hit.location}" if hit.location else ""
        return f"{label}: {hit.source_title}{where}"
    checked = getattr(hit, "checked", "")  # curated entries: the date the entry was checked against its source
    when = f", {_CHECKED_LABEL.get(language, _CHECKED_LABEL['nl'])} {checked}" if checked else ""
    return f"{label}: {hit.source_title} ({hit.source}){when}"


def render(hit: Hit, language: str) -> str:
    """Entry text, with its source named for professional and document answers."""
    if hit.audience == "professional" or hit.kind == "passage":
        return f"{hit.text}\n{cite(hit, language)}"
    return hit.text


def role_audience(role: Optional[str], default: Optional[str] = None) -> Optional[str]:
    """The knowledge audience written for the person's role (a child's or a professional's own entries),
    else `default`."""
    return _ROLE_AUDIENCE.get(role or "", default)


def allowed_hits(result: SearchResult, held_back: Sequence[str]) -> list[Hit]:
    """An answered search's hits without the entries `held_back` (routes.yml `only_when_asked`, `shown_only_when`),
    unless the best hit is one of them and the message clearly paraphrases one of its questions."""
    if not result.answered or not result.hits:
        return []
    best = result.hits[0].id
    return [hit for hit in result.hits if hit.id not in held_back or (result.asked and hit.id == best)]


def unique(hits: Sequence[Hit]) -> list[Hit]:
    """The hits without repeats, in order."""
    kept: list[Hit] = []
    for hit in hits:
        if all(hit.id != seen.id for seen in kept):
            kept.append(hit)
    return kept
