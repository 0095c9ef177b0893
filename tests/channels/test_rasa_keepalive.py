"""WEGWIJS_RASA_KEEPALIVE: with it off the gateway opens a new connection to Rasa for every turn (a Kubernetes
Service then spreads turns over every Rasa pod); with it on, turns share kept-alive connections. Measured on a
real HTTP/1.1 server on loopback that counts the connections it accepts."""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.chat.gateway import rasa_client


class _Counting(ThreadingHTTPServer):
    connections = 0

    def process_request(self, request, client_address):  # type: ignore[no-untyped-def]
        self.connections += 1
        super().process_request(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keeps the connection open unless the client closes it

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"[]"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[_Counting]:
    httpd = _Counting(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _turns(server: _Counting, count: int) -> None:
    url = f"http://127.0.0.1:{server.server_address[1]}/webhooks/rest/webhook"

    async def run() -> None:
        client = rasa_client()
        try:
            for _ in range(count):
                (await client.post(url, json={"sender": "s", "message": "hallo"})).raise_for_status()
        finally:
            await client.aclose()

    asyncio.run(run())


def test_without_keepalive_every_turn_opens_its_own_connection(server, monkeypatch):
    monkeypatch.setenv("WEGWIJS_RASA_KEEPALIVE", "0")
    _turns(server, 5)
    assert server.connections == 5


def test_with_keepalive_turns_share_a_connection(server, monkeypatch):
    monkeypatch.setenv("WEGWIJS_RASA_KEEPALIVE", "1")
    _turns(server, 5)
    assert server.connections == 1
