"""`client.albums`: each operation against a local server."""

from __future__ import annotations

import asyncio
from typing import Any, Union, cast
from urllib.parse import urlsplit

from pydantic import TypeAdapter

from darkroom import AsyncDarkroom, Darkroom
from darkroom.resources.albums import AlbumsResource, AsyncAlbumsResource
from darkroom.types.album_create_album_response import AlbumCreateAlbumResponse
from darkroom.types.album_get_album_response import AlbumGetAlbumResponse

from .conftest import PREFER_EXAMPLE, MockServer

# The tests call the sync and the async resource through one function: the same arguments,
# checked by mypy against both signatures (the result is typed where it is used).
_Resource = Union[AlbumsResource, AsyncAlbumsResource]

_create_album_answer = cast(
    Any,
    {
        "id": "string",
        "title": "string",
        "visibility": "public",
        "cover_photo_id": "string",
        "photo_ids": ["string"],
        "albums": [],
    },
)


def _call_create_album(resource: _Resource) -> Any:
    return resource.create_album(
        title="Lisbon 2026",
    )


def _check_create_album(server: MockServer, result: AlbumCreateAlbumResponse) -> None:
    assert isinstance(result, AlbumCreateAlbumResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "POST"
    target = urlsplit(request.path)
    assert target.path == "/albums"
    assert request.body == {"title": "Lisbon 2026"}
    assert result == TypeAdapter(AlbumCreateAlbumResponse).validate_python(
        _create_album_answer
    )


def test_create_album(server: MockServer) -> None:
    server.respond(201, _create_album_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_create_album(client.albums)
    _check_create_album(server, result)


def test_create_album_async(server: MockServer) -> None:
    server.respond(201, _create_album_answer)

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
            return await _call_create_album(client.albums)

    _check_create_album(server, asyncio.run(run()))


_get_album_answer = cast(
    Any,
    {
        "id": "alb_Q2r7",
        "title": "Lisbon 2026",
        "visibility": "unlisted",
        "cover_photo_id": "pho_8Jd2kq",
        "photo_ids": ["pho_8Jd2kq"],
        "albums": [
            {
                "id": "alb_Z81c",
                "title": "Alfama",
                "visibility": "unlisted",
                "cover_photo_id": None,
                "photo_ids": [],
                "albums": [],
            }
        ],
    },
)


def _call_get_album(resource: _Resource) -> Any:
    return resource.get_album(
        album_id="alb_Q2r7",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_album(server: MockServer, result: AlbumGetAlbumResponse) -> None:
    assert isinstance(result, AlbumGetAlbumResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/albums/alb_Q2r7"
    assert result == TypeAdapter(AlbumGetAlbumResponse).validate_python(
        _get_album_answer
    )


def test_get_album(server: MockServer) -> None:
    server.respond(200, _get_album_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_get_album(client.albums)
    _check_get_album(server, result)


def test_get_album_async(server: MockServer) -> None:
    server.respond(200, _get_album_answer)

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
            return await _call_get_album(client.albums)

    _check_get_album(server, asyncio.run(run()))
