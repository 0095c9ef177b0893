"""The parts of a clean start and stop: a latch for stop signals, free-port checks, process groups that end
together, and the short start-up status list."""
from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Optional, TextIO
from urllib.parse import urlsplit

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
PR_SET_PDEATHSIG = 1


class StopLatch:
    """Remembers the first stop signal and ignores every later one, so a stop that is already running is never
    interrupted (a process group's SIGTERM reaches the launcher twice under make: from the kernel and from
    make itself). The handler only sets a flag: nothing is raised in the middle of a spawn or a stop, and no
    lock is taken (a handler that takes a lock the interrupted code holds would wait forever)."""

    def __init__(self) -> None:
        self._set = False
        self.signal_name: Optional[str] = None

    def install(self) -> None:
        for number in STOP_SIGNALS:
            signal.signal(number, self._handle)

    def _handle(self, signum: int, frame: object) -> None:
        if self.signal_name is None:
            self.signal_name = signal.Signals(signum).name
        self._set = True

    def set(self) -> None:
        self._set = True

    def is_set(self) -> bool:
        return self._set

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`, in short steps so a signal is seen within 0.1 s; True once set."""
        deadline = time.monotonic() + seconds
        while not self._set and time.monotonic() < deadline:
            time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
        return self._set


def taken_ports(urls: Iterable[tuple[str, str]]) -> list[str]:
    """'NAME HOST:PORT' for every (name, url) whose port another program already listens on. SO_REUSEADDR
    like the servers, so a socket of a stopped server that lingers in TIME_WAIT does not count."""
    taken = []
    for name, url in urls:
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port
        if port is None:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, port))
            except OSError:
                taken.append(f"{name} {host}:{port}")
    return taken


def _die_with_parent() -> None:
    """In the child before exec: get SIGTERM when the launcher dies, even by SIGKILL (Linux only)."""
    libc = _LIBC
    if libc is not None:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _load_libc() -> Optional[ctypes.CDLL]:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _load_libc()


def spawn_group(command: list[str], **popen: object) -> subprocess.Popen[bytes]:
    """A child in a session (process group) of its own, so Ctrl-C in the terminal reaches only the launcher,
    which then ends each group whole, grandchildren included."""
    return subprocess.Popen(command, start_new_session=True, preexec_fn=_die_with_parent, **popen)  # type: ignore[call-overload]


def end_groups(processes: Iterable[Optional[subprocess.Popen[bytes]]], grace_s: float = 10.0) -> None:
    """SIGTERM to every still running process group at once; SIGKILL to whatever of a group (leader, workers)
    still runs after grace_s. Returns when no member of any group runs any more."""
    waitable = [p for p in processes if p is not None]
    # every group that still has a member, also when its leader already ended (a crashed server's workers)
    groups = [p.pid for p in waitable if p.poll() is None or group_members(p.pid)]
    for group in groups:
        _signal_group(group, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for process in waitable:
        if process.pid not in groups:
            continue
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    if not _wait_groups_empty(groups, deadline):
        for group in groups:
            _signal_group(group, signal.SIGKILL)
        _wait_groups_empty(groups, time.monotonic() + 5.0)
    for process in waitable:
        process.wait()


def group_members(group: int) -> list[int]:
    """Running (not zombie) processes of a process group, from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[2] == str(group) and fields[0] not in ("Z", "X"):
            members.append(int(stat.parent.name))
    return members


def _wait_groups_empty(groups: list[int], deadline: float) -> bool:
    while any(group_members(group) for group in groups):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True


def _signal_group(group: int, number: int) -> None:
    try:
        os.killpg(group, number)
    except (ProcessLookupError, PermissionError):
        pass


class StartupReport:
    """The start-up status list: one line per service when it answers, a progress line while waiting."""

    def __init__(self, out: TextIO = sys.stdout, every_s: float = 15.0, clock: Callable[[], float] = time.monotonic):
        self.out, self.every_s, self.clock = out, every_s, clock
        self.started = clock()
        self._last_progress = self.started

    def _say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def ready(self, name: str, url: Optional[str]) -> None:
        where = f"  {url}" if url else ""
        self._say(f"  ok    {name:<10} {self.clock() - self.started:5.0f} s{where}")

    def waiting(self, names: list[str]) -> None:
        now = self.clock()
        if names and now - self._last_progress >= self.every_s:
            self._last_progress = now
            self._say(f"  ...   waiting for {', '.join(names)} ({now - self.started:.0f} s)")

    def failed(self, name: str, reason: str) -> None:
        self._say(f"  FAIL  {name:<10} {reason}")
