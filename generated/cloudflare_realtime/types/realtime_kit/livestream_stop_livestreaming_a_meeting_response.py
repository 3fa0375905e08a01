from __future__ import annotations

from typing import Optional

from ..._models import BaseModel

__all__ = [
    "Data",
    "LivestreamStopLivestreamingAMeetingResponse",
]


class Data(BaseModel):
    message: Optional[str] = None


class LivestreamStopLivestreamingAMeetingResponse(BaseModel):
    data: Optional[Data] = None
    success: Optional[bool] = None
