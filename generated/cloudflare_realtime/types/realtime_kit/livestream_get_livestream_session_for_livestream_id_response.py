from __future__ import annotations

from typing import Optional

from ..._models import BaseModel
from ...types import schemas

__all__ = [
    "Data",
    "LivestreamGetLivestreamSessionForLivestreamIdResponse",
]


class Data(BaseModel):
    livestream: Optional[schemas.Livestream] = None
    paging: Optional[schemas.Paging] = None
    session: Optional[schemas.LivestreamSession] = None


class LivestreamGetLivestreamSessionForLivestreamIdResponse(BaseModel):
    data: Optional[Data] = None
    success: Optional[bool] = None
