from __future__ import annotations

from typing import Optional

from ..._models import BaseModel
from ...types import schemas

__all__ = [
    "LivestreamGetLivestreamSessionDetailsForSessionIdResponse",
]


class LivestreamGetLivestreamSessionDetailsForSessionIdResponse(BaseModel):
    data: Optional[schemas.LivestreamSession] = None
    success: Optional[bool] = None
