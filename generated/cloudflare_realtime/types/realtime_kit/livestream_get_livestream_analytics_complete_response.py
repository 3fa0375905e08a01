from __future__ import annotations

from typing import Optional

from ..._models import BaseModel

__all__ = [
    "Data",
    "LivestreamGetLivestreamAnalyticsCompleteResponse",
]


class Data(BaseModel):
    count: Optional[int] = None
    """Number of livestreams."""
    total_ingest_seconds: Optional[int] = None
    """Total seconds of video ingested."""
    total_viewer_seconds: Optional[int] = None
    """Total seconds watched by viewers."""


class LivestreamGetLivestreamAnalyticsCompleteResponse(BaseModel):
    data: Optional[Data] = None
    success: Optional[bool] = None
