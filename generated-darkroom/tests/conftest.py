"""The server the tests call.

By default a real HTTP server on 127.0.0.1 that records requests and answers with a canned
response. With SDKWRIGHT_TEST_BASE_URL set (for example to a Prism mock of the same spec), the
tests call that server instead and check only what it cannot vary: a 2xx answer that parses
into the declared type.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List, Tuple, Type

import pytest

# Sent by tests of operations whose answer the spec declares a valid example for, or that
# has no schema: this RFC 7240 preference asks a mock server that invents answers from
# schemas (Prism's --dynamic) for the spec's example instead. Other servers ignore it.
PREFER_EXAMPLE = {"Prefer": "dynamic=false"}


@dataclass
class Recorded:
    method: str
    path: str
    headers: Dict[str, str]
    body: Any


def _decode(raw: bytes, content_type: str) -> Any:
    if not raw:
        return None
    return json.loads(raw) if "json" in content_type else raw


class MockServer:
    remote = False

    def __init__(self) -> None:
        self.requests: List[Recorded] = []
        self._reply: Tuple[int, bytes] = (200, b"{}")
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def respond(self, status: int, body: Any) -> None:
        """Answer every following request with `status` and `body` as JSON; forget earlier
        requests."""
        self.requests.clear()
        self._reply = (status, json.dumps(body).encode())

    def respond_empty(self, status: int) -> None:
        self.requests.clear()
        self._reply = (status, b"")

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler(self) -> Type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                server.requests.append(
                    Recorded(
                        self.command,
                        self.path,
                        dict(self.headers.items()),
                        _decode(raw, self.headers.get("Content-Type", "")),
                    )
                )
                status, payload = server._reply
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


class RemoteServer(MockServer):
    """A server we do not control: nothing is recorded and replies cannot be chosen."""

    remote = True

    def __init__(self, url: str) -> None:
        self.requests = []
        self.url = url.rstrip("/")

    def respond(self, status: int, body: Any) -> None:
        pass

    def respond_empty(self, status: int) -> None:
        pass

    def close(self) -> None:
        pass


@pytest.fixture(scope="session")
def server() -> Iterator[MockServer]:
    remote = os.environ.get("SDKWRIGHT_TEST_BASE_URL")
    mock = RemoteServer(remote) if remote else MockServer()
    yield mock
    mock.close()
