"""The step record after the afwegingskader walk-through (actions/step_record.py): every answer given, the
decision, the next step with its deadline, the sources, and never client data."""
from __future__ import annotations

import datetime as dt

import pytest

from actions.afwegingskader import decide, load_walkthrough
from actions.step_record import RECORD_KIND, build_record

FLOW = load_walkthrough()
DAY = dt.date(2026, 12, 5)


def answers(*given: bool) -> dict[str, bool]:
    return dict(zip(FLOW.slots, given, strict=False))


def test_the_record_lists_the_answers_on_the_path_the_decision_and_the_deadline():
    given = answers(True, True)
    record = build_record(FLOW, given, decide(FLOW, given).outcome, "nl", "onderwijs", DAY)
    lines = record.text.splitlines()
    assert lines[0] == "Stappenverslag afwegingskader" and "Datum: 2026-12-05" in lines
    assert len([line for line in lines if line.startswith("- Vraag")]) == 2  # the path stopped at question 2
    assert lines[lines.index("Vragen en antwoorden:") + 1].endswith("? ja")
    assert "melden bij Veilig Thuis" in record.text and "binnen 5 werkdagen" in record.text
    assert "onderwijs" in record.text and "handelingsprotocol.nl" in record.text
    assert "geen gegevens van je cliënt" in record.text
    assert record.filename == "stappenverslag-afwegingskader-2026-12-05"
    assert record.payload()["kind"] == RECORD_KIND


@pytest.mark.parametrize("given", [(False,), (True, False, True, True, True), (True, False, False),
                                   (True, False, True, False), (True, False, True, True, False)])
def test_every_outcome_has_a_next_step(given):
    path = answers(*given)
    outcome = decide(FLOW, path).outcome
    record = build_record(FLOW, path, outcome, "nl", None, DAY)
    assert "Volgende stap: " in record.text and "niet genoemd in dit gesprek" in record.text
    assert record.text.count("\n- Vraag") == len(given)


def test_the_record_is_in_english_for_an_english_conversation():
    given = answers(False)
    record = build_record(FLOW, given, "afsluiten", "en", None, DAY)
    assert record.text.startswith("Step record") and "Question 1 of 5" in record.text and "? no" in record.text
    assert "no client data" in record.text and record.filename.startswith("step-record")
