"""`client.feed`: each operation against a local server."""

from __future__ import annotations

import asyncio
from typing import Any, Union, cast
from urllib.parse import urlsplit

from pydantic import TypeAdapter

from darkroom import AsyncDarkroom, Darkroom
from darkroom.resources.feed import AsyncFeedResource, FeedResource
from darkroom.types.feed_list_feed_response import FeedListFeedResponse

from .conftest import PREFER_EXAMPLE, MockServer

# The tests call the sync and the async resource through one function: the same arguments,
# checked by mypy against both signatures (the result is typed where it is used).
_Resource = Union[FeedResource, AsyncFeedResource]

_list_feed_answer = cast(
    Any,
    {
        "events": [
            {
                "type": "photo.uploaded",
                "id": "evt_1",
                "occurred_at": "2026-05-02T09:12:44Z",
                "photo_id": "pho_8Jd2kq",
                "title": "Harbour at dawn",
            },
            {
                "type": "comment.added",
                "id": "evt_2",
                "occurred_at": "2026-05-02T10:03:10Z",
                "photo_id": "pho_8Jd2kq",
                "comment": {"author": "mira", "text": "Lovely light."},
            },
            {
                "type": "album.shared",
                "id": "evt_3",
                "occurred_at": "2026-05-03T18:30:00Z",
                "album_id": "alb_Q2r7",
                "shared_with": ["joao", "ines"],
            },
        ],
        "next_cursor": "c_20260503",
    },
)


def _call_list_feed(resource: _Resource) -> Any:
    return resource.list_feed(
        extra_headers=PREFER_EXAMPLE,
    )


def _check_list_feed(server: MockServer, result: FeedListFeedResponse) -> None:
    assert isinstance(result, FeedListFeedResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/feed"
    assert result == TypeAdapter(FeedListFeedResponse).validate_python(
        _list_feed_answer
    )


def test_list_feed(server: MockServer) -> None:
    server.respond(200, _list_feed_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_list_feed(client.feed)
    _check_list_feed(server, result)


def test_list_feed_async(server: MockServer) -> None:
    server.respond(200, _list_feed_answer)

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
            return await _call_list_feed(client.feed)

    _check_list_feed(server, asyncio.run(run()))
