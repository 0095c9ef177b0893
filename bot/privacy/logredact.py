"""Redacting logs in every process: whatever a library logs (message, arguments, traceback, warning,
structlog field) passes through `redact()` before a handler sees it.

    install()  # once, at the start of a process (gateway, console, action server, Rasa)

A log record factory covers every `logging` logger, including third-party ones and records created before
a handler is configured. Tracebacks are formatted and redacted up front (the handler reuses `exc_text`).
`warnings.showwarning` is wrapped too (Rasa warns with the message text when it starts with "/").
Runs inside Rasa (Python 3.10): standard library only, plus the redactor.
"""
from __future__ import annotations

import logging
import sys
import traceback
import warnings
from collections.abc import Callable, Mapping
from typing import Any

from bot.privacy.redact import redact
from bot.settings import setting

PLACEHOLDER = "[WEGGELATEN]"
# structlog fields that hold what a person wrote; with WEGWIJS_STORE=none they are left out altogether.
TEXT_FIELDS = frozenset({"text", "user_text", "user_message", "message", "response_text", "parse_data_text",
                         "tracker_latest_message", "json_message", "token_text"})
_installed = False


def scrub_text(text: str) -> str:
    """The redacted text; never raises (a log line must not fail because of the redactor)."""
    try:
        return redact(text)
    except Exception:  # noqa: BLE001 - on any redactor failure drop the text rather than log it raw
        return PLACEHOLDER


def scrub_value(value: Any, depth: int = 0) -> Any:
    """Strings redacted, containers walked (structlog fields, tracker dicts); other values as they are."""
    if isinstance(value, str):
        return scrub_text(value)
    if depth > 8:
        return PLACEHOLDER
    if isinstance(value, Mapping):
        return {key: scrub_value(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [scrub_value(item, depth + 1) for item in value]
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    return scrub_text(repr(value))


def scrub_record(record: logging.LogRecord) -> logging.LogRecord:
    """Format the message and traceback now, redacted; the handler then formats plain strings."""
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a broken format string: keep only the template
        message = str(record.msg)
    record.msg, record.args = scrub_text(message), None
    if record.exc_info and not record.exc_text:
        record.exc_text = scrub_text("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
    if record.stack_info:
        record.stack_info = scrub_text(record.stack_info)
    return record


def structlog_processor(_logger: Any, _name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """A structlog processor: every field redacted (Rasa logs `text=` of a failed or cancelled turn); with
    WEGWIJS_STORE=none fields with the person's text are dropped altogether."""
    drop = setting("WEGWIJS_STORE") == "none"
    exc_info = event_dict.pop("exc_info", None)
    scrubbed = {key: PLACEHOLDER if drop and key in TEXT_FIELDS else scrub_value(value)
                for key, value in event_dict.items()}
    if exc_info:  # formatted here without frame locals (structlog's dict_tracebacks would list them)
        scrubbed["exception"] = _exception_text(exc_info)
    return scrubbed


def _exception_text(exc_info: Any) -> str:
    if isinstance(exc_info, BaseException):
        exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
    elif not isinstance(exc_info, tuple):
        exc_info = sys.exc_info()
    if exc_info[0] is None:
        return ""
    return scrub_text("".join(traceback.format_exception(*exc_info)).rstrip("\n"))


def _wrap_factory(factory: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return scrub_record(factory(*args, **kwargs))

    return make


def _wrap_showwarning(show: Callable[..., None]) -> Callable[..., None]:
    def showwarning(message: Any, category: type[Warning], filename: str, lineno: int,
                    file: Any = None, line: Any = None) -> None:
        show(scrub_text(str(message)), category, filename, lineno, file, line)

    return showwarning


def install() -> None:
    """Redact every log record and warning of this process from now on; safe to call twice."""
    global _installed
    if _installed:
        return
    _installed = True
    logging.setLogRecordFactory(_wrap_factory(logging.getLogRecordFactory()))
    warnings.showwarning = _wrap_showwarning(warnings.showwarning)
