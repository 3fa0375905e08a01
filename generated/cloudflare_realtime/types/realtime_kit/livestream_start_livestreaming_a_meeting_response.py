from __future__ import annotations

from typing import Literal, Optional

from typing_extensions import Annotated

from ..._models import BaseModel, OpenEnum

__all__ = [
    "Data",
    "LivestreamStartLivestreamingAMeetingResponse",
]


class Data(BaseModel):
    id: Optional[str] = None
    """The livestream ID."""
    ingest_server: Optional[str] = None
    """The server URL to which the RTMP encoder sends the video and audio data."""
    playback_url: Optional[str] = None
    """The web address that viewers can use to watch the livestream."""
    status: Optional[
        Annotated[Literal["LIVE", "IDLE", "ERRORED", "INVOKED"], OpenEnum]
    ] = None
    stream_key: Optional[str] = None
    """Unique key for accessing each livestream."""


class LivestreamStartLivestreamingAMeetingResponse(BaseModel):
    data: Optional[Data] = None
    success: Optional[bool] = None
