"""Split a structured document into passages of roughly 60-200 words that keep their heading path."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.structure import Section, sections
from knowledge.textnorm import text_hash, word_count

MIN_WORDS = 60
PIECE_WORDS = 150
MAX_WORDS = 200
MAX_MERGED_WORDS = 260
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'‘“(]?[A-Z0-9À-Ý•○-])|\n")


@dataclass(frozen=True)
class Chunk:
    """A passage of text and the heading path where it starts."""

    path: tuple[str, ...]
    text: str

    @property
    def words(self) -> int:
        return word_count(self.text)


def split_long(paragraph: str, limit: int = PIECE_WORDS) -> list[str]:
    """Cut a paragraph into pieces of at most ``limit`` words, at sentence ends where possible."""
    if word_count(paragraph) <= limit:
        return [paragraph]
    pieces: list[str] = []
    current: list[str] = []
    for sentence in _sentences(paragraph, limit):
        if current and word_count(" ".join(current + [sentence])) > limit:
            pieces.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        pieces.append(" ".join(current))
    return pieces


def _sentences(paragraph: str, limit: int) -> Iterable[str]:
    for sentence in _SENTENCE_END.split(paragraph):
        tokens = sentence.split()
        for start in range(0, len(tokens), limit):
            yield " ".join(tokens[start:start + limit])


class _Packer:
    """Packs paragraphs into chunks; starts a new chunk at a heading once the current one is big enough."""

    def __init__(self) -> None:
        self.chunks: list[Chunk] = []
        self.path: tuple[str, ...] = ()
        self.parts: list[str] = []
        self.count = 0

    def add(self, path: tuple[str, ...], piece: str) -> None:
        size = word_count(piece)
        new_section = bool(self.parts) and path != self.path
        too_big = self.count + size > MAX_WORDS
        if self.count >= MIN_WORDS and (new_section or too_big):
            self.flush()
        if not self.parts:
            self.path = path
        self.parts.append(piece)
        self.count += size

    def flush(self) -> None:
        if self.parts:
            self.chunks.append(Chunk(self.path, "\n".join(self.parts)))
        self.parts, self.count = [], 0

    def finish(self) -> list[Chunk]:
        if self.parts and self.count < MIN_WORDS and self.chunks:
            last = self.chunks[-1]
            if last.words + self.count <= MAX_MERGED_WORDS:
                self.chunks[-1] = Chunk(last.path, last.text + "\n" + "\n".join(self.parts))
                self.parts, self.count = [], 0
        self.flush()
        return self.chunks


def chunk_sections(parts: list[Section]) -> list[Chunk]:
    packer = _Packer()
    for section in parts:
        for paragraph in section.paragraphs:
            for piece in split_long(paragraph):
                packer.add(section.path, piece)
    return packer.finish()


def dedupe(chunks: Iterable[Chunk], seen: set[str] | None = None) -> list[Chunk]:
    """Drop chunks whose normalised text was seen before (``seen`` is updated in place)."""
    seen = set() if seen is None else seen
    unique: list[Chunk] = []
    for chunk in chunks:
        key = text_hash(chunk.text)
        if key not in seen:
            seen.add(key)
            unique.append(chunk)
    return unique


def split_text(text: str) -> list[Chunk]:
    """Text -> deduplicated chunks with heading paths."""
    return dedupe(chunk_sections(sections(text)))
