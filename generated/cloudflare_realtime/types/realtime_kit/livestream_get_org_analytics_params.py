from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = [
    "LivestreamGetOrgAnalyticsParams",
]


class LivestreamGetOrgAnalyticsParams(TypedDict, total=False):
    account_id: Required[str]
    """The account identifier tag."""
    start_date: str
    """Start of the date range, as YYYY-MM-DD."""
    end_date: str
    """End of the date range, as YYYY-MM-DD."""
