"""The action server with redacting logs and contained failures:
`python -m bot.operate.action_server --actions actions`.

rasa_sdk answers an action's exception with HTTP 500 and the whole tracker (every message of the
conversation) in the body, which Rasa then logs with the traceback. Here an exception is logged by its type
only and the action answers the safe fallback text, so the person still gets a route (112, Veilig Thuis).

Fault injection for the end-to-end privacy tests, off unless set: a user message containing
WEGWIJS_FAULT_CRASH_MARKER makes the action raise (with the message in the exception), one containing
WEGWIJS_FAULT_SLOW_MARKER makes it sleep WEGWIJS_FAULT_SLOW_S seconds (default 5).
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import __main__ as sdk_cli
from rasa_sdk.executor import ActionExecutor, ActionExecutorRunResult
from rasa_sdk.interfaces import ActionExecutionRejection, ActionMissingDomainException, ActionNotFoundException

from bot.chat.messages import fallback
from bot.privacy import logredact
from bot.settings import setting

logger = logging.getLogger("wegwijs.actions")
_PASSED_ON = (ActionExecutionRejection, ActionNotFoundException, ActionMissingDomainException)
_original_run = ActionExecutor.run


class InjectedFault(RuntimeError):
    """Raised on purpose (WEGWIJS_FAULT_CRASH_MARKER) to test the error path."""


def _latest_text(action_call: dict[str, Any]) -> str:
    tracker = action_call.get("tracker") or {}
    return str((tracker.get("latest_message") or {}).get("text") or "")


def _language(action_call: dict[str, Any]) -> str:
    slots = (action_call.get("tracker") or {}).get("slots") or {}
    return "en" if slots.get("language") == "en" else "nl"


async def _inject_fault(action_call: dict[str, Any]) -> None:
    text = _latest_text(action_call)
    crash = setting("WEGWIJS_FAULT_CRASH_MARKER")
    if crash and crash in text:
        raise InjectedFault(f"injected fault while handling {text!r}")
    slow = setting("WEGWIJS_FAULT_SLOW_MARKER")
    if slow and slow in text:
        await asyncio.sleep(setting("WEGWIJS_FAULT_SLOW_S"))


async def contained_run(self: ActionExecutor, action_call: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
    """ActionExecutor.run, but an exception becomes the fallback reply and a log line with its type only."""
    try:
        await _inject_fault(action_call)
        return await _original_run(self, action_call, *args, **kwargs)
    except _PASSED_ON:
        raise
    except Exception as problem:  # noqa: BLE001 - any bug in an action must not leak the tracker
        logger.error("action %s failed: %s", action_call.get("next_action"), type(problem).__name__)
        return ActionExecutorRunResult(events=[], responses=[{"text": fallback(_language(action_call))}])


def install() -> None:
    """Applied on import: Sanic's worker process imports this module again (as __mp_main__), not main()."""
    logredact.install()
    ActionExecutor.run = contained_run  # type: ignore[method-assign]


install()


def main() -> None:
    sdk_cli.main()


if __name__ == "__main__":
    main()
