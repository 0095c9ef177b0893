"""Logging for channel processes: secrets never reach a log line, libraries stay quiet.

httpx logs every request URL at INFO, and Telegram Bot API URLs contain the bot token; python-telegram-bot
puts the token in some exception texts and logs request parameters (message text) at DEBUG.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

REDACTED = "[REDACTED]"
QUIET_LOGGERS = ("httpx", "httpcore", "telegram", "uvicorn.access", "apscheduler")


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then cuts every secret out of the finished line (message, arguments, traceback)."""

    def __init__(self, secrets: Iterable[str], fmt: str | None = None) -> None:
        super().__init__(fmt or "%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))

    def redact(self, line: str) -> str:
        for secret in self.secrets:
            line = line.replace(secret, REDACTED)
        return line


def configure(secrets: Iterable[str], level: int = logging.INFO) -> RedactingFormatter:
    """Route all logging through one redacting handler on stderr; libraries log warnings and worse only."""
    formatter = RedactingFormatter(secrets)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)  # warnings go through the same handler
    sys.excepthook = _log_uncaught  # a crash's traceback is redacted too
    return formatter


def _log_uncaught(kind: type[BaseException], value: BaseException, trace: object) -> None:
    logging.getLogger("wegwijs").critical("uncaught exception", exc_info=(kind, value, trace))  # type: ignore[arg-type]

