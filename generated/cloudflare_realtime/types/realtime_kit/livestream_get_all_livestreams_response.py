from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from typing_extensions import Annotated

from ..._models import BaseModel, OpenEnum
from ...types import schemas

__all__ = [
    "Data",
    "LivestreamGetAllLivestreamsResponse",
]


class Data(BaseModel):
    id: Optional[str] = None
    """The livestream ID."""
    created_at: Optional[datetime] = None
    disabled: Optional[str] = None
    ingest_server: Optional[str] = None
    """The server URL to which the RTMP encoder sends the video and audio data."""
    meeting_id: Optional[str] = None
    name: Optional[str] = None
    paging: Optional[schemas.Paging] = None
    playback_url: Optional[str] = None
    """The web address that viewers can use to watch the livestream."""
    status: Optional[
        Annotated[Literal["LIVE", "IDLE", "ERRORED", "INVOKED"], OpenEnum]
    ] = None
    stream_key: Optional[str] = None
    """Unique key for accessing each livestream."""
    updated_at: Optional[datetime] = None


class LivestreamGetAllLivestreamsResponse(BaseModel):
    data: Optional[Data] = None
    success: Optional[bool] = None
