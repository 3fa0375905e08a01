"""The `realtime_kit` resource."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._base_client import (
    AsyncAPIClient,
    LazyAdapter,
    RequestOptions,
    Styled,
    SyncAPIClient,
    encode_path,
    model_parser,
    parse_bytes,
    parse_nothing,
    parse_text,
)
from ..._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout

if TYPE_CHECKING:
    from .livestreams import (
        RealtimeKitLivestreamsResource,
        AsyncRealtimeKitLivestreamsResource,
    )

__all__ = ["RealtimeKitResource", "AsyncRealtimeKitResource"]


class RealtimeKitResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def livestreams(self) -> RealtimeKitLivestreamsResource:
        from .livestreams import RealtimeKitLivestreamsResource

        return RealtimeKitLivestreamsResource(self._client)


class AsyncRealtimeKitResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def livestreams(self) -> AsyncRealtimeKitLivestreamsResource:
        from .livestreams import AsyncRealtimeKitLivestreamsResource

        return AsyncRealtimeKitLivestreamsResource(self._client)
