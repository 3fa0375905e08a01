from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = [
    "LivestreamGetActiveLivestreamsForLivestreamIdParams",
]


class LivestreamGetActiveLivestreamsForLivestreamIdParams(TypedDict, total=False):
    account_id: Required[str]
    """The account identifier tag."""
    app_id: Required[str]
    """The app identifier tag."""
