"""The intermediate representation: everything the templates need, with every name decided.

Built once from a validated spec by `build`; read (never changed) by `render`. Text fields
hold raw spec text and are escaped at render time through `generator.escape`; fields typed
`Code` are identifiers or expressions that are already safe to print.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from typing import Any, Literal

from .escape import Code
from .reexport import Reexport

Location = Literal["path", "query", "header", "cookie", "body"]


@dataclass(frozen=True)
class DocField:
    """One row of a docs page's Parameters or Returns tree."""

    name: str
    doc_type: Code
    required: bool
    description: str | None
    constraints: tuple[tuple[str, str], ...]
    enum_values: tuple[Code, ...]
    deprecated: bool
    children: tuple[DocField, ...]

    @property
    def signature(self) -> str:
        return f"{self.name}: {self.doc_type}"


@dataclass(frozen=True)
class Field:
    """An attribute of a generated pydantic model or TypedDict."""

    name: Code
    wire_name: str
    annotation: Code
    required: bool
    description: str | None
    deprecated: bool

    @property
    def aliased(self) -> bool:
        return self.name != self.wire_name

    @property
    def doc(self) -> str | None:
        return _doc(self.description, self.deprecated)


@dataclass(frozen=True)
class ClassDef:
    name: Code
    kind: Literal["model", "typeddict"]
    description: str | None
    deprecated: bool
    fields: tuple[Field, ...]

    @property
    def doc(self) -> str | None:
        return _doc(self.description, self.deprecated)

    @property
    def needs_functional_syntax(self) -> bool:
        """A TypedDict whose keys are not all identifiers must use the call syntax."""
        return self.kind == "typeddict" and not all(
            f.wire_name.isidentifier() and not keyword.iskeyword(f.wire_name) for f in self.fields
        )


@dataclass(frozen=True)
class Alias:
    name: Code
    annotation: Code


@dataclass(frozen=True)
class TypeModule:
    module: tuple[str, ...]
    imports: tuple[Code, ...]
    classes: tuple[ClassDef, ...]
    aliases: tuple[Alias, ...]
    needs_rebuild: bool


@dataclass(frozen=True)
class Example:
    """An example value (any JSON value, None included) taken from or built for the spec."""

    value: Any
    # False when no value could be found that the schema accepts (an unsatisfiable schema, or
    # one the sampler cannot follow): a server that validates requests will refuse it.
    valid: bool = True
    # Whether this is the example the spec declares, unchanged: what a mock server answering
    # from the spec's examples sends.
    as_declared: bool = False


@dataclass(frozen=True)
class Param:
    """A keyword (or the one positional) argument of an operation method."""

    name: Code
    wire_name: str
    location: Location
    annotation: Code
    required: bool
    positional: bool
    description: str | None
    deprecated: bool
    nullable: bool
    example: Example | None
    # A query serialization other than OpenAPI's default (style form, explode true).
    style: str | None = None
    explode: bool = True


    @property
    def example_is_ambiguous(self) -> bool:
        """A dict/list literal, which mypy often cannot match against TypedDicts (unions,
        empty containers), so generated tests pass it through `cast(Any, ...)`."""
        return self.example is not None and isinstance(self.example.value, (dict, list))


@dataclass(frozen=True)
class ResponseDef:
    status: str
    annotation: Code
    kind: Literal["model", "adapter", "none", "text", "bytes"]
    content_type: str | None
    sample: Example | None  # the example answer, for JSON answers
    doc_fields: tuple[DocField, ...]
    class_name: Code | None
    module: tuple[Code, ...]
    print_attr: Code | None
    # False when the spec declares no success (2XX or 3XX) response at all: the status and
    # type here are assumptions, and no server following the spec will answer with them.
    documented: bool = True
    # A JSON media type declared without a schema: only the spec's own example describes it.
    schemaless: bool = False

    @property
    def example(self) -> Any:
        return self.sample.value if self.sample is not None else None

    @property
    def prefer_example(self) -> bool:
        """Whether the generated test asks a mock server for the spec's example answer rather
        than one it invents: a schema-less answer cannot be invented, and a valid declared
        example avoids a mock's own generator (Prism's fails on some schemas). Without a
        declared example the mock's generator is used either way."""
        return self.schemaless or (self.sample is not None and self.sample.as_declared)

    @property
    def accept(self) -> str | None:
        """The Accept header when the response is not plain `application/json` (the client's
        default): a vendor JSON type (`application/vnd.vimeo.video+json`) is asked for by name,
        as servers that negotiate content refuse anything else."""
        if self.kind == "none":
            return "*/*"
        if self.content_type is None or self.content_type.split(";")[0].strip().lower() == \
                "application/json":
            return None
        return self.content_type

    @property
    def parsed(self) -> bool:
        """Whether the answer is JSON parsed into a declared type (a model or an adapter)."""
        return self.kind in ("model", "adapter")

    @property
    def is_redirect(self) -> bool:
        return self.status.startswith("3")

    @property
    def status_code(self) -> int:
        return int(self.status.upper().replace("X", "0"))


@dataclass(frozen=True)
class Credential:
    """A client constructor argument holding a secret, defaulting to an env variable."""

    kwarg: Code
    env_var: Code
    description: str


@dataclass(frozen=True)
class SecurityScheme:
    key: str
    kind: Literal["bearer", "basic", "api_key"]
    display_name: str
    description: str | None
    header_name: str
    location: Literal["header", "query", "cookie"]
    example_value: str
    credentials: tuple[Credential, ...]

    @property
    def header_line(self) -> str:
        """How the credential looks on the wire, for the docs."""
        if self.kind == "bearer":
            return f"Authorization: Bearer {self.example_value}"
        if self.kind == "basic":
            return f"Authorization: Basic {self.example_value}"
        if self.location == "query":
            return f"?{self.header_name}={self.example_value}"
        if self.location == "cookie":
            return f"Cookie: {self.header_name}={self.example_value}"
        return f"{self.header_name}: {self.example_value}"


@dataclass(frozen=True)
class Operation:
    name: Code
    http_method: Code
    path: str
    summary: str | None
    description: str | None
    deprecated: bool
    params: tuple[Param, ...]
    body_content_type: str | None
    body_encoding: Code | None
    body_param: Code | None
    response: ResponseDef
    security: tuple[SecurityScheme, ...]
    requirements: tuple[tuple[str, ...], ...] | None
    permissions: tuple[str, ...]
    resource_path: tuple[Code, ...]
    doc_fields: tuple[DocField, ...]
    params_class: Code | None
    request_builder: Code
    example_request: tuple[str, tuple[tuple[str, str], ...]]
    example_body: Example | None
    # Whether the example call is one a server validating against the spec accepts.
    example_is_valid: bool

    @property
    def remote_skip_reason(self) -> str | None:
        """Why the generated test cannot pass against a server that follows the spec, if it
        cannot (it still runs against the local one)."""
        if not self.example_is_valid:
            return "no example request satisfies the spec's schemas for this operation"
        if not self.response.documented:
            return "the spec declares no success response for this operation"
        return None

    @property
    def call_path(self) -> Code:
        return Code(".".join((*self.resource_path, self.name)))

    @property
    def path_params(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == "path")

    def located(self, location: Location) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == location)

    @property
    def example_args(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.example is not None)


@dataclass(frozen=True)
class Resource:
    path: tuple[Code, ...]
    class_name: Code
    module: tuple[str, ...]
    operations: tuple[Operation, ...]
    children: tuple[Resource, ...]
    imports: tuple[Code, ...]

    @property
    def attr(self) -> Code:
        return self.path[-1]

    @property
    def async_class_name(self) -> Code:
        return Code("Async" + self.class_name)

    @property
    def tests_may_skip(self) -> bool:
        """Whether a generated test skips an operation (so the test module imports pytest)."""
        return any(op.remote_skip_reason for op in self.operations)

    @property
    def tests_prefer_example(self) -> bool:
        """Whether a generated test asks for the spec's example answer (so imports it)."""
        return any(op.response.prefer_example for op in self.operations)


# The errors every package root exports, besides the client's own base error.
ROOT_ERRORS = ("APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError",
               "APITimeoutError", "AuthenticationError", "BadRequestError", "ConflictError",
               "InternalServerError", "NotFoundError", "PermissionDeniedError", "RateLimitError",
               "UnprocessableEntityError")


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    package_version: Code
    description: str | None
    package: Code
    client: Code
    env_prefix: Code
    base_url: str | None
    schemes: tuple[SecurityScheme, ...]
    credentials: tuple[Credential, ...]
    default_security: tuple[tuple[str, ...], ...]
    auth_required: bool
    resources: tuple[Resource, ...]
    type_modules: tuple[TypeModule, ...]
    reexports: tuple[Reexport, ...]
    """Names of the user's modules in `<package>/lib/` that the package root exports too."""

    @property
    def root_imports(self) -> tuple[tuple[Code, tuple[Code, ...]], ...]:
        """The generated names the package root imports, by module."""
        return (
            (Code("_client"), (self.client, self.async_client)),
            (Code("_exceptions"), (Code(f"{self.client}Error"), *map(Code, ROOT_ERRORS))),
            (Code("_types"), (Code("NOT_GIVEN"), Code("NotGiven"))),
            (Code("_version"), (Code("__version__"),)),
        )

    @property
    def root_names(self) -> tuple[Code, ...]:
        return tuple(name for _, names in self.root_imports for name in names)

    @property
    def exports(self) -> tuple[Code, ...]:
        """The package root's `__all__`: the generated names, then the re-exported ones."""
        return self.root_names + tuple(item.name for item in self.reexports)

    @property
    def auth(self) -> SecurityScheme | None:
        """The scheme the examples use: the first the API asks for, else the first defined."""
        by_key = {s.key: s for s in self.schemes}
        for requirement in self.default_security:
            if requirement:
                return by_key[requirement[0]]
        return self.schemes[0] if self.schemes else None

    @property
    def base_url_env(self) -> Code:
        return Code(f"{self.env_prefix}_BASE_URL")

    @property
    def package_glob(self) -> Code:
        return Code(f"{self.package}.*")

    @property
    def summary(self) -> str:
        return f"Python client for {self.title}"

    @property
    def distribution(self) -> Code:
        return Code(self.package.replace("_", "-"))

    @property
    def async_client(self) -> Code:
        return Code("Async" + self.client)

    @property
    def all_resources(self) -> tuple[Resource, ...]:
        out: list[Resource] = []
        stack = list(reversed(self.resources))
        while stack:
            res = stack.pop()
            out.append(res)
            stack.extend(reversed(res.children))
        return tuple(out)

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for res in self.all_resources for op in res.operations)


def _doc(description: str | None, deprecated: bool) -> str | None:
    parts = [description] if description else []
    if deprecated:
        parts.append("Deprecated.")
    return "\n\n".join(parts) or None
