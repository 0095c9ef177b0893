"""Chat with the bot in a terminal: python -m bot shell [--url URL] [--lang en].

Talks to the gateway like every other channel. Without --url it uses the local gateway and starts the
whole stack when it is not running (and stops it again on exit). /wis, /stop, Ctrl-D and Ctrl-C work.
"""
from __future__ import annotations

import sys
import uuid
from typing import Optional, TextIO

from bot.channels.gateway_client import BotReply, GatewayClient
from bot.channels.texts import text
from bot.config import ROOT, load_settings
from bot.launcher import Stack

PROMPT = {"nl": "jij> ", "en": "you> "}
BOT_PREFIX = "wegwijs> "
QUIT = {"/stop", "/quit", "/exit"}
ERASE = {"/wis", "/erase"}


def _new_sender() -> str:
    return f"cli-{uuid.uuid4().hex[:12]}"


def _start_stack(language: str, out: TextIO) -> Optional[Stack]:
    print(text("shell", "starting", language), file=out, flush=True)
    stack = Stack(log_dir=ROOT / "var" / "logs")
    try:
        stack.start()
    except (SystemExit, RuntimeError, TimeoutError, OSError) as problem:
        print(text("shell", "start_failed", language, reason=problem), file=sys.stderr)
        return None
    return stack


def _show(replies: list[BotReply], out: TextIO) -> dict[str, str]:
    """Print the replies; returns what typing a button's number or title sends."""
    choices: dict[str, str] = {}
    for reply in replies:
        print(BOT_PREFIX + reply.text, file=out, flush=True)
        if reply.choices:
            print("   " + "  ".join(f"[{i}] {c.title}" for i, c in enumerate(reply.choices, 1)), file=out, flush=True)
            choices = {str(i): c.payload for i, c in enumerate(reply.choices, 1)}
            choices.update({c.title.casefold(): c.payload for c in reply.choices})
    return choices


def chat_loop(client: GatewayClient, language: str, stdin: TextIO, out: TextIO) -> None:
    sender = _new_sender()
    choices: dict[str, str] = {}
    print(text("shell", "intro", language), file=out, flush=True)
    while True:
        print(PROMPT[language], end="", file=out, flush=True)
        line = stdin.readline()
        if not line:  # Ctrl-D / end of input
            print(file=out)
            return
        message = line.strip()
        if not message:
            continue
        if message.lower() in QUIT:
            return
        if message.lower() in ERASE:
            key = "erased" if client.erase(sender) else "erase_failed"
            print(text("shell", key, language), file=out, flush=True)
            sender = _new_sender()
            continue
        message = choices.get(message.casefold(), message)
        choices = _show(client.send(sender, message, language), out)


def run_shell(url: Optional[str], language: str = "nl", stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    base_url = url or load_settings().web_url
    client = GatewayClient(base_url, channel="cli")
    stack = None
    try:
        if not client.reachable():
            if url:
                print(text("shell", "cannot_connect", language, url=base_url), file=sys.stderr)
                return 2
            stack = _start_stack(language, out)
            if stack is None:
                return 2
        try:
            chat_loop(client, language, stdin, out)
        except KeyboardInterrupt:  # Ctrl-C: leave quietly
            print(file=out)
        print(text("shell", "goodbye", language), file=out, flush=True)
        return 0
    finally:
        client.close()
        if stack is not None:
            stack.stop()
