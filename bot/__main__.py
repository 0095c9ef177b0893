"""Command line: python -m bot {run,eval,bench}."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from bot.config import ROOT, load_settings


def _parser() -> argparse.ArgumentParser:
    settings = load_settings()
    parser = argparse.ArgumentParser(prog="python -m bot", description="Wegwijs chatbot")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start actions, Rasa and the web gateway (Ctrl-C stops)")

    ev = commands.add_parser("eval", help="play evaluation cases against the running bot")
    ev.add_argument("cases", type=Path, help="YAML file of cases, e.g. ../shared/eval/dev-cases.yml")
    ev.add_argument("--url", default=f"{settings.web_url}/webhooks/rest/webhook")
    ev.add_argument("--report", type=Path, default=ROOT / "var" / "reports" / "eval.json")
    ev.add_argument("--min-overall", type=float, default=0.0, help="fail below this overall pass rate (0-1)")
    ev.add_argument("--min-category", action="append", metavar="NAME=FRACTION",
                    help="fail when a category is below FRACTION (repeatable)")
    ev.add_argument("-v", "--verbose", action="store_true", help="print every failed turn")
    ev.add_argument("--start", action="store_true", help="start the bot for this run and stop it afterwards")

    bench = commands.add_parser("bench", help="measure latency against the running bot")
    bench.add_argument("--rasa-url", default=settings.rasa_url)
    bench.add_argument("--web-url", default=settings.web_url)
    bench.add_argument("-n", type=int, default=60, help="requests per measurement")
    bench.add_argument("--report", type=Path, default=ROOT / "var" / "reports" / "bench.json")
    bench.add_argument("--start", action="store_true", help="start the bot for this run and stop it afterwards")
    return parser


def _with_stack(start: bool, work: Callable[[], int]) -> int:
    """Run `work` against the live bot, starting it first when asked."""
    if not start:
        return work()
    from bot.launcher import Stack
    stack = Stack(log_dir=ROOT / "var" / "logs")
    print("Starting the bot ...", flush=True)
    stack.start()
    try:
        return work()
    finally:
        stack.stop()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "run":
        from bot.launcher import run_forever
        run_forever()
        return 0
    return _with_stack(args.start, lambda: _run_command(args))


def _run_command(args: argparse.Namespace) -> int:
    if args.command == "eval":
        from bot.evaluate import evaluate, parse_category_thresholds
        return evaluate(args.url, args.cases, args.report, args.min_overall,
                        parse_category_thresholds(args.min_category), args.verbose)
    from bot.bench import bench
    return bench(args.rasa_url, args.web_url, args.n, args.report)


if __name__ == "__main__":
    sys.exit(main())
