from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = [
    "LivestreamGetLivestreamAnalyticsDaywiseParams",
]


class LivestreamGetLivestreamAnalyticsDaywiseParams(TypedDict, total=False):
    account_id: Required[str]
    """The account identifier tag."""
    start_time: int
    """Start of the time range, in Unix seconds."""
    end_time: int
    """End of the time range, in Unix seconds."""
    filters: str
    """Filters applied to the analytics query."""
