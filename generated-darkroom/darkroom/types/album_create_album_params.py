from __future__ import annotations

from typing import Literal, Optional

from typing_extensions import Required, TypedDict

__all__ = [
    "AlbumCreateAlbumParams",
]


class AlbumCreateAlbumParams(TypedDict, total=False):
    title: Required[str]
    parent_id: Optional[str]
    """The album to nest this one in; a top-level album when null."""
    visibility: Literal["public", "unlisted", "private"]
    """Who can see it. Unlisted photos can be opened by anyone with the link."""
