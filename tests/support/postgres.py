"""A throwaway PostgreSQL server for tests, built from Debian's `postgresql` binaries.

    server = start_postgres()             # initdb + pg_ctl start in a temp dir, loopback only
    server.pause(); server.resume()       # stop and start again, data kept (fault tests)
    url = server.create_database("x")     # postgresql+psycopg://... (SQLAlchemy 2, psycopg 3)
    rasa_url = psycopg2_url(url)          # postgresql://... (Rasa's SQLAlchemy 1.4 + psycopg2)
    server.stop()

Run as root, the cluster belongs to the `postgres` user (initdb refuses root). The port comes from
WEGWIJS_TEST_PG_PORT, else any free loopback port.
"""
from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from urllib.parse import quote

USER = "wegwijs"
START_TIMEOUT_S = 60


class PostgresUnavailable(RuntimeError):
    pass


def find_bin_dir() -> Path:
    """The newest /usr/lib/postgresql/<version>/bin that has initdb and pg_ctl."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if not candidates:
        raise PostgresUnavailable(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb). Install Debian's "
            "'postgresql' package; scripts/setup.sh does this ('apt-get install postgresql').")
    return Path(candidates[-1]).parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def psycopg2_url(url: str) -> str:
    """The same database for Rasa (SQLAlchemy 1.4 with psycopg2)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@dataclass
class PostgresServer:
    bin_dir: Path
    base_dir: Path
    port: int
    password: str
    run_as: Optional[str]
    host: str = "127.0.0.1"
    user: str = USER

    @property
    def data_dir(self) -> Path:
        return self.base_dir / "data"

    def url(self, database: str = "postgres", driver: str = "psycopg") -> str:
        scheme = f"postgresql+{driver}" if driver else "postgresql"
        return f"{scheme}://{self.user}:{quote(self.password, safe='')}@{self.host}:{self.port}/{database}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=START_TIMEOUT_S, cwd=self.base_dir)

    def _check(self, result: subprocess.CompletedProcess[str], what: str) -> None:
        if result.returncode != 0:
            log = self.base_dir / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise PostgresUnavailable(f"{what} failed ({result.returncode}): {result.stderr.strip()}\n{tail}")

    def init_and_start(self) -> None:
        pwfile = self.base_dir / "pw"
        pwfile.write_text(self.password)
        self._chown(pwfile)
        self._check(self._run("initdb", "-D", str(self.data_dir), "-U", self.user, f"--pwfile={pwfile}",
                              "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"), "initdb")
        pwfile.unlink()
        self.resume()

    def resume(self) -> None:
        """Start the server (again)."""
        options = f"-p {self.port} -k {self.base_dir} -c listen_addresses={self.host} -c fsync=off"
        self._check(self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.base_dir / "server.log"),
                              "-o", options, "-w", "-t", str(START_TIMEOUT_S), "start"), "pg_ctl start")

    def pause(self) -> None:
        """Stop the server, keeping its data (fault tests): clients are disconnected, new ones refused."""
        self._check(self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop"), "pg_ctl stop")

    def create_database(self, name: str) -> str:
        """A new empty database; returns its psycopg (v3) SQLAlchemy URL."""
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user=self.user, password=self.password,
                             dbname="postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.data_dir.exists():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.base_dir, ignore_errors=True)

    def _chown(self, path: Path) -> None:
        if self.run_as:
            entry = pwd.getpwnam(self.run_as)
            os.chown(path, entry.pw_uid, entry.pw_gid)


def start_postgres(port: Optional[int] = None) -> PostgresServer:
    """Start a fresh cluster on 127.0.0.1; raises PostgresUnavailable with the reason when it cannot."""
    bin_dir = find_bin_dir()
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError as error:
            raise PostgresUnavailable("running as root but there is no 'postgres' user to own the cluster") \
                from error
        run_as = "postgres"
    base_dir = Path(tempfile.mkdtemp(prefix="wegwijs-pg-"))
    port = port or int(os.environ.get("WEGWIJS_TEST_PG_PORT") or 0) or free_port()
    server = PostgresServer(bin_dir, base_dir, port, secrets.token_urlsafe(16), run_as)
    server._chown(base_dir)
    try:
        server.init_and_start()
    except BaseException:
        server.stop()
        raise
    return server
