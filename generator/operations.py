"""One operation of the spec: its method's name and arguments, request body, response type,
and (apart from the API model) its fixture: the example call and what its test expects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .errors import SpecError
from .escape import PyCode
from .fixtures import Argument, Example, OperationFixture
from .ir import (
    Alias,
    Body,
    ClassDef,
    Doc,
    Encoding,
    Field,
    Location,
    Operation,
    Param,
    Response,
    TypeModule,
)
from .load import Document, Pointer
from .names import Namespace, pascal, pascal_name, singular, snake, snake_name
from .refs import Resolver
from .runtime_names import METHOD_NAMES, RESOURCE_MODULE_NAMES
from .samples import MISSING, Sampler, declared_example, has_value
from .schemas import ModuleBuilder, SchemaTranslator, constraint_only
from .security import SecurityReader
from .sites import PATH_VARIABLE, OperationSite
from .typetree import STR, Builtin, ClassRef, Module, Required, Runtime, TypeNode, strip_null

_STATUS = re.compile(r"[1-5](?:[0-9]{2}|XX)|default", re.IGNORECASE)
_ENCODING_PREFERENCE: tuple[Encoding, ...] = ("json", "form", "multipart", "binary", "text")


@dataclass
class Shared:
    """What every operation's build reads and adds to."""

    doc: Document
    resolver: Resolver
    types: SchemaTranslator
    sampler: Sampler
    security: SecurityReader
    # File names in each folder of `types/`: per-operation modules and subpackages.
    type_dirs: dict[Module, Namespace] = field(default_factory=dict)

    def type_dir(self, folder: Module) -> Namespace:
        if folder not in self.type_dirs:
            self.type_dirs[folder] = Namespace("/".join(folder), {"schemas", "__init__"})
        return self.type_dirs[folder]


@dataclass
class _Arg:
    """A method argument while an operation is built: the IR's parameter and its example."""

    param: Param
    example: Example | None
    # The example call must pass it (required, or asked for by a body's `anyOf`).
    shown: bool = False


@dataclass
class _BodyParts:
    body: Body | None
    args: list[_Arg]
    satisfiable: bool = True  # False when no body can satisfy the schema


class OperationBuilder:
    """Builds the operations of one resource (one resource module)."""

    def __init__(self, shared: Shared, resource_path: tuple[PyCode, ...]) -> None:
        self.s = shared
        self.doc = shared.doc
        self.resource_path = resource_path
        self.module_names = Namespace(".".join(resource_path), RESOURCE_MODULE_NAMES)
        self.folder: Module = ("types", *resource_path[:-1])
        # Response classes the resource module imports by name (where the name is free).
        self.by_name: set[ClassRef] = set()

    def build(self, site: OperationSite, attrs: Namespace
              ) -> tuple[Operation, OperationFixture, list[TypeModule]]:
        path, method, op, item_ptr, ptr = (site.path, site.method, site.operation,
                                           site.item_pointer, site.pointer)
        name = attrs.claim(self._method_name(op, method, path))
        stem = f"{snake(singular(self.resource_path[-1]))}_{name}"
        prefix = pascal(singular(self.resource_path[-1])) + pascal(name)
        folder = self.s.type_dir(self.folder)
        params_mod = ModuleBuilder((*self.folder, folder.claim(f"{stem}_params")),
                                   f"{prefix}Params")
        response_mod = ModuleBuilder((*self.folder, folder.claim(f"{stem}_response")),
                                     f"{prefix}Response")
        arguments = Namespace(f"{name}()", METHOD_NAMES)
        raw_params = self._merged_parameters(op, ptr, item_ptr)
        self._check_path_template(path, raw_params, item_ptr)
        args = [self._parameter(raw, raw_ptr, params_mod, arguments)
                for raw, raw_ptr in raw_params]
        body = self._body(op, ptr, params_mod, arguments, prefix)
        args = _ordered(args + body.args)
        response, answer, schemaless = self._response(op, ptr, response_mod)
        if isinstance(response.type, ClassRef) and \
                self.module_names.claim(response.type.name, key=response.type) == \
                response.type.name:
            self.by_name.add(response.type)
        operation = Operation(
            pointer=ptr, name=name, http_method=method.upper(), path=path,
            summary=_text(op.get("summary")), description=_text(op.get("description")),
            deprecated=op.get("deprecated") is True,
            params=tuple(a.param for a in args), body=body.body, response=response,
            security=self._operation_security(op),
            requirements=self.s.security.requirements(op["security"]) if "security" in op
            else None,
            permissions=_permissions(op.get("x-api-token-group")),
            resource_path=self.resource_path,
            params_class=_params_class([a.param for a in args], params_mod),
            builder=self.module_names.claim(f"_{name}_request"),
            parser=self.module_names.claim(f"_{name}_parse"),
        )
        fixture = OperationFixture(
            args=tuple(_argument(a) for a in args if a.example is not None),
            body=_example_body(body, args), answer=answer,
            valid=body.satisfiable and all(a.example.valid for a in args
                                           if a.example is not None),
            documented=_documented(op),
            schemaless=schemaless, path=path)
        modules = [m for m in (params_mod.finish(), response_mod.finish()) if m is not None]
        return operation, fixture, modules

    # -- names and parameters -------------------------------------------------------------

    @staticmethod
    def _method_name(op: dict[str, Any], method: str, path: str) -> str:
        explicit = op.get("x-sdk-method") or op.get("operationId")
        if isinstance(explicit, str) and snake(explicit):
            return snake_name(explicit, "call")
        words = ["by_" + s.strip("{}") if s.startswith("{") else s
                 for s in path.split("/") if s]
        return snake_name(" ".join([method, *words]), "call")

    def _operation_security(self, op: dict[str, Any]) -> tuple[Any, ...]:
        """The schemes an operation accepts, for its docs page."""
        security = self.s.security
        raw = op.get("security", self.doc.data.get("security"))
        keys = [k for req in security.requirements(raw) for k in req] if raw is not None \
            else list(security.schemes)
        return tuple(security.schemes[k] for k in dict.fromkeys(keys))

    def _merged_parameters(self, op: dict[str, Any], ptr: Pointer, item_ptr: Pointer
                           ) -> list[tuple[dict[str, Any], Pointer]]:
        """Path-level parameters, overridden by the operation's own of the same name and
        location."""
        item = self.s.resolver.get(item_ptr)
        merged: dict[tuple[str, str], tuple[dict[str, Any], Pointer]] = {}
        sources = [(item.get("parameters") or [], (*item_ptr, "parameters")),
                   (op.get("parameters") or [], (*ptr, "parameters"))]
        for items, base in sources:
            for i, raw in enumerate(items):
                resolved, rptr = self.s.resolver.resolve(raw, (*base, str(i)))
                key = (str(resolved.get("in")), str(resolved.get("name")))
                merged[key] = (resolved, rptr)
        return list(merged.values())

    def _check_path_template(self, path: str, params: list[tuple[dict[str, Any], Pointer]],
                             path_ptr: Pointer) -> None:
        declared = {p.get("name") for p, _ in params if p.get("in") == "path"}
        for name in PATH_VARIABLE.findall(path):
            if name not in declared:
                raise SpecError([self.doc.problem(path_ptr, f"path parameter {{{name}}} in "
                                                  f"{path!r} is never declared")])

    def _parameter(self, raw: dict[str, Any], ptr: Pointer, module: ModuleBuilder,
                   arguments: Namespace) -> _Arg:
        location = raw.get("in")
        wire = str(raw.get("name"))
        if location == "path" and raw.get("required") is not True:
            at = (*ptr, "required") if "required" in raw else ptr
            raise SpecError([self.doc.problem(at, f"path parameter {wire!r} must have "
                                              "required: true")])
        schema, schema_ptr = _parameter_schema(raw, ptr)
        node = self.s.types.translate(schema, schema_ptr, "typeddict",
                                      pascal_name(wire, "Param"), module)
        facts = self.s.types.facts(schema, schema_ptr)
        required = raw.get("required") is True or location == "path"
        nullable = node != strip_null(node)
        example = _usable(declared_example(raw), nullable)
        if not has_value(example):
            example = _usable(self._schema_example(schema, schema_ptr), nullable)
        sample = self._argument_example(example, schema, schema_ptr, required)
        if sample is not None and required and _sends_nothing(sample.value):
            sample = replace(sample, valid=False)  # nulls are left out of the request
        where: Location = location if location in ("path", "query", "header", "cookie") \
            else "query"
        style, explode = _query_style(raw) if where == "query" else (None, True)
        doc = Doc(_text(raw.get("description")) or facts.doc.description,
                  raw.get("deprecated") is True or facts.doc.deprecated, facts.doc.constraints)
        param = Param(arguments.claim(snake_name(wire, "param")), wire, where, node, required,
                      False, doc, style, explode)
        return _Arg(param, sample, required)

    def _argument_example(self, declared: Any, schema: Any, pointer: Pointer, required: bool,
                          *, files: bool = False) -> Example | None:
        """The example value of an argument; none for an optional one without a valid value
        (leaving it out keeps the example call valid)."""
        if not (has_value(declared) or required):
            return None
        sample = self.s.sampler.example_for(declared, schema, pointer, drop="readOnly",
                                            files=files)
        return sample if sample.valid or required else None

    def _schema_example(self, schema: Any, pointer: Pointer) -> Any:
        resolved, _ = self.s.resolver.resolve(schema, pointer)
        return declared_example(resolved if isinstance(resolved, dict) else {})

    # -- request bodies -------------------------------------------------------------------

    def _body(self, op: dict[str, Any], ptr: Pointer, module: ModuleBuilder,
              arguments: Namespace, prefix: str) -> _BodyParts:
        if "requestBody" not in op:
            return _BodyParts(None, [])
        body, body_ptr = self.s.resolver.resolve(op["requestBody"], (*ptr, "requestBody"))
        content = body.get("content") or {}
        media_type = _pick_media(content)
        if media_type is None:
            self.s.types.warn((*body_ptr, "content"), "request body lists no media type; the "
                              "operation is generated without a body")
            return _BodyParts(None, [])
        encoding = body_encoding(media_type)
        media = content[media_type] if isinstance(content[media_type], dict) else {}
        schema = media.get("schema") or {}
        schema_ptr = (*body_ptr, "content", media_type, "schema")
        required = body.get("required") is True
        declared = declared_example(media)
        if encoding in ("binary", "text"):
            return self._raw_body(media_type, encoding, declared, required, arguments,
                                  _text(body.get("description")))
        if self.s.types.is_object(schema, schema_ptr):
            return self._field_body(media_type, encoding, schema, schema_ptr, declared, module,
                                    arguments)
        node = self.s.types.translate(schema, schema_ptr, "typeddict", prefix + "Body", module)
        facts = self.s.types.facts(schema, schema_ptr)
        sample = self.s.sampler.example_for(declared, schema, schema_ptr, drop="readOnly")
        name = arguments.claim("body")
        doc = Doc(_text(body.get("description")) or facts.doc.description)
        param = Param(name, "body", "body", node, required, False, doc)
        return _BodyParts(Body(media_type, encoding, name), [_Arg(param, sample, required)])

    @staticmethod
    def _raw_body(media_type: str, encoding: Encoding, declared: Any, required: bool,
                  arguments: Namespace, description: str | None) -> _BodyParts:
        name = arguments.claim("body")
        node: TypeNode = Runtime("FileContent") if encoding == "binary" else STR
        text = declared if isinstance(declared, str) else "example"
        example = Example(text.encode() if encoding == "binary" else text)
        param = Param(name, "body", "body", node, required, False, Doc(description))
        return _BodyParts(Body(media_type, encoding, name), [_Arg(param, example, required)])

    def _field_body(self, media_type: str, encoding: Encoding, schema: Any, schema_ptr: Pointer,
                    declared: Any, module: ModuleBuilder, arguments: Namespace) -> _BodyParts:
        """A body object whose properties are the method's keyword arguments."""
        props, required = self.s.types.object_fields(schema, schema_ptr)
        shown = required | self._variant_required(schema, schema_ptr)
        args = []
        for wire, (prop, prop_ptr) in props.items():
            facts = self.s.types.facts(prop, prop_ptr)
            if facts.read_only:
                continue
            node = self.s.types.translate(prop, prop_ptr, "typeddict",
                                          pascal_name(wire, "Field"), module)
            nullable = node != strip_null(node)
            example: Any = _usable(self._schema_example(prop, prop_ptr), nullable)
            if isinstance(declared, dict) and wire in declared:
                example = _usable(declared[wire], nullable)
            sample = self._argument_example(example, prop, prop_ptr, wire in shown,
                                            files=encoding == "multipart")
            param = Param(arguments.claim(snake_name(wire, "field")), wire, "body", node,
                          wire in required, False, facts.doc)
            args.append(_Arg(param, sample, wire in shown))
        # A `required` name no property declares (a misspelling) makes every call invalid.
        return _BodyParts(Body(media_type, encoding, None), args,
                          satisfiable=required <= set(props))

    def _variant_required(self, schema: Any, pointer: Pointer) -> set[str]:
        """Names the first `oneOf`/`anyOf` alternative requires, when the alternatives only
        say which fields are required (`anyOf: [{required: [a]}, {required: [b]}]`): the
        example call must send them, though each is optional on its own."""
        resolved, _ = self.s.resolver.resolve(schema, pointer)
        for key in ("oneOf", "anyOf"):
            members = resolved.get(key) if isinstance(resolved, dict) else None
            if isinstance(members, list) and members and all(map(constraint_only, members)):
                return {r for r in members[0].get("required") or () if isinstance(r, str)}
        return set()

    # -- responses ------------------------------------------------------------------------

    def _response(self, op: dict[str, Any], ptr: Pointer, module: ModuleBuilder
                  ) -> tuple[Response, Example | None, bool]:
        """The response the method returns, its example answer, and whether the answer's
        media type is declared without a schema."""
        responses = op.get("responses") or {}
        for code in responses:
            if not _STATUS.fullmatch(str(code)):
                raise SpecError([self.doc.problem((*ptr, "responses", str(code)),
                                                  f"response status code {code!r} is not an "
                                                  "HTTP status, a range like 4XX, or default")])
        status = _success_status(responses)
        if status is None or status.startswith("3"):
            return _no_content(status or "200"), None, False
        resp, resp_ptr = self.s.resolver.resolve(responses[status],
                                                 (*ptr, "responses", status))
        content = resp.get("content") or {}
        if status in ("204", "205"):
            # These statuses never carry a body, whatever content the spec lists (but a mock
            # still tries to invent one for a media type without a schema).
            return _no_content(status), None, _schemaless(content)
        media_type = _pick_json(content)
        if media_type is None:
            return _other_response(status, content), None, False
        media = content[media_type] if isinstance(content[media_type], dict) else {}
        schema = media.get("schema") or {}
        schema_ptr = (*resp_ptr, "content", media_type, "schema")
        answer = self.s.sampler.example_for(declared_example(media), schema, schema_ptr,
                                            drop="writeOnly")
        node = self.s.types.translate(schema, schema_ptr, "model", module.root or "Response",
                                      module)
        return _model_response(status, media_type, node, module), answer, \
            _schemaless({media_type: media})


def _model_response(status: str, media_type: str, node: TypeNode,
                    module: ModuleBuilder) -> Response:
    """A JSON answer: the module's root class, or an alias of that name for any other type
    (a component model, a list, a union, ...)."""
    if isinstance(node, ClassRef) and node.module == module.module and node.name == module.root:
        return Response(status, "model", node, media_type)
    alias = module.ref(module.root or "Response", "alias")
    module.aliases.append(Alias(alias, node))
    kind: Literal["model", "adapter"] = "model" if isinstance(node, ClassRef) and \
        node.kind == "model" else "adapter"
    return Response(status, kind, alias, media_type)


def _other_response(status: str, content: Any) -> Response:
    other = _pick_media(content)
    if other is None:
        return _no_content(status)
    text = body_encoding(other) == "text"
    return Response(status, "text" if text else "bytes", STR if text else Builtin("bytes"),
                    other)


def _success_status(responses: dict[str, Any]) -> str | None:
    """The status the method returns on: the first 2XX, else (browser flows) the first 3XX;
    None when the spec documents neither."""
    codes = sorted(str(c) for c in responses if re.fullmatch(r"2[0-9X]{2}", str(c).upper()))
    redirects = sorted(str(c) for c in responses if re.fullmatch(r"3[0-9X]{2}", str(c).upper()))
    found = codes or redirects
    return found[0] if found else None


def _documented(op: dict[str, Any]) -> bool:
    return _success_status(op.get("responses") or {}) is not None


def _no_content(status: str) -> Response:
    return Response(status, "none", NONE_TYPE, None)


NONE_TYPE: TypeNode = Builtin("None")


def _ordered(args: list[_Arg]) -> list[_Arg]:
    """Path parameters first (the last one also positional, as in Cloudflare's SDK), then
    required arguments, then optional ones."""
    paths = [a for a in args if a.param.location == "path"]
    positional = paths[-1] if paths else None
    first = [replace(a, param=replace(a.param, positional=True)) for a in args
             if a is positional]
    rest = [a for a in args if a is not positional]
    return first + [a for a in rest if a.param.location == "path"] + [
        a for a in rest if a.param.location != "path" and a.param.required] + [
        a for a in rest if a.param.location != "path" and not a.param.required]


def _params_class(params: list[Param], module: ModuleBuilder) -> ClassRef | None:
    """The `...Params` TypedDict: every keyword argument, for callers building kwargs."""
    fields = tuple(Field(p.name, p.name, Required(p.type) if p.required else p.type,
                         p.required, p.doc) for p in params if not p.positional)
    if not fields:
        return None
    ref = module.ref(module.root or "Params", "typeddict")
    module.classes.append(ClassDef(ref, Doc(), fields))
    return ref


def _argument(arg: _Arg) -> Argument:
    assert arg.example is not None
    p = arg.param
    return Argument(p.name, p.wire_name, p.location, arg.example, p.style or "form", p.explode)


def _example_body(body: _BodyParts, args: list[_Arg]) -> Example | None:
    """The JSON the example call sends, or None when it sends no body."""
    if body.body is None:
        return None
    if body.body.param is not None:
        return next(a.example for a in args if a.param.name == body.body.param)
    return Example({a.param.wire_name: a.example.value for a in args
                    if a.param.location == "body" and a.example is not None})


def _parameter_schema(raw: dict[str, Any], ptr: Pointer) -> tuple[Any, Pointer]:
    """A parameter's schema: its own, or that of its first `content` media type."""
    if isinstance(raw.get("schema"), dict):
        return raw["schema"], (*ptr, "schema")
    content = raw.get("content")
    if isinstance(content, dict) and content:
        media_type, media = next(iter(content.items()))
        if isinstance(media, dict) and isinstance(media.get("schema"), dict):
            return media["schema"], (*ptr, "content", media_type, "schema")
    return {}, (*ptr, "schema")


def _query_style(raw: dict[str, Any]) -> tuple[str | None, bool]:
    """`style`/`explode` of a query parameter when they differ from the default."""
    style = raw.get("style") if isinstance(raw.get("style"), str) else "form"
    explode = raw["explode"] if isinstance(raw.get("explode"), bool) else style == "form"
    if style == "form" and explode:
        return None, True
    return style, explode


def _permissions(raw: Any) -> tuple[str, ...]:
    return tuple(str(p) for p in raw) if isinstance(raw, list) else ()


def _usable(example: Any, nullable: bool) -> Any:
    """An example, unless it is a null that the schema does not allow (then none)."""
    return MISSING if example is None and not nullable else example


def _sends_nothing(value: Any) -> bool:
    """Whether a parameter value puts nothing on the wire (null, or a list of only nulls)."""
    return value is None or (isinstance(value, list) and all(v is None for v in value))


def _schemaless(content: Any) -> bool:
    """Whether a response's content lists a media type without a schema."""
    return isinstance(content, dict) and any(
        not (isinstance(m, dict) and isinstance(m.get("schema"), dict)) for m in content.values())


def body_encoding(media_type: str) -> Encoding:
    """How a body of this media type is sent: json, form, multipart, text or binary."""
    base = media_type.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith("+json") or base == "*/*":
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if base.startswith("text/") or base in ("application/xml", "application/sdp"):
        return "text"
    return "binary"


def _pick_media(content: Any) -> str | None:
    """The media type to use when an operation offers several: JSON first, then form, ..."""
    if not isinstance(content, dict) or not content:
        return None
    return str(min(content, key=lambda m: _ENCODING_PREFERENCE.index(body_encoding(m))))


def _pick_json(content: Any) -> str | None:
    if not isinstance(content, dict):
        return None
    for media_type in content:
        if body_encoding(media_type) == "json" and media_type.strip() != "*/*":
            return str(media_type)
    return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
