"""Professional questions through the live bot: is the first answer the entry that answers the question?

    python -m tests.professional.evaluate                 # against a running bot (`make run`)
    python -m tests.professional.evaluate --start         # start the stack for the run, then stop it
    python -m tests.professional.evaluate --show [FILE]   # print the report of tests/e2e/test_professional_answers.py

Every question goes through the gateway in a fresh conversation (after its `before` messages, if any):
Rasa's NLU, the routing in knowledge/routes.yml and knowledge/professional.yml, and the knowledge index
on the action server. The `retrieved` slot lists the entries of the reply, best first; the question
passes when the first one is among its `ids`. Figures per set and per topic; every miss is listed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from bot.chat.rasa_auth import auth_params
from bot.settings import setting

HERE = Path(__file__).resolve().parent
SETS = {"questions": HERE / "questions.yml", "holdout": HERE / "holdout.yml"}


def report_path() -> Path:
    """Where the end-to-end test writes the figures (scripts/test.sh prints them with --show)."""
    default = Path(os.environ.get("WEGWIJS_VAR_DIR", HERE.parents[1] / "var")) / "reports" / "professional.json"
    return Path(setting("WEGWIJS_PROFESSIONAL_REPORT") or default)


def write_report(results: list[dict[str, Any]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"sets": results}, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Question:
    q: str
    ids: tuple[str, ...]
    topic: str
    lang: str = "nl"
    before: tuple[str, ...] = ()


@dataclass
class SetResult:
    name: str
    total: int = 0
    hits: int = 0
    topics: dict[str, list[int]] = field(default_factory=dict)  # topic -> [hits, total]
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def add(self, question: Question, retrieved: list[str], intent: str = "") -> None:
        passed = bool(retrieved) and retrieved[0] in question.ids
        self.total += 1
        self.hits += passed
        counts = self.topics.setdefault(question.topic, [0, 0])
        counts[0] += passed
        counts[1] += 1
        if not passed:
            self.misses.append({"q": question.q, "want": list(question.ids), "got": retrieved, "intent": intent})

    def summary(self) -> dict[str, Any]:
        return {**asdict(self), "accuracy": round(self.accuracy, 4)}


def load_questions(path: Path) -> list[Question]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise SystemExit(f"{path}: expected a mapping with a 'questions:' list")
    return [Question(q=item["q"], ids=tuple(item["ids"]), topic=item["topic"], lang=item.get("lang", "nl"),
                     before=tuple(item.get("before") or ())) for item in data["questions"]]


def ask(client: httpx.Client, web_url: str, rasa_url: str, question: Question) -> tuple[list[str], str]:
    """The entry ids of the bot's reply to the question (after its `before` messages) and its intent."""
    sender = f"prof-{uuid.uuid4().hex[:12]}"
    for text in (*question.before, question.q):
        response = client.post(f"{web_url}/webhooks/rest/webhook", json={"sender": sender, "message": text})
        response.raise_for_status()
    tracker = client.get(f"{rasa_url}/conversations/{sender}/tracker", params=auth_params()).json()
    intent = ((tracker.get("latest_message") or {}).get("intent") or {}).get("name") or ""
    return list(tracker["slots"].get("retrieved") or []), intent


def evaluate(name: str, questions: list[Question], web_url: str, rasa_url: str) -> SetResult:
    result = SetResult(name=name)
    with httpx.Client(timeout=60) as client:
        for question in questions:
            result.add(question, *ask(client, web_url, rasa_url, question))
    return result


def format_results(results: list[dict[str, Any]], verbose: bool = False) -> str:
    lines = []
    for data in results:
        topics = ", ".join(f"{topic} {hits}/{total}" for topic, (hits, total) in sorted(data["topics"].items()))
        lines.append(f"{data['name']}: {data['hits']}/{data['total']} = {data['accuracy']:.3f}  ({topics})")
        if verbose:
            lines += [f"  miss: {m['q']!r} want {m['want']} got {m['got'][:2]} ({m.get('intent')})"
                      for m in data["misses"]]
    return "\n".join(lines)


@contextmanager
def _stack() -> Iterator[tuple[str, str]]:
    from bot.operate.launcher import Stack
    from bot.settings import load_settings

    running = Stack(load_settings())
    running.start()
    try:
        yield running.settings.web_url, running.settings.rasa_url
    finally:
        running.stop()


def run(sets: list[str], web_url: str, rasa_url: str) -> list[dict[str, Any]]:
    return [evaluate(name, load_questions(SETS[name]), web_url, rasa_url).summary() for name in sets]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", action="store_true", help="start the stack for the run")
    parser.add_argument("--show", type=Path, nargs="?", const=report_path(),
                        help="print the report the end-to-end test wrote (default: its report path) and exit")
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="which sets (default: all)")
    parser.add_argument("--report", type=Path, help="write the figures as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if args.show:
        if not args.show.is_file():
            print(f"no report at {args.show}: run tests/e2e/test_professional_answers.py first", file=sys.stderr)
            return 1
        print(format_results(json.loads(args.show.read_text(encoding="utf-8"))["sets"], args.verbose))
        return 0
    sets = args.set or list(SETS)
    if args.start:
        with _stack() as (web_url, rasa_url):
            results = run(sets, web_url, rasa_url)
    else:
        from bot.settings import load_settings

        settings = load_settings()
        results = run(sets, settings.web_url, settings.rasa_url)
    print(format_results(results, args.verbose))
    if args.report:
        write_report(results, args.report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
