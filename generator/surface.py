"""The client surface: what the user of a generated package writes code against.

`surface(api)` reads it off the IR into frozen data: the client's names and credentials, the
resources by attribute path, the methods by call path with their parameters and return type,
and the generated classes by import path with their fields. The docs' text (descriptions,
constraints, defaults, the request line of each method) is kept too: a change there is
patch-level. How requests are encoded and answers parsed is not: user code never names it.
`apidiff.compare` compares two surfaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .ir import Api, ClassDef, Doc, Field, Operation, Param
from .schemas import COMPONENTS_MODULE
from .typetree import (
    ClassRef,
    Module,
    Nullable,
    TypeNode,
    class_refs,
    strip_null,
    strip_required,
)

# Who makes the values of a slot: the caller writes arguments and request dicts, and reads
# response models. It decides which type changes break user code.
Side = Literal["writes", "reads"]


@dataclass(frozen=True)
class Slot:
    """A method parameter or a class field: one name the user passes or reads."""

    name: str  # the Python name
    wire_name: str
    location: str  # path, query, header, cookie or body for a parameter; "field" for a field
    required: bool
    nullable: bool  # None is one of its values
    type: TypeNode  # without the outer Optional[...] or Required[...]
    default: str | None  # the schema's default, as the docs show it
    positional: bool
    doc: Doc  # description, deprecation, and the constraints other than the default

    @property
    def place(self) -> str:
        """Where the value goes on the wire, in words."""
        if self.location == "field":
            return f"key {self.wire_name!r}"
        return f"{self.location} parameter {self.wire_name!r}"


@dataclass(frozen=True)
class Method:
    path: str  # the call path: `realtime_kit.livestreams.start`
    endpoint: str  # the request line the docs show: `POST /pets`
    params: tuple[Slot, ...]
    returns: TypeNode  # the type the method returns, aliases followed
    summary: str | None
    doc: Doc

    @property
    def where(self) -> str:
        return f"client.{self.path}"


@dataclass(frozen=True)
class Model:
    """A generated class: a response model or a request TypedDict."""

    ref: ClassRef
    fields: tuple[Slot, ...]
    doc: Doc
    # The call path of the method whose own modules hold the class (None for shared schemas):
    # such a class comes and goes with its method.
    owner: str | None

    @property
    def where(self) -> str:
        return ".".join((*self.ref.module, self.ref.name))

    @property
    def side(self) -> Side:
        return "reads" if self.ref.kind == "model" else "writes"


@dataclass(frozen=True)
class Client:
    package: str
    classes: tuple[tuple[str, str], ...]  # (role, class name): the client classes, the error
    credentials: tuple[tuple[str, str], ...]  # (constructor argument, environment variable)
    auth_required: bool  # construction fails without a credential
    base_url: str | None
    description: str | None


@dataclass(frozen=True)
class Surface:
    client: Client | None  # None for no client at all (a spec that did not exist)
    resources: tuple[str, ...]  # attribute paths, `realtime_kit.livestreams`
    methods: tuple[Method, ...]
    models: tuple[Model, ...]
    # The names of the types methods return that are not classes (`XResponse = List[Pet]`):
    # importable too, but compared as the return types they stand for.
    aliases: tuple[tuple[ClassRef, TypeNode], ...] = ()


EMPTY = Surface(None, (), (), ())


def surface(api: Api) -> Surface:
    aliases = {a.ref: a.type for m in api.type_modules for a in m.aliases}
    owners = _owners(api, aliases)
    # A method's `...Params` TypedDict repeats its parameters, which are compared as such.
    params_classes = {op.params_class for op in api.operations}
    return Surface(
        client=_client(api),
        resources=tuple(".".join(r.path) for r in api.all_resources),
        methods=tuple(_method(op, aliases) for op in api.operations),
        models=tuple(_model(c, owners.get(c.ref.module)) for m in api.type_modules
                     for c in m.classes if c.ref not in params_classes),
        aliases=tuple(aliases.items()),
    )


def _client(api: Api) -> Client:
    names = api.names
    return Client(
        package=api.package,
        classes=(("client", names.client), ("async client", names.async_client),
                 ("error", names.error)),
        credentials=tuple((c.kwarg, c.env_var) for c in api.credentials),
        auth_required=api.auth_required,
        base_url=api.base_url,
        description=api.description,
    )


def _owners(api: Api, aliases: dict[ClassRef, TypeNode]) -> dict[Module, str]:
    """The method each per-operation module belongs to (its params and response modules)."""
    out: dict[Module, str] = {}
    for op in api.operations:
        nodes = [p.type for p in op.params] + [op.response.type]
        nodes += [aliases[r] for r in class_refs(op.response.type) if r in aliases]
        refs = [r for node in nodes for r in class_refs(node)]
        refs += [op.params_class] if op.params_class is not None else []
        for ref in refs:
            if ref.module != COMPONENTS_MODULE:
                out.setdefault(ref.module, op.call_path)
    return out


def _method(op: Operation, aliases: dict[ClassRef, TypeNode]) -> Method:
    returns = op.response.type
    if isinstance(returns, ClassRef):
        returns = aliases.get(returns, returns)
    return Method(
        path=op.call_path,
        endpoint=f"{op.http_method} {op.path}",
        params=tuple(_param(p) for p in op.params),
        returns=returns,
        summary=op.summary,
        doc=Doc(op.description, op.deprecated),
    )


def _param(param: Param) -> Slot:
    return _slot(param.name, param.wire_name, param.location, param.required, param.type,
                 param.positional, param.doc)


def _model(cls: ClassDef, owner: str | None) -> Model:
    return Model(cls.ref, tuple(_field(f) for f in cls.fields), cls.doc, owner)


def _field(field: Field) -> Slot:
    return _slot(field.name, field.wire_name, "field", field.required,
                 strip_required(field.type), False, field.doc)


def _slot(name: str, wire_name: str, location: str, required: bool, node: TypeNode,
          positional: bool, doc: Doc) -> Slot:
    """A slot; an optional model field's type is Optional, which `nullable` records."""
    defaults = [text for key, text in doc.constraints if key == "default"]
    constraints = tuple((key, text) for key, text in doc.constraints if key != "default")
    return Slot(name, wire_name, location, required, isinstance(node, Nullable),
                strip_null(node), defaults[0] if defaults else None, positional,
                Doc(doc.description, doc.deprecated, constraints))
