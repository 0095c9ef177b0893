"""The evaluation's e5 vectors (bot/measure/eval_vectors.py): built once per text in the app venv, they are
exactly the vectors Rasa computes for those texts, and a Rasa process uses a file only when a sample matches
(nlu/token_vectors.py prefill_texts)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasaprobe import run_probe

from bot.measure import eval_vectors
from nlu.semantic_safety import _default_embed

CASES = """
- id: own-1
  category: bystander
  turns:
    - user: "MIJN BUURMAN SCHREEUWT ELKE NACHT TEGEN ZIJN KINDEREN. Wat kan ik doen?"
      must: [["Veilig Thuis"]]
- id: own-2
  category: victim_adult
  turns:
    - user: "hoi"
    - user: "/ik ben bang voor mijn vriend, hij leest mijn berichten"
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("eval-vectors")
    cases = folder / "cases.yml"
    cases.write_text(CASES, encoding="utf-8")
    calls: list[int] = []
    embed = _default_embed()

    def counted(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return embed(texts)

    out = folder / "out.npz"
    count = eval_vectors.build([cases], folder / "cache", out, counted)
    first = sum(calls)
    eval_vectors.build([cases], folder / "cache", folder / "again.npz", counted)
    with np.load(out) as stored:
        words, vectors = [str(w) for w in stored["words"].tolist()], stored["vectors"]
    return {"count": count, "words": words, "vectors": vectors, "first": first, "second": sum(calls) - first,
            "out": out, "embed": embed}


def test_it_holds_each_message_as_rasa_gets_it_its_chunks_and_its_words(built):
    words = built["words"]
    assert "mijn buurman schreeuwt elke nacht tegen zijn kinderen. wat kan ik doen?" in words  # shouting lowered
    assert "mijn buurman schreeuwt elke nacht tegen zijn kinderen." in words and "wat kan ik doen?" in words
    assert "ik ben bang voor mijn vriend, hij leest mijn berichten" in words  # the slash dropped, as the gateway does
    assert {"buurman", "berichten", "hoi"} <= set(words) and "doen?" not in words
    assert built["count"] == len(words) == len(set(words))


def test_the_vectors_are_the_embedders_and_a_second_build_embeds_nothing(built):
    assert np.array_equal(built["vectors"], built["embed"](built["words"]))
    assert built["first"] == built["count"] and built["second"] == 0


def test_rasa_puts_them_in_its_cache_only_when_a_sample_matches_its_own(built):
    probe = run_probe("eval_vectors_probe.py", args=(str(built["out"]),))
    assert probe["words"] == built["words"]
    assert probe["put"] == built["count"] and probe["cached_equal"] and probe["fresh_equal"]
    assert probe["tampered"] == 0 and probe["other"] == 0


def test_a_question_set_gives_its_questions_and_the_messages_before_them(tmp_path: Path):
    questions = tmp_path / "questions.yml"
    questions.write_text('questions:\n  - {topic: step, ids: [x], q: "Wat is stap 2?", before: ["ik ben juf"]}\n',
                         encoding="utf-8")
    assert eval_vectors.user_turns([questions]) == ["ik ben juf", "Wat is stap 2?"]


def test_the_builder_reads_the_case_files_it_is_given(tmp_path: Path):
    with pytest.raises(SystemExit, match="not found"):
        eval_vectors.build([tmp_path / "none.yml"], tmp_path, tmp_path / "out.npz")
