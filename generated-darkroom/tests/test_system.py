"""`client.system`: each operation against a local server."""

from __future__ import annotations

import asyncio
from typing import Any, Union, cast
from urllib.parse import urlsplit

from pydantic import TypeAdapter

from darkroom import AsyncDarkroom, Darkroom
from darkroom.resources.system import AsyncSystemResource, SystemResource
from darkroom.types.system_get_health_response import SystemGetHealthResponse

from .conftest import PREFER_EXAMPLE, MockServer

# The tests call the sync and the async resource through one function: the same arguments,
# checked by mypy against both signatures (the result is typed where it is used).
_Resource = Union[SystemResource, AsyncSystemResource]

_get_health_answer = cast(
    Any, {"status": "ok", "version": "1.4.0", "degraded_regions": []}
)


def _call_get_health(resource: _Resource) -> Any:
    return resource.get_health(
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_health(server: MockServer, result: SystemGetHealthResponse) -> None:
    assert isinstance(result, SystemGetHealthResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/health"
    assert result == TypeAdapter(SystemGetHealthResponse).validate_python(
        _get_health_answer
    )


def test_get_health(server: MockServer) -> None:
    server.respond(200, _get_health_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_get_health(client.system)
    _check_get_health(server, result)


def test_get_health_async(server: MockServer) -> None:
    server.respond(200, _get_health_answer)

    async def run() -> Any:
        async with AsyncDarkroom(
            base_url=server.url,
            username="test-token",
            password="test-token",
            api_key="test-token",
            download_key="test-token",
            session_cookie="test-token",
            max_retries=0,
        ) as client:
            return await _call_get_health(client.system)

    _check_get_health(server, asyncio.run(run()))
