from __future__ import annotations

from ..types import schemas

__all__ = [
    "SystemGetHealthResponse",
]

SystemGetHealthResponse = schemas.Health
