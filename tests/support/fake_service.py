"""A stand-in service for launcher tests: answers GET /health with 200 on the given port, optionally after a
delay or never, and keeps a child process of its own (like a server's worker); it writes both pids to a file.

    python -m tests.support.fake_service PORT PIDFILE [--answer-after S | --never-answer]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Health(BaseHTTPRequestHandler):
    ready_at = 0.0
    answers = True

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        ok = self.answers and self.path == "/health" and time.monotonic() >= self.ready_at
        self.send_response(200 if ok else 503)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("pidfile", type=Path)
    parser.add_argument("--answer-after", type=float, default=0.0)
    parser.add_argument("--never-answer", action="store_true")
    args = parser.parse_args()
    worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)"])
    args.pidfile.write_text(f"{os.getpid()} {worker.pid}\n")
    Health.ready_at = time.monotonic() + args.answer_after
    Health.answers = not args.never_answer
    ThreadingHTTPServer(("127.0.0.1", args.port), Health).serve_forever()


if __name__ == "__main__":
    main()
