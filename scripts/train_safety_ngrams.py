"""Train the n-gram safety model (nlu/safety_ngrams.npz) on nlu/safety_corpus/*.yml and fit its thresholds.

    python scripts/train_safety_ngrams.py [--dry-run]

A multinomial logistic regression (classes none/acute/suicide, balanced class weights) over sublinear tf-idf
character n-grams (char_wb 2-5) and word n-grams (1-2) of the `train` split of the expanded corpus, loaded as
scripts/train_safety_head.py loads it (ordinary fragments added, messages equal to a held-out or tuning message
dropped; texts through unshout()). Thresholds (log-odds), as the head's: per level the higher of TUNE_MARGIN above
the highest message of the `tune` halves of tests/safety/ordinary.yml and ordinary_requests.yml (scanned chunk by
chunk, as in production) and the point where MAX_CORPUS_TUNE_ALARMS of the corpus's own `tune` ordinary messages
fire. Never a danger set, never a `measure` half. Needs scikit-learn (the app venv); the model is written as plain
arrays that nlu/safety_ngrams.py scores with numpy alone. Deterministic (lbfgs, no randomness).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "scripts"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from safety_corpus import Example, load_corpus  # noqa: E402
from train_safety_head import SEED, allowed_above, decontaminate, normal, ordinary_tune_chunks, with_fragments  # noqa: E402

from nlu.safety_ngrams import CHAR_RANGE, CLASSES, LEVELS, WORD_RANGE, NgramModel, Part  # noqa: E402
from nlu.semantic_safety import unshout  # noqa: E402

# Chosen on the tuning sets (A-M, N, P, the ordinary tuning sets, not-acute) among 1, 4 and 16; never on O or fresh_g.
C = 16.0
MIN_DF = 2
MAX_ITER = 300
TUNE_MARGIN = 0.3
MAX_CORPUS_TUNE_ALARMS = 0.05
# The head's vote on a chunk counts only where this model gives the same level at least the log-odds that all but
# VETO_PERCENTILE % of the corpus's tune danger messages of that level reach (templates it never saw).
VETO_PERCENTILE = 0.5
# Besides the head's decontamination (its held-out sets A-J and the not-acute set): every later danger set.
EXCLUDED = sorted((ROOT / "tests" / "safety").glob("heldout_danger*.yml")) + sorted(
    (ROOT / "tests" / "safety").glob("tuning_danger*.yml"))


def load_training() -> list[Example]:
    corpus = decontaminate(with_fragments(load_corpus(SEED)))
    held = {normal(str(case["text"])) for path in EXCLUDED
            for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []}
    kept = [example for example in corpus if normal(example.text) not in held]
    print(f"decontamination against the later sets: {len(corpus) - len(kept)} more dropped")
    return kept


def vectorizers(min_df: int = MIN_DF) -> tuple[object, object]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_RANGE, sublinear_tf=True, min_df=min_df,
                           dtype=np.float64)
    word = TfidfVectorizer(analyzer="word", ngram_range=WORD_RANGE, sublinear_tf=True, min_df=min_df,
                           dtype=np.float64)
    return char, word


def train(texts: list[str], labels: np.ndarray, c: float = C, min_df: int = MIN_DF) -> NgramModel:
    from scipy.sparse import hstack
    from sklearn.linear_model import LogisticRegression

    char, word = vectorizers(min_df)
    x = hstack([char.fit_transform(texts), word.fit_transform(texts)]).tocsr()
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=MAX_ITER, solver="lbfgs")
    model.fit(x, labels)
    assert list(model.classes_) == list(range(len(CLASSES)))
    coef = model.coef_.T  # (features, classes)
    split = len(char.vocabulary_)
    return NgramModel(Part(dict(char.vocabulary_), char.idf_.astype(np.float32), coef[:split].astype(np.float32)),
                      Part(dict(word.vocabulary_), word.idf_.astype(np.float32), coef[split:].astype(np.float32)),
                      model.intercept_.astype(np.float64), dict.fromkeys(LEVELS, 0.0), dict.fromkeys(LEVELS, 0.0))


def message_best(model: NgramModel, messages: list[list[str]]) -> np.ndarray:
    """Per message, the highest log-odds per class over its chunks, as in production."""
    return np.array([model.log_odds(pieces).max(axis=0) if pieces else np.full(len(CLASSES), -np.inf)
                     for pieces in messages])


def fit_thresholds(model: NgramModel, corpus_tune: list[Example],
                   ordinary: list[list[str]]) -> tuple[dict[str, float], dict[str, float]]:
    """The model's own thresholds (it fires alone) and its veto bars on the head's vote."""
    ordinary_best = message_best(model, ordinary)
    corpus_odds = model.log_odds([unshout(example.text) for example in corpus_tune])
    labels = np.array([example.label for example in corpus_tune])
    thresholds: dict[str, float] = {}
    veto: dict[str, float] = {}
    for level in LEVELS:
        column = CLASSES.index(level)
        by_ordinary = float(ordinary_best[:, column].max()) + TUNE_MARGIN
        by_corpus = allowed_above(corpus_odds[labels == "none", column], MAX_CORPUS_TUNE_ALARMS) + 1e-3
        thresholds[level] = round(max(by_ordinary, by_corpus), 3)
        fired = corpus_odds[:, column] >= thresholds[level]
        print(f"{level}: ordinary-tune bound {by_ordinary:.3f}, corpus-tune bound {by_corpus:.3f}, threshold "
              f"{thresholds[level]:.3f}; corpus-tune recall {fired[labels == level].mean():.3f}, "
              f"alarms {fired[labels == 'none'].mean():.4f}")
        veto[level] = round(float(np.percentile(corpus_odds[labels == level, column], VETO_PERCENTILE)), 3)
        below = (corpus_odds[labels == "none", column] < veto[level]).mean()
        print(f"{level}: veto below {veto[level]:.3f} (corpus tune: {below:.3f} of ordinary messages below it)")
    return thresholds, veto


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dry-run", action="store_true", help="fit and print, do not write the .npz")
    parser.add_argument("--out", type=Path, default=None, help="write here instead of nlu/safety_ngrams.npz")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = load_training()
    train_part = [example for example in corpus if example.split == "train"]
    tune_part = [example for example in corpus if example.split == "tune"]
    print(f"corpus: {len(corpus)} messages ({len(train_part)} train, {len(tune_part)} tune)")
    model = train([unshout(example.text) for example in train_part],
                  np.array([CLASSES.index(example.label) for example in train_part]))
    print(f"features: {len(model.char.vocabulary)} character, {len(model.word.vocabulary)} word n-grams "
          f"({time.perf_counter() - started:.0f} s)")
    model = NgramModel(model.char, model.word, model.intercept,
                       *fit_thresholds(model, tune_part, ordinary_tune_chunks()))
    if not args.dry_run:
        model.save(args.out) if args.out else model.save()
    print(f"done in {time.perf_counter() - started:.0f} s" + (" (dry run)" if args.dry_run else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
