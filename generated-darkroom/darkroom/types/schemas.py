from __future__ import annotations

from datetime import datetime
from typing import List, Literal, Optional

from typing_extensions import Annotated

from .._models import BaseModel, OpenEnum, OpenIntEnum

__all__ = [
    "Health",
    "Token",
    "PhotoPage",
    "Photo",
    "Crop",
    "Rotate",
    "Filter",
    "Album",
    "PhotoUploaded",
    "CommentAddedComment",
    "CommentAdded",
    "AlbumShared",
    "Camera",
]


class Health(BaseModel):
    status: Annotated[Literal["ok", "degraded"], OpenEnum]
    version: str
    degraded_regions: Optional[List[str]] = None


class Token(BaseModel):
    access_token: str
    token_type: Annotated[Literal["bearer"], OpenEnum]
    expires_in: int
    """Seconds until the token expires."""
    refresh_token: Optional[str] = None
    """Only for clients allowed to renew tokens."""
    scope: Optional[str] = None


class PhotoPage(BaseModel):
    data: List[Photo]
    next_cursor: Optional[str] = None


class Photo(BaseModel):
    """A photograph and what is known about it."""

    id: str
    title: Optional[str] = None
    description: Optional[str] = None
    visibility: Annotated[Literal["public", "unlisted", "private"], OpenEnum]
    """Who can see it. Unlisted photos can be opened by anyone with the link."""
    width: int
    """Width of the original in pixels."""
    height: int
    """Height of the original in pixels."""
    rotation: Optional[Annotated[Literal[0, 90, 180, 270], OpenIntEnum]] = None
    """Clockwise rotation in degrees, applied when the photo is shown."""
    license: Optional[
        Annotated[Literal["all-rights-reserved", "cc-by", "cc-by-sa", "cc0"], OpenEnum]
    ] = None
    taken_at: Optional[datetime] = None
    """When the photo was taken, from its EXIF data; null when unknown."""
    uploaded_at: datetime
    tags: Optional[List[str]] = None
    camera: Optional[Camera] = None
    album_id: Optional[str] = None
    download_count: Optional[int] = None


class Crop(BaseModel):
    kind: str
    left: int
    top: int
    width: int
    height: int


class Rotate(BaseModel):
    kind: str
    degrees: float
    """Clockwise, any angle."""


class Filter(BaseModel):
    kind: str
    name: Annotated[Literal["monochrome", "sepia", "vivid"], OpenEnum]
    strength: Optional[float] = None


class Album(BaseModel):
    id: str
    title: str
    visibility: Annotated[Literal["public", "unlisted", "private"], OpenEnum]
    """Who can see it. Unlisted photos can be opened by anyone with the link."""
    cover_photo_id: Optional[str] = None
    photo_ids: Optional[List[str]] = None
    albums: Optional[List[Album]] = None
    """The albums inside this one."""


class PhotoUploaded(BaseModel):
    type: str
    id: str
    occurred_at: datetime
    photo_id: str
    title: Optional[str] = None


class CommentAddedComment(BaseModel):
    author: str
    text: str


class CommentAdded(BaseModel):
    type: str
    id: str
    occurred_at: datetime
    photo_id: str
    comment: CommentAddedComment


class AlbumShared(BaseModel):
    type: str
    id: str
    occurred_at: datetime
    album_id: str
    shared_with: Optional[List[str]] = None


class Camera(BaseModel):
    make: Optional[str] = None
    model: Optional[str] = None
    lens: Optional[str] = None


Health.model_rebuild()
Token.model_rebuild()
PhotoPage.model_rebuild()
Photo.model_rebuild()
Crop.model_rebuild()
Rotate.model_rebuild()
Filter.model_rebuild()
Album.model_rebuild()
PhotoUploaded.model_rebuild()
CommentAddedComment.model_rebuild()
CommentAdded.model_rebuild()
AlbumShared.model_rebuild()
Camera.model_rebuild()
