from __future__ import annotations

from typing import Optional

from ..._models import BaseModel
from ...types import schemas

__all__ = [
    "LivestreamGetMeetingActiveLivestreamsResponse",
]


class LivestreamGetMeetingActiveLivestreamsResponse(BaseModel):
    data: Optional[schemas.Livestream] = None
    success: Optional[bool] = None
