from __future__ import annotations

from typing import Optional

from ..._models import BaseModel
from ...types import schemas

__all__ = [
    "Data",
    "LivestreamGetActiveLivestreamsForLivestreamIdResponse",
]


class Data(BaseModel):
    livestream: Optional[schemas.Livestream] = None
    session: Optional[schemas.LivestreamSession] = None


class LivestreamGetActiveLivestreamsForLivestreamIdResponse(BaseModel):
    data: Optional[Data] = None
    success: Optional[bool] = None
