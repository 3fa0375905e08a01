from __future__ import annotations

from ..types import schemas

__all__ = [
    "PhotoUploadPhotoResponse",
]

PhotoUploadPhotoResponse = schemas.Photo
