"""The `realtime_kit` resource."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._base_client import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .livestreams import (
        AsyncRealtimeKitLivestreamsResource,
        RealtimeKitLivestreamsResource,
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
