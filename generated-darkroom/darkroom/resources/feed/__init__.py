"""The `feed` resource: list_feed."""

from __future__ import annotations

from typing import Optional, Union

from ..._base_client import AsyncAPIClient, RequestOptions, SyncAPIClient, model_parser
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ...types.feed_list_feed_response import FeedListFeedResponse

__all__ = ["FeedResource", "AsyncFeedResource"]


def _list_feed_request(
    *,
    cursor: Union[str, NotGiven] = NOT_GIVEN,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path="/feed",
        query={
            "cursor": cursor,
        },
        security=(("session_cookie",),),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


_list_feed_parse = model_parser(FeedListFeedResponse)


class FeedResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list_feed(
        self,
        *,
        cursor: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> FeedListFeedResponse:
        """Read the feed

        Events about your photos and albums. Only the web app's session may read it.

        Args:
            cursor: Where the page starts: a `next_cursor` from the page before.
        """
        return self._client.request(
            _list_feed_request(
                cursor=cursor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _list_feed_parse,
        )


class AsyncFeedResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list_feed(
        self,
        *,
        cursor: Union[str, NotGiven] = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> FeedListFeedResponse:
        """Read the feed

        Events about your photos and albums. Only the web app's session may read it.

        Args:
            cursor: Where the page starts: a `next_cursor` from the page before.
        """
        return await self._client.request(
            _list_feed_request(
                cursor=cursor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            _list_feed_parse,
        )
