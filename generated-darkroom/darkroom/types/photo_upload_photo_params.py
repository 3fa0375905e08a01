from __future__ import annotations

from typing import Literal, Sequence

from typing_extensions import Required, TypedDict

from .._types import FileTypes

__all__ = [
    "PhotoUploadPhotoParams",
]


class PhotoUploadPhotoParams(TypedDict, total=False):
    file: Required[FileTypes]
    """The original image."""
    idempotency_key_: str
    """Repeating an upload with the same key returns the first photo."""
    title: str
    visibility: Literal["public", "unlisted", "private"]
    """Who can see it. Unlisted photos can be opened by anyone with the link."""
    tags: Sequence[str]
    album_id: str
    """Put the photo in this album."""
