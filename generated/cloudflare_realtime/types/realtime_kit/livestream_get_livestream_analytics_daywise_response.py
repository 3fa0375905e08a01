from __future__ import annotations

from datetime import date
from typing import List, Optional

from ..._models import BaseModel, Field

__all__ = [
    "Data",
    "LivestreamGetLivestreamAnalyticsDaywiseResponse",
]


class Data(BaseModel):
    count: Optional[int] = None
    """Number of livestreams on the day."""
    date_: Optional[date] = Field(default=None, alias="date")
    """The day, as YYYY-MM-DD."""
    total_ingest_seconds: Optional[int] = None
    """Total seconds of video ingested on the day."""
    total_viewer_seconds: Optional[int] = None
    """Total seconds watched by viewers on the day."""


class LivestreamGetLivestreamAnalyticsDaywiseResponse(BaseModel):
    data: Optional[List[Data]] = None
    success: Optional[bool] = None
