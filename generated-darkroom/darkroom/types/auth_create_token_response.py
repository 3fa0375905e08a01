from __future__ import annotations

from ..types import schemas

__all__ = [
    "AuthCreateTokenResponse",
]

AuthCreateTokenResponse = schemas.Token
