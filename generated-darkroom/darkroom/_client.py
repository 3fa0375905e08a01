"""Darkroom and AsyncDarkroom: the entry points of this package."""

from __future__ import annotations

import base64
import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, Dict, Optional, Tuple, Union

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, AsyncAPIClient, SyncAPIClient
from ._exceptions import DarkroomError
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout
from ._version import __version__

if TYPE_CHECKING:
    from .resources.albums import AlbumsResource, AsyncAlbumsResource
    from .resources.auth import AsyncAuthResource, AuthResource
    from .resources.feed import AsyncFeedResource, FeedResource
    from .resources.photos import AsyncPhotosResource, PhotosResource
    from .resources.system import AsyncSystemResource, SystemResource

__all__ = ["Darkroom", "AsyncDarkroom"]

DEFAULT_BASE_URL = "https://api.darkroom.example/v1"
BASE_URL_ENV = "DARKROOM_BASE_URL"
USER_AGENT = f"darkroom/{__version__} (python; httpx/{httpx.__version__})"
# Alternatives of security scheme keys, as the spec's top-level `security` lists them.
DEFAULT_SECURITY: Tuple[Tuple[str, ...], ...] = (
    ("api_key",),
    ("session_cookie",),
)
# The environment variable each credential defaults to.
ENV_VARS = {
    "username": "DARKROOM_USERNAME",
    "password": "DARKROOM_PASSWORD",
    "api_key": "DARKROOM_API_KEY",
    "download_key": "DARKROOM_DOWNLOAD_KEY",
    "session_cookie": "DARKROOM_SESSION_COOKIE",
}


def _options(
    credentials: Dict[str, Optional[str]],
    base_url: Union[str, httpx.URL, None],
    timeout: Union[Timeout, NotGiven],
    max_retries: int,
    default_headers: Optional[Headers],
) -> Dict[str, Any]:
    """The constructor logic shared by the sync and async clients."""
    auth: Dict[str, Tuple[str, str, str]] = {}
    secret = {
        name: value if value is not None else os.environ.get(ENV_VARS[name])
        for name, value in credentials.items()
    }
    if (user := secret["username"]) and (password := secret["password"]):
        pair = base64.b64encode(f"{user}:{password}".encode()).decode()
        auth["basic"] = ("header", "Authorization", "Basic " + pair)
    if key := secret["api_key"]:
        auth["api_key"] = ("header", "X-Darkroom-Key", key)
    if key := secret["download_key"]:
        auth["download_key"] = ("query", "key", key)
    if key := secret["session_cookie"]:
        auth["session_cookie"] = ("cookie", "darkroom_session", key)
    if base_url is None:
        base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    if not base_url:
        raise DarkroomError(
            f"No base URL: pass base_url or set the {BASE_URL_ENV} environment variable"
        )
    return dict(
        base_url=base_url,
        timeout=timeout,
        max_retries=max_retries,
        default_headers=default_headers,
        auth=auth,
        security=DEFAULT_SECURITY,
        user_agent=USER_AGENT,
    )


class Darkroom(SyncAPIClient):
    """Synchronous client for Darkroom."""

    def __init__(
        self,
        *,
        username: Optional[str] = None,
        password: Optional[str] = None,
        api_key: Optional[str] = None,
        download_key: Optional[str] = None,
        session_cookie: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: Optional[httpx.Client] = None,
        default_headers: Optional[Headers] = None,
    ) -> None:
        """Create a client.

        Args:
            username: HTTP basic auth user name; defaults to the `DARKROOM_USERNAME` environment variable.
            password: HTTP basic auth password; defaults to the `DARKROOM_PASSWORD` environment variable.
            api_key: API key sent in header `X-Darkroom-Key`; defaults to the `DARKROOM_API_KEY` environment variable.
            download_key: API key sent in query `key`; defaults to the `DARKROOM_DOWNLOAD_KEY` environment variable.
            session_cookie: API key sent in cookie `darkroom_session`; defaults to the `DARKROOM_SESSION_COOKIE` environment variable.
            base_url: Defaults to `DARKROOM_BASE_URL`, else https://api.darkroom.example/v1.
            timeout: Seconds or an `httpx.Timeout`; default 60 s (5 s to connect).
            max_retries: Retries for connection errors, 408, 409, 429 and 5xx (default 2).
            http_client: An `httpx.Client` to send requests with (not closed by this client).
            default_headers: Headers sent with every request.
        """
        super().__init__(
            http_client=http_client,
            **_options(
                {
                    "username": username,
                    "password": password,
                    "api_key": api_key,
                    "download_key": download_key,
                    "session_cookie": session_cookie,
                },
                base_url,
                timeout,
                max_retries,
                default_headers,
            ),
        )

    @cached_property
    def system(self) -> SystemResource:
        from .resources.system import SystemResource

        return SystemResource(self)

    @cached_property
    def auth(self) -> AuthResource:
        from .resources.auth import AuthResource

        return AuthResource(self)

    @cached_property
    def photos(self) -> PhotosResource:
        from .resources.photos import PhotosResource

        return PhotosResource(self)

    @cached_property
    def albums(self) -> AlbumsResource:
        from .resources.albums import AlbumsResource

        return AlbumsResource(self)

    @cached_property
    def feed(self) -> FeedResource:
        from .resources.feed import FeedResource

        return FeedResource(self)


class AsyncDarkroom(AsyncAPIClient):
    """Asynchronous client for Darkroom; see `Darkroom` for the options."""

    def __init__(
        self,
        *,
        username: Optional[str] = None,
        password: Optional[str] = None,
        api_key: Optional[str] = None,
        download_key: Optional[str] = None,
        session_cookie: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: Optional[httpx.AsyncClient] = None,
        default_headers: Optional[Headers] = None,
    ) -> None:
        super().__init__(
            http_client=http_client,
            **_options(
                {
                    "username": username,
                    "password": password,
                    "api_key": api_key,
                    "download_key": download_key,
                    "session_cookie": session_cookie,
                },
                base_url,
                timeout,
                max_retries,
                default_headers,
            ),
        )

    @cached_property
    def system(self) -> AsyncSystemResource:
        from .resources.system import AsyncSystemResource

        return AsyncSystemResource(self)

    @cached_property
    def auth(self) -> AsyncAuthResource:
        from .resources.auth import AsyncAuthResource

        return AsyncAuthResource(self)

    @cached_property
    def photos(self) -> AsyncPhotosResource:
        from .resources.photos import AsyncPhotosResource

        return AsyncPhotosResource(self)

    @cached_property
    def albums(self) -> AsyncAlbumsResource:
        from .resources.albums import AsyncAlbumsResource

        return AsyncAlbumsResource(self)

    @cached_property
    def feed(self) -> AsyncFeedResource:
        from .resources.feed import AsyncFeedResource

        return AsyncFeedResource(self)
