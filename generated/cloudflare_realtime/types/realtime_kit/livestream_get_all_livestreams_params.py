from __future__ import annotations

from datetime import datetime
from typing import Literal, Union

from typing_extensions import Required, TypedDict

__all__ = [
    "LivestreamGetAllLivestreamsParams",
]


class LivestreamGetAllLivestreamsParams(TypedDict, total=False):
    account_id: Required[str]
    """The account identifier tag."""
    exclude_meetings: bool
    """Exclude livestreams of RealtimeKit meetings and return only livestreams created by the app."""
    per_page: int
    """Number of results per page."""
    page_no: int
    """The page number from which you want your page search results to be displayed."""
    status: Literal["LIVE", "IDLE", "ERRORED", "INVOKED"]
    """Return only livestreams with this status."""
    start_time: Union[str, datetime]
    """Return only livestreams created at or after this time."""
    end_time: Union[str, datetime]
    """Return only livestreams created at or before this time."""
    sort_order: Literal["ASC", "DSC"]
    """Sort order of the results by creation time."""
