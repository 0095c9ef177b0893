"""KnowledgeIndex on the fixture knowledge: search, filters, languages, persistence and rebuilds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from kbtest import FIXTURE_DOCS

from knowledge import service
from knowledge.config import Settings
from knowledge.docs import QUESTION_FACET, IndexDoc
from knowledge.index import KnowledgeIndex
from knowledge.lexical import Bm25, CharTfidf, LexicalIndex
from knowledge.ranking import reciprocal_rank_fusion


@pytest.fixture
def small_settings(make_settings: Callable[..., Settings], entries_copy: Path) -> Settings:
    return make_settings(entries_dir=entries_copy, seeds_dir=FIXTURE_DOCS)


@pytest.fixture
def small_index(small_settings: Settings) -> KnowledgeIndex:
    service.clear_cache()
    return service.load_index(small_settings)


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.id for h in result.hits]


def test_search_finds_the_entry_in_the_requested_language(small_index: KnowledgeIndex) -> None:
    nl = small_index.search("Welk telefoonnummer heeft Veilig Thuis?")
    assert nl.hits[0].id == "veilig-thuis" and nl.hits[0].lang == "nl"
    assert "0800-2000" in nl.hits[0].text and nl.hits[0].kind == "curated" and nl.hits[0].location is None
    en = small_index.search("Which number do I call for Veilig Thuis?", lang="en")
    assert en.hits[0].id == "veilig-thuis" and en.hits[0].lang == "en" and en.hits[0].title == "Calling Veilig Thuis"
    child = small_index.search("ik ben een kind en wil met iemand praten", audience="child", lang="en")
    kinder = next(h for h in child.hits if h.id == "kindertelefoon")
    assert kinder.lang == "nl"  # no English version: falls back to Dutch
    assert len(ids(nl)) == len(set(ids(nl)))  # one hit per entry although each has several rows


@pytest.mark.parametrize(("audience", "allowed"), [
    ("citizen", {"veilig-thuis", "opvang"}),
    ("child", {"veilig-thuis", "opvang", "kindertelefoon"}),
    ("professional", {"veilig-thuis", "meldcode-stappen", "doc:"}),
    (None, {"veilig-thuis", "opvang", "kindertelefoon", "meldcode-stappen", "doc:"}),
])
def test_audience_filter(small_index: KnowledgeIndex, audience: str | None, allowed: set[str]) -> None:
    result = small_index.search("hulp bij geweld thuis en de meldcode", audience=audience, k=20)
    found = {h.id if not h.id.startswith("doc:") else "doc:" for h in result.hits}
    assert found == allowed


def test_passages_are_professional_hits_with_location(small_index: KnowledgeIndex) -> None:
    result = small_index.search("hoe vaak komt het netwerk van het wijkteam bij elkaar?", audience="professional")
    passage = next(h for h in result.hits if h.kind == "passage")
    assert passage.id.startswith("doc:beleid:") and passage.source == "beleid.md"
    assert passage.source_title == "Beleidsplan aanpak huiselijk geweld"
    assert passage.location and "passage" in passage.location and passage.audience == "professional"


def test_modes_and_bad_arguments(small_index: KnowledgeIndex) -> None:
    for mode in ("dense", "lexical", "hybrid"):
        result = small_index.search("meldcode stappen", mode=mode, audience="professional")
        assert result.hits[0].id == "meldcode-stappen" and result.mode == mode
    with pytest.raises(ValueError, match="unknown search mode"):
        small_index.search("x", mode="fuzzy")
    with pytest.raises(ValueError, match="unknown audience"):
        small_index.search("x", audience="parents")
    empty = small_index.search("   ")
    assert empty.hits == [] and not empty.answered


def test_entry_lookup(small_index: KnowledgeIndex) -> None:
    hit = small_index.entry("opvang", lang="en")
    assert hit is not None and hit.lang == "nl" and hit.verified is False and hit.source_title
    assert small_index.entry("veilig-thuis", lang="en").lang == "en"  # type: ignore[union-attr]
    assert small_index.entry("doc:beleid:1") is not None
    assert small_index.entry("does-not-exist") is None


def test_persistence_no_rebuild_when_unchanged(small_settings: Settings, small_index: KnowledgeIndex,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    directory = service.index_path(small_settings)
    assert {"dense.faiss", "docs.json", "meta.json"} <= {p.name for p in directory.iterdir()}
    assert service.is_current(small_settings)
    service.clear_cache()
    monkeypatch.setattr(service, "build_index", lambda *a, **k: pytest.fail("rebuilt an unchanged index"))
    loaded = service.load_index(small_settings)
    assert loaded is not small_index and loaded.meta.input_hash == small_index.meta.input_hash
    assert service.load_index(small_settings) is loaded  # process-wide cache
    query = "waar kan ik naartoe als ik thuis niet veilig ben"
    assert ids(loaded.search(query)) == ids(small_index.search(query))


def test_rebuild_on_change_reuses_unchanged_vectors(small_settings: Settings, small_index: KnowledgeIndex) -> None:
    entries_file = small_settings.entries_dir / "more.yml"
    text = entries_file.read_text(encoding="utf-8")
    entries_file.write_text(text.replace("blijf-van-mijn-lijfhuis", "blijf-van-mijn-lijfhuis of een zeilboot"),
                            encoding="utf-8")
    assert not service.is_current(small_settings)
    service.clear_cache()
    rebuilt = service.load_index(small_settings)
    assert rebuilt.meta.input_hash != small_index.meta.input_hash
    assert 0 < rebuilt.meta.embedded < len(rebuilt)  # only the changed entry was embedded again
    assert "zeilboot" in rebuilt.entry("opvang").text  # type: ignore[union-attr]
    assert service.is_current(small_settings)


def test_damaged_index_is_rebuilt(small_settings: Settings, small_index: KnowledgeIndex) -> None:
    (service.index_path(small_settings) / "docs.json").unlink()
    service.clear_cache()
    assert len(service.load_index(small_settings)) == len(small_index)


def test_lexical_accents_and_persistence(tmp_path: Path) -> None:
    texts = ["gesprek met de cliënten over veiligheid", "recept voor pannenkoeken met stroop"]
    lexical = LexicalIndex.fit(texts)
    char, bm25 = lexical.score_lists("clienten")
    assert char[0] > char[1] and bm25[0] > bm25[1] > -1
    lexical.save(tmp_path)
    again = LexicalIndex.load(tmp_path)
    for before, after in zip(lexical.score_lists("pannenkoek"), again.score_lists("pannenkoek"), strict=True):
        np.testing.assert_allclose(before, after, rtol=1e-6)
    assert CharTfidf.fit(texts).scores("").tolist() == [0.0, 0.0]
    assert Bm25.fit(texts).scores("onbekend").tolist() == [0.0, 0.0]


def test_reciprocal_rank_fusion() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c"]], k=10)
    assert [item for item, _ in fused] == ["b", "c", "a"]


@pytest.mark.parametrize(("dense", "first"), [
    ([("b", 1, 0.93), ("a", 0, 0.90)], "b"),  # clearly one of b's questions: b first, whatever lexical says
    ([("b", 1, 0.93), ("a", 0, 0.92)], "a"),  # not clearly closer than another entry: the fused order
    ([("b", 1, 0.88), ("a", 0, 0.80)], "a"),  # not close enough to be the same question
    ([("a", 2, 0.95), ("b", 1, 0.80)], "a"),  # a body row, not a question: the fused order
])
def test_a_clear_paraphrase_of_an_entrys_question_puts_that_entry_first(dense, first) -> None:
    row = dict(lang="nl", kind="curated", title="t", text="x", source="https://example.org", source_title="s",
               location=None, audience="citizen", verified=True)
    index = KnowledgeIndex.__new__(KnowledgeIndex)
    index.docs = [IndexDoc(entry_id="a", search_text="a body", **row),
                  IndexDoc(entry_id="b", search_text="how do I ask b?", facet=QUESTION_FACET, **row),
                  IndexDoc(entry_id="a", search_text="a body again", **row)]
    ranked, asked = index._asked_first([("a", 0.5), ("b", 0.4)], dense)
    assert ranked[0][0] == first and sorted(ranked) == [("a", 0.5), ("b", 0.4)]
    assert asked == (first == "b")
