"""Paths and helpers shared by the knowledge tests (imported by name: pytest puts this dir on sys.path)."""

from __future__ import annotations

from pathlib import Path

from knowledge.config import PACKAGE_DIR

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_ENTRIES = FIXTURES / "entries"
FIXTURE_DOCS = FIXTURES / "docs"
REAL_ENTRIES = PACKAGE_DIR / "entries"
REAL_EVAL = PACKAGE_DIR / "eval"
REAL_HOLDOUT = PACKAGE_DIR / "eval_holdout"  # held-out retrieval questions, never tuned on


def make_pdf(path: Path, lines: list[str], title: str | None = None) -> Path:
    """Write a minimal one-page PDF with the given text lines (Helvetica), readable by pypdf."""
    text_ops = ["BT", "/F1 11 Tf", "14 TL", "50 800 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text_ops.append(f"({escaped}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    info = f"<< /Title ({title}) >>" if title else "<< >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        info.encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path
