"""Do danger messages get 112 (or 113) in the bot's reply, and would they without the safety alarm?

    python -m bot.measure.reply_safety --url http://127.0.0.1:8000/webhooks/rest/webhook tuning_danger_t
    python -m bot.measure.reply_safety --blind heldout_danger_s     # totals only, never a message

Each acute or suicidal message of a safety set (tests/safety/NAME.yml) is sent as a new conversation to the live
bot. Three figures per set and label:
- alarm: the reply starts with the safety net's 112 or 113 message (the detectors fired);
- reply: 112 (acute) or 113 (suicide) appears anywhere in the reply;
- backup: the rest of the reply, without the alarm message, still gives that number. This is what a person gets
  when the detectors miss: the route's own text ("Ben je nu in gevaar, bel dan 112") or the lifeline.
Misses are listed for tuning sets; `--blind` prints the totals only.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from actions.watch_line import NUMBER, gives
from bot.measure.dev_eval import run_all

ROOT = Path(__file__).resolve().parents[2]
SAFETY_DIR = ROOT / "tests" / "safety"
DOMAIN = ROOT / "domain.yml"
ALARMS = ("utter_safety_acute", "utter_safety_suicide")
DEFAULT_URL = "http://127.0.0.1:8000/webhooks/rest/webhook"


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def alarm_texts(domain: Path = DOMAIN) -> list[str]:
    """Every language's text of the safety net's two messages, as the bot sends them."""
    responses = yaml.safe_load(domain.read_text(encoding="utf-8"))["responses"]
    return [_plain(variant["text"]) for name in ALARMS for variant in responses[name]]


def without_alarm(reply: str, alarms: list[str]) -> tuple[bool, str]:
    """Whether the reply carries an alarm message, and the reply with every alarm message taken out."""
    text = _plain(reply)
    rest = text
    for alarm in alarms:
        rest = rest.replace(alarm, " ")
    return rest != text, _plain(rest)


@dataclass
class Outcome:
    label: str
    text: str
    alarm: bool
    reply: bool
    backup: bool


def judge(label: str, text: str, reply: str, alarms: list[str]) -> Outcome:
    number = NUMBER[label]
    alarmed, rest = without_alarm(reply, alarms)
    return Outcome(label=label, text=text, alarm=alarmed, reply=gives(number, _plain(reply)),
                   backup=gives(number, rest))


def danger_messages(name: str) -> list[dict[str, str]]:
    path = SAFETY_DIR / f"{name}.yml"
    if not path.is_file():
        raise SystemExit(f"No safety set {path}")
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [item for item in items if item.get("label") in NUMBER]


async def play(url: str, name: str, alarms: list[str], concurrency: int) -> list[Outcome]:
    messages = danger_messages(name)
    cases = [{"id": f"{name}-{i}", "category": m["label"], "turns": [{"user": m["text"]}]}
             for i, m in enumerate(messages)]
    results = await run_all(url, cases, concurrency=concurrency)
    return [judge(m["label"], m["text"], r.turns[0].reply, alarms) for m, r in zip(messages, results, strict=True)]


def figures(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for label in ("acute", "suicide", "all"):
        chosen = [o for o in outcomes if label in ("all", o.label)]
        if not chosen:
            continue
        n = len(chosen)
        table[label] = {"n": n, "alarm": sum(o.alarm for o in chosen) / n, "reply": sum(o.reply for o in chosen) / n,
                        "backup": sum(o.backup for o in chosen) / n}
    return table


def print_figures(name: str, table: dict[str, dict[str, float]]) -> None:
    for label, row in table.items():
        print(f"{name:22s} {label:8s} n={int(row['n']):4d}  alarm {row['alarm']:.3f}  reply {row['reply']:.3f}"
              f"  backup (without the alarm) {row['backup']:.3f}", flush=True)


def print_misses(outcomes: list[Outcome]) -> None:
    for o in outcomes:
        if not o.backup:
            mark = "NO ROUTE" if not o.reply else "alarm only"
            print(f"    [{o.label} {mark}] {o.text[:140]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", help="safety set names in tests/safety (without .yml)")
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--blind", action="store_true", help="print totals only, never a message")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--report", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)
    alarms = alarm_texts()
    report: dict[str, Any] = {}
    for name in args.sets:
        outcomes = asyncio.run(play(args.url, name, alarms, args.concurrency))
        report[name] = figures(outcomes)
        print_figures(name, report[name])
        if not args.blind:
            print_misses(outcomes)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
