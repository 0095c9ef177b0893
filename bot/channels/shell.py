"""Chat with the bot in a terminal: python -m bot shell [--url URL] [--lang en].

Talks to the gateway like every other channel. Without --url it uses the local gateway; when that is not
running, the command line (bot/__main__.py) hands in `start_bot`, which starts the whole stack and returns how
to stop it again on exit. /wis, /stop, Ctrl-D and Ctrl-C work.
"""
from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from typing import Optional, TextIO

from bot.channels.gateway_client import BotReply, GatewayClient
from bot.channels.texts import text
from bot.settings import load_settings

PROMPT = {"nl": "jij> ", "en": "you> "}
BOT_PREFIX = "wegwijs> "
QUIT = {"/stop", "/quit", "/exit"}
ERASE = {"/wis", "/erase"}
StartBot = Callable[[], Optional[Callable[[], None]]]  # starts the bot; returns how to stop it, None on failure


def _new_sender() -> str:
    return f"cli-{uuid.uuid4().hex[:12]}"


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


def run_shell(url: Optional[str], language: str = "nl", stdin: TextIO = sys.stdin, out: TextIO = sys.stdout,
              start_bot: Optional[StartBot] = None) -> int:
    base_url = url or load_settings().web_url
    client = GatewayClient(base_url, channel="cli")
    stop_bot = None
    try:
        if not client.reachable():
            if start_bot is None:
                print(text("shell", "cannot_connect", language, url=base_url), file=sys.stderr)
                return 2
            print(text("shell", "starting", language), file=out, flush=True)
            stop_bot = start_bot()
            if stop_bot is None:
                return 2
        try:
            chat_loop(client, language, stdin, out)
        except KeyboardInterrupt:  # Ctrl-C: leave quietly
            print(file=out)
        print(text("shell", "goodbye", language), file=out, flush=True)
        return 0
    finally:
        client.close()
        if stop_bot is not None:
            stop_bot()
