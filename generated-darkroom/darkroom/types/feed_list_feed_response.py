from __future__ import annotations

from typing import List, Optional, Union

from typing_extensions import Annotated

from .._models import BaseModel, TaggedUnion
from ..types import schemas

__all__ = [
    "FeedListFeedResponse",
]


class FeedListFeedResponse(BaseModel):
    events: List[
        Annotated[
            Union[schemas.PhotoUploaded, schemas.CommentAdded, schemas.AlbumShared],
            TaggedUnion(
                "type",
                {
                    "photo.uploaded": schemas.PhotoUploaded,
                    "comment.added": schemas.CommentAdded,
                    "album.shared": schemas.AlbumShared,
                },
            ),
        ]
    ]
    next_cursor: Optional[str] = None
