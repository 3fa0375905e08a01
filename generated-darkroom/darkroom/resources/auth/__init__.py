"""The `auth` resource: create_token."""

from __future__ import annotations

from typing import Literal, Optional, Union

from ..._base_client import AsyncAPIClient, RequestOptions, SyncAPIClient, model_parser
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types.auth_create_token_response import AuthCreateTokenResponse

__all__ = ["AuthResource", "AsyncAuthResource"]


def _create_token_request(
    *,
    grant_type: Literal["client_credentials", "refresh_token"],
    scope: Union[str, NotGiven] = NOT_GIVEN,
    refresh_token: Union[str, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="POST",
        path="/oauth/token",
        body={
            "grant_type": grant_type,
            "scope": scope,
            "refresh_token": refresh_token,
        },
        body_encoding="form",
        content_type="application/x-www-form-urlencoded",
        security=(("basic",),),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_create_token_parse = model_parser(AuthCreateTokenResponse)


class AuthResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create_token(
        self,
        *,
        grant_type: Literal["client_credentials", "refresh_token"],
        scope: Union[str, NotGiven] = NOT_GIVEN,
        refresh_token: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AuthCreateTokenResponse:
        """Create an access token

        Exchanges the client's id and secret (HTTP basic auth) for a short-lived access token, or renews one with a refresh token.

        Args:
            grant_type: How the token is obtained.
            scope: Space-separated scopes; all of the client's scopes when left out.
            refresh_token: The refresh token to renew (grant type `refresh_token` only).
        """
        return self._client.request(
            _create_token_request(
                grant_type=grant_type,
                scope=scope,
                refresh_token=refresh_token,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _create_token_parse,
        )


class AsyncAuthResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create_token(
        self,
        *,
        grant_type: Literal["client_credentials", "refresh_token"],
        scope: Union[str, NotGiven] = NOT_GIVEN,
        refresh_token: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AuthCreateTokenResponse:
        """Create an access token

        Exchanges the client's id and secret (HTTP basic auth) for a short-lived access token, or renews one with a refresh token.

        Args:
            grant_type: How the token is obtained.
            scope: Space-separated scopes; all of the client's scopes when left out.
            refresh_token: The refresh token to renew (grant type `refresh_token` only).
        """
        return await self._client.request(
            _create_token_request(
                grant_type=grant_type,
                scope=scope,
                refresh_token=refresh_token,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _create_token_parse,
        )
