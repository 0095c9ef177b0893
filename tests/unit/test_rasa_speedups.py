"""The cached action-response validator still accepts good and rejects bad action server responses."""
from __future__ import annotations

import subprocess
import textwrap

from bot.settings import ROOT

RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"

SCRIPT = textwrap.dedent("""
    import nlu.policies  # applies the speed-up, as when Rasa loads the model
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction
    from nlu.rasa_speedups import _validate_action_result
    assert RemoteAction._validate_action_result is _validate_action_result
    action = RemoteAction("action_reply", None)
    good = {"events": [{"event": "slot", "name": "role", "value": "citizen"}], "responses": [{"text": "hoi"}]}
    assert action._validate_action_result(good)
    for bad in ({"events": [{"event": "no_such_event"}]}, {"responses": "not a list"}, {"events": "x"}):
        try:
            action._validate_action_result(bad)
        except ValidationError as error:
            assert "Failed to validate Action server response" in error.message
        else:
            raise SystemExit(f"accepted an invalid response: {bad}")
    print("ok")
""")


def test_cached_validator_keeps_validating() -> None:
    run = subprocess.run([str(RASA_PYTHON), "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().endswith("ok")
