"""The n-gram safety model (nlu/safety_ngrams.py): its hand-written tf-idf matches scikit-learn's, and in the net it
confirms the trained head's votes chunk by chunk and fires on its own only far above every ordinary tune message.
The sentences here are our own, not taken from any held-out, tuning or training set."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from nlu.safety_combined import detect_both
from nlu.safety_ngrams import LEVELS, NGRAMS_PATH, char_wb_ngrams, load_ngrams, ngrams, word_ngrams
from nlu.semantic_safety import chunks, detect_semantic

ROOT = Path(__file__).resolve().parents[2]

PARITY_TEXTS = [
    "Hij staat nu met een mes in de gang!!", "ik   wil niet meer leven", "HELP", "a", "", "ok ok ok ok",
    "Kardeşim şarj aletimi aldı", "Brat zabrał ładowarkę", "أخي أخذ الشاحن", "x-y z_z 12 123 😀 lol",
]
TRAIN_TEXTS = [
    "hij slaat me nu", "hij heeft een mes", "ik wil dood", "ik slik alle pillen", "de kat slaapt", "we eten pizza",
    "het regent vandaag", "hij slaat de bal", "ik wil een fiets", "kardeşim beni dövüyor", "brat mnie bije",
    "أريد أن أموت", "de pillen van de dokter helpen", "hij komt me halen met een mes",
]


def test_tfidf_and_scores_match_scikit_learn(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from scipy.sparse import hstack

    sys.path.insert(0, str(ROOT / "scripts"))
    from train_safety_ngrams import train, vectorizers

    labels = np.array([1, 1, 2, 2, 0, 0, 0, 0, 0, 1, 1, 2, 0, 1])
    model = train(TRAIN_TEXTS, labels, c=4.0, min_df=1)
    model.save(tmp_path / "model.npz")
    loaded = load_ngrams(tmp_path / "model.npz")
    char, word = vectorizers(1)
    char.fit(TRAIN_TEXTS)
    word.fit(TRAIN_TEXTS)
    for text in PARITY_TEXTS:
        assert sorted(char.build_analyzer()(text)) == sorted(char_wb_ngrams(text))
        assert word.build_analyzer()(text) == word_ngrams(text)
    from sklearn.linear_model import LogisticRegression

    x = hstack([char.transform(TRAIN_TEXTS), word.transform(TRAIN_TEXTS)]).tocsr()
    reference = LogisticRegression(C=4.0, class_weight="balanced", max_iter=300).fit(x, labels)
    probe = hstack([char.transform(PARITY_TEXTS), word.transform(PARITY_TEXTS)]).tocsr()
    expected = reference.decision_function(probe)
    got = np.array([loaded.decision(text) for text in PARITY_TEXTS])
    assert len(loaded.char.vocabulary) == len(char.vocabulary_)
    assert np.allclose(got, expected, atol=1e-4)


def test_the_shipped_model_loads_without_pickle() -> None:
    model = load_ngrams(NGRAMS_PATH)
    assert len(model.char.vocabulary) > 10_000 and len(model.word.vocabulary) > 10_000
    assert model.char.coef.shape == (len(model.char.vocabulary), 3)
    for level in LEVELS:
        assert model.veto[level] < 0 < model.thresholds[level]


@pytest.mark.parametrize("text", ["mn vader wurgt me nu plz", "he chokin me rn help"])
def test_a_misspelt_attack_fires_the_ngram_model_on_its_own(text: str) -> None:
    assert ngrams().fires(chunks(text))["acute"]
    assert detect_both(text).acute


@pytest.mark.parametrize("text", [
    "De buurman zaagt vanavond de oude boom om in zijn tuin.",
    "Hoe vraag ik kinderbijslag aan als we net verhuisd zijn?",
    "Het mes van de keukenmachine is bot, waar koop ik een nieuwe?",
    "die deadline gaat me echt vermoorden haha",
    "I'm dying to see that new film this weekend.",
    "Brat znowu zabrał mi ładowarkę, jestem zła.",
])
def test_ordinary_sentences_do_not_fire_the_ngram_model(text: str) -> None:
    assert not any(ngrams().fires(chunks(text)).values())


def test_the_ngram_model_vetoes_a_head_vote_on_petty_hyperbole() -> None:
    text = "my flatmate and I keep fighting over the last slice of pizza lol"
    assert detect_semantic(text, use_veto=False).head["acute"]  # the head alone reads it as acute danger
    signal = detect_semantic(text)
    assert not signal.head["acute"] and not signal.acute
    assert detect_both(text).level == "none"


def test_the_veto_leaves_a_real_attack_standing() -> None:
    text = "hy staat met n mes in de gang"
    assert detect_semantic(text).head["acute"]
    assert all(score > ngrams().veto[level] for level, score in ngrams().best(chunks(text)).items()
               if level == "acute")


def test_one_message_is_scored_by_the_ngram_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its own firing and its veto on the head's votes read the same log-odds, so a long story is scored once."""
    model, calls = ngrams(), []
    scored = type(model).log_odds

    def counting(self, pieces: list[str]) -> np.ndarray:  # type: ignore[no-untyped-def]
        calls.append(len(pieces))
        return scored(self, pieces)

    monkeypatch.setattr(type(model), "log_odds", counting)
    text = "my flatmate and I keep fighting over the last slice of pizza lol"
    assert detect_both(text).level == "none"  # the veto still stands
    assert calls == [len(chunks(text))]
