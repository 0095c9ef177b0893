"""Professional questions through the real stack: the passage that answers the question, with its source.

The figures per set and per topic are written to the report (tests/professional/evaluate.py
report_path()); scripts/test.sh prints them.
"""
from __future__ import annotations

import pytest

from tests.professional.evaluate import SETS, format_results, report_path, run, write_report

pytestmark = pytest.mark.e2e

# Measured 2026-12-05: see README "Professional answers"; questions.yml was used to write the rules,
# holdout.yml was not.
MIN_ACCURACY = {"questions": 0.90, "holdout": 0.80}


@pytest.fixture(scope="module")
def results(stack) -> dict[str, dict]:
    measured = run(sorted(SETS), stack.settings.web_url, stack.settings.rasa_url)
    write_report(measured, report_path())
    return {result["name"]: result for result in measured}


@pytest.mark.parametrize("name", sorted(MIN_ACCURACY))
def test_professional_questions_get_the_passage_that_answers_them(results, name):
    result = results[name]
    assert result["accuracy"] >= MIN_ACCURACY[name], format_results([result], verbose=True)


def test_a_professional_answer_names_its_source_and_checked_date(chat):
    reply = "\n".join(chat("welke stap komt na de collegiale consultatie?"))
    assert "Stap 3" in reply
    assert "Bron: Rijksoverheid, Basismodel meldcode" in reply and "gecontroleerd op 2026-12-06" in reply


def test_kinderopvang_route_2_goes_to_the_houder_and_the_vertrouwensinspecteur(chat):
    chat("ik werk op een kinderdagverblijf")
    reply = "\n".join(chat("wat moet ik doen als ik denk dat een invaller een kind slaat?"))
    assert "houder" in reply and "vertrouwensinspecteur" in reply
