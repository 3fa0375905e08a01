from __future__ import annotations

from ..types import schemas

__all__ = [
    "PhotoGetPhotoResponse",
]

PhotoGetPhotoResponse = schemas.Photo
