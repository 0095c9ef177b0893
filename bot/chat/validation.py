"""Checks on incoming chat messages before they reach Rasa."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Optional

from bot.chat.messages import error

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
_ALLOWED_CONTROL = {"\n", "\r", "\t"}
_CHANNEL = re.compile(r"[a-z][a-z0-9_-]{0,31}")


def _has_binary(text: str) -> bool:
    return any(
        unicodedata.category(ch) in {"Cc", "Cs", "Co"} and ch not in _ALLOWED_CONTROL or ch == "\ufffd"
        for ch in text
    )


def message_problem(message: object) -> Optional[str]:
    """A clear, user-facing reason to reject the message, or None when it is fine."""
    if not isinstance(message, str) or not message.strip():
        return error("empty")
    if len(message) > MAX_MESSAGE_CHARS:
        return error("too_long", limit=MAX_MESSAGE_CHARS)
    if _has_binary(message):
        return error("binary")
    return None


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
