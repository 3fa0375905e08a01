"""Cloudflare and AsyncCloudflare: the entry points of this package."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, Dict, Optional, Tuple, Union

import httpx

from ._base_client import DEFAULT_MAX_RETRIES, AsyncAPIClient, SyncAPIClient
from ._exceptions import CloudflareError
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout
from ._version import __version__

if TYPE_CHECKING:
    from .resources.realtime_kit import AsyncRealtimeKitResource, RealtimeKitResource

__all__ = ["Cloudflare", "AsyncCloudflare"]

DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"
BASE_URL_ENV = "CLOUDFLARE_BASE_URL"
USER_AGENT = f"cloudflare_realtime/{__version__} (python; httpx/{httpx.__version__})"
# Alternatives of security scheme keys, as the spec's top-level `security` lists them.
DEFAULT_SECURITY: Tuple[Tuple[str, ...], ...] = (("api_token",),)
# The environment variable each credential defaults to.
ENV_VARS = {"api_token": "CLOUDFLARE_API_TOKEN"}


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
    if token := secret["api_token"]:
        auth["api_token"] = ("header", "Authorization", "Bearer " + token)
    if not any(
        all(key in auth for key in requirement) for requirement in DEFAULT_SECURITY
    ):
        raise CloudflareError(
            "Missing credentials: pass api_token to the client or set CLOUDFLARE_API_TOKEN in the environment"
        )
    if base_url is None:
        base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    if not base_url:
        raise CloudflareError(
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


class Cloudflare(SyncAPIClient):
    """Synchronous client for Cloudflare Realtime."""

    def __init__(
        self,
        *,
        api_token: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: Optional[httpx.Client] = None,
        default_headers: Optional[Headers] = None,
    ) -> None:
        """Create a client.

        Args:
            api_token: token sent as `Authorization: Bearer`; defaults to the `CLOUDFLARE_API_TOKEN` environment variable.
            base_url: Defaults to `CLOUDFLARE_BASE_URL`, else https://api.cloudflare.com/client/v4.
            timeout: Seconds or an `httpx.Timeout`; default 60 s (5 s to connect).
            max_retries: Retries for connection errors, 408, 409, 429 and 5xx (default 2).
            http_client: An `httpx.Client` to send requests with (not closed by this client).
            default_headers: Headers sent with every request.
        """
        super().__init__(
            http_client=http_client,
            **_options(
                {"api_token": api_token},
                base_url,
                timeout,
                max_retries,
                default_headers,
            ),
        )

    @cached_property
    def realtime_kit(self) -> RealtimeKitResource:
        from .resources.realtime_kit import RealtimeKitResource

        return RealtimeKitResource(self)


class AsyncCloudflare(AsyncAPIClient):
    """Asynchronous client for Cloudflare Realtime; see `Cloudflare` for the options."""

    def __init__(
        self,
        *,
        api_token: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: Optional[httpx.AsyncClient] = None,
        default_headers: Optional[Headers] = None,
    ) -> None:
        super().__init__(
            http_client=http_client,
            **_options(
                {"api_token": api_token},
                base_url,
                timeout,
                max_retries,
                default_headers,
            ),
        )

    @cached_property
    def realtime_kit(self) -> AsyncRealtimeKitResource:
        from .resources.realtime_kit import AsyncRealtimeKitResource

        return AsyncRealtimeKitResource(self)
