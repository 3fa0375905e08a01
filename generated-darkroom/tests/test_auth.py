"""`client.auth`: each operation against a local server."""

from __future__ import annotations

import asyncio
from typing import Any, Union, cast
from urllib.parse import urlsplit

from pydantic import TypeAdapter

from darkroom import AsyncDarkroom, Darkroom
from darkroom.resources.auth import AsyncAuthResource, AuthResource
from darkroom.types.auth_create_token_response import AuthCreateTokenResponse

from .conftest import PREFER_EXAMPLE, MockServer

# The tests call the sync and the async resource through one function: the same arguments,
# checked by mypy against both signatures (the result is typed where it is used).
_Resource = Union[AuthResource, AsyncAuthResource]

_create_token_answer = cast(
    Any,
    {
        "access_token": "drk_at_3f9c2a7b",
        "token_type": "bearer",
        "expires_in": 3600,
        "refresh_token": None,
        "scope": "photos:read photos:write",
    },
)


def _call_create_token(resource: _Resource) -> Any:
    return resource.create_token(
        grant_type="client_credentials",
        scope="photos:read photos:write",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_create_token(server: MockServer, result: AuthCreateTokenResponse) -> None:
    assert isinstance(result, AuthCreateTokenResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "POST"
    target = urlsplit(request.path)
    assert target.path == "/oauth/token"
    assert result == TypeAdapter(AuthCreateTokenResponse).validate_python(
        _create_token_answer
    )


def test_create_token(server: MockServer) -> None:
    server.respond(200, _create_token_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_create_token(client.auth)
    _check_create_token(server, result)


def test_create_token_async(server: MockServer) -> None:
    server.respond(200, _create_token_answer)

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
            return await _call_create_token(client.auth)

    _check_create_token(server, asyncio.run(run()))
