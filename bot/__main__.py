"""Command line: python -m bot {run,eval,bench,soak,shell,telegram,console,purge,erase}."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.console.cli import add_console_parser, run_console_command
from bot.operate.privacy_cli import COMMANDS as PRIVACY_COMMANDS
from bot.operate.privacy_cli import add_privacy_parsers, run_privacy_command
from bot.settings import ROOT, load_settings


def _parser() -> argparse.ArgumentParser:
    settings = load_settings()
    parser = argparse.ArgumentParser(prog="python -m bot", description="Wegwijs chatbot")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="start actions, Rasa and the web gateway (Ctrl-C stops)")
    run.add_argument("--instances", type=int, default=settings.instances,
                     help="Rasa + action server pairs behind the gateway (default WEGWIJS_INSTANCES or 1); "
                          "more than one needs PostgreSQL and Redis, see the README")

    ev = commands.add_parser("eval", help="play evaluation cases against the running bot")
    ev.add_argument("cases", nargs="+", metavar="[NAME=]CASES.yml[@overall=F,CATEGORY=F,blind]",
                    help="YAML file(s) of cases, e.g. ../shared/eval/dev-cases.yml; several are played against the "
                         "same bot and shown side by side, each with its own thresholds after '@'; '@blind' "
                         "(alone or among the thresholds) prints and saves pass rates only, never a failure")
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
    bench.add_argument("-n", type=int, default=120, help="requests per measurement and concurrency level")
    bench.add_argument("--levels", default="1,10,50", help="concurrency levels, comma-separated")
    bench.add_argument("--paced-seconds", type=float, default=20.0, help="duration of each paced measurement")
    bench.add_argument("--think", type=float, default=1.0, help="mean think time (s) of a paced sender")
    bench.add_argument("--report", type=Path, default=ROOT / "var" / "reports" / "bench.json")
    bench.add_argument("--start", action="store_true",
                       help="start the bot (measuring cold start and peak memory) and stop it afterwards")
    _add_soak_parser(commands, settings.web_url)

    shell = commands.add_parser("shell", help="chat with the bot in this terminal (starts it when not running)")
    shell.add_argument("--url", help=f"gateway to talk to (default {settings.web_url}; never starts the bot)")
    shell.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the shell's own texts")
    commands.add_parser("telegram", help="run the Telegram bridge alone (needs WEGWIJS_TELEGRAM_TOKEN)")
    add_console_parser(commands)
    add_privacy_parsers(commands)
    return parser


def _add_soak_parser(commands: Any, web_url: str) -> None:
    soak = commands.add_parser("soak", help="load the bot for minutes and watch its memory for growth")
    soak.add_argument("--web-url", default=web_url)
    soak.add_argument("--minutes", type=float, default=10.0, help="how long the senders keep chatting")
    soak.add_argument("--senders", type=int, default=20, help="simulated people chatting at once")
    soak.add_argument("--sample-seconds", type=float, default=10.0, help="memory and latency sample interval")
    soak.add_argument("--think", type=float, default=2.0, help="mean think time (s) between a sender's messages")
    soak.add_argument("--pid", action="append", metavar="NAME=PID",
                      help="a process to sample, with its children (repeatable)")
    soak.add_argument("--report", type=Path, default=ROOT / "var" / "reports" / "soak.json")
    soak.add_argument("--start", action="store_true",
                      help="start the bot, sample each of its services and stop it afterwards")


def _with_stack(start: bool, work: Callable[[], int]) -> int:
    """Run `work` against the live bot, starting it first when asked."""
    if not start:
        return work()
    from bot.operate.launcher import Stack
    stack = Stack(log_dir=ROOT / "var" / "logs")
    print("Starting the bot ...", flush=True)
    stack.start()
    try:
        return work()
    finally:
        stack.stop()


def start_for_shell(language: str) -> Callable[[], None] | None:
    """The shell found no local bot: start it (the shell stops it on exit); None when that failed."""
    from bot.channels.texts import text
    from bot.operate.launcher import Stack
    stack = Stack(log_dir=ROOT / "var" / "logs")
    try:
        stack.start()
    except (SystemExit, RuntimeError, TimeoutError, OSError) as problem:
        print(text("shell", "start_failed", language, reason=problem), file=sys.stderr)
        return None
    return stack.stop


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "eval":  # check every case file before starting the bot for them
        from bot.measure.dev_eval import load_cases, parse_case_set
        for spec in args.cases:
            load_cases(parse_case_set(spec).path)
    if args.command == "run":
        from bot.operate.launcher import run_forever
        return run_forever(args.instances)
    if args.command == "bench":
        return _bench(args)
    if args.command == "soak":
        return _soak(args)
    if args.command == "shell":
        from bot.channels.shell import run_shell
        return run_shell(args.url, args.lang, start_bot=None if args.url else lambda: start_for_shell(args.lang))
    if args.command == "telegram":
        from bot.channels.telegram.run import main as telegram_main
        return telegram_main()
    if args.command == "console":
        return run_console_command(args)
    if args.command in PRIVACY_COMMANDS:
        return run_privacy_command(args)
    return _with_stack(args.start, lambda: _run_command(args))


def _run_command(args: argparse.Namespace) -> int:
    if args.command == "eval":
        from bot.measure.dev_eval import evaluate_sets, parse_case_set, parse_category_thresholds
        return evaluate_sets(args.url, [parse_case_set(spec) for spec in args.cases], args.report,
                             args.min_overall, parse_category_thresholds(args.min_category), args.verbose)
    raise SystemExit(f"unknown command {args.command}")


def _bench(args: argparse.Namespace) -> int:
    from bot.measure.bench import BenchPlan, bench
    try:
        levels = tuple(int(level) for level in args.levels.split(","))
    except ValueError:
        raise SystemExit(f"--levels must be whole numbers separated by commas, got {args.levels!r}") from None
    plan = BenchPlan(levels=levels, per_level=args.n, paced_seconds=args.paced_seconds, think_s=args.think)
    return bench(args.rasa_url, args.web_url, plan, args.report, args.start)


def _soak(args: argparse.Namespace) -> int:
    from bot.measure.soak import SoakPlan, parse_pids, soak
    try:
        plan = SoakPlan(seconds=args.minutes * 60, senders=args.senders, sample_s=args.sample_seconds,
                        think_s=args.think)
    except ValueError as problem:
        raise SystemExit(str(problem)) from None
    return soak(args.web_url, plan, parse_pids(args.pid), args.report, args.start)


if __name__ == "__main__":
    sys.exit(main())
