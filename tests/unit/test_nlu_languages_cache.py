"""The per-language figures are cached per model, set and code: an unchanged model is not asked again, a changed
model or set is."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.measure import nlu_languages

SET = "cases:\n  - {text: hallo, intent: greet, lang: nl}\n  - {text: hello, intent: greet, lang: en}\n"


class FakeAgent:
    def __init__(self, intent: str) -> None:
        self.intent, self.asked = intent, 0

    async def parse_message(self, text: str) -> dict[str, Any]:
        self.asked += 1
        return {"intent": {"name": self.intent}, "intent_ranking": [{"name": self.intent}]}


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setattr(nlu_languages, "var_dir", lambda: tmp_path / "var")
    model, cases = tmp_path / "model.tar.gz", tmp_path / "set.yml"
    model.write_bytes(b"model one")
    cases.write_text(SET, encoding="utf-8")
    return model, cases


def run(monkeypatch: pytest.MonkeyPatch, agent: FakeAgent, model: Path, cases: Path) -> None:
    monkeypatch.setattr(nlu_languages, "load_agent", lambda _model: agent)
    nlu_languages.report(model, cases, force=False)


def test_an_unchanged_model_and_set_are_not_asked_again(files, monkeypatch, capsys) -> None:
    model, cases = files
    first, second = FakeAgent("greet"), FakeAgent("thanks")
    run(monkeypatch, first, model, cases)
    run(monkeypatch, second, model, cases)
    out = capsys.readouterr().out
    assert (first.asked, second.asked) == (2, 0)
    assert out.count("all        1.000  (2/2)") == 2 and "cached" in out.splitlines()[-4]


def test_a_changed_model_or_set_is_asked_again(files, monkeypatch, capsys) -> None:
    model, cases = files
    run(monkeypatch, FakeAgent("greet"), model, cases)
    model.write_bytes(b"model two")
    wrong = FakeAgent("thanks")
    run(monkeypatch, wrong, model, cases)
    cases.write_text(SET.replace("hello", "hi"), encoding="utf-8")
    again = FakeAgent("greet")
    run(monkeypatch, again, model, cases)
    out = capsys.readouterr().out
    assert (wrong.asked, again.asked) == (2, 2)
    assert "all        0.000  (0/2)" in out
