from __future__ import annotations

from typing import Literal, Sequence

from typing_extensions import TypedDict

__all__ = [
    "PhotoExplorePhotosParams",
]


class PhotoExplorePhotosParams(TypedDict, total=False):
    license_: Sequence[Literal["all-rights-reserved", "cc-by", "cc-by-sa", "cc0"]]
    """Only photos under these licenses."""
    cursor: str
    """Where the page starts: a `next_cursor` from the page before."""
