"""Speed-ups for Rasa 3.6 internals, applied when Rasa loads our custom components.

Rasa validates every action server response with `jsonschema.validate`, which re-checks the (large,
constant) events schema on every call: a third of Rasa's CPU time per turn in our profile. Here the
validator is built and checked once; every response is still validated against the same schema.
"""
from __future__ import annotations

from typing import Any

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_validator = None


def _response_validator() -> Any:
    global _validator
    if _validator is None:
        schema = RemoteAction.action_response_format_spec()
        cls = validators.validator_for(schema)
        cls.check_schema(schema)
        _validator = cls(schema)
    return _validator


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        _response_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error


def apply() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
