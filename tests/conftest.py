"""Shared fixtures: the generated package on sys.path and a real recording HTTP server.

The server listens on 127.0.0.1 on a free port, records every request (method, raw path with
query, headers, body) and answers with queued replies; with an empty queue it answers
`200 {}`. It lives for the whole session; the `server` fixture resets it for each test.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
SPEC_PATH = ROOT / "spec" / "livestream.yaml"


def _installed_here() -> None:
    """The tests run `python -m sdkwright`: it must be this checkout's, installed editable."""
    spec = importlib.util.find_spec("sdkwright")
    origin = Path(spec.origin).resolve() if spec and spec.origin else None
    if origin is None or origin.parent != ROOT / "generator":
        pytest.exit(f"sdkwright is not installed from this checkout ({origin or 'not installed'}); "
                    "run the README's test command: python3 -m pip install -e '.[test]' ...",
                    returncode=2)


_installed_here()

_CACHE_KEY = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """The suite's black cache is its own temporary folder, for this process and, through
    the environment, every subprocess: the user's ~/.cache/sdkwright is never written."""
    folder = tempfile.mkdtemp(prefix="sdkwright-test-cache-")
    config.stash[_CACHE_KEY] = folder
    os.environ["SDKWRIGHT_CACHE_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_CACHE_KEY, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

# API prefix of the spec's server URL (https://api.cloudflare.com/client/v4).
API_PREFIX = "/client/v4"
TOKEN = "test-token-Sn3lZJTBX6kkg7OdcBUA"

_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    target: str
    """The raw request target as sent on the wire: path plus `?query`."""
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def raw_query(self) -> str:
        return self.target.split("?", 1)[1] if "?" in self.target else ""

    @property
    def query(self) -> list[tuple[str, str]]:
        return parse_qsl(urlsplit(self.target).query, keep_blank_values=True)

    def header_values(self, name: str) -> list[str]:
        """Every value sent for header `name` (case-insensitive), in wire order."""
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def header(self, name: str) -> str | None:
        values = self.header_values(name)
        assert len(values) <= 1, f"header {name!r} sent {len(values)} times: {values}"
        return values[0] if values else None

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b"{}"
    delay: float = 0.0
    """Seconds the handler waits before answering (for timeout tests)."""


def _encode_body(body: object) -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode()
    return json.dumps(body).encode()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out and hung up makes the late write fail; that is expected.
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)


class RecordingServer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._replies: deque[Reply] = deque()
        self._httpd = _QuietServer(("127.0.0.1", 0), self._handler())
        self.port: int = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.base_url = self.url + API_PREFIX
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def last(self) -> RecordedRequest:
        requests = self.requests
        assert requests, "the server saw no request"
        return requests[-1]

    def reset(self) -> None:
        with self._lock:
            self._requests.clear()
            self._replies.clear()

    def enqueue(
        self,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        body: object = b"{}",
        *,
        delay: float = 0.0,
    ) -> None:
        """Queue one reply; `body` is bytes, text, or a value to send as JSON."""
        with self._lock:
            self._replies.append(Reply(status, dict(headers or {}), _encode_body(body), delay))

    def queue(self, *replies: tuple[int, Mapping[str, str], object]) -> None:
        for status, headers, body in replies:
            self.enqueue(status, headers, body)

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _record(self, request: RecordedRequest) -> Reply:
        with self._lock:
            self._requests.append(request)
            return self._replies.popleft() if self._replies else Reply()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                reply = server._record(
                    RecordedRequest(
                        method=self.command,
                        target=self.path,
                        headers=tuple(self.headers.items()),
                        body=raw,
                    )
                )
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                names = {k.lower() for k in reply.headers}
                if "content-type" not in names:
                    self.send_header("Content-Type", "application/json")
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture(scope="session")
def _recording_server() -> Iterator[RecordingServer]:
    srv = RecordingServer()
    yield srv
    srv.close()


@pytest.fixture
def server(_recording_server: RecordingServer) -> Iterator[RecordingServer]:
    _recording_server.reset()
    yield _recording_server
    _recording_server.reset()


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No CLOUDFLARE_* settings from the outer environment, and no proxy for 127.0.0.1."""
    for name in ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_BASE_URL", *_PROXY_VARS):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@lru_cache(maxsize=1)
def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as fh:
        spec: dict[str, Any] = yaml.safe_load(fh)
    return spec


def spec_operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    """(HTTP method, path template, operation object) of an operationId in the spec."""
    for path, item in load_spec()["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return method.upper(), path, operation
    raise KeyError(operation_id)


def spec_example(operation_id: str, status: str = "200") -> Any:
    """The `example` of an operation's JSON response in the spec."""
    _, _, operation = spec_operation(operation_id)
    return operation["responses"][status]["content"]["application/json"]["example"]
