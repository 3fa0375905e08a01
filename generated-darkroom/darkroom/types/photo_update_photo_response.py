from __future__ import annotations

from ..types import schemas

__all__ = [
    "PhotoUpdatePhotoResponse",
]

PhotoUpdatePhotoResponse = schemas.Photo
