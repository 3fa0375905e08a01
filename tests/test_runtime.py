"""Runtime behaviour of the generated `cloudflare_realtime` client against a real local server."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, TypeVar
from urllib.parse import unquote

import cloudflare_realtime
import httpx
import pytest
from cloudflare_realtime import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncCloudflare,
    AuthenticationError,
    BadRequestError,
    Cloudflare,
    CloudflareError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from cloudflare_realtime.types import schemas
from conftest import (
    API_PREFIX,
    GENERATED,
    ROOT,
    TOKEN,
    RecordingServer,
    load_spec,
    spec_example,
    spec_operation,
)

pytestmark = pytest.mark.usefixtures("clean_env")

SEED = ROOT.parent / "shared" / "seed" / "start-livestreaming-a-meeting.txt"
ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353"
APP = "app_id"
MEETING = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"
START_PATH = f"{API_PREFIX}/accounts/{ACCOUNT}/realtime/kit/{APP}/meetings/{MEETING}/livestreams"
ALL_PATH = f"{API_PREFIX}/accounts/{ACCOUNT}/realtime/kit/{APP}/livestreams"
NO_WAIT = {"Retry-After": "0"}

T = TypeVar("T")


def client_for(server: RecordingServer, **kwargs: Any) -> Cloudflare:
    options: dict[str, Any] = {"api_token": TOKEN, "base_url": server.base_url, "max_retries": 0}
    options.update(kwargs)
    return Cloudflare(**options)


def async_client_for(server: RecordingServer, **kwargs: Any) -> AsyncCloudflare:
    options: dict[str, Any] = {"api_token": TOKEN, "base_url": server.base_url, "max_retries": 0}
    options.update(kwargs)
    return AsyncCloudflare(**options)


def run_async(
    server: RecordingServer,
    call: Callable[[AsyncCloudflare], Awaitable[T]],
    **kwargs: Any,
) -> T:
    async def main() -> T:
        async with async_client_for(server, **kwargs) as client:
            return await call(client)

    return asyncio.run(main())


def dump(model: Any) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_unset=True)


def _same_instant(a: str, b: str) -> bool:
    if "T" not in a or "T" not in b:
        return False
    try:
        return datetime.fromisoformat(a) == datetime.fromisoformat(b)
    except ValueError:
        return False


def assert_json_equivalent(actual: Any, expected: Any, where: str = "$") -> None:
    """Exact JSON equality, except that two date-time strings naming the same instant match
    (`2025-01-15T10:00:00.000Z` parses to a datetime and dumps as `2025-01-15T10:00:00Z`)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r} is not an object"
        assert set(actual) == set(expected), f"{where}: keys {set(actual)} != {set(expected)}"
        for key in expected:
            assert_json_equivalent(actual[key], expected[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: {actual!r} is not an array"
        assert len(actual) == len(expected), f"{where}: length {len(actual)} != {len(expected)}"
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_json_equivalent(a, e, f"{where}[{i}]")
    elif isinstance(expected, str) and isinstance(actual, str) and _same_instant(actual, expected):
        pass
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"
        assert isinstance(actual, bool) == isinstance(expected, bool), where


# 1. start_livestreaming_a_meeting: the request and the parsed response ---------------------------


def _check_start_request(server: RecordingServer, body: Any) -> None:
    assert len(server.requests) == 1
    request = server.last
    assert request.method == "POST"
    assert request.target == START_PATH
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    assert request.header("Content-Type") == "application/json"
    assert request.header("Accept") == "application/json"
    assert request.json() == body


def test_start_livestreaming_request_and_response(server: RecordingServer) -> None:
    example = spec_example("start_livestreaming_a_meeting")
    server.enqueue(200, body=example)
    with client_for(server) as client:
        response = client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            meeting_id=MEETING,
            account_id=ACCOUNT,
            app_id=APP,
            name="prdmmp-xhycsl",
            video_config={"height": 720, "width": 1280},
        )
    _check_start_request(
        server, {"name": "prdmmp-xhycsl", "video_config": {"height": 720, "width": 1280}}
    )
    assert type(response).__name__ == "LivestreamStartLivestreamingAMeetingResponse"
    assert dump(response) == example
    assert response.to_dict() == example
    assert response.data is not None
    assert response.data.status == "INVOKED"
    assert response.success is True


def test_start_livestreaming_request_and_response_async(server: RecordingServer) -> None:
    example = spec_example("start_livestreaming_a_meeting")
    server.enqueue(200, body=example)
    response = run_async(
        server,
        lambda c: c.realtime_kit.livestreams.start_livestreaming_a_meeting(
            meeting_id=MEETING,
            account_id=ACCOUNT,
            app_id=APP,
            name="prdmmp-xhycsl",
            video_config={"height": 720, "width": 1280},
        ),
    )
    _check_start_request(
        server, {"name": "prdmmp-xhycsl", "video_config": {"height": 720, "width": 1280}}
    )
    assert dump(response) == example
    assert response.data is not None
    assert response.data.status == "INVOKED"


def test_start_livestreaming_optional_args_not_sent(server: RecordingServer) -> None:
    with client_for(server) as client:
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP
        )
        _check_start_request(server, {})
        server.reset()
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP, video_config={"width": 640}
        )
        _check_start_request(server, {"video_config": {"width": 640}})


def test_start_livestreaming_optional_args_not_sent_async(server: RecordingServer) -> None:
    run_async(
        server,
        lambda c: c.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP
        ),
    )
    _check_start_request(server, {})


def test_start_livestreaming_name_none_sends_null(server: RecordingServer) -> None:
    with client_for(server) as client:
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP, name=None
        )
    _check_start_request(server, {"name": None})
    assert b'"name":null' in server.last.body.replace(b" ", b"")


def test_start_livestreaming_name_none_sends_null_async(server: RecordingServer) -> None:
    run_async(
        server,
        lambda c: c.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP, name=None
        ),
    )
    _check_start_request(server, {"name": None})


# 2. The seed page's example runs unchanged (but for the import line) ---------------------------


def seed_snippet() -> str:
    if not SEED.is_file():
        pytest.skip(f"the seed page {SEED} is not present (it lives in ../shared)")
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    start = text.index("import os")
    end = text.index("print(response.data)", start) + len("print(response.data)")
    snippet = text[start:end]
    old = "from cloudflare import Cloudflare"
    assert snippet.count(old) == 1
    return snippet.replace(old, "from cloudflare_realtime import Cloudflare")


def test_seed_example_runs_against_server(server: RecordingServer) -> None:
    example = spec_example("start_livestreaming_a_meeting")
    server.enqueue(200, body=example)
    env = dict(os.environ)
    env["CLOUDFLARE_API_TOKEN"] = TOKEN
    env["CLOUDFLARE_BASE_URL"] = server.base_url
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(GENERATED), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.run(
        [sys.executable, "-c", seed_snippet()],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "INVOKED" in proc.stdout
    assert example["data"]["stream_key"] in proc.stdout
    assert len(server.requests) == 1
    request = server.last
    assert request.method == "POST"
    assert request.target == START_PATH
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    assert request.header("Content-Type") == "application/json"
    assert request.header("Accept") == "application/json"
    assert request.json() == {"name": "prdmmp-xhycsl"}


# 4. Query serialization -------------------------------------------------------------------------


def test_get_all_livestreams_query_serialization(server: RecordingServer) -> None:
    start = datetime(2025, 1, 15, 10, 0, 0, tzinfo=UTC)
    end = datetime(2025, 1, 16, 9, 30, 15, tzinfo=timezone(timedelta(hours=2)))
    with client_for(server) as client:
        client.realtime_kit.livestreams.get_all_livestreams(
            APP,
            account_id=ACCOUNT,
            exclude_meetings=True,
            per_page=25,
            page_no=3,
            status="LIVE",
            start_time=start,
            end_time=end,
            sort_order="DSC",
        )
    request = server.last
    assert request.method == "GET"
    assert request.path == ALL_PATH
    assert request.body == b""
    query = dict(request.query)
    assert len(query) == len(request.query), "no parameter may repeat"
    assert set(query) == {
        "exclude_meetings",
        "per_page",
        "page_no",
        "status",
        "start_time",
        "end_time",
        "sort_order",
    }
    assert query["exclude_meetings"] == "true"
    assert query["per_page"] == "25"
    assert query["page_no"] == "3"
    assert query["status"] == "LIVE"
    assert query["sort_order"] == "DSC"
    for name, value in (("start_time", start), ("end_time", end)):
        text = query[name]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", text), text
        assert datetime.fromisoformat(text) == value
    # `+` of an offset must be percent-encoded, or a server reads it as a space.
    assert "+" not in request.raw_query


def test_get_all_livestreams_false_and_unset_params(server: RecordingServer) -> None:
    with client_for(server) as client:
        client.realtime_kit.livestreams.get_all_livestreams(
            APP, account_id=ACCOUNT, exclude_meetings=False
        )
        assert server.last.target == f"{ALL_PATH}?exclude_meetings=false"
        server.reset()
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
        assert server.last.target == ALL_PATH
        server.reset()
        client.realtime_kit.livestreams.get_all_livestreams(
            APP, account_id=ACCOUNT, per_page=0, start_time="2025-01-15T10:00:00Z"
        )
        assert dict(server.last.query) == {"per_page": "0", "start_time": "2025-01-15T10:00:00Z"}


def test_get_all_livestreams_query_serialization_async(server: RecordingServer) -> None:
    start = datetime(2025, 1, 15, 10, 0, 0, tzinfo=UTC)
    run_async(
        server,
        lambda c: c.realtime_kit.livestreams.get_all_livestreams(
            APP, account_id=ACCOUNT, exclude_meetings=False, page_no=1, start_time=start
        ),
    )
    query = dict(server.last.query)
    assert set(query) == {"exclude_meetings", "page_no", "start_time"}
    assert query["exclude_meetings"] == "false"
    assert query["page_no"] == "1"
    assert datetime.fromisoformat(query["start_time"]) == start


def test_analytics_int_query_params(server: RecordingServer) -> None:
    with client_for(server) as client:
        client.realtime_kit.livestreams.get_livestream_analytics_complete(
            APP, account_id=ACCOUNT, start_time=1736899200, end_time=1736985600, filters="a b&c"
        )
    request = server.last
    assert request.path == f"{API_PREFIX}/accounts/{ACCOUNT}/realtime/kit/{APP}/analytics/" + (
        "livestreams/overall"
    )
    assert dict(request.query) == {
        "start_time": "1736899200",
        "end_time": "1736985600",
        "filters": "a b&c",
    }


# 5. Path parameter encoding ---------------------------------------------------------------------

HOSTILE_IDS = ["..", ".", "a/b", "x?y#z", "../../../../other", "%2e%2e", "a b", "ünï"]


def _check_meeting_segment(server: RecordingServer, value: str) -> None:
    assert len(server.requests) == 1
    request = server.last
    prefix = f"{API_PREFIX}/accounts/{ACCOUNT}/realtime/kit/{APP}/meetings/"
    suffix = "/livestreams"
    assert "?" not in request.target and "#" not in request.target, request.target
    assert request.path.startswith(prefix), request.path
    assert request.path.endswith(suffix), request.path
    segment = request.path[len(prefix) : -len(suffix)]
    assert "/" not in segment, segment
    assert segment not in (".", ".."), "a dot segment would be resolved to another route"
    assert unquote(segment) == value


@pytest.mark.parametrize("meeting_id", HOSTILE_IDS)
def test_path_param_stays_one_segment(server: RecordingServer, meeting_id: str) -> None:
    with client_for(server) as client:
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            meeting_id, account_id=ACCOUNT, app_id=APP
        )
    _check_meeting_segment(server, meeting_id)


@pytest.mark.parametrize("meeting_id", ["..", "a/b", "x?y#z"])
def test_path_param_stays_one_segment_async(server: RecordingServer, meeting_id: str) -> None:
    run_async(
        server,
        lambda c: c.realtime_kit.livestreams.start_livestreaming_a_meeting(
            meeting_id, account_id=ACCOUNT, app_id=APP
        ),
    )
    _check_meeting_segment(server, meeting_id)


def test_hyphenated_path_param(server: RecordingServer) -> None:
    with client_for(server) as client:
        client.realtime_kit.livestreams.get_livestream_session_details_for_session_id(
            livestream_session_id="s/1", account_id=ACCOUNT, app_id=APP
        )
    assert server.last.target == (
        f"{API_PREFIX}/accounts/{ACCOUNT}/realtime/kit/{APP}/livestreams/sessions/s%2F1"
    )


@pytest.mark.parametrize("empty", ["meeting_id", "account_id", "app_id"])
def test_empty_path_param_raises_before_request(server: RecordingServer, empty: str) -> None:
    args: dict[str, Any] = {"meeting_id": MEETING, "account_id": ACCOUNT, "app_id": APP, empty: ""}
    with client_for(server) as client, pytest.raises(ValueError):
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(**args)
    assert server.requests == []


def test_empty_path_param_raises_before_request_async(server: RecordingServer) -> None:
    with pytest.raises(ValueError):
        run_async(
            server,
            lambda c: c.realtime_kit.livestreams.start_livestreaming_a_meeting(
                "", account_id=ACCOUNT, app_id=APP
            ),
        )
    assert server.requests == []


# 6. Unknown enum values and unknown fields are kept --------------------------------------------


def test_unknown_enum_and_extra_fields_kept(server: RecordingServer) -> None:
    payload = json.loads(json.dumps(spec_example("start_livestreaming_a_meeting")))
    payload["data"]["status"] = "PAUSED"
    payload["data"]["region"] = {"name": "weur", "tier": 2}
    payload["request_id"] = "abc"
    server.enqueue(200, body=payload)
    with client_for(server) as client:
        response = client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP
        )
    assert response.data is not None
    status: object = response.data.status  # typed as the known Literal values
    assert status == "PAUSED"
    assert response.data.model_extra == {"region": {"name": "weur", "tier": 2}}
    assert response.model_extra == {"request_id": "abc"}
    assert dump(response) == payload


def test_unknown_enum_in_ref_schema_kept_async(server: RecordingServer) -> None:
    payload = json.loads(json.dumps(spec_example("get_meeting_active_livestreams")))
    payload["data"]["status"] = "PAUSED"
    payload["data"]["brand_new"] = [1, 2]
    server.enqueue(200, body=payload)
    response = run_async(
        server,
        lambda c: c.realtime_kit.livestreams.get_meeting_active_livestreams(
            MEETING, account_id=ACCOUNT, app_id=APP
        ),
    )
    assert isinstance(response.data, schemas.Livestream)
    status: object = response.data.status  # typed as the known Literal values
    assert status == "PAUSED"
    assert response.data.model_extra == {"brand_new": [1, 2]}


# 7. Errors --------------------------------------------------------------------------------------

ERROR_CASES: list[tuple[int, type[APIStatusError]]] = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (409, ConflictError),
    (422, UnprocessableEntityError),
    (429, RateLimitError),
    (500, InternalServerError),
    (503, InternalServerError),
]


def _error_body(status: int) -> dict[str, Any]:
    return {"success": False, "errors": [{"code": 10000 + status, "message": f"error {status}"}]}


@pytest.mark.parametrize(("status", "error_cls"), ERROR_CASES)
def test_status_errors(
    server: RecordingServer, status: int, error_cls: type[APIStatusError]
) -> None:
    server.enqueue(status, body=_error_body(status))
    with client_for(server) as client, pytest.raises(APIStatusError) as info:
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP
        )
    exc = info.value
    assert type(exc) is error_cls
    assert isinstance(exc, CloudflareError)
    assert exc.status_code == status
    assert exc.body == _error_body(status)
    assert exc.response.status_code == status
    assert TOKEN not in str(exc)
    assert len(server.requests) == 1, "max_retries=0 must not retry"


@pytest.mark.parametrize(("status", "error_cls"), ERROR_CASES[:3] + ERROR_CASES[6:8])
def test_status_errors_async(
    server: RecordingServer, status: int, error_cls: type[APIStatusError]
) -> None:
    server.enqueue(status, body=_error_body(status))
    with pytest.raises(APIStatusError) as info:
        run_async(
            server,
            lambda c: c.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT),
        )
    assert type(info.value) is error_cls
    assert info.value.status_code == status
    assert info.value.body == _error_body(status)
    assert len(server.requests) == 1


def test_spec_401_example_body(server: RecordingServer) -> None:
    example = spec_example("start_livestreaming_a_meeting", "401")
    server.enqueue(401, body=example)
    with client_for(server) as client, pytest.raises(AuthenticationError) as info:
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP
        )
    assert info.value.body == example


def test_error_with_non_json_body(server: RecordingServer) -> None:
    server.enqueue(502, {"Content-Type": "text/plain"}, "upstream down")
    with client_for(server) as client, pytest.raises(InternalServerError) as info:
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert info.value.status_code == 502
    assert info.value.body == "upstream down"


def test_exception_hierarchy() -> None:
    for cls in (
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        UnprocessableEntityError,
        RateLimitError,
        InternalServerError,
    ):
        assert issubclass(cls, APIStatusError)
        assert issubclass(cls, CloudflareError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, CloudflareError)
    assert issubclass(APIResponseValidationError, CloudflareError)
    assert not issubclass(APIResponseValidationError, APIStatusError)


@pytest.mark.parametrize(
    "body",
    [
        {"success": {"x": 1}},
        {"data": "not-an-object", "success": True},
        {"data": {"stream_key": ["a"]}},
        b"not json at all",
    ],
    ids=["success-object", "data-string", "stream_key-list", "not-json"],
)
def test_2xx_with_wrongly_typed_body(server: RecordingServer, body: object) -> None:
    server.enqueue(200, body=body)
    with client_for(server) as client, pytest.raises(APIResponseValidationError) as info:
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP
        )
    assert isinstance(info.value, CloudflareError)
    assert info.value.status_code == 200
    assert len(server.requests) == 1


def test_2xx_with_non_string_enum_value(server: RecordingServer) -> None:
    server.enqueue(200, body={"data": {"status": 7}})
    with client_for(server) as client, pytest.raises(APIResponseValidationError):
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP
        )


def test_2xx_with_success_false_is_returned(server: RecordingServer) -> None:
    server.enqueue(200, body={"success": False, "data": {"message": "nothing to stop"}})
    with client_for(server) as client:
        response = client.realtime_kit.livestreams.stop_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP
        )
    assert response.success is False
    assert response.data is not None
    assert response.data.message == "nothing to stop"
    request = server.last
    assert request.method == "POST"
    assert request.body == b""
    assert request.header("Content-Type") is None


def test_2xx_with_wrongly_typed_body_async(server: RecordingServer) -> None:
    server.enqueue(200, body={"success": {"x": 1}})
    with pytest.raises(APIResponseValidationError) as info:
        run_async(
            server,
            lambda c: c.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT),
        )
    assert info.value.body == {"success": {"x": 1}}


# 8. Retries -------------------------------------------------------------------------------------


def test_default_max_retries_is_two(server: RecordingServer) -> None:
    client = Cloudflare(api_token=TOKEN, base_url=server.base_url)
    assert client.max_retries == 2
    client.close()


def test_retries_500_then_success(server: RecordingServer) -> None:
    example = spec_example("start_livestreaming_a_meeting")
    server.queue(
        (500, NO_WAIT, _error_body(500)),
        (500, NO_WAIT, _error_body(500)),
        (200, {}, example),
    )
    with Cloudflare(api_token=TOKEN, base_url=server.base_url) as client:
        response = client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP, name="n"
        )
    assert dump(response) == example
    requests = server.requests
    assert len(requests) == 3
    for request in requests:
        assert request.method == "POST"
        assert request.target == START_PATH
        assert request.json() == {"name": "n"}


def test_retries_500_then_success_async(server: RecordingServer) -> None:
    example = spec_example("start_livestreaming_a_meeting")
    server.queue((500, NO_WAIT, {}), (502, NO_WAIT, {}), (200, {}, example))
    response = run_async(
        server,
        lambda c: c.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP
        ),
        max_retries=2,
    )
    assert dump(response) == example
    assert len(server.requests) == 3


def test_retries_exhausted_503(server: RecordingServer) -> None:
    for _ in range(3):
        server.enqueue(503, NO_WAIT, _error_body(503))
    server.enqueue(200, body={})  # must never be reached
    with (
        Cloudflare(api_token=TOKEN, base_url=server.base_url) as client,
        pytest.raises(InternalServerError) as info,
    ):
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert info.value.status_code == 503
    assert info.value.body == _error_body(503)
    assert len(server.requests) == 3


def test_retries_exhausted_503_async(server: RecordingServer) -> None:
    for _ in range(4):
        server.enqueue(503, NO_WAIT, _error_body(503))
    with pytest.raises(InternalServerError):
        run_async(
            server,
            lambda c: c.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT),
            max_retries=2,
        )
    assert len(server.requests) == 3


def test_retry_429_with_retry_after_ms(server: RecordingServer) -> None:
    example = spec_example("get_all_livestreams")
    server.queue((429, {"retry-after-ms": "1"}, _error_body(429)), (200, {}, example))
    with Cloudflare(api_token=TOKEN, base_url=server.base_url) as client:
        response = client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert response.data is not None
    assert response.data.status == "LIVE"
    assert len(server.requests) == 2


def test_retry_429_exhausted_raises_rate_limit(server: RecordingServer) -> None:
    for _ in range(2):
        server.enqueue(429, {"retry-after-ms": "1"}, _error_body(429))
    with (
        Cloudflare(api_token=TOKEN, base_url=server.base_url, max_retries=1) as client,
        pytest.raises(RateLimitError),
    ):
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert len(server.requests) == 2


def test_409_is_retried_by_default(server: RecordingServer) -> None:
    server.queue((409, NO_WAIT, {}), (200, {}, {"success": True}))
    with Cloudflare(api_token=TOKEN, base_url=server.base_url) as client:
        response = client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert response.success is True
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_non_retryable_status_not_retried(server: RecordingServer, status: int) -> None:
    server.queue((status, NO_WAIT, _error_body(status)), (200, {}, {}))
    with (
        Cloudflare(api_token=TOKEN, base_url=server.base_url) as client,
        pytest.raises(APIStatusError) as info,
    ):
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert info.value.status_code == status
    assert len(server.requests) == 1


def test_connection_refused_after_retries(closed_port: int) -> None:
    attempts: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [attempts.append]})
    client = Cloudflare(
        api_token=TOKEN,
        base_url=f"http://127.0.0.1:{closed_port}/client/v4",
        max_retries=1,
        http_client=http,
    )
    with pytest.raises(APIConnectionError) as info:
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert not isinstance(info.value, APITimeoutError)
    assert isinstance(info.value, CloudflareError)
    assert len(attempts) == 2
    http.close()


def test_connection_refused_async(closed_port: int) -> None:
    async def main() -> None:
        async with AsyncCloudflare(
            api_token=TOKEN, base_url=f"http://127.0.0.1:{closed_port}/client/v4", max_retries=0
        ) as client:
            await client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)

    with pytest.raises(APIConnectionError):
        asyncio.run(main())


# 9. Client configuration ------------------------------------------------------------------------


def test_token_from_env(server: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "env-token-123")
    with Cloudflare(base_url=server.base_url, max_retries=0) as client:
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert server.last.header("Authorization") == "Bearer env-token-123"


def test_token_from_env_async(server: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "env-token-456")

    async def main() -> None:
        async with AsyncCloudflare(base_url=server.base_url, max_retries=0) as client:
            await client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)

    asyncio.run(main())
    assert server.last.header("Authorization") == "Bearer env-token-456"


def test_explicit_token_beats_env(server: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "env-token")
    with client_for(server, api_token="explicit") as client:
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert server.last.header("Authorization") == "Bearer explicit"


@pytest.mark.parametrize("client_cls", [Cloudflare, AsyncCloudflare])
def test_missing_token_raises_at_construction(client_cls: type[Any]) -> None:
    with pytest.raises(CloudflareError):
        client_cls(base_url="http://127.0.0.1:9/client/v4")


def test_base_url_from_env_and_default(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = load_spec()["servers"][0]["url"]
    assert default == "https://api.cloudflare.com/client/v4"
    for cls in (Cloudflare, AsyncCloudflare):
        client = cls(api_token=TOKEN)
        assert str(client.base_url).rstrip("/") == default
    monkeypatch.setenv("CLOUDFLARE_BASE_URL", server.base_url)
    with Cloudflare(api_token=TOKEN, max_retries=0) as client:
        assert str(client.base_url).rstrip("/") == server.base_url
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert server.last.target == ALL_PATH
    assert str(AsyncCloudflare(api_token=TOKEN).base_url).rstrip("/") == server.base_url


def test_base_url_trailing_slash(server: RecordingServer) -> None:
    with client_for(server, base_url=server.base_url + "/") as client:
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert server.last.target == ALL_PATH


def test_repr_and_str_hide_token() -> None:
    secret = "s3cr3t-token-value-XYZ"
    for cls in (Cloudflare, AsyncCloudflare):
        client = cls(api_token=secret, base_url="http://127.0.0.1:9/client/v4")
        assert secret not in repr(client)
        assert secret not in str(client)
        assert secret not in f"{client!r} {client}"


def test_default_timeout(server: RecordingServer) -> None:
    for cls in (Cloudflare, AsyncCloudflare):
        client = cls(api_token=TOKEN, base_url=server.base_url)
        timeout = client.timeout
        assert isinstance(timeout, httpx.Timeout)
        assert timeout.read == 60.0


def test_per_call_timeout(server: RecordingServer) -> None:
    server.enqueue(200, body={}, delay=0.5)
    with client_for(server) as client, pytest.raises(APITimeoutError) as info:
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT, timeout=0.05)
    assert isinstance(info.value, APIConnectionError)


def test_client_timeout(server: RecordingServer) -> None:
    server.enqueue(200, body={}, delay=0.5)
    with client_for(server, timeout=0.05) as client, pytest.raises(APITimeoutError):
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)


def test_per_call_timeout_async(server: RecordingServer) -> None:
    server.enqueue(200, body={}, delay=0.5)
    with pytest.raises(APITimeoutError):
        run_async(
            server,
            lambda c: c.realtime_kit.livestreams.get_all_livestreams(
                APP, account_id=ACCOUNT, timeout=0.05
            ),
        )


def test_default_headers_and_extras(server: RecordingServer) -> None:
    with client_for(server, default_headers={"X-Team": "streaming"}) as client:
        client.realtime_kit.livestreams.start_livestreaming_a_meeting(
            MEETING,
            account_id=ACCOUNT,
            app_id=APP,
            name="n",
            extra_headers={"X-Request-Tag": "abc"},
            extra_query={"debug": "1"},
            extra_body={"priority": 5},
        )
    request = server.last
    assert request.header("X-Team") == "streaming"
    assert request.header("X-Request-Tag") == "abc"
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    assert request.path == START_PATH
    assert request.query == [("debug", "1")]
    assert request.json() == {"name": "n", "priority": 5}


def test_default_headers_and_extras_async(server: RecordingServer) -> None:
    run_async(
        server,
        lambda c: c.realtime_kit.livestreams.get_all_livestreams(
            APP,
            account_id=ACCOUNT,
            per_page=5,
            extra_headers={"X-Request-Tag": "abc"},
            extra_query={"debug": "1"},
        ),
        default_headers={"X-Team": "streaming"},
    )
    request = server.last
    assert request.header("X-Team") == "streaming"
    assert request.header("X-Request-Tag") == "abc"
    assert dict(request.query) == {"per_page": "5", "debug": "1"}


def test_extra_headers_override_case_insensitively(server: RecordingServer) -> None:
    with client_for(server) as client:
        client.realtime_kit.livestreams.get_all_livestreams(
            APP, account_id=ACCOUNT, extra_headers={"accept": "application/vnd.api+json"}
        )
    assert server.last.header_values("Accept") == ["application/vnd.api+json"]


def test_default_headers_override_case_insensitively(server: RecordingServer) -> None:
    with client_for(server, default_headers={"authorization": "Bearer from-default"}) as client:
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert server.last.header_values("Authorization") == ["Bearer from-default"]


def test_extra_headers_override_same_case(server: RecordingServer) -> None:
    with client_for(server, default_headers={"X-Team": "a"}) as client:
        client.realtime_kit.livestreams.get_all_livestreams(
            APP,
            account_id=ACCOUNT,
            extra_headers={"X-Team": "b", "Accept": "application/vnd.api+json"},
        )
    assert server.last.header_values("X-Team") == ["b"]
    assert server.last.header_values("Accept") == ["application/vnd.api+json"]


def test_extra_body_on_operation_without_body(server: RecordingServer) -> None:
    with client_for(server) as client:
        client.realtime_kit.livestreams.stop_livestreaming_a_meeting(
            MEETING, account_id=ACCOUNT, app_id=APP, extra_body={"reason": "done"}
        )
    request = server.last
    assert request.method == "POST"
    assert request.path.endswith(f"/meetings/{MEETING}/active-livestream/stop")
    assert request.json() == {"reason": "done"}


def test_context_managers(server: RecordingServer) -> None:
    with client_for(server) as client:
        assert isinstance(client, Cloudflare)
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert client._client.is_closed

    async def main() -> AsyncCloudflare:
        async with async_client_for(server) as aclient:
            assert isinstance(aclient, AsyncCloudflare)
            await aclient.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
        return aclient

    aclient = asyncio.run(main())
    assert aclient._client.is_closed
    assert len(server.requests) == 2


def test_user_http_client_is_used_and_not_closed(server: RecordingServer) -> None:
    seen: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [seen.append]})
    with client_for(server, http_client=http) as client:
        client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
    assert len(seen) == 1
    assert seen[0].url.raw_path.decode() == ALL_PATH
    assert server.last.header("Authorization") == f"Bearer {TOKEN}"
    assert not http.is_closed
    http.close()


def test_user_async_http_client_is_used(server: RecordingServer) -> None:
    seen: list[httpx.Request] = []

    async def hook(request: httpx.Request) -> None:
        seen.append(request)

    async def main() -> None:
        async with httpx.AsyncClient(event_hooks={"request": [hook]}) as http:
            async with async_client_for(server, http_client=http) as client:
                await client.realtime_kit.livestreams.get_all_livestreams(APP, account_id=ACCOUNT)
            assert not http.is_closed

    asyncio.run(main())
    assert len(seen) == 1
    assert len(server.requests) == 1


# 10. Array-typed and $ref'd responses -----------------------------------------------------------


def test_array_response_daywise(server: RecordingServer) -> None:
    example = spec_example("get_livestream_analytics_daywise")
    server.enqueue(200, body=example)
    with client_for(server) as client:
        response = client.realtime_kit.livestreams.get_livestream_analytics_daywise(
            APP, account_id=ACCOUNT, start_time=1736812800, end_time=1736985600
        )
    assert server.last.path.endswith("/analytics/livestreams/daywise")
    assert isinstance(response.data, list)
    assert len(response.data) == len(example["data"])
    first = response.data[0]
    assert first.count == example["data"][0]["count"]
    assert first.date_ == date.fromisoformat(example["data"][0]["date"])
    assert dump(response) == example


def test_array_response_daywise_async(server: RecordingServer) -> None:
    example = spec_example("get_livestream_analytics_daywise")
    server.enqueue(200, body=example)
    response = run_async(
        server,
        lambda c: c.realtime_kit.livestreams.get_livestream_analytics_daywise(
            APP, account_id=ACCOUNT
        ),
    )
    assert isinstance(response.data, list)
    assert dump(response) == example


def test_ref_component_response(server: RecordingServer) -> None:
    example = spec_example("get_meeting_active_livestreams")
    server.enqueue(200, body=example)
    with client_for(server) as client:
        response = client.realtime_kit.livestreams.get_meeting_active_livestreams(
            MEETING, account_id=ACCOUNT, app_id=APP
        )
    assert server.last.method == "GET"
    assert server.last.path.endswith(f"/meetings/{MEETING}/active-livestream")
    assert isinstance(response.data, schemas.Livestream)
    assert response.data.status == "LIVE"
    assert response.data.created_at == datetime.fromisoformat(example["data"]["created_at"])
    assert_json_equivalent(dump(response), example)


@pytest.mark.parametrize(
    "operation_id",
    [
        "get_livestream_session_for_livestream_id",
        "get_active_livestreams_for_livestream_id",
        "get_livestream_session_details_for_session_id",
        "get_all_livestreams",
        "get_org_analytics",
        "get_livestream_analytics_complete",
        "stop_livestreaming_a_meeting",
    ],
)
def test_every_operation_parses_its_spec_example(
    server: RecordingServer, operation_id: str
) -> None:
    method, template, _ = spec_operation(operation_id)
    example = spec_example(operation_id)
    server.enqueue(200, body=example)
    values = {
        "account_id": ACCOUNT,
        "app_id": APP,
        "meeting_id": MEETING,
        "livestream_id": "7088bba8-f522-49a8-b59b-3cd0e946bbb0",
        "livestream-session-id": "3f1c2b8e-9a4d-4e6f-8b2a-1d5c7e9f0a3b",
    }
    kwargs = {k.replace("-", "_"): v for k, v in values.items() if "{" + k + "}" in template}
    with client_for(server) as client:
        response = getattr(client.realtime_kit.livestreams, operation_id)(**kwargs)
    expected_path = API_PREFIX + re.sub(r"\{([^}]+)\}", lambda m: values[m.group(1)], template)
    assert server.last.method == method
    assert server.last.target == expected_path
    assert_json_equivalent(dump(response), example)


def test_nested_refs_and_nulls(server: RecordingServer) -> None:
    example = spec_example("get_livestream_session_for_livestream_id")
    server.enqueue(200, body=example)
    with client_for(server) as client:
        response = client.realtime_kit.livestreams.get_livestream_session_for_livestream_id(
            "7088bba8-f522-49a8-b59b-3cd0e946bbb0", account_id=ACCOUNT, app_id=APP, page_no=1
        )
    assert server.last.query == [("page_no", "1")]
    data = response.data
    assert data is not None
    assert isinstance(data.livestream, schemas.Livestream)
    assert isinstance(data.paging, schemas.Paging)
    assert isinstance(data.session, schemas.LivestreamSession)
    assert data.session.err_message is None
    assert "err_message" in data.session.model_fields_set
    assert data.session.viewer_seconds == 18250.5
    assert data.livestream.status == "IDLE"


def test_package_exports() -> None:
    assert cloudflare_realtime.Cloudflare is Cloudflare
    assert cloudflare_realtime.AsyncCloudflare is AsyncCloudflare
