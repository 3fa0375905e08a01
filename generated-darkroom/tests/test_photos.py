"""`client.photos`: each operation against a local server."""

from __future__ import annotations

import asyncio
from typing import Any, Union, cast
from urllib.parse import parse_qsl, urlsplit

from pydantic import TypeAdapter

from darkroom import AsyncDarkroom, Darkroom
from darkroom.resources.photos import AsyncPhotosResource, PhotosResource
from darkroom.types.photo_explore_photos_response import PhotoExplorePhotosResponse
from darkroom.types.photo_get_photo_response import PhotoGetPhotoResponse
from darkroom.types.photo_list_edits_response import PhotoListEditsResponse
from darkroom.types.photo_list_photos_response import PhotoListPhotosResponse
from darkroom.types.photo_update_photo_response import PhotoUpdatePhotoResponse
from darkroom.types.photo_upload_photo_response import PhotoUploadPhotoResponse

from .conftest import PREFER_EXAMPLE, MockServer

# The tests call the sync and the async resource through one function: the same arguments,
# checked by mypy against both signatures (the result is typed where it is used).
_Resource = Union[PhotosResource, AsyncPhotosResource]

_explore_photos_answer = cast(
    Any,
    {
        "data": [
            {
                "id": "pho_8Jd2kq",
                "title": "Harbour at dawn",
                "description": None,
                "visibility": "public",
                "width": 6000,
                "height": 4000,
                "rotation": 0,
                "license": "cc-by",
                "taken_at": "2026-05-02T05:41:00Z",
                "uploaded_at": "2026-05-02T09:12:44Z",
                "tags": ["harbour", "dawn"],
                "camera": {"make": "Fujifilm", "model": "X-T5", "lens": None},
                "album_id": "alb_Q2r7",
                "download_count": 12,
            }
        ],
        "next_cursor": "string",
    },
)


def _call_explore_photos(resource: _Resource) -> Any:
    return resource.explore_photos(
        license_=cast(Any, ["cc-by", "cc0"]),
    )


def _check_explore_photos(
    server: MockServer, result: PhotoExplorePhotosResponse
) -> None:
    assert isinstance(result, PhotoExplorePhotosResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/explore"
    sent = parse_qsl(target.query, keep_blank_values=True)
    assert ("license", "cc-by,cc0") in sent
    assert result == TypeAdapter(PhotoExplorePhotosResponse).validate_python(
        _explore_photos_answer
    )


def test_explore_photos(server: MockServer) -> None:
    server.respond(200, _explore_photos_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_explore_photos(client.photos)
    _check_explore_photos(server, result)


def test_explore_photos_async(server: MockServer) -> None:
    server.respond(200, _explore_photos_answer)

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
            return await _call_explore_photos(client.photos)

    _check_explore_photos(server, asyncio.run(run()))


_list_photos_answer = cast(
    Any,
    {
        "data": [
            {
                "id": "pho_8Jd2kq",
                "title": "Harbour at dawn",
                "description": None,
                "visibility": "public",
                "width": 6000,
                "height": 4000,
                "rotation": 0,
                "license": "cc-by",
                "taken_at": "2026-05-02T05:41:00Z",
                "uploaded_at": "2026-05-02T09:12:44Z",
                "tags": ["harbour", "dawn"],
                "camera": {"make": "Fujifilm", "model": "X-T5"},
                "album_id": "alb_Q2r7",
                "download_count": 12,
            }
        ],
        "next_cursor": None,
    },
)


def _call_list_photos(resource: _Resource) -> Any:
    return resource.list_photos(
        extra_headers=PREFER_EXAMPLE,
    )


def _check_list_photos(server: MockServer, result: PhotoListPhotosResponse) -> None:
    assert isinstance(result, PhotoListPhotosResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/photos"
    assert result == TypeAdapter(PhotoListPhotosResponse).validate_python(
        _list_photos_answer
    )


def test_list_photos(server: MockServer) -> None:
    server.respond(200, _list_photos_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_list_photos(client.photos)
    _check_list_photos(server, result)


def test_list_photos_async(server: MockServer) -> None:
    server.respond(200, _list_photos_answer)

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
            return await _call_list_photos(client.photos)

    _check_list_photos(server, asyncio.run(run()))


_upload_photo_answer = cast(
    Any,
    {
        "id": "pho_8Jd2kq",
        "title": "Harbour at dawn",
        "description": None,
        "visibility": "public",
        "width": 6000,
        "height": 4000,
        "rotation": 0,
        "license": "cc-by",
        "taken_at": "2026-05-02T05:41:00Z",
        "uploaded_at": "2026-05-02T09:12:44Z",
        "tags": ["harbour", "dawn"],
        "camera": {"make": "Fujifilm", "model": "X-T5", "lens": None},
        "album_id": "alb_Q2r7",
        "download_count": 12,
    },
)


def _call_upload_photo(resource: _Resource) -> Any:
    return resource.upload_photo(
        file=b"example",
        idempotency_key_="2f1e9c6e-upload-1",
        title="Harbour at dawn",
        tags=cast(Any, ["harbour", "dawn"]),
    )


def _check_upload_photo(server: MockServer, result: PhotoUploadPhotoResponse) -> None:
    assert isinstance(result, PhotoUploadPhotoResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "POST"
    target = urlsplit(request.path)
    assert target.path == "/photos"
    assert result == TypeAdapter(PhotoUploadPhotoResponse).validate_python(
        _upload_photo_answer
    )


def test_upload_photo(server: MockServer) -> None:
    server.respond(201, _upload_photo_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_upload_photo(client.photos)
    _check_upload_photo(server, result)


def test_upload_photo_async(server: MockServer) -> None:
    server.respond(201, _upload_photo_answer)

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
            return await _call_upload_photo(client.photos)

    _check_upload_photo(server, asyncio.run(run()))


_get_photo_answer = cast(
    Any,
    {
        "id": "pho_8Jd2kq",
        "title": "Harbour at dawn",
        "description": None,
        "visibility": "public",
        "width": 6000,
        "height": 4000,
        "rotation": 0,
        "license": "cc-by",
        "taken_at": "2026-05-02T05:41:00Z",
        "uploaded_at": "2026-05-02T09:12:44Z",
        "tags": ["harbour", "dawn"],
        "camera": {"make": "Fujifilm", "model": "X-T5", "lens": None},
        "album_id": "alb_Q2r7",
        "download_count": 12,
    },
)


def _call_get_photo(resource: _Resource) -> Any:
    return resource.get_photo(
        photo_id="pho_8Jd2kq",
    )


def _check_get_photo(server: MockServer, result: PhotoGetPhotoResponse) -> None:
    assert isinstance(result, PhotoGetPhotoResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/photos/pho_8Jd2kq"
    assert result == TypeAdapter(PhotoGetPhotoResponse).validate_python(
        _get_photo_answer
    )


def test_get_photo(server: MockServer) -> None:
    server.respond(200, _get_photo_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_get_photo(client.photos)
    _check_get_photo(server, result)


def test_get_photo_async(server: MockServer) -> None:
    server.respond(200, _get_photo_answer)

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
            return await _call_get_photo(client.photos)

    _check_get_photo(server, asyncio.run(run()))


_update_photo_answer = cast(
    Any,
    {
        "id": "pho_8Jd2kq",
        "title": "Harbour at dawn",
        "description": None,
        "visibility": "public",
        "width": 6000,
        "height": 4000,
        "rotation": 0,
        "license": "cc-by",
        "taken_at": "2026-05-02T05:41:00Z",
        "uploaded_at": "2026-05-02T09:12:44Z",
        "tags": ["harbour", "dawn"],
        "camera": {"make": "Fujifilm", "model": "X-T5", "lens": None},
        "album_id": "alb_Q2r7",
        "download_count": 12,
    },
)


def _call_update_photo(resource: _Resource) -> Any:
    return resource.update_photo(
        photo_id="pho_8Jd2kq",
        description="Taken from the north pier.",
    )


def _check_update_photo(server: MockServer, result: PhotoUpdatePhotoResponse) -> None:
    assert isinstance(result, PhotoUpdatePhotoResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "PATCH"
    target = urlsplit(request.path)
    assert target.path == "/photos/pho_8Jd2kq"
    assert request.body == {"description": "Taken from the north pier."}
    assert result == TypeAdapter(PhotoUpdatePhotoResponse).validate_python(
        _update_photo_answer
    )


def test_update_photo(server: MockServer) -> None:
    server.respond(200, _update_photo_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_update_photo(client.photos)
    _check_update_photo(server, result)


def test_update_photo_async(server: MockServer) -> None:
    server.respond(200, _update_photo_answer)

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
            return await _call_update_photo(client.photos)

    _check_update_photo(server, asyncio.run(run()))


def _call_delete_photo(resource: _Resource) -> Any:
    return resource.delete_photo(
        photo_id="pho_8Jd2kq",
    )


def _check_delete_photo(server: MockServer) -> None:
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "DELETE"
    target = urlsplit(request.path)
    assert target.path == "/photos/pho_8Jd2kq"


def test_delete_photo(server: MockServer) -> None:
    server.respond_empty(204)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        _call_delete_photo(client.photos)
    _check_delete_photo(server)


def test_delete_photo_async(server: MockServer) -> None:
    server.respond_empty(204)

    async def run() -> None:
        async with AsyncDarkroom(
            base_url=server.url,
            username="test-token",
            password="test-token",
            api_key="test-token",
            download_key="test-token",
            session_cookie="test-token",
            max_retries=0,
        ) as client:
            await _call_delete_photo(client.photos)

    asyncio.run(run())
    _check_delete_photo(server)


def _call_get_original(resource: _Resource) -> Any:
    return resource.get_original(
        photo_id="pho_8Jd2kq",
    )


def _check_get_original(server: MockServer, result: bytes) -> None:
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/photos/pho_8Jd2kq/original"
    assert isinstance(result, bytes)


def test_get_original(server: MockServer) -> None:
    server.respond(200, None)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_get_original(client.photos)
    _check_get_original(server, result)


def test_get_original_async(server: MockServer) -> None:
    server.respond(200, None)

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
            return await _call_get_original(client.photos)

    _check_get_original(server, asyncio.run(run()))


def _call_get_exif(resource: _Resource) -> Any:
    return resource.get_exif(
        photo_id="pho_8Jd2kq",
    )


def _check_get_exif(server: MockServer, result: str) -> None:
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/photos/pho_8Jd2kq/exif"
    assert isinstance(result, str)


def test_get_exif(server: MockServer) -> None:
    server.respond(200, None)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_get_exif(client.photos)
    _check_get_exif(server, result)


def test_get_exif_async(server: MockServer) -> None:
    server.respond(200, None)

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
            return await _call_get_exif(client.photos)

    _check_get_exif(server, asyncio.run(run()))


def _call_download_photo(resource: _Resource) -> Any:
    return resource.download_photo(
        photo_id="pho_8Jd2kq",
    )


def _check_download_photo(server: MockServer) -> None:
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/photos/pho_8Jd2kq/download"


def test_download_photo(server: MockServer) -> None:
    server.respond_empty(302)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        _call_download_photo(client.photos)
    _check_download_photo(server)


def test_download_photo_async(server: MockServer) -> None:
    server.respond_empty(302)

    async def run() -> None:
        async with AsyncDarkroom(
            base_url=server.url,
            username="test-token",
            password="test-token",
            api_key="test-token",
            download_key="test-token",
            session_cookie="test-token",
            max_retries=0,
        ) as client:
            await _call_download_photo(client.photos)

    asyncio.run(run())
    _check_download_photo(server)


_list_edits_answer = cast(
    Any,
    [
        {"kind": "Crop", "left": 120, "top": 0, "width": 5400, "height": 3600},
        {"kind": "Rotate", "degrees": 90},
        {"kind": "Filter", "name": "monochrome", "strength": 0.6},
    ],
)


def _call_list_edits(resource: _Resource) -> Any:
    return resource.list_edits(
        photo_id="pho_8Jd2kq",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_list_edits(server: MockServer, result: PhotoListEditsResponse) -> None:
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert target.path == "/photos/pho_8Jd2kq/edits"
    assert result == TypeAdapter(PhotoListEditsResponse).validate_python(
        _list_edits_answer
    )


def test_list_edits(server: MockServer) -> None:
    server.respond(200, _list_edits_answer)
    with Darkroom(
        base_url=server.url,
        username="test-token",
        password="test-token",
        api_key="test-token",
        download_key="test-token",
        session_cookie="test-token",
        max_retries=0,
    ) as client:
        result = _call_list_edits(client.photos)
    _check_list_edits(server, result)


def test_list_edits_async(server: MockServer) -> None:
    server.respond(200, _list_edits_answer)

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
            return await _call_list_edits(client.photos)

    _check_list_edits(server, asyncio.run(run()))
