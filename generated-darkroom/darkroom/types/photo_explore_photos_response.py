from __future__ import annotations

from ..types import schemas

__all__ = [
    "PhotoExplorePhotosResponse",
]

PhotoExplorePhotosResponse = schemas.PhotoPage
