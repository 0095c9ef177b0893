"""Rasa's command line with redacting logs: `python -m nlu.rasa_main run ...` (bot/operate/launcher.py).

Adds the API token (WEGWIJS_RASA_TOKEN) to `rasa run`. Installs the log redaction (bot/privacy/logredact.py)
before Rasa configures its logging, and puts the redacting structlog processor in place of Rasa's own
anonymiser hook, which is a no-op without a plugin. Two start-up savings: the model archive is unpacked once per
archive (nlu/model_unpack.py), and jax is not imported (TensorFlow's TFLite helpers import it when installed,
about 2-4 s of every start; Rasa never converts a model to TFLite).
Runs in the Rasa venv (Python 3.10).
"""
from __future__ import annotations

import sys

from bot.privacy import logredact
from bot.settings import setting
from nlu import model_unpack

TOKEN_ENV = "WEGWIJS_RASA_TOKEN"


def _with_token(argv: list[str]) -> list[str]:
    """`rasa run` with --auth-token from WEGWIJS_RASA_TOKEN, added here so no process list shows it."""
    token = setting(TOKEN_ENV)
    if len(argv) < 2 or argv[1] != "run" or not token or "--auth-token" in argv:
        return argv
    return [argv[0], "run", "--auth-token", token, *argv[2:]]


def main() -> None:
    logredact.install()
    sys.argv = _with_token(sys.argv)
    sys.modules.setdefault("jax", None)  # `import jax` raises ImportError, which TensorFlow expects without jax
    model_unpack.install()
    from rasa import __main__ as rasa_cli
    from rasa.utils import log_utils

    log_utils._anonymizer = logredact.structlog_processor  # read when configure_structlog builds the chain
    rasa_cli.main()


if __name__ == "__main__":
    main()
