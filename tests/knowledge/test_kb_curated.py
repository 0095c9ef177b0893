"""Loading and validating curated entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from kbtest import FIXTURE_ENTRIES, REAL_ENTRIES

from knowledge.curated import ValidationError, entry_files, load_entries, validate_files
from knowledge.docs import entry_docs

GOOD = {
    "id": "test-entry", "title": {"nl": "Titel"}, "audience": "citizen", "languages": ["nl"],
    "body": {"nl": "Tekst van het antwoord."}, "source": "https://www.example.nl/pagina",
    "source_title": "Voorbeeld", "checked": dt.date(2026, 11, 23), "verified": True, "tags": ["a"],
}


def write(directory: Path, name: str, entries: list[dict]) -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump({"entries": entries}, allow_unicode=True), encoding="utf-8")
    return path


def errors_for(tmp_path: Path, **changes: object) -> list[str]:
    entry = {**GOOD, **changes}
    entry = {k: v for k, v in entry.items() if v is not ...}
    return validate_files([write(tmp_path, "case.yml", [entry])]).errors


def test_fixture_entries_load() -> None:
    entries = load_entries(FIXTURE_ENTRIES)
    assert [e.id for e in entries] == ["veilig-thuis", "kindertelefoon", "meldcode-stappen", "opvang"]
    first = entries[0]
    assert first.languages == ("nl", "en") and first.body["en"].startswith("Veilig Thuis is the")
    assert first.checked == dt.date(2026, 11, 23) and first.verified is True
    assert first.tags == ("advies", "melden", "0800-2000")
    assert entries[3].verified is False
    assert entries[1].title_in("en") == "De Kindertelefoon"  # falls back to nl


def test_good_entry_has_no_errors(tmp_path: Path) -> None:
    assert errors_for(tmp_path) == []


@pytest.mark.parametrize("field", ["id", "title", "audience", "languages", "body", "source", "source_title",
                                   "checked", "verified"])
def test_missing_field(tmp_path: Path, field: str) -> None:
    errors = errors_for(tmp_path, **{field: ...})
    assert any(f"missing field '{field}'" in e for e in errors), errors
    assert all(e.startswith("case.yml: entry ") for e in errors)


def test_bad_audience(tmp_path: Path) -> None:
    assert errors_for(tmp_path, audience="parents") == [
        "case.yml: entry 'test-entry': audience: must be one of citizen, professional, child, all, got 'parents'"
    ]


def test_languages_must_equal_body_keys(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, languages=["nl", "en"])
    assert len(errors) == 1 and "languages ['en', 'nl'] must equal the body languages ['nl']" in errors[0]
    assert "'test-entry'" in errors[0]


def test_empty_body(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, body={"nl": "   "})
    assert errors == ["case.yml: entry 'test-entry': body: body for 'nl' is empty"]


def test_bad_url(tmp_path: Path) -> None:
    for url in ("www.example.nl", "ftp://example.nl/x", "https://nodot", "https://exa mple.nl"):
        errors = errors_for(tmp_path, source=url)
        assert errors and "source: must be a http(s) URL" in errors[0], url


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yml", [GOOD])
    second = write(tmp_path, "b.yml", [{**GOOD, "title": {"nl": "Andere"}}])
    report = validate_files([first, second])
    assert report.errors == ["b.yml: entry 'test-entry': duplicate id (also in a.yml)"]
    assert len(report.entries) == 1


def test_other_field_errors(tmp_path: Path) -> None:
    assert "must be kebab-case" in errors_for(tmp_path, id="Test_Entry")[0]
    assert "must be a date" in errors_for(tmp_path, checked="gisteren")[0]
    assert "must be true or false" in errors_for(tmp_path, verified="yes")[0]
    assert "a Dutch title (nl) is required" in errors_for(tmp_path, title={"en": "Title"})[0]
    german = errors_for(tmp_path, languages=["nl", "de"], body={"nl": "x", "de": "y"})
    assert "unknown language 'de'" in " ".join(german)
    assert errors_for(tmp_path, tags=[112, "nood"]) == []  # numbers in tags are fine


def test_file_level_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("entries: [\n", encoding="utf-8")
    wrong = tmp_path / "wrong.yml"
    wrong.write_text("- id: x\n", encoding="utf-8")
    errors = validate_files([broken, wrong]).errors
    assert errors[0].startswith("broken.yml: invalid YAML")
    assert errors[1] == "wrong.yml: expected a mapping with an 'entries:' list at the top"


def test_load_entries_raises_with_all_messages(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", [{**GOOD, "audience": "x"}, {**GOOD, "id": "second", "source": "nope"}])
    with pytest.raises(ValidationError) as info:
        load_entries(tmp_path)
    assert len(info.value.errors) == 2
    assert "a.yml: entry 'second': source" in str(info.value)


def test_unknown_field_is_a_warning(tmp_path: Path) -> None:
    report = validate_files([write(tmp_path, "a.yml", [{**GOOD, "notes": "x"}])])
    assert report.ok and report.warnings == ["a.yml: entry 'test-entry': unknown field(s) ignored: notes"]


def test_real_entries_are_valid_unique_and_sourced() -> None:
    files = entry_files(REAL_ENTRIES)
    assert files, f"no knowledge files in {REAL_ENTRIES}"
    report = validate_files(files)
    assert report.errors == []
    ids = [e.id for e in report.entries]
    assert len(ids) == len(set(ids))
    for entry in report.entries:
        assert entry.source.startswith(("http://", "https://")) and entry.source_title.strip(), entry.id


def test_questions_are_validated_and_become_rows_of_their_own(tmp_path: Path) -> None:
    assert "must map a language" in errors_for(tmp_path, questions=["hoe werkt dit?"])[0]
    assert "unknown language 'de'" in errors_for(tmp_path, questions={"de": ["wie geht das?"]})[0]
    assert "nl: must be a list of questions" in errors_for(tmp_path, questions={"nl": "hoe werkt dit?"})[0]
    asked = {"nl": ["hoe werkt dit?", "wat moet ik doen"], "en": ["how does this work?"]}
    path = write(tmp_path, "a.yml", [{**GOOD, "questions": asked}])
    report = validate_files([path])
    assert report.ok and report.warnings == []
    rows = entry_docs(report.entries[0])  # languages: nl only, so the English question has no row
    assert [(row.facet, row.search_text) for row in rows if row.facet == "question"] == [
        ("question", "hoe werkt dit?"), ("question", "wat moet ik doen")]
    assert all(row.text == "Tekst van het antwoord." for row in rows)  # a question row answers with the body
