"""`client.realtime_kit.livestreams`: each operation against a local server."""

from __future__ import annotations

import asyncio
from typing import Any, Union, cast
from urllib.parse import parse_qsl, urlsplit

from pydantic import TypeAdapter

from cloudflare_realtime import AsyncCloudflare, Cloudflare
from cloudflare_realtime.resources.realtime_kit.livestreams import (
    AsyncRealtimeKitLivestreamsResource,
    RealtimeKitLivestreamsResource,
)
from cloudflare_realtime.types.realtime_kit.livestream_get_active_livestreams_for_livestream_id_response import (
    LivestreamGetActiveLivestreamsForLivestreamIdResponse,
)
from cloudflare_realtime.types.realtime_kit.livestream_get_all_livestreams_response import (
    LivestreamGetAllLivestreamsResponse,
)
from cloudflare_realtime.types.realtime_kit.livestream_get_livestream_analytics_complete_response import (
    LivestreamGetLivestreamAnalyticsCompleteResponse,
)
from cloudflare_realtime.types.realtime_kit.livestream_get_livestream_analytics_daywise_response import (
    LivestreamGetLivestreamAnalyticsDaywiseResponse,
)
from cloudflare_realtime.types.realtime_kit.livestream_get_livestream_session_details_for_session_id_response import (
    LivestreamGetLivestreamSessionDetailsForSessionIdResponse,
)
from cloudflare_realtime.types.realtime_kit.livestream_get_livestream_session_for_livestream_id_response import (
    LivestreamGetLivestreamSessionForLivestreamIdResponse,
)
from cloudflare_realtime.types.realtime_kit.livestream_get_meeting_active_livestreams_response import (
    LivestreamGetMeetingActiveLivestreamsResponse,
)
from cloudflare_realtime.types.realtime_kit.livestream_get_org_analytics_response import (
    LivestreamGetOrgAnalyticsResponse,
)
from cloudflare_realtime.types.realtime_kit.livestream_start_livestreaming_a_meeting_response import (
    LivestreamStartLivestreamingAMeetingResponse,
)
from cloudflare_realtime.types.realtime_kit.livestream_stop_livestreaming_a_meeting_response import (
    LivestreamStopLivestreamingAMeetingResponse,
)

from .conftest import PREFER_EXAMPLE, MockServer

# The tests call the sync and the async resource through one function: the same arguments,
# checked by mypy against both signatures (the result is typed where it is used).
_Resource = Union[RealtimeKitLivestreamsResource, AsyncRealtimeKitLivestreamsResource]

_start_livestreaming_a_meeting_answer = cast(
    Any,
    {
        "data": {
            "id": "7088bba8-f522-49a8-b59b-3cd0e946bbb0",
            "ingest_server": "rtmps://live.cloudflare.com:443/live/",
            "playback_url": "https://customer-s8oj0c1n5ek8ah1e.cloudflarestream.com/7de6a3fec0f9c05bf1df140950d3a237/manifest/video.m3u8",
            "status": "INVOKED",
            "stream_key": "f26566285faca6fbe2e79a73a66rsrrsrrsr3cde23a2bb7dbc6c2c1761b98f4e4",
        },
        "success": True,
    },
)


def _call_start_livestreaming_a_meeting(resource: _Resource) -> Any:
    return resource.start_livestreaming_a_meeting(
        meeting_id="182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        app_id="app_id",
        name="prdmmp-xhycsl",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_start_livestreaming_a_meeting(
    server: MockServer, result: LivestreamStartLivestreamingAMeetingResponse
) -> None:
    assert isinstance(result, LivestreamStartLivestreamingAMeetingResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "POST"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/meetings/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e/livestreams"
    )
    assert request.body == {"name": "prdmmp-xhycsl"}
    assert result == TypeAdapter(
        LivestreamStartLivestreamingAMeetingResponse
    ).validate_python(_start_livestreaming_a_meeting_answer)


def test_start_livestreaming_a_meeting(server: MockServer) -> None:
    server.respond(200, _start_livestreaming_a_meeting_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_start_livestreaming_a_meeting(client.realtime_kit.livestreams)
    _check_start_livestreaming_a_meeting(server, result)


def test_start_livestreaming_a_meeting_async(server: MockServer) -> None:
    server.respond(200, _start_livestreaming_a_meeting_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_start_livestreaming_a_meeting(
                client.realtime_kit.livestreams
            )

    _check_start_livestreaming_a_meeting(server, asyncio.run(run()))


_stop_livestreaming_a_meeting_answer = cast(
    Any, {"data": {"message": "Stopped livestreaming of the meeting."}, "success": True}
)


def _call_stop_livestreaming_a_meeting(resource: _Resource) -> Any:
    return resource.stop_livestreaming_a_meeting(
        meeting_id="182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        app_id="app_id",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_stop_livestreaming_a_meeting(
    server: MockServer, result: LivestreamStopLivestreamingAMeetingResponse
) -> None:
    assert isinstance(result, LivestreamStopLivestreamingAMeetingResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "POST"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/meetings/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e/active-livestream/stop"
    )
    assert result == TypeAdapter(
        LivestreamStopLivestreamingAMeetingResponse
    ).validate_python(_stop_livestreaming_a_meeting_answer)


def test_stop_livestreaming_a_meeting(server: MockServer) -> None:
    server.respond(200, _stop_livestreaming_a_meeting_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_stop_livestreaming_a_meeting(client.realtime_kit.livestreams)
    _check_stop_livestreaming_a_meeting(server, result)


def test_stop_livestreaming_a_meeting_async(server: MockServer) -> None:
    server.respond(200, _stop_livestreaming_a_meeting_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_stop_livestreaming_a_meeting(
                client.realtime_kit.livestreams
            )

    _check_stop_livestreaming_a_meeting(server, asyncio.run(run()))


_get_all_livestreams_answer = cast(
    Any,
    {
        "data": {
            "id": "7088bba8-f522-49a8-b59b-3cd0e946bbb0",
            "created_at": "2025-01-15T10:00:00.000Z",
            "disabled": "false",
            "ingest_server": "rtmps://live.cloudflare.com:443/live/",
            "meeting_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
            "name": "prdmmp-xhycsl",
            "paging": {"end_offset": 1, "start_offset": 1, "total_count": 1},
            "playback_url": "https://customer-s8oj0c1n5ek8ah1e.cloudflarestream.com/7de6a3fec0f9c05bf1df140950d3a237/manifest/video.m3u8",
            "status": "LIVE",
            "stream_key": "f26566285faca6fbe2e79a73a66rsrrsrrsr3cde23a2bb7dbc6c2c1761b98f4e4",
            "updated_at": "2025-01-15T10:05:00.000Z",
        },
        "success": True,
    },
)


def _call_get_all_livestreams(resource: _Resource) -> Any:
    return resource.get_all_livestreams(
        app_id="app_id",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_all_livestreams(
    server: MockServer, result: LivestreamGetAllLivestreamsResponse
) -> None:
    assert isinstance(result, LivestreamGetAllLivestreamsResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/livestreams"
    )
    assert result == TypeAdapter(LivestreamGetAllLivestreamsResponse).validate_python(
        _get_all_livestreams_answer
    )


def test_get_all_livestreams(server: MockServer) -> None:
    server.respond(200, _get_all_livestreams_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_get_all_livestreams(client.realtime_kit.livestreams)
    _check_get_all_livestreams(server, result)


def test_get_all_livestreams_async(server: MockServer) -> None:
    server.respond(200, _get_all_livestreams_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_get_all_livestreams(client.realtime_kit.livestreams)

    _check_get_all_livestreams(server, asyncio.run(run()))


_get_meeting_active_livestreams_answer = cast(
    Any,
    {
        "data": {
            "id": "7088bba8-f522-49a8-b59b-3cd0e946bbb0",
            "created_at": "2025-01-15T10:00:00.000Z",
            "disabled": "false",
            "ingest_server": "rtmps://live.cloudflare.com:443/live/",
            "meeting_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
            "name": "prdmmp-xhycsl",
            "playback_url": "https://customer-s8oj0c1n5ek8ah1e.cloudflarestream.com/7de6a3fec0f9c05bf1df140950d3a237/manifest/video.m3u8",
            "status": "LIVE",
            "stream_key": "f26566285faca6fbe2e79a73a66rsrrsrrsr3cde23a2bb7dbc6c2c1761b98f4e4",
            "updated_at": "2025-01-15T10:05:00.000Z",
        },
        "success": True,
    },
)


def _call_get_meeting_active_livestreams(resource: _Resource) -> Any:
    return resource.get_meeting_active_livestreams(
        meeting_id="182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        app_id="app_id",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_meeting_active_livestreams(
    server: MockServer, result: LivestreamGetMeetingActiveLivestreamsResponse
) -> None:
    assert isinstance(result, LivestreamGetMeetingActiveLivestreamsResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/meetings/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e/active-livestream"
    )
    assert result == TypeAdapter(
        LivestreamGetMeetingActiveLivestreamsResponse
    ).validate_python(_get_meeting_active_livestreams_answer)


def test_get_meeting_active_livestreams(server: MockServer) -> None:
    server.respond(200, _get_meeting_active_livestreams_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_get_meeting_active_livestreams(client.realtime_kit.livestreams)
    _check_get_meeting_active_livestreams(server, result)


def test_get_meeting_active_livestreams_async(server: MockServer) -> None:
    server.respond(200, _get_meeting_active_livestreams_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_get_meeting_active_livestreams(
                client.realtime_kit.livestreams
            )

    _check_get_meeting_active_livestreams(server, asyncio.run(run()))


_get_livestream_session_for_livestream_id_answer = cast(
    Any,
    {
        "data": {
            "livestream": {
                "id": "7088bba8-f522-49a8-b59b-3cd0e946bbb0",
                "created_at": "2025-01-15T10:00:00.000Z",
                "disabled": "false",
                "ingest_server": "rtmps://live.cloudflare.com:443/live/",
                "meeting_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
                "name": "prdmmp-xhycsl",
                "playback_url": "https://customer-s8oj0c1n5ek8ah1e.cloudflarestream.com/7de6a3fec0f9c05bf1df140950d3a237/manifest/video.m3u8",
                "status": "IDLE",
                "stream_key": "f26566285faca6fbe2e79a73a66rsrrsrrsr3cde23a2bb7dbc6c2c1761b98f4e4",
                "updated_at": "2025-01-15T11:00:00.000Z",
            },
            "paging": {"end_offset": 1, "start_offset": 1, "total_count": 1},
            "session": {
                "id": "3f1c2b8e-9a4d-4e6f-8b2a-1d5c7e9f0a3b",
                "created_at": "2025-01-15T10:00:05.000Z",
                "err_message": None,
                "ingest_seconds": 3300,
                "invoked_time": "2025-01-15T10:00:05.000Z",
                "livestream_id": "7088bba8-f522-49a8-b59b-3cd0e946bbb0",
                "started_time": "2025-01-15T10:00:12.000Z",
                "stopped_time": "2025-01-15T10:55:12.000Z",
                "updated_at": "2025-01-15T10:55:12.000Z",
                "viewer_seconds": 18250.5,
            },
        },
        "success": True,
    },
)


def _call_get_livestream_session_for_livestream_id(resource: _Resource) -> Any:
    return resource.get_livestream_session_for_livestream_id(
        livestream_id="7088bba8-f522-49a8-b59b-3cd0e946bbb0",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        app_id="app_id",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_livestream_session_for_livestream_id(
    server: MockServer, result: LivestreamGetLivestreamSessionForLivestreamIdResponse
) -> None:
    assert isinstance(result, LivestreamGetLivestreamSessionForLivestreamIdResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/livestreams/7088bba8-f522-49a8-b59b-3cd0e946bbb0"
    )
    assert result == TypeAdapter(
        LivestreamGetLivestreamSessionForLivestreamIdResponse
    ).validate_python(_get_livestream_session_for_livestream_id_answer)


def test_get_livestream_session_for_livestream_id(server: MockServer) -> None:
    server.respond(200, _get_livestream_session_for_livestream_id_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_get_livestream_session_for_livestream_id(
            client.realtime_kit.livestreams
        )
    _check_get_livestream_session_for_livestream_id(server, result)


def test_get_livestream_session_for_livestream_id_async(server: MockServer) -> None:
    server.respond(200, _get_livestream_session_for_livestream_id_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_get_livestream_session_for_livestream_id(
                client.realtime_kit.livestreams
            )

    _check_get_livestream_session_for_livestream_id(server, asyncio.run(run()))


_get_active_livestreams_for_livestream_id_answer = cast(
    Any,
    {
        "data": {
            "livestream": {
                "id": "7088bba8-f522-49a8-b59b-3cd0e946bbb0",
                "created_at": "2025-01-15T10:00:00.000Z",
                "disabled": "false",
                "ingest_server": "rtmps://live.cloudflare.com:443/live/",
                "meeting_id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
                "name": "prdmmp-xhycsl",
                "playback_url": "https://customer-s8oj0c1n5ek8ah1e.cloudflarestream.com/7de6a3fec0f9c05bf1df140950d3a237/manifest/video.m3u8",
                "status": "LIVE",
                "stream_key": "f26566285faca6fbe2e79a73a66rsrrsrrsr3cde23a2bb7dbc6c2c1761b98f4e4",
                "updated_at": "2025-01-15T10:00:12.000Z",
            },
            "session": {
                "id": "3f1c2b8e-9a4d-4e6f-8b2a-1d5c7e9f0a3b",
                "created_at": "2025-01-15T10:00:05.000Z",
                "err_message": None,
                "ingest_seconds": 600,
                "invoked_time": "2025-01-15T10:00:05.000Z",
                "livestream_id": "7088bba8-f522-49a8-b59b-3cd0e946bbb0",
                "started_time": "2025-01-15T10:00:12.000Z",
                "stopped_time": None,
                "updated_at": "2025-01-15T10:10:12.000Z",
                "viewer_seconds": 2400,
            },
        },
        "success": True,
    },
)


def _call_get_active_livestreams_for_livestream_id(resource: _Resource) -> Any:
    return resource.get_active_livestreams_for_livestream_id(
        livestream_id="7088bba8-f522-49a8-b59b-3cd0e946bbb0",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        app_id="app_id",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_active_livestreams_for_livestream_id(
    server: MockServer, result: LivestreamGetActiveLivestreamsForLivestreamIdResponse
) -> None:
    assert isinstance(result, LivestreamGetActiveLivestreamsForLivestreamIdResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/livestreams/7088bba8-f522-49a8-b59b-3cd0e946bbb0/active-livestream-session"
    )
    assert result == TypeAdapter(
        LivestreamGetActiveLivestreamsForLivestreamIdResponse
    ).validate_python(_get_active_livestreams_for_livestream_id_answer)


def test_get_active_livestreams_for_livestream_id(server: MockServer) -> None:
    server.respond(200, _get_active_livestreams_for_livestream_id_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_get_active_livestreams_for_livestream_id(
            client.realtime_kit.livestreams
        )
    _check_get_active_livestreams_for_livestream_id(server, result)


def test_get_active_livestreams_for_livestream_id_async(server: MockServer) -> None:
    server.respond(200, _get_active_livestreams_for_livestream_id_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_get_active_livestreams_for_livestream_id(
                client.realtime_kit.livestreams
            )

    _check_get_active_livestreams_for_livestream_id(server, asyncio.run(run()))


_get_livestream_session_details_for_session_id_answer = cast(
    Any,
    {
        "data": {
            "id": "3f1c2b8e-9a4d-4e6f-8b2a-1d5c7e9f0a3b",
            "created_at": "2025-01-15T10:00:05.000Z",
            "err_message": None,
            "ingest_seconds": 3300,
            "invoked_time": "2025-01-15T10:00:05.000Z",
            "livestream_id": "7088bba8-f522-49a8-b59b-3cd0e946bbb0",
            "started_time": "2025-01-15T10:00:12.000Z",
            "stopped_time": "2025-01-15T10:55:12.000Z",
            "updated_at": "2025-01-15T10:55:12.000Z",
            "viewer_seconds": 18250.5,
        },
        "success": True,
    },
)


def _call_get_livestream_session_details_for_session_id(resource: _Resource) -> Any:
    return resource.get_livestream_session_details_for_session_id(
        livestream_session_id="3f1c2b8e-9a4d-4e6f-8b2a-1d5c7e9f0a3b",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        app_id="app_id",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_livestream_session_details_for_session_id(
    server: MockServer,
    result: LivestreamGetLivestreamSessionDetailsForSessionIdResponse,
) -> None:
    assert isinstance(result, LivestreamGetLivestreamSessionDetailsForSessionIdResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/livestreams/sessions/3f1c2b8e-9a4d-4e6f-8b2a-1d5c7e9f0a3b"
    )
    assert result == TypeAdapter(
        LivestreamGetLivestreamSessionDetailsForSessionIdResponse
    ).validate_python(_get_livestream_session_details_for_session_id_answer)


def test_get_livestream_session_details_for_session_id(server: MockServer) -> None:
    server.respond(200, _get_livestream_session_details_for_session_id_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_get_livestream_session_details_for_session_id(
            client.realtime_kit.livestreams
        )
    _check_get_livestream_session_details_for_session_id(server, result)


def test_get_livestream_session_details_for_session_id_async(
    server: MockServer,
) -> None:
    server.respond(200, _get_livestream_session_details_for_session_id_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_get_livestream_session_details_for_session_id(
                client.realtime_kit.livestreams
            )

    _check_get_livestream_session_details_for_session_id(server, asyncio.run(run()))


_get_livestream_analytics_complete_answer = cast(
    Any,
    {
        "data": {
            "count": 12,
            "total_ingest_seconds": 25200,
            "total_viewer_seconds": 190800,
        },
        "success": True,
    },
)


def _call_get_livestream_analytics_complete(resource: _Resource) -> Any:
    return resource.get_livestream_analytics_complete(
        app_id="app_id",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_livestream_analytics_complete(
    server: MockServer, result: LivestreamGetLivestreamAnalyticsCompleteResponse
) -> None:
    assert isinstance(result, LivestreamGetLivestreamAnalyticsCompleteResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/analytics/livestreams/overall"
    )
    assert result == TypeAdapter(
        LivestreamGetLivestreamAnalyticsCompleteResponse
    ).validate_python(_get_livestream_analytics_complete_answer)


def test_get_livestream_analytics_complete(server: MockServer) -> None:
    server.respond(200, _get_livestream_analytics_complete_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_get_livestream_analytics_complete(
            client.realtime_kit.livestreams
        )
    _check_get_livestream_analytics_complete(server, result)


def test_get_livestream_analytics_complete_async(server: MockServer) -> None:
    server.respond(200, _get_livestream_analytics_complete_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_get_livestream_analytics_complete(
                client.realtime_kit.livestreams
            )

    _check_get_livestream_analytics_complete(server, asyncio.run(run()))


_get_livestream_analytics_daywise_answer = cast(
    Any,
    {
        "data": [
            {
                "count": 5,
                "date": "2025-01-14",
                "total_ingest_seconds": 10800,
                "total_viewer_seconds": 86400,
            },
            {
                "count": 7,
                "date": "2025-01-15",
                "total_ingest_seconds": 14400,
                "total_viewer_seconds": 104400,
            },
        ],
        "success": True,
    },
)


def _call_get_livestream_analytics_daywise(resource: _Resource) -> Any:
    return resource.get_livestream_analytics_daywise(
        app_id="app_id",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_livestream_analytics_daywise(
    server: MockServer, result: LivestreamGetLivestreamAnalyticsDaywiseResponse
) -> None:
    assert isinstance(result, LivestreamGetLivestreamAnalyticsDaywiseResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/analytics/livestreams/daywise"
    )
    assert result == TypeAdapter(
        LivestreamGetLivestreamAnalyticsDaywiseResponse
    ).validate_python(_get_livestream_analytics_daywise_answer)


def test_get_livestream_analytics_daywise(server: MockServer) -> None:
    server.respond(200, _get_livestream_analytics_daywise_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_get_livestream_analytics_daywise(client.realtime_kit.livestreams)
    _check_get_livestream_analytics_daywise(server, result)


def test_get_livestream_analytics_daywise_async(server: MockServer) -> None:
    server.respond(200, _get_livestream_analytics_daywise_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_get_livestream_analytics_daywise(
                client.realtime_kit.livestreams
            )

    _check_get_livestream_analytics_daywise(server, asyncio.run(run()))


_get_org_analytics_answer = cast(
    Any,
    {
        "data": {
            "recording_stats": {
                "day_stats": [
                    {
                        "day": "2025-01-14",
                        "total_recording_minutes": 90,
                        "total_recordings": 3,
                    },
                    {
                        "day": "2025-01-15",
                        "total_recording_minutes": 45,
                        "total_recordings": 2,
                    },
                ],
                "recording_count": 5,
                "recording_minutes_consumed": 135,
            },
            "session_stats": {
                "day_stats": [
                    {
                        "day": "2025-01-14",
                        "total_session_minutes": 620,
                        "total_sessions": 14,
                    },
                    {
                        "day": "2025-01-15",
                        "total_session_minutes": 480,
                        "total_sessions": 11,
                    },
                ],
                "sessions_count": 25,
                "sessions_minutes_consumed": 1100,
            },
        },
        "success": True,
    },
)


def _call_get_org_analytics(resource: _Resource) -> Any:
    return resource.get_org_analytics(
        app_id="app_id",
        account_id="023e105f4ecef8ad9ca31a8372d0c353",
        start_date="2025-01-01",
        end_date="2025-01-31",
        extra_headers=PREFER_EXAMPLE,
    )


def _check_get_org_analytics(
    server: MockServer, result: LivestreamGetOrgAnalyticsResponse
) -> None:
    assert isinstance(result, LivestreamGetOrgAnalyticsResponse)
    if server.remote:
        return
    request = server.requests[-1]
    assert request.method == "GET"
    target = urlsplit(request.path)
    assert (
        target.path
        == "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/app_id/analytics/daywise"
    )
    sent = parse_qsl(target.query, keep_blank_values=True)
    assert ("start_date", "2025-01-01") in sent
    assert ("end_date", "2025-01-31") in sent
    assert result == TypeAdapter(LivestreamGetOrgAnalyticsResponse).validate_python(
        _get_org_analytics_answer
    )


def test_get_org_analytics(server: MockServer) -> None:
    server.respond(200, _get_org_analytics_answer)
    with Cloudflare(
        base_url=server.url, api_token="test-token", max_retries=0
    ) as client:
        result = _call_get_org_analytics(client.realtime_kit.livestreams)
    _check_get_org_analytics(server, result)


def test_get_org_analytics_async(server: MockServer) -> None:
    server.respond(200, _get_org_analytics_answer)

    async def run() -> Any:
        async with AsyncCloudflare(
            base_url=server.url, api_token="test-token", max_retries=0
        ) as client:
            return await _call_get_org_analytics(client.realtime_kit.livestreams)

    _check_get_org_analytics(server, asyncio.run(run()))
