from __future__ import annotations

from ..types import schemas

__all__ = [
    "AlbumGetAlbumResponse",
]

AlbumGetAlbumResponse = schemas.Album
