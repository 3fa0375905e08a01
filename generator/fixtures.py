"""Examples and the generated tests' expectations, apart from the API model.

The IR says what the API is; this says what the docs show and what the tests send and expect
for each operation: example arguments, the request the example call must produce (path and
query as literal text), the answer a test server gives, and why a test cannot pass against a
server that follows the spec. The expected query is worked out here from OpenAPI's table of
parameter styles, independently of the runtime's serializer, so a fault in one is caught by
the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote

from .escape import PyCode
from .load import Pointer


@dataclass(frozen=True)
class Example:
    """An example value (any JSON value, None included, or bytes for an upload)."""

    value: Any
    # False when no value could be found that the schema accepts (an unsatisfiable schema,
    # or one the sampler cannot follow): a server that validates requests will refuse it.
    valid: bool = True
    # Whether this is the example the spec declares, unchanged: what a mock server
    # answering from the spec's examples sends.
    as_declared: bool = False

    @property
    def ambiguous(self) -> bool:
        """A dict/list literal, which mypy often cannot match against TypedDicts (unions,
        empty containers), so generated tests pass it through `cast(Any, ...)`."""
        return isinstance(self.value, (dict, list))


@dataclass(frozen=True)
class Argument:
    """One argument of the example call."""

    name: PyCode
    wire_name: str
    location: str
    example: Example
    style: str = "form"
    explode: bool = True


@dataclass(frozen=True)
class OperationFixture:
    args: tuple[Argument, ...]
    # The JSON the example call sends as its body (None: it sends none).
    body: Example | None
    answer: Example | None  # the example answer of a JSON response
    # The example call is one a server validating against the spec accepts.
    valid: bool
    # The spec documents a success response (else the tested status is an assumption).
    documented: bool
    # The answer is a JSON media type declared without a schema.
    schemaless: bool
    path: str  # the request path the example call must produce

    @property
    def query(self) -> tuple[tuple[str, str], ...]:
        """The query items the example call must send (fixed ones in the path first)."""
        path_query = self.path.partition("?")[2]
        items = parse_qsl(path_query, keep_blank_values=True)
        for arg in self.args:
            if arg.location == "query":
                items.extend(query_items(arg.wire_name, arg.example.value, arg.style,
                                         arg.explode))
        return tuple(items)

    @property
    def target_path(self) -> str:
        path = self.path.partition("?")[0]
        for arg in self.args:
            if arg.location == "path":
                path = path.replace("{" + arg.wire_name + "}",
                                    quote(_scalar_text(arg.example.value), safe=""))
        return path

    @property
    def remote_skip_reason(self) -> str | None:
        """Why the generated test cannot pass against a server that follows the spec, if it
        cannot (it still runs against the local one)."""
        if not self.valid:
            return "no example request satisfies the spec's schemas for this operation"
        if not self.documented:
            return "the spec declares no success response for this operation"
        return None

    @property
    def prefer_example(self) -> bool:
        """Whether the test asks a mock server for the spec's example answer rather than one
        it invents: a schema-less answer cannot be invented, and a valid declared example
        avoids a mock's own generator (Prism's fails on some schemas)."""
        return self.schemaless or (self.answer is not None and self.answer.as_declared)


Fixtures = dict[Pointer, OperationFixture]


# -- query parameters, from OpenAPI's style table ------------------------------------------
#
# For a parameter `color` and the values "blue", ["blue", "black"] and {"R": 100, "G": 200}:
#
#   style           explode  primitive    array                    object
#   form            false    color=blue   color=blue,black         color=R,100,G,200
#   form            true     color=blue   color=blue&color=black   R=100&G=200
#   spaceDelimited  false    n/a          color=blue%20black       color=R%20100%20G%20200
#   pipeDelimited   false    n/a          color=blue|black         color=R|100|G|200
#   deepObject      true     n/a          n/a                      color[R]=100&color[G]=200
#
# (Delimited styles with explode true repeat the key, as form does.) Items here are decoded:
# the tests compare them with the query the server received, decoded the same way.

_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def query_items(name: str, value: Any, style: str, explode: bool) -> list[tuple[str, str]]:
    """The decoded query items of one parameter value (a null value sends nothing)."""
    if value is None:
        return []
    if isinstance(value, dict):
        return _object_items(name, value, style, explode)
    if isinstance(value, list):
        texts = [_scalar_text(v) for v in value if v is not None]
        if explode:
            return [(name, text) for text in texts]
        return [(name, _DELIMITERS.get(style, ",").join(texts))]
    return [(name, _scalar_text(value))]


def _object_items(name: str, value: dict[str, Any], style: str,
                  explode: bool) -> list[tuple[str, str]]:
    pairs = [(str(k), _scalar_text(v)) for k, v in value.items() if v is not None]
    if style == "deepObject":
        return [(f"{name}[{k}]", text) for k, text in pairs]
    if explode:
        return pairs
    flat = [part for pair in pairs for part in pair]
    return [(name, _DELIMITERS.get(style, ",").join(flat))]


def _scalar_text(value: Any) -> str:
    """How a scalar is written in a URL: JSON's spelling of booleans, numbers as numbers."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
