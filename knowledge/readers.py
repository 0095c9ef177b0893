"""Read a document file (txt, md, pdf) into plain text plus an optional title."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SUPPORTED = (".txt", ".md", ".markdown", ".pdf")


class UnsupportedDocument(ValueError):
    """The file cannot be ingested (missing, unsupported extension, unreadable)."""


@dataclass(frozen=True)
class RawDocument:
    path: Path
    text: str
    title: str | None = None


def check_path(path: Path) -> Path:
    if not path.exists():
        raise UnsupportedDocument(f"{path}: file not found")
    if not path.is_file():
        raise UnsupportedDocument(f"{path}: not a file")
    if path.suffix.lower() not in SUPPORTED:
        raise UnsupportedDocument(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(SUPPORTED)}"
        )
    return path


def read_document(path: Path) -> RawDocument:
    check_path(path)
    if path.suffix.lower() == ".pdf":
        return _read_pdf(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    return RawDocument(path=path, text=text)


def _read_pdf(path: Path) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or None
    except (PdfReadError, OSError, ValueError) as exc:
        raise UnsupportedDocument(f"{path}: cannot read PDF: {exc}") from exc
    if not any(p.strip() for p in pages):
        raise UnsupportedDocument(f"{path}: PDF has no extractable text (scanned image?)")
    return RawDocument(path=path, text="\n\n".join(pages), title=title.strip() if title else None)
