"""The `system` resource: get_health."""

from __future__ import annotations

from typing import Optional, Union

from ..._base_client import AsyncAPIClient, RequestOptions, SyncAPIClient, model_parser
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types.system_get_health_response import SystemGetHealthResponse

__all__ = ["SystemResource", "AsyncSystemResource"]


def _get_health_request(
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path="/health",
        security=(),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_get_health_parse = model_parser(SystemGetHealthResponse)


class SystemResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def get_health(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> SystemGetHealthResponse:
        """Check the service

        Whether the service is up, and which version answers. Needs no credentials.
        """
        return self._client.request(
            _get_health_request(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_health_parse,
        )


class AsyncSystemResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def get_health(
        self,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> SystemGetHealthResponse:
        """Check the service

        Whether the service is up, and which version answers. Needs no credentials.
        """
        return await self._client.request(
            _get_health_request(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _get_health_parse,
        )
