from __future__ import annotations

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = [
    "AuthCreateTokenParams",
]


class AuthCreateTokenParams(TypedDict, total=False):
    grant_type: Required[Literal["client_credentials", "refresh_token"]]
    """How the token is obtained."""
    scope: str
    """Space-separated scopes; all of the client's scopes when left out."""
    refresh_token: str
    """The refresh token to renew (grant type `refresh_token` only)."""
