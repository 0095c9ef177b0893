"""`python -m bot eval CASES.yml`: plays evaluation conversations against the live bot."""
from __future__ import annotations

import asyncio
import contextlib
import json
import re
import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

import httpx
import yaml

from bot.chat.validation import CLIENT_TURN_WAIT_S

_PHONE = re.compile(r"^[\d\s\-+().]+$")
_DIGIT_GAP = re.compile(r"(?<=\d)[\s\-.()]+(?=\d)")


@dataclass
class TurnResult:
    user: str
    reply: str
    missing: list[list[str]] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.missing and not self.forbidden


@dataclass
class CaseResult:
    id: str
    category: str
    turns: list[TurnResult]

    @property
    def passed(self) -> bool:
        return all(turn.passed for turn in self.turns)


def _is_phone(alternative: str) -> bool:
    return bool(_PHONE.match(alternative)) and sum(ch.isdigit() for ch in alternative) >= 3


def alternative_matches(alternative: str, reply: str) -> bool:
    """Case-insensitive substring; phone numbers compared on digits only."""
    if _is_phone(alternative):
        digits = re.sub(r"\D", "", alternative)
        joined = _DIGIT_GAP.sub("", reply)
        return re.search(rf"(?<!\d){digits}(?!\d)", joined) is not None
    return alternative.lower() in reply.lower()


def check_turn(user: str, reply: str, must: list[list[str]], must_not: list[str | list[str]]) -> TurnResult:
    """`must`: groups of alternatives, one of each group must appear; `must_not`: texts that must not appear,
    written plain or, like `must`, in groups (every text of a group is forbidden)."""
    missing = [group for group in must if not any(alternative_matches(a, reply) for a in group)]
    forbidden = [bad for bad in _flat(must_not) if bad.lower() in reply.lower()]
    return TurnResult(user=user, reply=reply, missing=missing, forbidden=forbidden)


def _flat(texts: list[str | list[str]]) -> list[str]:
    return [text for item in texts for text in ([item] if isinstance(item, str) else item)]


def load_cases(path: Path) -> list[dict[str, Any]]:
    return checked_cases(read_case_file(path), path)


def read_case_file(path: Path) -> Any:
    if not path.is_file():
        raise SystemExit(f"Evaluation file not found: {path}")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def checked_cases(cases: Any, path: Path) -> list[dict[str, Any]]:
    """The parsed content of a case file, once it has the cases' shape."""
    if not isinstance(cases, list) or not all(isinstance(c, dict) and "turns" in c for c in cases):
        raise SystemExit(f"{path}: expected a list of cases, each with 'id', 'category' and 'turns'")
    return cases


async def _send(client: httpx.AsyncClient, url: str, sender: str, text: str) -> str:
    response = await client.post(url, json={"sender": sender, "message": text})
    if response.status_code >= 400:
        return f"[HTTP {response.status_code}] {response.text}"
    return "\n".join(m.get("text") or "" for m in response.json())


async def run_case(client: httpx.AsyncClient, url: str, case: dict[str, Any]) -> CaseResult:
    sender = f"eval-{uuid.uuid4().hex[:12]}"
    turns = []
    for turn in case["turns"]:
        reply = await _send(client, url, sender, turn["user"])
        turns.append(check_turn(turn["user"], reply, turn.get("must") or [], turn.get("must_not") or []))
    return CaseResult(id=str(case.get("id")), category=str(case.get("category", "other")), turns=turns)


# A user turn this long is a long story: its parse embeds dozens of chunks and hundreds of new tokens (1-3 s of CPU).
LONG_TURN_CHARS = 1200


def _has_long_turn(case: dict[str, Any]) -> bool:
    return any(len(str(turn.get("user", ""))) >= LONG_TURN_CHARS for turn in case.get("turns", []))


async def run_all(url: str, cases: list[dict[str, Any]], concurrency: int = 4, long_at_once: int = 2
                  ) -> list[CaseResult]:
    """At most `concurrency` conversations at once, of which at most `long_at_once` with a long story: played
    longest first, four long stories at once on two cores measure the machine's queue (the gateway answers its
    fallback after WEGWIJS_RASA_TIMEOUT_S), not the answers."""
    limit, long_limit = asyncio.Semaphore(concurrency), asyncio.Semaphore(long_at_once)
    async with httpx.AsyncClient(timeout=CLIENT_TURN_WAIT_S) as client:
        async def one(case: dict[str, Any]) -> CaseResult:
            long_slot = long_limit if _has_long_turn(case) else contextlib.nullcontext()
            async with long_slot, limit:  # the long slot first, so a waiting long story holds no general slot
                return await run_case(client, url, case)
        return list(await asyncio.gather(*(one(c) for c in cases)))


def pass_rates(results: list[CaseResult]) -> dict[str, dict[str, float]]:
    by_category: dict[str, list[bool]] = defaultdict(list)
    for result in results:
        by_category[result.category].append(result.passed)
    rates = {category: _rate(passed) for category, passed in sorted(by_category.items())}
    rates["overall"] = _rate([result.passed for result in results])
    return rates


def _rate(passed: list[bool]) -> dict[str, float]:
    return {"passed": sum(passed), "total": len(passed), "rate": sum(passed) / max(len(passed), 1)}


def print_table(rates: dict[str, dict[str, float]]) -> None:
    print(f"{'category':<24} {'passed':>7} {'total':>6} {'rate':>7}")
    for category, row in rates.items():
        if category == "overall":
            print("-" * 47)
        print(f"{category:<24} {row['passed']:>7} {row['total']:>6} {row['rate']:>7.1%}")


def print_failures(results: list[CaseResult]) -> None:
    for result in results:
        for turn in result.turns:
            if not turn.passed:
                print(f"\nFAIL {result.id}: {turn.user[:90]}")
                print(f"  missing: {turn.missing}  forbidden: {turn.forbidden}")
                print("  reply: " + turn.reply.replace("\n", " | ")[:300])


def unmet_thresholds(rates: dict[str, dict[str, float]], minimum: float, per_category: dict[str, float]) -> list[str]:
    problems = []
    if rates["overall"]["rate"] < minimum:
        problems.append(f"overall {rates['overall']['rate']:.1%} < {minimum:.1%}")
    for category, floor in per_category.items():
        row = rates.get(category)
        if row is None:
            problems.append(f"category '{category}' has no cases")
        elif row["rate"] < floor:
            problems.append(f"{category} {row['rate']:.1%} < {floor:.1%}")
    return problems


def parse_category_thresholds(items: Optional[list[str]]) -> dict[str, float]:
    thresholds = {}
    for item in items or []:
        name, _, value = item.partition("=")
        try:
            thresholds[name] = float(value)
        except ValueError as error:
            raise SystemExit(f"--min-category expects NAME=FRACTION, got {item!r}") from error
    return thresholds


@dataclass(frozen=True)
class CaseSet:
    """One file of cases with its own name and pass thresholds: `[NAME=]FILE[@overall=F,CATEGORY=F,...]`."""

    label: str
    path: Path
    minimum: Optional[float] = None  # None: the command's --min-overall
    per_category: dict[str, float] = field(default_factory=dict)
    blind: bool = False  # a held-out set not yet tuned on: pass rates only, its failures never shown or saved


def parse_case_set(spec: str) -> CaseSet:
    location, _, rules = spec.partition("@")
    label, _, path = location.rpartition("=") if "=" in location else ("", "", location)
    items = [rule.strip() for rule in rules.split(",") if rule.strip()]
    blind = "blind" in items  # `@blind`: pass rates only, as CaseSet.blind
    thresholds = parse_category_thresholds([item for item in items if item != "blind"])
    minimum = thresholds.pop("overall", None)
    return CaseSet(label=label or Path(path).stem, path=Path(path), minimum=minimum, per_category=thresholds,
                   blind=blind)


def report_results(results: list[CaseResult], report: Path, minimum: float, per_category: dict[str, float],
                   verbose: bool, label: str = "", blind: bool = False) -> tuple[int, dict[str, dict[str, float]]]:
    """Print and save one set's pass rates (a blind set's failures are never shown or saved)."""
    rates = pass_rates(results)
    if label:
        print(f"{label}: {len(results)} cases")
    print_table(rates)
    if verbose and not blind:
        print_failures(results)
    report.parent.mkdir(parents=True, exist_ok=True)
    cases_out = [{"id": r.id, "category": r.category, "passed": r.passed} if blind
                 else {**asdict(r), "passed": r.passed} for r in results]
    report.write_text(json.dumps({"rates": rates, "cases": cases_out}, ensure_ascii=False, indent=2),
                      encoding="utf-8")
    print(f"Report written to {report}")
    problems = unmet_thresholds(rates, minimum, per_category)
    for problem in problems:
        print(f"THRESHOLD NOT MET{f' ({label})' if label else ''}: {problem}")
    return (1 if problems else 0), rates


def _size(case: dict[str, Any]) -> int:
    return sum(len(str(turn.get("user", ""))) + 200 for turn in case.get("turns", []))


async def play_longest_first(url: str, cases: list[dict[str, Any]]) -> list[CaseResult]:
    """Every case in one pool, the longest conversations first (a long one started last would run alone at the
    end); the results come back in the order of `cases`."""
    order = sorted(range(len(cases)), key=lambda i: -_size(cases[i]))
    by_index = dict(zip(order, await run_all(url, [cases[i] for i in order]), strict=True))
    return [by_index[i] for i in range(len(cases))]


def side_by_side(rates: dict[str, dict[str, dict[str, float]]]) -> str:
    """Per-category pass rates of several case sets in columns (a category a set lacks shows '-')."""
    labels = list(rates)
    categories = sorted({c for table in rates.values() for c in table if c != "overall"}) + ["overall"]
    width = max(24, *(len(c) for c in categories))
    lines = [f"{'category':<{width}} " + " ".join(f"{label:>18}" for label in labels)]
    for category in categories:
        if category == "overall":
            lines.append("-" * (width + 19 * len(labels)))
        cells = []
        for label in labels:
            row = rates[label].get(category)
            cells.append(f"{row['passed']:>4}/{row['total']:<4} {row['rate']:>7.1%}" if row else f"{'-':>18}")
        lines.append(f"{category:<{width}} " + " ".join(f"{cell:>18}" for cell in cells))
    return "\n".join(lines)


def evaluate_sets(url: str, sets: list[CaseSet], report: Path, minimum: float, per_category: dict[str, float],
                  verbose: bool) -> int:
    """Play every case set against the same running bot; print them side by side; non-zero when any set
    misses its thresholds."""
    loaded = [(case_set, load_cases(case_set.path)) for case_set in sets]
    everything = [case for _, cases in loaded for case in cases]
    print(f"Playing {len(everything)} cases of {len(sets)} set(s) against {url} ...", flush=True)
    results = asyncio.run(play_longest_first(url, everything))
    failed = 0
    all_rates: dict[str, dict[str, dict[str, float]]] = {}
    start = 0
    for case_set, cases in loaded:
        part, start = results[start:start + len(cases)], start + len(cases)
        path = report if len(sets) == 1 else report.with_name(f"{report.stem}-{case_set.label}{report.suffix}")
        code, rates = report_results(part, path, minimum if case_set.minimum is None else case_set.minimum,
                                     {**per_category, **case_set.per_category}, verbose, case_set.label,
                                     case_set.blind)
        failed |= code
        all_rates[case_set.label] = rates
        print()
    if len(sets) > 1:
        print("Pass rates side by side:")
        print(side_by_side(all_rates))
    return failed
