"""python -m knowledge: validate, build, search, ingest, eval (in-process, tmp dirs via the environment)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from kbtest import FIXTURE_DOCS, FIXTURE_ENTRIES

from knowledge import service
from knowledge.cli import main

CliResult = tuple[int, str, str]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    entries = tmp_path / "entries"
    shutil.copytree(FIXTURE_ENTRIES, entries)
    env = {"WEGWIJS_ENTRIES_DIR": entries, "WEGWIJS_INDEX_DIR": tmp_path / "index",
           "WEGWIJS_DOCS_DIR": tmp_path / "documents", "WEGWIJS_SEEDS_DIR": tmp_path / "no-seeds",
           "WEGWIJS_EVAL_DIR": tmp_path / "eval", "WEGWIJS_CALIBRATION_DIR": tmp_path / "calibration",
           "WEGWIJS_REPORTS_DIR": tmp_path / "reports"}
    for name, value in env.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("WEGWIJS_EMBEDDINGS", raising=False)
    service.clear_cache()

    def run(*args: str) -> CliResult:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_validate(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    code, out, _ = cli("validate")
    assert code == 0 and "4 valid entries, 0 error(s)" in out
    bad = tmp_path / "entries" / "bad.yml"
    bad.write_text("entries:\n  - id: veilig-thuis\n    audience: iedereen\n", encoding="utf-8")
    code, out, err = cli("validate")
    assert code == 1
    assert "bad.yml: entry 'veilig-thuis': missing field 'title'" in err
    assert "bad.yml: entry 'veilig-thuis': audience: must be one of" in err
    code, _, err = cli("validate", str(tmp_path / "nope.yml"))
    assert code == 2 and "file not found" in err


def test_build_search_and_ingest(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    code, out, _ = cli("build")
    assert code == 0 and "built in" in out and "(default, not calibrated)" in out
    code, out, _ = cli("build")
    assert code == 0 and "up to date" in out
    code, out, _ = cli("search", "Welk nummer heeft Veilig Thuis?", "--audience", "citizen", "-k", "2")
    assert code == 0 and "1. Veilig Thuis bellen  (veilig-thuis, curated, all, nl" in out
    assert "source: Veilig Thuis <https://www.veiligthuis.nl>" in out
    code, out, _ = cli("ingest", str(FIXTURE_DOCS / "beleid.md"))
    assert code == 0 and "beleid.md: 3 passages" in out
    assert (tmp_path / "documents" / "beleid.jsonl").is_file()
    code, out, _ = cli("search", "hoe vaak komt het netwerk bij elkaar", "--audience", "professional")
    assert "doc:beleid:" in out and "beleid.md" in out and ", passage " in out


def test_ingest_bad_input(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    code, _, err = cli("ingest", str(tmp_path / "missing.pdf"))
    assert code == 2 and "missing.pdf: file not found" in err
    (tmp_path / "notes.docx").write_bytes(b"x")
    code, _, err = cli("ingest", str(tmp_path / "notes.docx"))
    assert code == 2 and "unsupported file type '.docx'" in err
    with pytest.raises(SystemExit):
        main(["search"])  # argparse: missing question


def test_eval_without_questions_and_with(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    code, _, err = cli("eval")
    assert code == 2 and "no eval questions" in err
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "questions.yml").write_text(
        "- {q: 'welk nummer heeft veilig thuis', ids: [veilig-thuis], lang: nl, audience: citizen}\n"
        "- {q: 'stappen van de meldcode', ids: [meldcode-stappen], lang: nl, audience: professional}\n"
        "- {q: 'ik ben een kind en wil praten', ids: [kindertelefoon], lang: nl, audience: child}\n",
        encoding="utf-8")
    (tmp_path / "eval" / "no_answer.yml").write_text("- {q: 'recept voor lasagne', lang: nl}\n", encoding="utf-8")
    code, out, _ = cli("eval", "--check")
    assert code == 0 and "hybrid" in out and "recall@3" in out and "no-answer gate" in out
    report = json.loads((tmp_path / "reports" / "retrieval.json").read_text(encoding="utf-8"))
    assert report["modes"]["hybrid"]["recall_at_3"] == 1.0 and report["questions"] == 3
