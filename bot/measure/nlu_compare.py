"""NLU evaluation: the real pipeline (config.yml) next to a baseline without the e5 features.

Run with the Rasa venv:  .venv/rasa/bin/python -m bot.measure.nlu_compare [--force]

Both pipelines are trained on the same stratified 80% of nlu/nlu.yml (fixed seed) and tested on the
held-out 20% (intent micro and macro F1) and on tests/nlu/multilingual.yml (accuracy per language;
these languages have no or few training examples). The baseline is generated from config.yml by
leaving out the E5Featurizer and the e5 block of the LinearIntentClassifier, so the two never drift apart.
Each pipeline's DIET ranking (kept in the parse result beside the linear classifier's) is scored too.
Results are cached under var/nlu-compare/ keyed on a hash of the data, the configs and the code, so a
warm run skips training.
Exits 1 when the real pipeline is worse than the baseline or below the floors.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import logging
import os
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
NLU_FILES = [*sorted((ROOT / "nlu").glob("nlu*.yml")), *sorted((ROOT / "nlu" / "lookups").glob("*.yml"))]
CONFIG = ROOT / "config.yml"
MULTILINGUAL = ROOT / "tests" / "nlu" / "multilingual.yml"
CODE = [Path(__file__).resolve(),
        *(ROOT / "nlu" / name for name in ("e5_featurizer.py", "components.py", "linear_intent.py"))]
E5_COMPONENT = "E5Featurizer"
LINEAR_COMPONENT = "LinearIntentClassifier"
DIET_RANKING = "diet_intent_ranking"  # nlu/linear_intent.py (not imported: it needs the Rasa venv's packages)
SEED = 42
TRAIN_FRACTION = 0.8
FALLBACK = "nlu_fallback"


@dataclass
class Scores:
    micro_f1: float
    macro_f1: float
    fallback_rate: float
    multilingual: dict[str, float]
    errors: list[str]
    diet_micro_f1: float | None = None  # DIET's own ranking, when a linear classifier ranks the intents after it
    diet_macro_f1: float | None = None


def var_dir() -> Path:
    from bot.settings import load_settings
    return load_settings().var_dir


def cache_key(args: argparse.Namespace) -> str:
    import rasa

    digest = hashlib.sha256(f"rasa={rasa.__version__};seed={SEED};frac={TRAIN_FRACTION}".encode())
    for path in [*NLU_FILES, CONFIG, MULTILINGUAL, *CODE]:
        digest.update(f"\0{path.relative_to(ROOT)}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def baseline_config(config: dict[str, Any]) -> dict[str, Any]:
    pipeline = [c for c in config["pipeline"] if not str(c.get("name", "")).endswith(E5_COMPONENT)]
    if len(pipeline) == len(config["pipeline"]):
        raise SystemExit(f"{CONFIG} has no {E5_COMPONENT}: nothing to compare against")
    pipeline = [{**c, "e5_weight": 0.0} if str(c.get("name", "")).endswith(LINEAR_COMPONENT) else c for c in pipeline]
    return {**config, "pipeline": pipeline}


def split_data(workdir: Path) -> tuple[Path, list[tuple[str, str]]]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(NLU_FILES[0])).merge(*[load_data(str(path)) for path in NLU_FILES[1:]])
    train, test = data.train_test_split(train_frac=TRAIN_FRACTION, random_seed=SEED)
    train_file = workdir / "train.yml"
    train.persist_nlu(str(train_file))
    return train_file, [(m.get("text"), m.get("intent")) for m in test.intent_examples]


def load_multilingual() -> list[dict[str, str]]:
    with open(MULTILINGUAL, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["cases"]


def train(config: dict[str, Any], train_file: Path, workdir: Path, name: str) -> str:
    from rasa.model_training import train_nlu

    config_file = workdir / f"{name}.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    model = train_nlu(str(config_file), str(train_file), str(workdir / "models"), fixed_model_name=name)
    if not model:
        raise SystemExit(f"training the {name} pipeline failed")
    return model


def top_intent(parsed: dict[str, Any]) -> tuple[str, bool, str | None]:
    """The classifier's best intent (behind a fallback), whether the fallback fired, and DIET's best intent when
    another classifier ranked the intents after it."""
    ranking = [item["name"] for item in parsed.get("intent_ranking") or [] if item["name"] != FALLBACK]
    diet = [item["name"] for item in parsed.get(DIET_RANKING) or []]
    return (ranking[0] if ranking else FALLBACK), parsed["intent"]["name"] == FALLBACK, (diet[0] if diet else None)


async def predict(model: str, texts: list[str]) -> list[tuple[str, bool, str | None]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    return [top_intent(await agent.parse_message(text)) for text in texts]


def score(model: str, test: list[tuple[str, str]], multilingual: list[dict[str, str]]) -> Scores:
    from sklearn.metrics import f1_score

    texts = [text for text, _ in test] + [case["text"] for case in multilingual]
    predicted = asyncio.run(predict(model, texts))
    held_out, other = predicted[: len(test)], predicted[len(test):]
    truth = [intent for _, intent in test]
    guesses = [intent for intent, _, _ in held_out]
    labels = sorted(set(truth))
    per_language: dict[str, list[bool]] = {}
    for case, (intent, _, _) in zip(multilingual, other, strict=True):
        per_language.setdefault(case["lang"], []).append(intent == case["intent"])
    accuracy = {lang: sum(hits) / len(hits) for lang, hits in per_language.items()}
    accuracy["all"] = sum(sum(h) for h in per_language.values()) / max(1, len(multilingual))
    errors = [f"{case['lang']} {case['intent']} -> {intent}: {case['text']}"
              for case, (intent, _, _) in zip(multilingual, other, strict=True) if intent != case["intent"]]
    diet = [name for _, _, name in held_out]
    return Scores(
        micro_f1=float(f1_score(truth, guesses, labels=labels, average="micro", zero_division=0)),
        macro_f1=float(f1_score(truth, guesses, labels=labels, average="macro", zero_division=0)),
        fallback_rate=sum(fired for _, fired, _ in held_out) / max(1, len(held_out)),
        multilingual=accuracy,
        errors=errors,
        diet_micro_f1=None if None in diet else float(f1_score(truth, diet, labels=labels, average="micro",
                                                               zero_division=0)),
        diet_macro_f1=None if None in diet else float(f1_score(truth, diet, labels=labels, average="macro",
                                                               zero_division=0)),
    )


def run_comparison(cache_file: Path) -> dict[str, Any]:
    with open(CONFIG, encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    multilingual = load_multilingual()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="nlu-compare-") as tmp:
        workdir = Path(tmp)
        train_file, test = split_data(workdir)
        for name, pipeline in (("baseline", baseline_config(config)), ("e5", config)):
            print(f"[nlu-compare] training the {name} pipeline on {TRAIN_FRACTION:.0%} of the data", flush=True)
            model = train(pipeline, train_file, workdir, name)
            results[name] = asdict(score(model, test, multilingual))
    results["held_out_examples"] = len(test)
    results["multilingual_examples"] = len(multilingual)
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def table(results: dict[str, Any]) -> str:
    languages = [lang for lang in results["e5"]["multilingual"] if lang != "all"] + ["all"]
    head = f"{'pipeline':<10} {'micro F1':>9} {'macro F1':>9} {'fallback':>9} | multilingual accuracy: " + \
        " ".join(f"{lang:>5}" for lang in languages)
    lines = [f"held-out {results['held_out_examples']} examples (20%, seed {SEED}); "
             f"multilingual {results['multilingual_examples']} questions", head, "-" * len(head)]
    for name in ("baseline", "e5"):
        s = results[name]
        lines.append(f"{name:<10} {s['micro_f1']:>9.3f} {s['macro_f1']:>9.3f} {s['fallback_rate']:>9.3f} | "
                     f"{'':<22}" + " ".join(f"{s['multilingual'][lang]:>5.2f}" for lang in languages))
    for name in ("baseline", "e5"):
        s = results[name]
        if s.get("diet_micro_f1") is not None:
            lines.append(f"{name + ' DIET':<10} {s['diet_micro_f1']:>9.3f} {s['diet_macro_f1']:>9.3f}   "
                         "(DIET's own ranking, before the linear classifier re-ranks the intents)")
    return "\n".join(lines)


def failures(results: dict[str, Any], args: argparse.Namespace) -> list[str]:
    real, base = results["e5"], results["baseline"]
    problems = []
    if real["macro_f1"] + args.tolerance < base["macro_f1"]:
        problems.append(f"e5 macro F1 {real['macro_f1']:.3f} is below the baseline {base['macro_f1']:.3f}")
    if real["multilingual"]["all"] < base["multilingual"]["all"]:
        problems.append("e5 multilingual accuracy is below the baseline")
    if real["macro_f1"] < args.min_f1:
        problems.append(f"e5 macro F1 {real['macro_f1']:.3f} is below the floor {args.min_f1}")
    if real["multilingual"]["all"] < args.min_multilingual:
        problems.append(f"e5 multilingual accuracy {real['multilingual']['all']:.3f} is below the floor "
                        f"{args.min_multilingual}")
    return problems


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="retrain even when a cached result exists")
    parser.add_argument("--min-f1", type=float, default=0.80, help="floor for the real pipeline's macro F1")
    parser.add_argument("--min-multilingual", type=float, default=0.75, help="floor for multilingual accuracy")
    parser.add_argument("--tolerance", type=float, default=0.0,
                        help="how far the real macro F1 may lie under the baseline's")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the multilingual misses")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    logging.getLogger().setLevel(logging.WARNING)
    cache_file = var_dir() / "nlu-compare" / f"{cache_key(args)}.json"
    if cache_file.exists() and not args.force:
        results = json.loads(cache_file.read_text(encoding="utf-8"))
        print(f"[nlu-compare] cached result ({cache_file.name}): data, configs and code unchanged")
    else:
        results = run_comparison(cache_file)
    print(table(results))
    if args.verbose:
        for name in ("baseline", "e5"):
            print(f"\n{name} multilingual misses:\n  " + "\n  ".join(results[name]["errors"] or ["none"]))
    problems = failures(results, args)
    for problem in problems:
        print(f"[nlu-compare] FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
