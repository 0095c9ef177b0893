"""Documents -> passages: splitting, the JSONL passage store (WEGWIJS_DOCS_DIR) and the seed documents."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from knowledge.readers import SUPPORTED, UnsupportedDocument, check_path, read_document
from knowledge.splitter import split_text
from knowledge.structure import document_title
from knowledge.textnorm import text_hash

STORE_SUFFIX = ".jsonl"


@dataclass(frozen=True)
class Passage:
    """A piece of an ingested document that keeps where it came from."""

    id: str
    source: str
    doc_title: str
    heading_path: tuple[str, ...]
    number: int
    text: str

    @property
    def location(self) -> str:
        where = " > ".join(self.heading_path)
        return f"{where}, passage {self.number}" if where else f"passage {self.number}"

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Passage:
        data = json.loads(line)
        data["heading_path"] = tuple(data["heading_path"])
        return cls(**data)


def passage_id(stem: str, number: int) -> str:
    return f"doc:{stem}:{number}"


def passages_from_file(path: Path) -> list[Passage]:
    """Read and split one document (txt, md, pdf)."""
    raw = read_document(path)
    title = raw.title or document_title(raw.text, fallback=path.stem)
    chunks = split_text(raw.text)
    return [
        Passage(id=passage_id(path.stem, n), source=path.name, doc_title=title,
                heading_path=chunk.path, number=n, text=chunk.text)
        for n, chunk in enumerate(chunks, start=1)
    ]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files inside given directories; clear errors otherwise."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SUPPORTED and p.is_file())
            if not found:
                raise UnsupportedDocument(f"{path}: no {', '.join(SUPPORTED)} files in this directory")
            files.extend(found)
        else:
            files.append(check_path(path))
    return files


def store_path(docs_dir: Path, source: Path) -> Path:
    return docs_dir / f"{source.stem}{STORE_SUFFIX}"


def write_passages(docs_dir: Path, source: Path, passages: list[Passage]) -> Path:
    """Store the passages of one document (replacing an earlier version of it)."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    target = store_path(docs_dir, source)
    tmp = target.with_suffix(".tmp")
    tmp.write_text("".join(p.to_json() + "\n" for p in passages), encoding="utf-8")
    tmp.replace(target)
    return target


def read_store(docs_dir: Path) -> list[Passage]:
    """All stored passages, in file order."""
    passages: list[Passage] = []
    for file in store_files(docs_dir):
        lines = file.read_text(encoding="utf-8").splitlines()
        passages.extend(Passage.from_json(line) for line in lines if line.strip())
    return passages


def store_files(docs_dir: Path) -> list[Path]:
    if not docs_dir.is_dir():
        return []
    return sorted(p for p in docs_dir.iterdir() if p.suffix == STORE_SUFFIX and p.is_file())


def seed_files(seeds_dir: Path | None) -> list[Path]:
    if seeds_dir is None or not seeds_dir.is_dir():
        return []
    return sorted(p for p in seeds_dir.iterdir() if p.suffix.lower() in SUPPORTED and p.is_file())


def all_passages(docs_dir: Path, seeds_dir: Path | None) -> list[Passage]:
    """Stored passages plus the seed documents (a seed also ingested by command is taken once),
    without passages whose normalised text occurs earlier."""
    stored = read_store(docs_dir)
    stored_stems = {p.id.split(":")[1] for p in stored}
    seeds = [p for f in seed_files(seeds_dir) if f.stem not in stored_stems for p in passages_from_file(f)]
    return unique_passages(stored + seeds)


def unique_passages(passages: Iterable[Passage]) -> list[Passage]:
    seen_text: set[str] = set()
    seen_id: set[str] = set()
    unique: list[Passage] = []
    for passage in passages:
        key = text_hash(passage.text)
        if key in seen_text or passage.id in seen_id:
            continue
        seen_text.add(key)
        seen_id.add(passage.id)
        unique.append(passage)
    return unique
