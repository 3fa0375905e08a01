"""What each template prints, worked out in Python from the IR, the fixtures and the docs.

Templates lay text out; the decisions (imports, annotations, signatures, which runtime
helpers a module needs) are made here, each by one function.
"""

from __future__ import annotations

from dataclasses import dataclass

from .docs import DocRow, DocsBuilder
from .escape import PyCode, py_docstring, py_literal, py_str
from .fixtures import Fixtures, OperationFixture
from .importblock import from_imports, import_block
from .ir import (
    Api,
    ClassDef,
    Credential,
    Field,
    Location,
    Operation,
    Param,
    Resource,
    TypeModule,
)
from .names import Namespace
from .typetree import ClassRef, Import, Module, Printer, doc_type, imports


def _join(items: list[str], sep: str = ", ") -> PyCode:
    return PyCode(sep.join(items))


# -- types modules ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldView:
    line: PyCode  # `name: Annotation = default`, or a TypedDict key
    doc: PyCode | None


@dataclass(frozen=True)
class ClassView:
    cls: ClassDef
    doc: PyCode | None
    fields: tuple[FieldView, ...]
    # A TypedDict whose keys are not identifiers, in the call syntax: `{"key": "Ann", ...}`.
    functional_items: PyCode | None


@dataclass(frozen=True)
class TypesModuleView:
    module: TypeModule
    imports: PyCode
    all_names: PyCode
    classes: tuple[ClassView, ...]
    aliases: tuple[tuple[PyCode, PyCode], ...]
    rebuild: tuple[PyCode, ...]


def types_module_view(module: TypeModule, package: str) -> TypesModuleView:
    printer = Printer(module.module)
    wanted: set[Import] = {Import("__future__", "annotations")}
    for cls in module.classes:
        for f in cls.fields:
            wanted |= imports(f.type, printer)
        if cls.kind == "model":
            wanted.add(Import("._models", "BaseModel"))
            if any(f.aliased for f in cls.fields):
                wanted.add(Import("._models", "Field"))
        else:
            wanted.add(Import("typing_extensions", "TypedDict"))
    for alias in module.aliases:
        wanted |= imports(alias.type, printer)
    names = [c.name for c in module.classes] + [a.ref.name for a in module.aliases]
    return TypesModuleView(
        module=module,
        imports=import_block(wanted, module.module, package),
        all_names=_join([f"{py_str(n)}, " for n in names], ""),
        classes=tuple(_class_view(c, printer) for c in module.classes),
        aliases=tuple((a.ref.name, printer.annotation(a.type)) for a in module.aliases),
        rebuild=tuple(c.name for c in module.classes if c.kind == "model")
        if module.recursive else (),
    )


def _class_view(cls: ClassDef, printer: Printer) -> ClassView:
    doc = py_docstring(cls.doc.text, 4) if cls.doc.text else None
    if cls.needs_functional_syntax:
        items = _join([f"{py_str(f.wire_name)}: {py_str(printer.annotation(f.type))}"
                       for f in cls.fields])
        return ClassView(cls, doc, (), items)
    fields = tuple(FieldView(_field_line(cls, f, printer),
                             py_docstring(f.doc.text, 4) if f.doc.text else None)
                   for f in cls.fields)
    return ClassView(cls, doc, fields, None)


def _field_line(cls: ClassDef, field: Field, printer: Printer) -> PyCode:
    annotation = printer.annotation(field.type)
    if cls.kind != "model":
        return PyCode(f"{field.wire_name}: {annotation}")
    if field.aliased:
        default = "default=None, " if not field.required else ""
        return PyCode(f"{field.name}: {annotation} = Field({default}alias="
                      f"{py_str(field.wire_name)})")
    return PyCode(f"{field.name}: {annotation}{'' if field.required else ' = None'}")


# -- resource modules -----------------------------------------------------------------------

@dataclass(frozen=True)
class OperationView:
    op: Operation
    signature: tuple[PyCode, ...]  # the parameter lines, `*` included
    call_args: tuple[PyCode, ...]  # `name=name` for the request builder
    options: tuple[PyCode, ...]  # `key=value` of the RequestOptions it builds
    parse: PyCode  # the right-hand side of `_x_parse = ...`, with its annotation
    returns: PyCode
    docstring: PyCode


@dataclass(frozen=True)
class ResourceView:
    resource: Resource
    imports: PyCode
    docstring: PyCode
    operations: tuple[OperationView, ...]
    # Child resources: (attribute, class, async class).
    children: tuple[tuple[PyCode, PyCode, PyCode], ...]
    type_checking: tuple[PyCode, ...]  # imports of the child resources' classes


_REQUEST_OPTION_PARAMS = (
    "extra_headers: Optional[Headers] = None",
    "extra_query: Optional[Query] = None",
    "extra_body: Optional[Body] = None",
    "timeout: Union[Timeout, NotGiven] = NOT_GIVEN",
)
_PARSERS = {"model": "model_parser", "adapter": "LazyAdapter", "text": "parse_text",
            "bytes": "parse_bytes", "none": "parse_nothing"}


def resource_view(resource: Resource, package: str) -> ResourceView:
    printer = Printer(resource.module, resource.by_name)
    ops = tuple(_operation_view(op, printer) for op in resource.operations)
    wanted = {Import("__future__", "annotations"),
              Import("._base_client", "AsyncAPIClient"), Import("._base_client", "SyncAPIClient")}
    if resource.operations:
        wanted |= {Import("._base_client", "RequestOptions"), Import("typing", "Optional"),
                   Import("typing", "Union"),
                   *(Import("._types", n) for n in ("NOT_GIVEN", "Body", "Headers", "NotGiven",
                                                    "Query", "Timeout"))}
    for op in resource.operations:
        wanted |= _operation_imports(op, printer)
    if resource.children:
        wanted |= {Import("functools", "cached_property"), Import("typing", "TYPE_CHECKING")}
    summary = f"The `{'.'.join(resource.path)}` resource"
    if resource.operations:
        summary += ": " + ", ".join(op.name for op in resource.operations)
    return ResourceView(
        resource=resource,
        imports=import_block(wanted, resource.module, package),
        docstring=py_docstring(summary + "."),
        operations=ops,
        children=tuple((c.attr, c.class_name, c.async_class_name) for c in resource.children),
        type_checking=from_imports({f".{c.attr}": (c.class_name, c.async_class_name)
                                    for c in resource.children}),
    )


def _operation_imports(op: Operation, printer: Printer) -> set[Import]:
    wanted = {Import("._base_client", _PARSERS[op.response.kind])}
    for p in op.params:
        wanted |= imports(p.type, printer)
    if op.response.parsed:
        wanted |= imports(op.response.type, printer)
    if any(p.location == "path" for p in op.params):
        wanted.add(Import("._base_client", "encode_path"))
    if any(p.style for p in op.params):
        wanted.add(Import("._base_client", "Styled"))
    return wanted


def _operation_view(op: Operation, printer: Printer) -> OperationView:
    returns = printer.annotation(op.response.type)
    if op.response.kind == "model":
        parse = PyCode(f"model_parser({returns})")
    elif op.response.kind == "adapter":
        parse = PyCode(f"LazyAdapter({returns})")
        parse = PyCode(f": LazyAdapter[{returns}] = {parse}")
    else:
        parse = PyCode(_PARSERS[op.response.kind])
    if not parse.startswith(":"):
        parse = PyCode(f" = {parse}")
    return OperationView(
        op=op,
        signature=_signature(op, printer),
        call_args=tuple(PyCode(f"{p.name}={p.name}") for p in op.params) + tuple(
            PyCode(f"{n}={n}") for n in ("extra_headers", "extra_query", "extra_body",
                                         "timeout")),
        options=_request_options(op),
        parse=parse,
        returns=returns,
        docstring=_method_docstring(op),
    )


def _signature(op: Operation, printer: Printer) -> tuple[PyCode, ...]:
    lines = [f"{p.name}: {printer.annotation(p.type)}" for p in op.params if p.positional]
    lines.append("*")
    for p in op.params:
        if not p.positional:
            annotation = printer.annotation(p.type)
            # `Union[...]`, not `... | NotGiven`: a long one splits at its brackets, as
            # black and ruff both do it.
            lines.append(f"{p.name}: {annotation}" if p.required
                         else f"{p.name}: Union[{annotation}, NotGiven] = NOT_GIVEN")
    lines.extend(_REQUEST_OPTION_PARAMS)
    return tuple(PyCode(line) for line in lines)


def _mapping(params: tuple[Param, ...]) -> PyCode:
    items = []
    for p in params:
        value = f"Styled({p.name}, {py_str(p.style)}, {p.explode})" if p.style else p.name
        items.append(f"{py_str(p.wire_name)}: {value}, ")
    # The trailing comma keeps black from joining the items onto one line.
    return PyCode("{" + "".join(items) + "}")


def _request_options(op: Operation) -> tuple[PyCode, ...]:
    lines = [f"method={py_str(op.http_method)}"]
    path_params = op.located("path")
    if path_params:
        lines.append(f"path=encode_path({py_str(op.path)}, {_mapping(path_params)})")
    else:
        lines.append(f"path={py_str(op.path)}")
    places: tuple[tuple[Location, str], ...] = (("query", "query"), ("cookie", "cookies"),
                                                ("header", "headers"))
    for location, key in places:
        if op.located(location):
            lines.append(f"{key}={_mapping(op.located(location))}")
    if op.body is not None:
        lines.append(f"body={op.body.param}" if op.body.param
                     else f"body={_mapping(op.located('body'))}")
        lines.append(f"body_encoding={py_str(op.body.encoding)}")
        lines.append(f"content_type={py_str(op.body.content_type)}")
    if op.response.accept:
        lines.append(f"accept={py_str(op.response.accept)}")
    if op.response.is_redirect:
        lines.append("redirect_is_result=True")
    if op.requirements is not None:
        lines.append("security=" + _requirements_literal(op.requirements))
    lines.extend(f"{n}={n}" for n in ("extra_headers", "extra_query", "extra_body", "timeout"))
    return tuple(PyCode(line) for line in lines)


def _requirements_literal(requirements: tuple[tuple[str, ...], ...]) -> PyCode:
    """A tuple of tuples of strings, as Python source (trailing commas keep 1-tuples)."""
    inner = "".join("(" + "".join(f"{py_str(k)}, " for k in req) + "), "
                    for req in requirements)
    return PyCode(f"({inner})")


def _method_docstring(op: Operation) -> PyCode:
    parts = [op.summary or op.name]
    if op.description:
        parts.append(op.description)
    if op.deprecated:
        parts.append("Deprecated: this operation may be removed from the API.")
    text = "\n\n".join(parts)
    if op.params:
        args = []
        for p in op.params:
            note = (p.doc.description or "").strip()
            if p.doc.deprecated:
                note = f"{note} (deprecated)".strip()
            args.append(f"    {p.name}: " + note.replace("\n", "\n        "))
        text += "\n\nArgs:\n" + "\n".join(args)
    return py_docstring(text, 8)


# -- docs -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class DocsPageView:
    op: Operation
    signature: str
    parameters: tuple[DocRow, ...]
    returns: tuple[DocRow, ...]
    returns_type: str
    returns_page: ClassRef | None  # the shared schema it returns, when that has a page
    fixture: OperationFixture


def docs_page_view(op: Operation, docs: DocsBuilder, fixture: OperationFixture
                   ) -> DocsPageView:
    return DocsPageView(op, docs.signature(op), docs.parameters(op), docs.returns(op),
                        doc_type(op.response.type), docs.returns_page(op), fixture)


# -- tests ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TestOperationView:
    op: Operation
    fixture: OperationFixture
    returns: PyCode
    answer: PyCode | None
    call_args: tuple[PyCode, ...]
    query: tuple[tuple[PyCode, PyCode], ...]
    body: PyCode | None
    # The answer's class, for an isinstance check, when the method returns a model.
    model: PyCode | None


@dataclass(frozen=True)
class TestModuleView:
    imports: PyCode
    resource: Resource
    resource_classes: PyCode  # `Union[XResource, AsyncXResource]`
    resource_attr: PyCode  # `a.b`: the resource as a client attribute
    operations: tuple[TestOperationView, ...]
    client_args: PyCode  # `, api_token="test-token"` for every credential


def test_module_view(api: Api, resource: Resource, fixtures: Fixtures,
                     module: Module) -> TestModuleView:
    names = Namespace(".".join(module), {"MockServer", "PREFER_EXAMPLE", "asyncio", "pytest",
                                         "Any", "Union", "cast", "parse_qsl", "urlsplit",
                                         "TypeAdapter", api.names.client,
                                         api.names.async_client, resource.class_name,
                                         resource.async_class_name, "_Resource"})
    refs = [op.response.type for op in resource.operations
            if op.response.parsed and isinstance(op.response.type, ClassRef)]
    by_name = frozenset(r for r in refs if names.claim(r.name, key=r) == r.name)
    printer = Printer(module, by_name)
    ops = tuple(_test_operation(op, fixtures[op.pointer], printer) for op in resource.operations)
    return TestModuleView(
        imports=import_block(_test_imports(api, resource, ops, printer), module, api.package),
        resource=resource,
        resource_classes=PyCode(f"Union[{resource.class_name}, {resource.async_class_name}]"),
        resource_attr=PyCode(".".join(resource.path)),
        operations=ops,
        client_args=_join([f", {c.kwarg}={py_str('test-token')}" for c in api.credentials], ""),
    )


def _test_operation(op: Operation, fixture: OperationFixture,
                    printer: Printer) -> TestOperationView:
    args = []
    for arg in fixture.args:
        literal = py_literal(arg.example.value)
        args.append(PyCode(f"{arg.name}=cast(Any, {literal})" if arg.example.ambiguous
                           else f"{arg.name}={literal}"))
    answer = py_literal(fixture.answer.value) if op.response.parsed and fixture.answer \
        else (PyCode("None") if op.response.parsed else None)
    json_body = op.body is not None and op.body.encoding == "json" and fixture.body is not None
    return TestOperationView(
        op=op, fixture=fixture,
        returns=printer.annotation(op.response.type),
        answer=answer,
        call_args=tuple(args),
        query=tuple((py_str(k), py_str(v)) for k, v in fixture.query),
        body=py_literal(fixture.body.value) if json_body and fixture.body else None,
        model=printer.annotation(op.response.type) if op.response.kind == "model" else None,
    )


def _test_imports(api: Api, resource: Resource, ops: tuple[TestOperationView, ...],
                  printer: Printer) -> set[Import]:
    package = api.package
    path = ".".join(resource.path)
    wanted = {Import("__future__", "annotations"), Import("asyncio", ""),
              Import("typing", "Any"), Import("typing", "Union"),
              Import("urllib.parse", "urlsplit"),
              Import(package, api.names.client), Import(package, api.names.async_client),
              Import(f"{package}.resources.{path}", resource.class_name),
              Import(f"{package}.resources.{path}", resource.async_class_name),
              Import(".conftest", "MockServer")}
    for view in ops:
        if view.op.response.parsed:
            wanted.add(Import("pydantic", "TypeAdapter"))
            wanted |= {_absolute(i, package) for i in imports(view.op.response.type, printer)}
        if view.answer is not None or any(a.example.ambiguous for a in view.fixture.args):
            wanted.add(Import("typing", "cast"))
        if view.query:
            wanted.add(Import("urllib.parse", "parse_qsl"))
        if view.fixture.remote_skip_reason:
            wanted.add(Import("pytest", ""))
        if view.fixture.prefer_example:
            wanted.add(Import(".conftest", "PREFER_EXAMPLE"))
    return wanted


def _absolute(item: Import, package: str) -> Import:
    """A package-relative import as a test module (outside the package) spells it."""
    return Import(package + item.module, item.name) if item.module.startswith(".") else item



# -- the client -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ClientView:
    client: PyCode
    async_client: PyCode
    error: PyCode
    package: PyCode
    imports: PyCode
    credentials: tuple[Credential, ...]
    credentials_dict: PyCode  # `{"api_token": api_token}`: what the constructors pass on
    env_vars: PyCode
    base_url: PyCode
    base_url_env: PyCode
    default_security: PyCode
    auth_lines: tuple[PyCode, ...]
    missing_credentials: PyCode | None
    client_docstring: PyCode
    async_docstring: PyCode
    init_docstring: PyCode
    type_checking: tuple[PyCode, ...]  # imports of the top-level resources' classes
    attributes: tuple[tuple[PyCode, PyCode, PyCode, PyCode], ...]


def client_view(api: Api) -> ClientView:
    names = api.names
    creds = api.credentials
    wanted = {Import("__future__", "annotations"), Import("os", ""), Import("httpx", ""),
              *(Import("typing", n) for n in ("Any", "Dict", "Optional", "Tuple", "Union")),
              *(Import("._base_client", n) for n in ("DEFAULT_MAX_RETRIES", "AsyncAPIClient",
                                                     "SyncAPIClient")),
              Import("._exceptions", names.error), Import("._version", "__version__"),
              *(Import("._types", n) for n in ("NOT_GIVEN", "Headers", "NotGiven", "Timeout"))}
    if any(s.kind == "basic" for s in api.schemes):
        wanted.add(Import("base64", ""))
    if api.resources:
        wanted |= {Import("functools", "cached_property"), Import("typing", "TYPE_CHECKING")}
    base_url_env = f"{api.env_prefix}_BASE_URL"
    modules = [PyCode(".".join(r.path)) for r in api.resources]
    return ClientView(
        client=names.client, async_client=names.async_client, error=names.error,
        package=api.package,
        imports=import_block(wanted, ("_client",), api.package),
        credentials=creds,
        credentials_dict=PyCode("{" + ", ".join(f"{py_str(c.kwarg)}: {c.kwarg}"
                                                for c in creds) + "}"),
        env_vars=py_literal({c.kwarg: c.env_var for c in creds}),
        base_url=py_str(api.base_url or ""),
        base_url_env=py_str(base_url_env),
        default_security=_requirements_literal(api.default_security),
        auth_lines=_auth_lines(api),
        missing_credentials=py_str(
            f"Missing credentials: pass {' / '.join(c.kwarg for c in creds)} to the client or "
            f"set {' / '.join(c.env_var for c in creds)} in the environment")
        if api.auth_required else None,
        client_docstring=py_docstring(f"Synchronous client for {api.title}.", 4),
        async_docstring=py_docstring(f"Asynchronous client for {api.title}; see "
                                     f"`{names.client}` for the options.", 4),
        init_docstring=_init_docstring(api, base_url_env),
        type_checking=from_imports({f".resources.{m}": (r.class_name, r.async_class_name)
                                    for m, r in zip(modules, api.resources, strict=True)}),
        attributes=tuple((r.attr, m, r.class_name, r.async_class_name)
                         for m, r in zip(modules, api.resources, strict=True)),
    )


def _auth_lines(api: Api) -> tuple[PyCode, ...]:
    """How each scheme's credential becomes `auth[key] = (where, name, value)`."""
    lines = []
    for scheme in api.schemes:
        key = py_str(scheme.key)
        first = py_str(scheme.credentials[0].kwarg)
        if scheme.kind == "bearer":
            lines += [f"if token := secret[{first}]:",
                      f'    auth[{key}] = ("header", "Authorization", "Bearer " + token)']
        elif scheme.kind == "basic":
            second = py_str(scheme.credentials[1].kwarg)
            lines += [f"if (user := secret[{first}]) and (password := secret[{second}]):",
                      '    pair = base64.b64encode(f"{user}:{password}".encode()).decode()',
                      f'    auth[{key}] = ("header", "Authorization", "Basic " + pair)']
        else:
            lines += [f"if key := secret[{first}]:",
                      f"    auth[{key}] = ({py_str(scheme.location)}, "
                      f"{py_str(scheme.header_name)}, key)"]
    return tuple(PyCode(line) for line in lines)


def _init_docstring(api: Api, base_url_env: str) -> PyCode:
    lines = ["Create a client.", "", "Args:"]
    for cred in api.credentials:
        lines.append(f"    {cred.kwarg}: {cred.description}; defaults to the `{cred.env_var}` "
                     "environment variable.")
    lines += [
        f"    base_url: Defaults to `{base_url_env}`, else {api.base_url or 'none'}.",
        "    timeout: Seconds or an `httpx.Timeout`; default 60 s (5 s to connect).",
        "    max_retries: Retries for connection errors, 408, 409, 429 and 5xx (default 2).",
        "    http_client: An `httpx.Client` to send requests with (not closed by this client).",
        "    default_headers: Headers sent with every request.",
    ]
    return py_docstring("\n".join(lines), 8)


# -- the package's top level ----------------------------------------------------------------

_ERRORS = ("APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError",
           "APITimeoutError", "AuthenticationError", "BadRequestError", "ConflictError",
           "InternalServerError", "NotFoundError", "PermissionDeniedError", "RateLimitError",
           "UnprocessableEntityError")


@dataclass(frozen=True)
class InitView:
    imports: PyCode
    exports: tuple[str, ...]


def init_view(api: Api) -> InitView:
    names = api.names
    exports = (names.client, names.async_client, names.error, *_ERRORS, "NOT_GIVEN",
               "NotGiven", "__version__", *(item.name for item in api.reexports))
    wanted = {Import("._client", names.client), Import("._client", names.async_client),
              Import("._exceptions", names.error), *(Import("._exceptions", e) for e in _ERRORS),
              Import("._types", "NOT_GIVEN"), Import("._types", "NotGiven"),
              Import("._version", "__version__"),
              # `as` marks the name as exported on purpose (for mypy and ruff).
              *(Import(f".{item.module}", item.name, item.name) for item in api.reexports)}
    return InitView(import_block(wanted, ("__init__",), api.package), exports)
