"""Speed-ups for Rasa 3.6 internals, applied when Rasa loads our custom components.

Rasa validates every action server response with `jsonschema.validate`, which re-checks the (large,
constant) events schema on every call: a third of Rasa's CPU time per turn in our profile. Here the
validator is built and checked once; every response is still validated against the same schema.

Loading a trained DIET model for inference, Rasa first trains it for one step on an example (compile with
Adam, fit) only to create its variables, then loads the weights: that traces the whole training graph with
gradients and optimizer slots, about 20 s and 800 MB of Rasa's start. For inference the variables are
created by the first prediction instead, and the checkpoint restores each one as it is created (TensorFlow's
restore-on-create); the optimizer slots in the checkpoint are not needed. Fine-tuning loads as before.
That first prediction traces DIET's prediction graph without AutoGraph: its Python branches depend only on
the configuration, never on a tensor, so the graph is the same, and converting the source cost about 4 s of
every start (tests/nlu/diet_load_probe.py checks that the predictions are identical to Rasa's loading).
"""
from __future__ import annotations

from typing import Any

import tensorflow as tf
from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.utils.tensorflow.models import RasaModel

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


_rasa_load = RasaModel.load.__func__  # type: ignore[attr-defined]


def _load_for_inference(cls: type[RasaModel], model_file_name: str, model_data_example: Any,
                        predict_data_example: Any = None, finetune_mode: bool = False, *args: Any,
                        **kwargs: Any) -> RasaModel:
    if finetune_mode or predict_data_example is None:
        return _rasa_load(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                          *args, **kwargs)
    model = cls(*args, **kwargs)
    restored = model.load_weights(model_file_name)  # restore-on-create: nothing exists yet
    model.predict_step = tf.autograph.experimental.do_not_convert(model.predict_step)
    model.run_inference(predict_data_example)  # creates (and so restores) every variable inference uses
    restored.expect_partial()  # the optimizer's slots are only for training further
    return model


def apply() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    RasaModel.load = classmethod(_load_for_inference)  # type: ignore[method-assign, assignment]
