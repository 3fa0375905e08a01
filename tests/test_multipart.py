"""Multipart uploads as a server receives them.

A generated client sends tests/fixtures/bodies/uploads.yaml's upload to a real HTTP server on
127.0.0.1, which parses the multipart body with the standard library's MIME parser. OpenAPI's
default encodings must hold: a file is a part with its filename and type, an object (or a list
of objects) is one `application/json` part, a list of scalars is one part per item, and a
boolean is its JSON spelling. (Prism 5 cannot check such a request: it reads every part as
one string, so it rejects the object, list and repeated parts that OpenAPI prescribes.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import FIXTURES, describe, generate, python

SPEC = FIXTURES / "bodies" / "uploads.yaml"

# Sends one upload to a recording server started here and prints what the server received,
# part by part, as JSON.
SEND = r"""
import json, threading
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from uploads import Uploads

received = []

class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        raw = self.rfile.read(int(self.headers["Content-Length"]))
        head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + raw)
        for part in message.iter_parts():
            received.append({
                "name": part.get_param("name", header="content-disposition"),
                "filename": part.get_filename(),
                "type": part.get_content_type() if "content-type" in part else None,
                "content": part.get_payload(decode=True).decode(),
            })
        body = b'{"id": "d1"}'
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=httpd.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{httpd.server_address[1]}"
with Uploads(base_url=url, max_retries=0) as client:
    result = client.documents.upload_document(
        file=("notes.txt", b"hello", "text/plain"),
        metadata={"title": "Notes", "pages": 2},
        tags=["a", "b"],
        authors=[{"name": "Ada"}],
        draft=True,
    )
print(json.dumps({"id": result.id, "parts": received}))
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(SPEC, tmp_path_factory.mktemp("uploads") / "out")


def test_multipart_parts_use_openapi_default_encodings(out: Path) -> None:
    proc = python("-c", SEND, cwd=out)
    assert proc.returncode == 0, describe(proc)
    result: dict[str, Any] = json.loads(proc.stdout)
    assert result["id"] == "d1"
    parts = [(p["name"], p["filename"], p["type"], p["content"]) for p in result["parts"]]
    assert parts == [
        ("file", "notes.txt", "text/plain", "hello"),
        ("metadata", None, "application/json", '{"title":"Notes","pages":2}'),
        ("tags", None, None, "a"),
        ("tags", None, None, "b"),
        ("authors", None, "application/json", '[{"name":"Ada"}]'),
        ("draft", None, None, "true"),
    ]

