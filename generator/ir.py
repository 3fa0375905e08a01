"""The intermediate representation: the API as its client presents it, every name decided.

Built once from a validated spec by `build`; read (never changed) by `render`. Names are
`PyCode` claimed in the namespace of their scope (`generator/names.py`); types are trees
(`generator/typetree.py`); text from the spec is kept raw and escaped at render time by the
filter of its destination (`generator/escape.py`). Example values and what the generated
tests expect are not here: they live in `generator/fixtures.py`.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from typing import Literal

from .escape import PyCode
from .load import Pointer
from .reexport import Reexport
from .typetree import ClassRef, Module, TypeNode

Location = Literal["path", "query", "header", "cookie", "body"]
Constraints = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Doc:
    """What the docs say of a field, a parameter or a class, from its schema."""

    description: str | None = None
    deprecated: bool = False
    constraints: Constraints = ()

    @property
    def text(self) -> str | None:
        """The description, with a deprecation note: a docstring's text."""
        parts = [self.description] if self.description else []
        if self.deprecated:
            parts.append("Deprecated.")
        return "\n\n".join(parts) or None


@dataclass(frozen=True)
class Field:
    """An attribute of a generated pydantic model or a key of a TypedDict."""

    name: PyCode
    wire_name: str
    type: TypeNode  # as annotated: Optional for an optional model field, Required[...] keys
    required: bool
    doc: Doc

    @property
    def aliased(self) -> bool:
        return self.name != self.wire_name


@dataclass(frozen=True)
class ClassDef:
    ref: ClassRef
    doc: Doc
    fields: tuple[Field, ...]

    @property
    def name(self) -> PyCode:
        return self.ref.name

    @property
    def kind(self) -> str:
        return self.ref.kind

    @property
    def needs_functional_syntax(self) -> bool:
        """A TypedDict whose keys are not all identifiers must use the call syntax."""
        return self.kind == "typeddict" and not all(
            f.wire_name.isidentifier() and f.wire_name.isascii()
            and not keyword.iskeyword(f.wire_name) for f in self.fields)


@dataclass(frozen=True)
class Alias:
    ref: ClassRef
    type: TypeNode


@dataclass(frozen=True)
class TypeModule:
    module: Module
    classes: tuple[ClassDef, ...]
    aliases: tuple[Alias, ...]
    # Classes that refer to themselves or to later classes: rebuilt once all exist.
    recursive: bool


@dataclass(frozen=True)
class Param:
    """A keyword (or the one positional) argument of an operation method."""

    name: PyCode
    wire_name: str
    location: Location
    type: TypeNode
    required: bool
    positional: bool
    doc: Doc
    # A query serialization other than OpenAPI's default (style form, explode true).
    style: str | None = None
    explode: bool = True


Encoding = Literal["json", "form", "multipart", "binary", "text"]
ResponseKind = Literal["model", "adapter", "none", "text", "bytes"]


@dataclass(frozen=True)
class Body:
    content_type: str
    encoding: Encoding
    # The one `body` argument; None when the body's properties are the arguments.
    param: PyCode | None


@dataclass(frozen=True)
class Response:
    status: str
    kind: ResponseKind
    # What the method returns: the response class or alias, or a builtin.
    type: TypeNode
    content_type: str | None

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

    @property
    def accept(self) -> str | None:
        """The Accept header when the answer is not plain `application/json` (the client's
        default): a vendor JSON type (`application/vnd.vimeo.video+json`) is asked for by
        name, as servers that negotiate content refuse anything else."""
        if self.kind == "none":
            return "*/*"
        if self.content_type is None or \
                self.content_type.split(";")[0].strip().lower() == "application/json":
            return None
        return self.content_type


@dataclass(frozen=True)
class Credential:
    """A client constructor argument holding a secret, defaulting to an env variable."""

    kwarg: PyCode
    env_var: str
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


Requirements = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Operation:
    pointer: Pointer  # of the operation in the spec: the key of its fixtures and docs
    name: PyCode
    http_method: str
    path: str
    summary: str | None
    description: str | None
    deprecated: bool
    params: tuple[Param, ...]
    body: Body | None
    response: Response
    security: tuple[SecurityScheme, ...]  # the schemes its docs list
    requirements: Requirements | None  # its own `security`, when it has one
    permissions: tuple[str, ...]
    resource_path: tuple[PyCode, ...]
    params_class: ClassRef | None
    # Module-level names of the resource module: the request builder and the parser.
    builder: PyCode
    parser: PyCode

    @property
    def call_path(self) -> PyCode:
        return PyCode(".".join((*self.resource_path, self.name)))

    def located(self, location: Location) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == location)


@dataclass(frozen=True)
class Resource:
    path: tuple[PyCode, ...]
    class_name: PyCode
    async_class_name: PyCode
    operations: tuple[Operation, ...]
    children: tuple[Resource, ...]
    # Classes its module imports by name (the response types), not through their module.
    by_name: frozenset[ClassRef] = frozenset()

    @property
    def attr(self) -> PyCode:
        return self.path[-1]

    @property
    def module(self) -> Module:
        """The file of the resource's classes (a package: children are subpackages)."""
        return ("resources", *self.path, "__init__")


@dataclass(frozen=True)
class ClientNames:
    """Names the package's top level gives to what the templates always define."""

    client: PyCode
    async_client: PyCode
    error: PyCode  # the base of every exception: `<Client>Error`


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    package_version: str
    description: str | None
    package: PyCode
    names: ClientNames
    env_prefix: str
    base_url: str | None
    schemes: tuple[SecurityScheme, ...]
    credentials: tuple[Credential, ...]
    default_security: Requirements
    auth_required: bool
    resources: tuple[Resource, ...]
    type_modules: tuple[TypeModule, ...]
    # Names of the user's modules in `<package>/lib/` that the package root exports too.
    reexports: tuple[Reexport, ...] = ()

    def example_credentials(self, op: Operation) -> tuple[Credential, ...]:
        """The credentials an example call of `op` passes: those of the first alternative
        that needs any, of its own `security` or else the API's; none for a public one."""
        by_key = {s.key: s for s in self.schemes}
        requirements = self.default_security if op.requirements is None else op.requirements
        for requirement in requirements:
            if requirement:
                return tuple(dict.fromkeys(c for key in requirement
                                           for c in by_key[key].credentials))
        return ()

    @property
    def distribution(self) -> str:
        return self.package.replace("_", "-")

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

    def classes(self) -> dict[ClassRef, ClassDef]:
        """Every generated class by its reference (the docs follow references into it)."""
        return {c.ref: c for m in self.type_modules for c in m.classes}
