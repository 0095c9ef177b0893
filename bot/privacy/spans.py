"""Spans of personal data in a text, and how overlapping finds are combined."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

KINDS = ("EMAIL", "HANDLE", "IBAN", "TELEFOON", "BSN", "KENTEKEN", "GEBOORTEDATUM", "POSTCODE", "ADRES",
         "INSTELLING", "NAAM")
PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}
PLACEHOLDER = re.compile(r"\[(?:" + "|".join(KINDS) + r")\]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def placeholder(self) -> str:
        return f"[{self.kind}]"


def merge(found: Iterable[Span], protected: Iterable[Span]) -> list[Span]:
    """Drop finds that touch a protected span; join overlapping finds under the highest-priority kind,
    so every character any detector found is covered."""
    shields = list(protected)
    kept = sorted((s for s in found if not any(s.overlaps(p) for p in shields)), key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in kept:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            kind = min(last.kind, span.kind, key=PRIORITY.__getitem__)
            merged[-1] = Span(last.start, max(last.end, span.end), kind)
        else:
            merged.append(span)
    return merged


def placeholders(text: str) -> list[Span]:
    """Placeholders already in the text: redacting twice must not change them."""
    return [Span(m.start(), m.end(), "PLACEHOLDER") for m in PLACEHOLDER.finditer(text)]
