from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

__all__ = [
    "PhotoListPhotosParams",
]


class PhotoListPhotosParams(TypedDict, total=False):
    visibility: Literal["public", "unlisted", "private"]
    """Only photos with this visibility."""
    sort: Literal["uploaded_at", "-uploaded_at", "taken_at", "-taken_at"]
    cursor: str
    """Where the page starts: a `next_cursor` from the page before."""
    per_page: int
