from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional, Union

from typing_extensions import TypedDict

__all__ = [
    "PhotoUpdatePhotoParams",
]


class PhotoUpdatePhotoParams(TypedDict, total=False):
    title: str
    description: Optional[str]
    visibility: Literal["public", "unlisted", "private"]
    """Who can see it. Unlisted photos can be opened by anyone with the link."""
    taken_at: Optional[Union[str, datetime]]
    rotation: Literal[0, 90, 180, 270]
    """Clockwise rotation in degrees, applied when the photo is shown."""
