"""Every error the client raises derives from `CloudflareError`."""

from __future__ import annotations

from typing import Dict, Optional, Type

import httpx

__all__ = [
    "CloudflareError",
    "APIError",
    "APIStatusError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
]


class CloudflareError(Exception):
    pass


class APIError(CloudflareError):
    """A request failed. `body` is the decoded JSON error body, the raw text, or None."""

    message: str
    request: httpx.Request
    body: object

    def __init__(self, message: str, request: httpx.Request, *, body: object) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIResponseValidationError(APIError):
    """The server answered 2xx with data that does not match the spec."""

    response: httpx.Response
    status_code: int

    def __init__(self, response: httpx.Response, body: object, message: str) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIConnectionError(APIError):
    def __init__(
        self, *, message: str = "Connection error.", request: httpx.Request
    ) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    def __init__(self, request: httpx.Request) -> None:
        super().__init__(message="Request timed out.", request=request)


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class ConflictError(APIStatusError):
    pass


class UnprocessableEntityError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    pass


class InternalServerError(APIStatusError):
    pass


_BY_STATUS: Dict[int, Type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(response: httpx.Response, body: object) -> APIStatusError:
    cls: Optional[Type[APIStatusError]] = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    request = response.request
    message = f"HTTP {response.status_code} from {request.method} {request.url}"
    if body is not None:
        message = f"{message}: {body!r}"[:2000]
    return cls(message, response=response, body=body)
