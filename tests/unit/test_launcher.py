"""The launcher's start and stop with stand-in services (tests/support/fake_service.py): the status list, a
taken port, a service that dies or never answers, and stop signals, however many, to the whole group."""
from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.operate.launcher import Service, Stack
from bot.operate.lifecycle import StartupReport, taken_ports
from bot.settings import ROOT, load_settings
from tests.support.fake_launcher import fake_services
from tests.support.postgres import free_port


@pytest.fixture(autouse=True)
def _var_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEGWIJS_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WEGWIJS_SENDER_KEY", "k" * 32)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


def pids_in(directory: Path) -> list[int]:
    """Every fake service that started and the worker each one started."""
    return [int(pid) for p in sorted(directory.glob("*.worker")) for pid in p.read_text().split()]


def port_free(port: int) -> bool:
    return not taken_ports([("probe", f"http://127.0.0.1:{port}")])


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    running = Stack(load_settings(), log_dir=tmp_path / "logs",
                    service_list=fake_services(tmp_path, [free_port(), free_port()]))
    running.startup_timeout_s = 30
    yield running
    running.stop()


def test_start_lists_every_service_and_stop_ends_them_and_their_workers(stack, tmp_path):
    out = io.StringIO()
    stack.start(StartupReport(out))
    lines = out.getvalue().splitlines()
    assert sorted(line.split()[1] for line in lines if line.strip().startswith("ok")) == ["fake0", "fake1"]
    pids = pids_in(tmp_path)
    assert len(pids) == 4 and all(alive(pid) for pid in pids)
    stack.stop()
    assert not any(alive(pid) for pid in pids)
    stack.stop()  # a second stop does nothing and raises nothing


def test_stop_ends_the_workers_of_a_service_whose_main_process_died(stack, tmp_path):
    stack.start()
    leader, worker = (int(pid) for pid in (tmp_path / "fake0.worker").read_text().split())
    os.kill(leader, signal.SIGKILL)
    stack.services[0].process.wait()
    assert alive(worker)  # orphaned, still in the service's process group
    stack.stop()
    assert not alive(worker)


def test_refuses_to_start_when_a_port_is_taken(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        stack = Stack(load_settings(), service_list=fake_services(tmp_path, [free_port(), port]))
        with pytest.raises(SystemExit, match=f"fake1 127.0.0.1:{port}"):
            stack.start()
    assert all(service.process is None for service in stack.services)  # nothing was started


def test_a_service_that_dies_during_start_stops_the_others(tmp_path):
    services = fake_services(tmp_path, [free_port()])
    services.append(Service("broken", [sys.executable, "-c", "raise SystemExit(3)"],
                            f"http://127.0.0.1:{free_port()}/health"))
    stack = Stack(load_settings(), log_dir=tmp_path / "logs", service_list=services)
    out = io.StringIO()
    with pytest.raises(RuntimeError, match="broken exited with code 3"):
        stack.start(StartupReport(out))
    assert "FAIL  broken" in out.getvalue()
    assert not any(alive(pid) for pid in pids_in(tmp_path))


def test_a_service_that_never_answers_is_not_reported_running(tmp_path):
    services = fake_services(tmp_path, [free_port()], "--never-answer")
    stack = Stack(load_settings(), service_list=services)
    stack.startup_timeout_s = 2
    with pytest.raises(TimeoutError, match="fake0"):
        stack.start()
    assert not any(alive(pid) for pid in pids_in(tmp_path))


def launch_under_make(tmp_path: Path, ports: list[int]) -> subprocess.Popen[str]:
    """Like `make run`: make starts the launcher; both are in one new process group."""
    makefile = tmp_path / "Makefile"
    makefile.write_text(f"run:\n\t@{sys.executable} -m tests.support.fake_launcher {tmp_path} "
                        + " ".join(map(str, ports)) + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(["make", "-s", "-f", str(makefile), "run"], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def read_until(process: subprocess.Popen[str], marker: str) -> str:
    seen = ""
    for line in process.stdout:
        seen += line
        if marker in line:
            return seen
    raise AssertionError(f"the launcher ended before {marker!r}: {seen}{process.stderr.read()}")


@pytest.mark.parametrize("signals", [[signal.SIGTERM],
                                     [signal.SIGTERM, signal.SIGTERM, signal.SIGINT, signal.SIGHUP] * 10])
def test_signals_to_the_group_of_make_run_stop_every_child_once(tmp_path, signals):
    ports = [free_port(), free_port()]
    process = launch_under_make(tmp_path, ports)
    before = read_until(process, "Wegwijs is running")
    assert before.count("  ok  ") == 2
    pids = pids_in(tmp_path)
    assert len(pids) == 4 and all(alive(pid) for pid in pids)
    for number in signals:
        os.killpg(process.pid, number)
    rest, err = process.communicate(timeout=60)
    assert "Traceback" not in err, err
    assert rest.count("Stopped.") == 1
    assert not any(alive(pid) for pid in pids)
    assert all(port_free(port) for port in ports)
