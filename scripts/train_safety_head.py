"""Train the safety head (nlu/safety_head.npz) on nlu/safety_corpus/*.yml and fit its thresholds.

    python scripts/train_safety_head.py [--dry-run]

Training data: the `train` split of the expanded corpus (scripts/safety_corpus.py) only. Thresholds
(log-odds): per level the lowest at least TUNE_MARGIN above the highest message of the `tune`
part of tests/safety/ordinary.yml (scanned chunk by chunk, as in production) and raises at most
MAX_CORPUS_TUNE_ALARMS of the corpus's own held-back `tune` templates' ordinary messages. Never the
held-out danger sets, never the `measure` part of ordinary.yml. Deterministic (fixed seed); the e5
vectors are cached in var/cache/safety_corpus, so a re-run embeds only new text.
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

from bot.measure.vector_cache import VectorCache  # noqa: E402
from nlu.safety_head import CLASSES, LEVELS, Head, load_head  # noqa: E402
from nlu.semantic_safety import _default_embed, chunks, unshout  # noqa: E402

SEED = 12
HIDDEN = 64
MEMBERS = 4
EPOCHS = 300
LEARNING_RATE = 3e-3
WEIGHT_DECAY = 1e-3
INPUT_NOISE = 0.3
# Per level, the share of the ordinary sets' tune part allowed above the threshold ... (2 of 1,443 once; with the
# second paraphrase round that let 11.7% of the not-acute messages get 112/113, above the 8% ceiling). One each:
# a single sentence (e.g. the seed fragment "8 Gooi en Vechtstreek Hilversum" for suicide) must not set the bar.
MAX_TUNE_ALARMS = {"acute": 0.001, "suicide": 0.001}
TUNE_MARGIN = 0.3  # ... and this many log-odds above its highest message, as the measure half will differ
MAX_CORPUS_TUNE_ALARMS = 0.05
# Never below these log-odds. Chosen on 2026-12-06 for the head with the everyday corpus, on the tuning sets A-G,
# the ordinary sets and the not-acute ceiling (never on H): the fitted rules alone gave acute 0.46 and suicide 0.17
# (11.7% of not-acute messages fired); at 0.75 / 1.2 recall on A-G stays within 0.01-0.02 of the previous head.
MIN_LOG_ODDS = {"acute": 0.75, "suicide": 1.2}
ORDINARY = [ROOT / "tests" / "safety" / name for name in ("ordinary.yml", "ordinary_requests.yml")]
HELDOUT_SUFFIXES = ("", "_b", "_c", "_d", "_e", "_f", "_g", "_h", "_i", "_j")
HELDOUT = [ROOT / "tests" / "safety" / f"heldout_danger{suffix}.yml" for suffix in HELDOUT_SUFFIXES] + [
    ROOT / "tests" / "safety" / "heldout_nonacute.yml"]
CACHE = ROOT / "var" / "cache" / "safety_corpus" / "vectors.npz"


def embed_cached(texts: list[str]) -> np.ndarray:
    """e5 query vectors (unit length), cached on disk by a hash of the text."""
    cache = VectorCache(CACHE, _default_embed())
    vectors = cache(texts)
    if cache.added:
        print(f"embedded {cache.added} new texts", flush=True)
    cache.save()
    return vectors


def train(x: np.ndarray, y: np.ndarray) -> Head:
    """MEMBERS networks with different seeds on the same standardised data, stacked into one Head."""
    mean, scale = x.mean(axis=0), np.maximum(x.std(axis=0), 1e-6)
    members = [train_member((x - mean) / scale, y, SEED + member) for member in range(MEMBERS)]
    stacked = [np.stack([m[i] for m in members]).astype(np.float32) for i in range(4)]
    return Head(mean.astype(np.float32), scale.astype(np.float32), *stacked, thresholds=dict.fromkeys(LEVELS, 1.0))


def train_member(z: np.ndarray, y: np.ndarray, seed: int) -> list[np.ndarray]:
    """One hidden layer (ReLU), class-weighted cross-entropy, Adam, full batch, Gaussian input noise."""
    rng = np.random.default_rng(seed)
    params = [rng.normal(0, np.sqrt(2 / z.shape[1]), (z.shape[1], HIDDEN)), np.zeros(HIDDEN),
              rng.normal(0, np.sqrt(1 / HIDDEN), (HIDDEN, len(CLASSES))), np.zeros(len(CLASSES))]
    counts = np.bincount(y, minlength=len(CLASSES))
    weight = (len(y) / (len(CLASSES) * counts))[y]
    onehot = np.eye(len(CLASSES))[y]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for step in range(1, EPOCHS + 1):
        w1, b1, w2, b2 = params
        inputs = z + rng.normal(0, INPUT_NOISE, z.shape)
        hidden = np.maximum(inputs @ w1 + b1, 0)
        logits = hidden @ w2 + b2
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        dlogits = (probs - onehot) * weight[:, None] / weight.sum()
        dhidden = (dlogits @ w2.T) * (hidden > 0)
        grads = [inputs.T @ dhidden + WEIGHT_DECAY * w1, dhidden.sum(0), hidden.T @ dlogits + WEIGHT_DECAY * w2,
                 dlogits.sum(0)]
        for i, (param, grad) in enumerate(zip(params, grads, strict=True)):
            m, v = moments[i]
            m[:] = 0.9 * m + 0.1 * grad
            v[:] = 0.999 * v + 0.001 * grad**2
            param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return params


def normal(text: str) -> str:
    return " ".join(text.lower().split())


def decontaminate(corpus: list[Example]) -> list[Example]:
    """Drop any generated message that happens to equal a held-out message (short generic phrases such as a
    bare "I want to die" can coincide): the held-out sets are only ever used to exclude, never to learn."""
    held = {normal(str(case["text"])) for path in HELDOUT
            for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []}
    kept = [example for example in corpus if normal(example.text) not in held]
    print(f"decontamination: {len(corpus) - len(kept)} generated messages equal a held-out message, dropped")
    return kept


def with_fragments(corpus: list[Example]) -> list[Example]:
    """Add the clause fragments production scans (chunks() cuts at commas too) of every ordinary message:
    a fragment of ordinary text is ordinary; fragments of danger messages are not labelled, so not added."""
    seen = {example.text for example in corpus}
    extra: list[Example] = []
    for example in corpus:
        if example.label != "none":
            continue
        for piece in chunks(example.text):
            if piece not in seen:
                seen.add(piece)
                extra.append(Example(piece, "none", example.lang, example.split, example.template))
    return corpus + extra


def ordinary_tune_chunks() -> list[list[str]]:
    rows = [row for path in ORDINARY for row in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return [chunks(row["text"]) for row in rows if row["part"] == "tune"]


def allowed_above(scores: np.ndarray, share: float) -> float:
    """The lowest threshold at which at most ``share`` of ``scores`` reach it."""
    ranked = np.sort(scores)[::-1]
    allowed = int(np.floor(share * len(ranked)))
    return float(ranked[allowed]) if allowed < len(ranked) else float("-inf")


def message_best(head: Head, messages: list[list[str]]) -> np.ndarray:
    """Per message, the highest log-odds per class over its chunks, as in production."""
    flat = [piece for pieces in messages for piece in pieces]
    odds = head.log_odds(embed_cached(flat)) if flat else np.zeros((0, len(CLASSES)))
    best, start = [], 0
    for pieces in messages:
        best.append(odds[start:start + len(pieces)].max(axis=0) if pieces else np.full(len(CLASSES), -np.inf))
        start += len(pieces)
    return np.array(best)


def fit_thresholds(head: Head, corpus_tune: list[Example], corpus_vectors: np.ndarray,
                   ordinary: list[list[str]]) -> dict[str, float]:
    ordinary_best = message_best(head, ordinary)
    corpus_odds = head.log_odds(corpus_vectors)
    labels = np.array([example.label for example in corpus_tune])
    thresholds: dict[str, float] = {}
    for level in LEVELS:
        column = CLASSES.index(level)
        by_ordinary = allowed_above(ordinary_best[:, column], MAX_TUNE_ALARMS[level]) + TUNE_MARGIN
        by_corpus = allowed_above(corpus_odds[labels == "none", column], MAX_CORPUS_TUNE_ALARMS) + 1e-3
        thresholds[level] = round(max(by_ordinary, by_corpus, MIN_LOG_ODDS[level]), 3)
        print(f"{level}: ordinary-tune bound {by_ordinary:.3f}, corpus-tune bound {by_corpus:.3f}")
    for level in LEVELS:
        column = CLASSES.index(level)
        fired = corpus_odds[:, column] >= thresholds[level]
        caught = fired | (corpus_odds[:, CLASSES.index("acute")] >= thresholds["acute"])
        print(f"{level}: log-odds threshold {thresholds[level]:.3f}  corpus-tune recall "
              f"{caught[labels == level].mean():.3f}  corpus-tune alarms {fired[labels == 'none'].mean():.3f}  "
              f"ordinary-tune alarms {(ordinary_best[:, column] >= thresholds[level]).sum()}/{len(ordinary_best)}")
    return thresholds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dry-run", action="store_true", help="fit and print, do not write the .npz")
    parser.add_argument("--refit", action="store_true",
                        help="keep the saved network, fit only its thresholds (after changing the ordinary sets)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = decontaminate(with_fragments(load_corpus(SEED)))
    vectors = embed_cached([unshout(example.text) for example in corpus])
    is_train = np.array([example.split == "train" for example in corpus])
    labels = np.array([CLASSES.index(example.label) for example in corpus])
    print(f"corpus: {len(corpus)} messages ({is_train.sum()} train, {(~is_train).sum()} tune)")
    head = load_head() if args.refit else train(vectors[is_train], labels[is_train])
    tune = [example for example in corpus if example.split == "tune"]
    thresholds = fit_thresholds(head, tune, vectors[~is_train], ordinary_tune_chunks())
    head = Head(head.mean, head.scale, head.w1, head.b1, head.w2, head.b2, thresholds)
    if not args.dry_run:
        head.save()
    print(f"done in {time.perf_counter() - started:.0f} s" + (" (dry run)" if args.dry_run else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
