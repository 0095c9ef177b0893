"""A throwaway Redis server for tests (Debian's `redis-server`), loopback only, nothing written to disk.

    server = start_redis()   # port from WEGWIJS_TEST_REDIS_PORT, else any free loopback port
    server.stop()
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass

from tests.support.postgres import free_port

START_TIMEOUT_S = 20


class RedisUnavailable(RuntimeError):
    pass


@dataclass
class RedisServer:
    process: subprocess.Popen[bytes]
    port: int
    host: str = "127.0.0.1"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def start_redis(port: int | None = None) -> RedisServer:
    binary = shutil.which("redis-server")
    if binary is None:
        raise RedisUnavailable("redis-server not found: install Debian's 'redis-server' (scripts/setup.sh does).")
    port = port or int(os.environ.get("WEGWIJS_TEST_REDIS_PORT") or 0) or free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--protected-mode", "yes"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = RedisServer(process, port)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not _answers(server.host, port):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise RedisUnavailable(f"redis-server did not answer on port {port}")
        time.sleep(0.1)
    return server
