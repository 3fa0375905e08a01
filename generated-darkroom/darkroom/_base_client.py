"""The runtime core: request building, retries and response parsing, shared by sync and async."""

from __future__ import annotations

import asyncio
import email.utils
import json
import random
import time
from dataclasses import dataclass
from datetime import date, datetime
from typing import (
    Any,
    Callable,
    Dict,
    Generic,
    List,
    Mapping,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
)
from urllib.parse import quote, urlencode

import httpx
import pydantic

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    make_status_error,
)
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout

T = TypeVar("T")
M = TypeVar("M", bound=pydantic.BaseModel)

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
_RETRY_STATUSES = frozenset({408, 409, 429})


@dataclass(frozen=True)
class RequestOptions:
    """Everything one API call sends. Built by a plain function, so sync and async share it."""

    method: str
    path: str
    query: Optional[Mapping[str, object]] = None
    headers: Optional[Mapping[str, object]] = None
    cookies: Optional[Mapping[str, object]] = None
    body: object = NOT_GIVEN
    body_encoding: str = "json"
    content_type: Optional[str] = None
    # The response media type to ask for, when it is not JSON.
    accept: Optional[str] = None
    # Alternatives of security scheme keys this operation accepts; None: the API's default.
    security: Optional[Tuple[Tuple[str, ...], ...]] = None
    extra_headers: Optional[Headers] = None
    extra_query: Optional[Query] = None
    extra_body: Optional[Body] = None
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    # The operation's documented outcome is a redirect (it declares 3XX and no 2XX): the
    # redirect is the answer, so it is neither followed nor raised as an error.
    redirect_is_result: bool = False


Parser = Callable[[httpx.Response], T]


def encode_path(template: str, values: Mapping[str, object]) -> str:
    """Fill a path template; each value is one percent-encoded segment that cannot change the route."""
    path = template
    for name, value in values.items():
        text = str(value)
        if not text:
            raise ValueError(f"Expected a non-empty value for path parameter {name!r}")
        encoded = quote(text, safe="")
        if encoded in (".", ".."):
            # A bare dot segment would be resolved away by URL normalisation.
            encoded = encoded.replace(".", "%2E")
        path = path.replace("{" + name + "}", encoded)
    return path


def jsonable(value: object) -> object:
    """Request data as JSON-compatible values; `NOT_GIVEN` entries are dropped."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {
            str(k): jsonable(v) for k, v in value.items() if not isinstance(v, NotGiven)
        }
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return value


def _query_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(_query_text(v) for v in value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


QueryItem = Tuple[str, Union[str, int, float, bool, None]]


@dataclass(frozen=True)
class Styled:
    """A query value with an OpenAPI `style`/`explode` other than the default (form, true)."""

    value: object
    style: str
    explode: bool


_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|"}


def query_items(params: Mapping[str, object]) -> List[QueryItem]:
    """Query parameters in wire form, per OpenAPI's serialization styles.

    Default (form, explode): a list repeats its key, an object's properties become
    parameters of their own. `deepObject` writes `key[prop]`; without explode, a list is
    joined (`,`, or the delimiter of its style) and an object becomes `key=p1,v1,p2,v2`
    (with its style's delimiter in place of `,`).
    """
    items: List[QueryItem] = []
    for key, value in params.items():
        style, explode = "form", True
        if isinstance(value, Styled):
            style, explode, value = value.style, value.explode, value.value
        if isinstance(value, NotGiven) or value is None:
            continue
        if isinstance(value, (list, tuple)):
            texts = [_query_text(v) for v in value if v is not None]
            if explode:
                items.extend((key, text) for text in texts)
            else:
                items.append((key, _DELIMITERS.get(style, ",").join(texts)))
        elif isinstance(value, Mapping):
            pairs = [
                (str(k), _query_text(v))
                for k, v in value.items()
                if not isinstance(v, NotGiven) and v is not None
            ]
            if style == "deepObject":
                items.extend((f"{key}[{k}]", text) for k, text in pairs)
            elif explode:
                items.extend(pairs)
            else:
                # Names and values alike joined by the style's delimiter: `R|100|G|200`.
                flat = [part for pair in pairs for part in pair]
                items.append((key, _DELIMITERS.get(style, ",").join(flat)))
        else:
            items.append((key, _query_text(value)))
    return items


def model_parser(model: Type[M]) -> Parser[M]:
    def parse(response: httpx.Response) -> M:
        return model.model_validate_json(response.content)

    return parse


class LazyAdapter(Generic[T]):
    """Parses with a pydantic TypeAdapter built on first use, keeping imports fast."""

    def __init__(self, annotation: Any) -> None:
        self._annotation = annotation
        self._adapter: Optional[pydantic.TypeAdapter[T]] = None

    def __call__(self, response: httpx.Response) -> T:
        if self._adapter is None:
            self._adapter = pydantic.TypeAdapter(self._annotation)
        return self._adapter.validate_json(response.content)


def parse_nothing(response: httpx.Response) -> None:
    return None


def parse_text(response: httpx.Response) -> str:
    return response.text


def parse_bytes(response: httpx.Response) -> bytes:
    return response.content


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, tuple)) or hasattr(value, "read")


def _is_structured(value: object) -> bool:
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, Mapping) for item in value)
    return isinstance(value, Mapping)


def _content(value: object) -> bytes:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode()
    read = getattr(value, "read", None)
    if read is not None:
        data = read()
        return data.encode() if isinstance(data, str) else bytes(data)
    raise TypeError(f"expected bytes, str or a binary file, got {type(value).__name__}")


def _encode_body(
    encoding: str, body: object, content_type: Optional[str], headers: httpx.Headers
) -> Dict[str, Any]:
    """httpx.Request keyword arguments that send `body` in the operation's encoding."""
    if encoding == "json":
        headers["Content-Type"] = "application/json"
        return {"content": json.dumps(jsonable(body), separators=(",", ":")).encode()}
    if encoding == "form":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        fields = body if isinstance(body, Mapping) else {}
        return {"content": urlencode(query_items(fields)).encode()}
    if encoding == "multipart":
        fields = body if isinstance(body, Mapping) else {}
        # Every part goes through `files`: a (None, text) part is a plain form field, and
        # httpx then always writes multipart (with its boundary in the Content-Type).
        parts: List[Tuple[str, Any]] = []
        for key, value in fields.items():
            if isinstance(value, NotGiven) or value is None:
                continue
            if _is_structured(value):
                # OpenAPI's default for an object (or a list of them) is one JSON part.
                data = json.dumps(jsonable(value), separators=(",", ":")).encode()
                parts.append((key, (None, data, "application/json")))
                continue
            for item in value if isinstance(value, list) else [value]:
                if _is_file(item):
                    parts.append((key, item))
                else:
                    parts.extend(
                        (k, (None, text)) for k, text in query_items({key: item})
                    )
        return {"files": parts}
    headers["Content-Type"] = content_type or "application/octet-stream"
    return {"content": _content(body)}


def _error_body(response: httpx.Response) -> object:
    if not response.content:
        return None
    try:
        return json.loads(response.content)
    except ValueError:
        return response.text


class BaseClient:
    """Configuration and the parts of a request that involve no I/O."""

    def __init__(
        self,
        *,
        base_url: Union[str, httpx.URL],
        timeout: Union[Timeout, NotGiven],
        max_retries: int,
        default_headers: Optional[Headers],
        auth: Mapping[str, Tuple[str, str, str]],
        security: Tuple[Tuple[str, ...], ...],
        user_agent: str,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self.base_url = httpx.URL(str(base_url).rstrip("/") + "/")
        self.timeout: Timeout = (
            DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout
        )
        self.max_retries = max_retries
        # httpx.Headers: a user's "accept" replaces our "Accept" instead of adding a second one.
        self._headers = httpx.Headers(
            {"Accept": "application/json", "User-Agent": user_agent}
        )
        self._default_headers = httpx.Headers(default_headers or {})
        # Scheme key -> (where, name, value) for each scheme whose credentials were given.
        self._auth = dict(auth)
        self._security = security

    def _credentials(
        self, security: Optional[Tuple[Tuple[str, ...], ...]]
    ) -> List[Tuple[str, str, str]]:
        """What to send for the first alternative whose credentials are all configured. An
        empty alternative (`{}`: credentials are optional) is no reason to leave out a
        configured credential: the operation may show more to a caller it knows."""
        for requirement in self._security if security is None else security:
            if requirement and all(key in self._auth for key in requirement):
                return [self._auth[key] for key in requirement]
        return []

    def build_request(self, options: RequestOptions) -> httpx.Request:
        headers = self._headers.copy()
        if options.accept:
            headers["Accept"] = options.accept
        auth_query: Dict[str, str] = {}
        cookies: List[str] = []
        for where, name, value in self._credentials(options.security):
            if where == "query":
                auth_query[name] = value
            elif where == "cookie":
                cookies.append(f"{name}={value}")
            else:
                headers[name] = value
        headers.update(self._default_headers)
        if options.headers:
            headers.update(
                {
                    k: _query_text(v)
                    for k, v in options.headers.items()
                    if not isinstance(v, NotGiven) and v is not None
                }
            )
        if options.extra_headers:
            headers.update(options.extra_headers)
        if options.cookies:
            cookies.extend(f"{k}={v}" for k, v in query_items(options.cookies))
        if cookies:
            headers["Cookie"] = "; ".join(cookies)
        # Percent-encoding (%20), not form encoding (+): servers read `+` in a query literally.
        query = urlencode(
            query_items(
                {**auth_query, **(options.query or {}), **(options.extra_query or {})}
            ),
            quote_via=quote,
        )
        body = options.body
        if options.extra_body:
            if isinstance(body, NotGiven):
                body = {}
            if not isinstance(body, Mapping):
                raise TypeError("extra_body needs an object request body")
            body = {**body, **options.extra_body}
        encoded: Dict[str, Any] = {}
        if not isinstance(body, NotGiven):
            encoded = _encode_body(
                options.body_encoding, body, options.content_type, headers
            )
        timeout = (
            self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        )
        # A path template may carry a fixed query of its own ("/responses?beta=true").
        path, _, fixed_query = options.path.partition("?")
        query = "&".join(q for q in (fixed_query, query) if q)
        url = self.base_url.join(path.lstrip("/"))
        return httpx.Request(
            options.method,
            url.copy_with(query=query.encode()) if query else url,
            headers=headers,
            extensions={"timeout": httpx.Timeout(timeout).as_dict()},
            **encoded,
        )

    def should_retry(self, response: httpx.Response) -> bool:
        should = str(response.headers.get("x-should-retry", ""))
        if should in ("true", "false"):
            return should == "true"
        return response.status_code in _RETRY_STATUSES or response.status_code >= 500

    def retry_delay(self, attempt: int, response: Optional[httpx.Response]) -> float:
        if response is not None:
            after = _retry_after(response)
            if after is not None and 0 <= after <= 60:
                return after
        delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
        return delay * (1 - 0.25 * random.random())

    def process(
        self, response: httpx.Response, parse: Parser[T], options: RequestOptions
    ) -> T:
        redirected = options.redirect_is_result and 300 <= response.status_code < 400
        if not (response.is_success or redirected):
            raise make_status_error(response, _error_body(response))
        try:
            return parse(response)
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(
                response, _error_body(response), str(exc)
            ) from exc

    def __repr__(self) -> str:
        # Never show credentials.
        return f"{type(self).__name__}(base_url={str(self.base_url)!r})"


def _retry_after(response: httpx.Response) -> Optional[float]:
    ms = response.headers.get("retry-after-ms")
    if ms is not None:
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    header = response.headers.get("retry-after")
    if header is None:
        return None
    try:
        return float(header)
    except ValueError:
        parsed = email.utils.parsedate_tz(header)
        if parsed is None:
            return None
        return float(email.utils.mktime_tz(parsed) - time.time())


class SyncAPIClient(BaseClient):
    def __init__(self, *, http_client: Optional[httpx.Client], **options: Any) -> None:
        super().__init__(**options)
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(
            timeout=self.timeout, follow_redirects=True
        )

    def request(self, options: RequestOptions, parse: Parser[T]) -> T:
        request = self.build_request(options)
        for attempt in range(self.max_retries + 1):
            retries_left = self.max_retries - attempt
            try:
                response = self._client.send(
                    request,
                    follow_redirects=self._client.follow_redirects
                    and not options.redirect_is_result,
                )
            except httpx.TimeoutException as exc:
                if retries_left > 0:
                    time.sleep(self.retry_delay(attempt, None))
                    continue
                raise APITimeoutError(request) from exc
            except httpx.TransportError as exc:
                if retries_left > 0:
                    time.sleep(self.retry_delay(attempt, None))
                    continue
                raise APIConnectionError(request=request) from exc
            if (
                retries_left > 0
                and response.status_code >= 400
                and self.should_retry(response)
            ):
                response.close()
                time.sleep(self.retry_delay(attempt, response))
                continue
            return self.process(response, parse, options)
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncAPIClient(BaseClient):
    def __init__(
        self, *, http_client: Optional[httpx.AsyncClient], **options: Any
    ) -> None:
        super().__init__(**options)
        self._owns_client = http_client is None
        self._client = http_client or httpx.AsyncClient(
            timeout=self.timeout, follow_redirects=True
        )

    async def request(self, options: RequestOptions, parse: Parser[T]) -> T:
        request = self.build_request(options)
        for attempt in range(self.max_retries + 1):
            retries_left = self.max_retries - attempt
            try:
                response = await self._client.send(
                    request,
                    follow_redirects=self._client.follow_redirects
                    and not options.redirect_is_result,
                )
            except httpx.TimeoutException as exc:
                if retries_left > 0:
                    await asyncio.sleep(self.retry_delay(attempt, None))
                    continue
                raise APITimeoutError(request) from exc
            except httpx.TransportError as exc:
                if retries_left > 0:
                    await asyncio.sleep(self.retry_delay(attempt, None))
                    continue
                raise APIConnectionError(request=request) from exc
            if (
                retries_left > 0
                and response.status_code >= 400
                and self.should_retry(response)
            ):
                await response.aclose()
                await asyncio.sleep(self.retry_delay(attempt, response))
                continue
            return self.process(response, parse, options)
        raise AssertionError("unreachable")

    async def close(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self: T) -> T:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
