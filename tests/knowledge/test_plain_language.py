"""Plain Dutch (B1) for citizen and child texts: sentence length and explained jargon, per audience."""
from __future__ import annotations

import datetime as dt

from kbtest import REAL_ENTRIES

from knowledge.curated import Entry, load_entries
from knowledge.plain import failures, figures, format_figures, sentences, unexplained_terms


def test_real_knowledge_meets_the_thresholds() -> None:
    result = figures(load_entries(REAL_ENTRIES))
    print("\n" + format_figures(result))
    assert failures(result) == []


def test_jargon_without_explanation_is_found() -> None:
    jargon = ["veiligheidsbeoordeling", "meldrecht"]
    assert unexplained_terms("Veilig Thuis maakt een veiligheidsbeoordeling. Bel 0800-2000.", jargon)
    assert not unexplained_terms("Veilig Thuis kijkt hoe veilig het is (dat heet de veiligheidsbeoordeling).", jargon)
    assert not unexplained_terms("Artsen mogen melden zonder toestemming (dat heet meldrecht).", jargon)
    assert not unexplained_terms("Het meldrecht (het recht om te melden) geldt voor artsen.", jargon)


def test_sentences_split_after_numbers_and_keep_urls() -> None:
    assert sentences("Bel 0800-2000. Chat op veiligthuis.nl, meestal.\n- Regel twee") == [
        "Bel 0800-2000.", "Chat op veiligthuis.nl, meestal.", "- Regel twee"]


def test_long_sentences_fail() -> None:
    long = " ".join(["woord"] * 40) + "."
    entry = Entry(id="x", title={"nl": "x"}, audience="child", languages=("nl",), body={"nl": long},
                  source="https://x.nl", source_title="x", checked=dt.date(2026, 12, 5), verified=True)
    assert any("40 words" in problem for problem in failures(figures([entry])))
