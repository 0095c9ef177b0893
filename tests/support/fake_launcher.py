"""`python -m bot run` with stand-in services instead of Rasa and friends, for the launcher's stop tests:

    python -m tests.support.fake_launcher DIR PORT...   (one fake service per port; pid files in DIR)
"""
from __future__ import annotations

import sys
from pathlib import Path

from bot.operate.launcher import Service, Stack, run_stack
from bot.settings import load_settings


def fake_services(directory: Path, ports: list[int], *extra: str) -> list[Service]:
    return [Service(f"fake{i}", [sys.executable, "-m", "tests.support.fake_service", str(port),
                                 str(directory / f"fake{i}.worker"), *extra], f"http://127.0.0.1:{port}/health")
            for i, port in enumerate(ports)]


def main() -> int:
    directory, ports = Path(sys.argv[1]), [int(port) for port in sys.argv[2:]]
    stack = Stack(load_settings(), log_dir=directory / "logs", service_list=fake_services(directory, ports))
    return run_stack(stack)


if __name__ == "__main__":
    sys.exit(main())
