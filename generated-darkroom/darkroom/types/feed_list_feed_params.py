from __future__ import annotations

from typing_extensions import TypedDict

__all__ = [
    "FeedListFeedParams",
]


class FeedListFeedParams(TypedDict, total=False):
    cursor: str
    """Where the page starts: a `next_cursor` from the page before."""
