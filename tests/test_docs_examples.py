"""Every generated docs page's Python example runs, unchanged, against a real local server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import API_PREFIX, GENERATED, TOKEN, RecordedRequest, RecordingServer

pytestmark = pytest.mark.usefixtures("clean_env")

DOCS = GENERATED / "docs"
PAGES = sorted(DOCS.rglob("*.md"))


@dataclass(frozen=True)
class Page:
    method: str
    path_template: str
    code: str
    example_response: Any


def _fenced(text: str, lang: str, after: int = 0) -> str | None:
    match = re.compile(rf"^```{lang}[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M).search(text, after)
    return match.group(1) if match else None


def parse_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    route = re.search(r"^\*\*([A-Z]+)\*\* `([^`]+)`", text, re.M)
    assert route, f"{path}: no **METHOD** `path` line"
    code = _fenced(text, "python")
    assert code, f"{path}: no ```python block"
    example: Any = {}
    heading = re.search(r"^#+ Example response[ \t]*$", text, re.M)
    if heading:
        block = _fenced(text, "json", heading.end())
        assert block is not None, f"{path}: 'Example response' without a ```json block"
        example = json.loads(block)
    return Page(route.group(1), route.group(2), code, example)


def _path_regex(template: str) -> str:
    parts = re.split(r"(\{[^}]+\})", template)
    body = "".join("[^/?#]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.escape(API_PREFIX) + body


def run_snippet(code: str, server: RecordingServer) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["CLOUDFLARE_API_TOKEN"] = TOKEN
    env["CLOUDFLARE_BASE_URL"] = server.base_url
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(GENERATED), env.get("PYTHONPATH", "")) if p)
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_docs_pages_exist() -> None:
    assert PAGES, f"no docs pages under {DOCS}"


def _check_request(request: RecordedRequest, page: Page) -> None:
    assert request.method == page.method
    assert re.fullmatch(_path_regex(page.path_template), request.path), (
        request.path,
        page.path_template,
    )
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    assert request.header("Accept") == "application/json"


@pytest.mark.parametrize("page_path", PAGES, ids=[p.stem for p in PAGES])
def test_docs_example_runs(server: RecordingServer, page_path: Path) -> None:
    """The page's example, answered with the page's own example response."""
    page = parse_page(page_path)
    assert "from cloudflare_realtime import" in page.code
    server.enqueue(200, body=page.example_response)
    proc = run_snippet(page.code, server)
    assert proc.returncode == 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    requests = server.requests
    assert len(requests) == 1, [r.target for r in requests]
    _check_request(requests[0], page)


def test_docs_examples_run_with_empty_replies(server: RecordingServer) -> None:
    """Every page's example, answered `200 {}`, all in one interpreter (each in fresh globals)."""
    pages = [parse_page(p) for p in PAGES]
    for _ in pages:
        server.enqueue(200, body={})
    runner = "\n".join(
        f"exec(compile({page.code!r}, {str(path)!r}, 'exec'), {{'__name__': '__main__'}})"
        for path, page in zip(PAGES, pages, strict=True)
    )
    proc = run_snippet(runner, server)
    assert proc.returncode == 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    requests = server.requests
    assert len(requests) == len(pages), [r.target for r in requests]
    for request, page in zip(requests, pages, strict=True):
        _check_request(request, page)
