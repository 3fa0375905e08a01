"""Types shared by every request method."""

from __future__ import annotations

from typing import IO, Mapping, Optional, Tuple, Union

import httpx
from typing_extensions import Literal, final


@final
class NotGiven:
    """The type of `NOT_GIVEN`: an argument that was not passed, so nothing is sent.

    Distinct from `None`, which sends JSON `null` for a nullable field.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

Timeout = Union[float, httpx.Timeout, None]
Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]

# A file to upload: its bytes or an open binary file, optionally with a name and content type.
FileContent = Union[IO[bytes], bytes]
FileTypes = Union[
    FileContent,
    Tuple[Optional[str], FileContent],
    Tuple[Optional[str], FileContent, Optional[str]],
]
