"""Document ingestion: heading structure, passage splitting, dedupe, storage, the real seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from kbtest import FIXTURE_DOCS, make_pdf

from knowledge.config import load_settings
from knowledge.ingest import (
    Passage,
    all_passages,
    expand_paths,
    passages_from_file,
    read_store,
    seed_files,
    write_passages,
)
from knowledge.readers import UnsupportedDocument
from knowledge.splitter import MAX_MERGED_WORDS, dedupe, split_long, split_text
from knowledge.structure import document_title, sections

PLAIN = """Rapport aanpak

Inhoud
1 Inleiding\t3
2 Werkwijze\t5

1 Inleiding

Tekst van de inleiding die uitlegt waarom dit rapport er is en voor wie het bedoeld is.

1.1 Achtergrond

Achtergrondtekst over de aanleiding.

Opdracht commissie
De commissie had tot taak om een gedragen en samenhangend programma vast te stellen en uit te voeren.

Hoofdstuk 2 Werkwijze

- eerste punt van de lijst
- tweede punt van de lijst

SAMENVATTING

Korte samenvatting.

Bijlage 1 Definities

Definities van begrippen.
"""


def test_heading_paths_from_plain_text() -> None:
    found = {" > ".join(s.path): s.paragraphs for s in sections(PLAIN)}
    assert "1 Inleiding" in found
    assert "1 Inleiding > 1.1 Achtergrond" in found
    assert "1 Inleiding > 1.1 Achtergrond > Opdracht commissie" in found  # short line opening a paragraph
    assert found["Hoofdstuk 2 Werkwijze"] == ["- eerste punt van de lijst\n- tweede punt van de lijst"]
    assert "SAMENVATTING" in found and "Bijlage 1 Definities" in found
    assert not any("Inhoud" in path for path in found)  # table of contents dropped
    assert not any("\t" in p for paragraphs in found.values() for p in paragraphs)


def test_markdown_and_numbered_headings_nest_by_number() -> None:
    text = "# Titel\n\n## 3 Actielijn\n\nIntro.\n\n### 3.1 Eerste\n\nA.\n\n## 3.2 Tweede\n\nB.\n\n#### Detail\n\nC.\n"
    paths = [" > ".join(s.path) for s in sections(text)]
    assert paths == ["Titel > 3 Actielijn", "Titel > 3 Actielijn > 3.1 Eerste", "Titel > 3 Actielijn > 3.2 Tweede",
                     "Titel > 3 Actielijn > 3.2 Tweede > Detail"]


def test_short_lines_followed_by_headings_stay_text() -> None:
    text = "Eerste regel\n\nTweede regel\n\n1 Kop\n\nInhoud van de kop.\n"
    parts = sections(text)
    assert parts[0].path == () and parts[0].paragraphs == ["Eerste regel", "Tweede regel"]


def test_document_title() -> None:
    assert document_title("# Plan\n\nRegionaal programma 2020\n\ntekst", "x") == "Plan — Regionaal programma 2020"
    assert document_title("Plan\n\nMei 2021\n\ntekst", "x") == "Plan"
    assert document_title("Kader\n\nDe opgave is lang en loopt\nover meerdere regels door.\n", "x") == "Kader"
    assert document_title("", "fallback") == "fallback"


def test_split_long_paragraph_at_sentences() -> None:
    sentence = "Dit is een zin van precies tien woorden lang hier. "
    pieces = split_long(sentence * 40, limit=150)
    assert all(len(p.split()) <= 150 for p in pieces) and len(pieces) == 3
    assert all(p.endswith(".") for p in pieces)


def test_dedupe_on_normalised_text() -> None:
    text = "1 Kop\n\n" + "Zelfde alinea met genoeg woorden om een passage te vormen. " * 12 + "\n\n2 Kop\n\n" + \
        "zelfde   alinea met genoeg woorden om een passage te vormen! " * 12 + "\n"
    chunks = split_text(text)
    assert len(chunks) == 1
    seen: set[str] = set()
    assert dedupe(chunks, seen) == chunks and dedupe(chunks, seen) == []


def test_markdown_file_passages() -> None:
    passages = passages_from_file(FIXTURE_DOCS / "beleid.md")
    assert [p.id for p in passages] == [f"doc:beleid:{n}" for n in range(1, len(passages) + 1)]
    assert all(p.source == "beleid.md" for p in passages)
    assert passages[0].doc_title == "Beleidsplan aanpak huiselijk geweld"  # the subtitle is a sentence
    assert any("1.1 Aanleiding" in p.heading_path for p in passages)
    assert all(p.heading_path and p.location.endswith(f"passage {p.number}") for p in passages)
    assert 60 <= min(len(p.text.split()) for p in passages)


def test_pdf_file_passages(tmp_path: Path) -> None:
    body = "Een leerkracht ziet blauwe plekken bij een leerling en maakt zich zorgen over de situatie thuis."
    pdf = make_pdf(tmp_path / "protocol.pdf", ["3 Signaleren", "3.1 Blauwe plekken", body, body.replace("Een", "De")],
                   title="Schoolprotocol")
    passages = passages_from_file(pdf)
    assert passages and passages[0].doc_title == "Schoolprotocol"
    assert passages[0].heading_path == ("3 Signaleren", "3.1 Blauwe plekken")
    assert passages[0].location == "3 Signaleren > 3.1 Blauwe plekken, passage 1"


def test_bad_inputs_are_clear(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedDocument, match="file not found"):
        expand_paths([tmp_path / "missing.txt"])
    (tmp_path / "data.docx").write_bytes(b"x")
    with pytest.raises(UnsupportedDocument, match="unsupported file type '.docx'"):
        expand_paths([tmp_path / "data.docx"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UnsupportedDocument, match="no .txt"):
        expand_paths([empty])
    (tmp_path / "broken.pdf").write_bytes(b"not a pdf")
    with pytest.raises(UnsupportedDocument, match="cannot read PDF"):
        passages_from_file(tmp_path / "broken.pdf")


def test_store_round_trip_and_seed_override(tmp_path: Path) -> None:
    source = FIXTURE_DOCS / "beleid.md"
    passages = passages_from_file(source)
    write_passages(tmp_path / "docs", source, passages)
    assert read_store(tmp_path / "docs") == passages
    assert Passage.from_json(passages[0].to_json()) == passages[0]
    # the same document as a seed is taken once, from the store
    assert all_passages(tmp_path / "docs", FIXTURE_DOCS) == passages


def real_seeds() -> list[Path]:
    return seed_files(load_settings().seeds_dir)


@pytest.mark.skipif(not real_seeds(), reason="no seed documents (WEGWIJS_SEEDS_DIR / ../shared/seeds) here")
def test_real_seeds_split_into_located_passages() -> None:
    files = real_seeds()
    passages = [p for f in files for p in passages_from_file(f)]
    assert len(passages) > 100
    with_path = [p for p in passages if p.heading_path]
    assert len(with_path) / len(passages) > 0.9
    assert any(len(p.heading_path) >= 2 and p.heading_path[-1][:3] in ("2.1", "3.2") for p in passages)
    sizes = [len(p.text.split()) for p in passages]
    assert max(sizes) <= MAX_MERGED_WORDS
    assert sum(60 <= s <= 210 for s in sizes) / len(sizes) > 0.9
    assert len({p.id for p in passages}) == len(passages)
    texts = [p.text for p in all_passages(Path("/nonexistent"), files[0].parent)]
    assert len(texts) == len(set(texts)) <= len(passages)
