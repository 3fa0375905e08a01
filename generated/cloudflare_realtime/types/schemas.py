from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from typing_extensions import Annotated

from .._models import BaseModel, OpenEnum

__all__ = [
    "Paging",
    "Livestream",
    "LivestreamSession",
]


class Paging(BaseModel):
    end_offset: Optional[int] = None
    start_offset: Optional[int] = None
    total_count: Optional[int] = None


class Livestream(BaseModel):
    id: Optional[str] = None
    """The livestream ID."""
    created_at: Optional[datetime] = None
    disabled: Optional[str] = None
    ingest_server: Optional[str] = None
    """The server URL to which the RTMP encoder sends the video and audio data."""
    meeting_id: Optional[str] = None
    name: Optional[str] = None
    playback_url: Optional[str] = None
    """The web address that viewers can use to watch the livestream."""
    status: Optional[
        Annotated[Literal["LIVE", "IDLE", "ERRORED", "INVOKED"], OpenEnum]
    ] = None
    stream_key: Optional[str] = None
    """Unique key for accessing each livestream."""
    updated_at: Optional[datetime] = None


class LivestreamSession(BaseModel):
    id: Optional[str] = None
    """The livestream session ID."""
    created_at: Optional[datetime] = None
    err_message: Optional[str] = None
    ingest_seconds: Optional[float] = None
    """Seconds of video ingested during the session."""
    invoked_time: Optional[datetime] = None
    livestream_id: Optional[str] = None
    started_time: Optional[datetime] = None
    stopped_time: Optional[datetime] = None
    updated_at: Optional[datetime] = None
    viewer_seconds: Optional[float] = None
    """Seconds watched by viewers during the session."""
