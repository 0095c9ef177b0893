"""The rows of the index: one per language version of a curated entry, one per document passage."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from knowledge.curated import Entry
from knowledge.ingest import Passage

PASSAGE_AUDIENCE = "professional"
PASSAGE_LANG = "nl"
AUDIENCE_FILTER: dict[str, frozenset[str]] = {
    "citizen": frozenset({"citizen", "all"}),
    "child": frozenset({"child", "citizen", "all"}),
    "professional": frozenset({"professional", "all"}),
}


QUESTION_FACET = "question"  # a row per question people ask for an entry: for the embedding, not lexical


@dataclass(frozen=True)
class IndexDoc:
    """One searchable text with everything needed to show it as a hit."""

    entry_id: str
    lang: str
    kind: str  # "curated" | "passage"
    title: str
    text: str
    source: str
    source_title: str
    location: str | None
    audience: str
    verified: bool
    search_text: str
    facet: str = "full"  # "full" (title + body + tags), "keywords" (title + tags), "question" or "passage"
    checked: str = ""  # ISO date the curated entry was checked against its source; "" for passages

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexDoc:
        return cls(**data)


def entry_docs(entry: Entry) -> list[IndexDoc]:
    """Per language a "full" row (title, body, tags), when there are tags a "keywords" row (title and tags),
    and a row per question people ask for it: short texts whose embeddings are close to how people phrase it."""
    tags = ", ".join(tag.replace("-", " ") for tag in entry.tags)
    docs = []
    for lang in entry.languages:
        title = entry.title_in(lang)
        base = IndexDoc(
            entry_id=entry.id, lang=lang, kind="curated", title=title, text=entry.body[lang],
            source=entry.source, source_title=entry.source_title, location=None, audience=entry.audience,
            verified=entry.verified, search_text=f"{title}\n{entry.body[lang]}" + (f"\n{tags}" if tags else ""),
            checked=entry.checked.isoformat(),
        )
        docs.append(base)
        if tags:
            docs.append(replace(base, search_text=f"{title}\n{tags}", facet="keywords"))
        asked = entry.questions.get(lang, ())
        docs.extend(replace(base, search_text=question, facet=QUESTION_FACET) for question in asked)
    return docs


def passage_doc(passage: Passage) -> IndexDoc:
    title = passage.heading_path[-1] if passage.heading_path else passage.doc_title
    context = " > ".join(passage.heading_path[-2:])
    return IndexDoc(
        entry_id=passage.id, lang=PASSAGE_LANG, kind="passage", title=title, text=passage.text,
        source=passage.source, source_title=passage.doc_title, location=passage.location,
        audience=PASSAGE_AUDIENCE, verified=True,
        search_text=f"{context}\n{passage.text}" if context else passage.text, facet="passage",
    )


def build_docs(entries: list[Entry], passages: list[Passage]) -> list[IndexDoc]:
    return [doc for entry in entries for doc in entry_docs(entry)] + [passage_doc(p) for p in passages]


def allowed(doc: IndexDoc, audience: str | None) -> bool:
    """Audience filter: citizen -> citizen+all; child -> child+citizen+all;
    professional -> professional+all plus document passages; None -> everything."""
    if audience is None:
        return True
    if audience not in AUDIENCE_FILTER:
        raise ValueError(f"unknown audience {audience!r}; use citizen, child, professional or None")
    if doc.kind == "passage":
        return audience == "professional"
    return doc.audience in AUDIENCE_FILTER[audience]
