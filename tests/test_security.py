"""Each request of the darkroom golden client (generated-darkroom/) carries the credentials its
operation asks for: HTTP basic, an API key in a header, the query or a cookie, the API's
default alternatives, none for a public operation, and a configured one where credentials are
optional (`security: [{}, ...]`). With public operations in the spec, a client without any
credential can be made.

One script, run once in the golden's folder, makes every call through httpx.MockTransport and
reports what went over the wire.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from cli_support import DARKROOM, describe, env, python

# Calls each operation with every credential configured, with only the session cookie, and
# with none; prints, as JSON, the credentials each request carried.
CALLS = """
import json
import httpx
import darkroom

seen = []

def handler(request):
    seen.append({"authorization": request.headers.get("Authorization"),
                 "key_header": request.headers.get("X-Darkroom-Key"),
                 "cookie": request.headers.get("Cookie"),
                 "query": dict(request.url.params)})
    return httpx.Response(404, json={})

def client(**credentials):
    return darkroom.Darkroom(base_url="http://api.test", max_retries=0,
                             http_client=httpx.Client(transport=httpx.MockTransport(handler)),
                             **credentials)

def sent(call):
    try:
        call()
    except darkroom.NotFoundError:
        pass
    return seen[-1]

every = client(username="client-id", password="client-secret", api_key="the-key",
               download_key="the-download-key", session_cookie="the-session")
session = client(session_cookie="the-session")
anonymous = client()
report = {
    "every": {
        "health": sent(lambda: every.system.get_health()),
        "list_photos": sent(lambda: every.photos.list_photos()),
        "get_photo": sent(lambda: every.photos.get_photo("pho_1")),
        "create_token": sent(lambda: every.auth.create_token(grant_type="client_credentials")),
        "download": sent(lambda: every.photos.download_photo("pho_1")),
        "feed": sent(lambda: every.feed.list_feed()),
    },
    "session": {"list_photos": sent(lambda: session.photos.list_photos())},
    "anonymous": {
        "health": sent(lambda: anonymous.system.get_health()),
        "get_photo": sent(lambda: anonymous.photos.get_photo("pho_1")),
    },
}
print(json.dumps(report))
"""

NOTHING = {"authorization": None, "key_header": None, "cookie": None, "query": {}}


@pytest.fixture(scope="module")
def report() -> dict[str, dict[str, dict[str, Any]]]:
    # No DARKROOM_* variable from the outer environment may configure a credential.
    clean = {k: v for k, v in env().items() if not k.startswith("DARKROOM_")}
    proc = python("-c", CALLS, cwd=DARKROOM.out, environ=clean)
    assert proc.returncode == 0, describe(proc)
    found: dict[str, dict[str, dict[str, Any]]] = json.loads(proc.stdout)
    return found


def test_public_operation_sends_no_credential(report: dict[str, Any]) -> None:
    assert report["every"]["health"] == NOTHING


def test_api_default_sends_its_first_configured_alternative(report: dict[str, Any]) -> None:
    assert report["every"]["list_photos"] == {**NOTHING, "key_header": "the-key"}
    assert report["session"]["list_photos"] == {**NOTHING, "cookie": "darkroom_session=the-session"}


def test_optional_credentials_are_sent_when_configured(report: dict[str, Any]) -> None:
    # `security: [{}, {api_key: []}, ...]`: the empty alternative does not win over a key.
    assert report["every"]["get_photo"] == {**NOTHING, "key_header": "the-key"}
    assert report["anonymous"]["get_photo"] == NOTHING


def test_operation_security_picks_basic_query_and_cookie(report: dict[str, Any]) -> None:
    basic = "Basic " + base64.b64encode(b"client-id:client-secret").decode()
    assert report["every"]["create_token"] == {**NOTHING, "authorization": basic}
    assert report["every"]["download"] == {**NOTHING, "query": {"key": "the-download-key"}}
    assert report["every"]["feed"] == {**NOTHING, "cookie": "darkroom_session=the-session"}


def test_client_without_credentials_reaches_public_operations(report: dict[str, Any]) -> None:
    assert report["anonymous"]["health"] == NOTHING
