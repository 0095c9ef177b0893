"""Checks on incoming chat messages before they reach Rasa."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Optional

from bot.chat.messages import error

# People in this situation write long messages: a whole story in one go (Telegram splits it into parts of
# 4,096 characters, which the bridge joins again). Longer ones get a kind reply, never an HTTP error.
MAX_MESSAGE_CHARS = 10_000
MAX_SENDER_CHARS = 128
# How long a client of the gateway (the channels, the evaluation) waits for one turn: past the gateway's longest
# wait for Rasa, which is twice WEGWIJS_RASA_TIMEOUT_S for a 10,000-character story (60 s by default).
CLIENT_TURN_WAIT_S = 90.0
_ALLOWED_CONTROL = {"\n", "\r", "\t"}
_CHANNEL = re.compile(r"[a-z][a-z0-9_-]{0,31}")


def _has_binary(text: str) -> bool:
    return any(
        unicodedata.category(ch) in {"Cc", "Cs", "Co"} and ch not in _ALLOWED_CONTROL or ch == "\ufffd"
        for ch in text
    )


def message_problem(message: object) -> Optional[str]:
    """A clear, user-facing reason to reject the message, or None when it is fine. Length is not checked
    here: see `too_long` (a message over the limit is answered, not rejected)."""
    if not isinstance(message, str) or not message.strip():
        return error("empty")
    if _has_binary(message):
        return error("binary")
    return None


def too_long(message: str) -> bool:
    return len(message) > MAX_MESSAGE_CHARS


def as_words(message: str) -> str:
    """The message as plain words for Rasa, which reads a message starting with "/" as an intent command
    ("/greet", "/situation_child{...}"). People never send those: the slash is dropped. Quick-choice buttons
    send their own text for the same reason. A message typed in capitals is read in lower case."""
    stripped = message.lstrip()
    if stripped.startswith("/"):
        message = stripped.lstrip("/").lstrip() or "?"
    return without_shouting(message)


SHOUTING_MIN_LETTERS = 12
SHOUTING_SHARE = 0.8


def without_shouting(message: str) -> str:
    """A message typed (nearly) all in capitals, in lower case: someone in panic or anger often types so, and the
    classifier learnt from ordinary writing (in capitals a child's story read as nothing it knew). Short messages
    and ordinary text with an acronym or two stay as they are."""
    letters = [ch for ch in message if ch.isalpha() and (ch.isupper() or ch.islower())]
    if len(letters) < SHOUTING_MIN_LETTERS:
        return message
    upper = sum(ch.isupper() for ch in letters)
    return message.lower() if upper >= SHOUTING_SHARE * len(letters) else message


def sender_problem(sender: object) -> Optional[str]:
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        return error("sender")
    if _has_binary(sender):
        return error("sender")
    return None


def channel_metadata(metadata: object) -> tuple[Optional[dict[str, Any]], Optional[str]]:
    """(metadata to pass on to Rasa, problem). Only a short `channel` name is passed on: Rasa stores
    metadata in the tracker, so anything else a client sends is dropped rather than written to disk."""
    if metadata is None:
        return None, None
    if not isinstance(metadata, dict):
        return None, error("metadata")
    channel = metadata.get("channel")
    if channel is None:
        return None, None
    if not isinstance(channel, str) or not _CHANNEL.fullmatch(channel):
        return None, error("metadata")
    return {"channel": channel}, None
