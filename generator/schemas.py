"""JSON Schemas into type trees and generated classes (part of the IR build).

A schema is translated once per direction: "model" (response side: pydantic models, open
enums, tagged unions) or "typeddict" (request side: TypedDicts, read-only sequences and
mappings). Object schemas become classes in a module; a named component becomes one class per
direction in `types/schemas.py`, named before anything else is built so that the order of
component schemas cannot change a name.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal, get_args

from .errors import Problem, SpecError
from .escape import PyCode
from .ir import Alias, ClassDef, Doc, Field, TypeModule
from .load import BUNDLE_KEY, Pointer
from .names import BUILTIN_NAMES, PYDANTIC_RESERVED, Namespace, pascal_name, singular, snake_name
from .refs import Resolver, parse_ref
from .typetree import (
    NONE,
    OBJECT,
    STR,
    Builtin,
    BuiltinName,
    ClassKind,
    ClassRef,
    DictOf,
    ListOf,
    LiteralOf,
    Module,
    Required,
    Runtime,
    Tag,
    TypeNode,
    UnionOf,
    class_refs,
    nullable,
    strip_null,
    union,
)

Form = Literal["model", "typeddict"]

COMPONENTS_MODULE: Module = ("types", "schemas")
JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "array", "object", "null"})
# Every name a types module may import: no generated class or field may take one.
TYPES_MODULE_IMPORTS = frozenset({
    "date", "datetime", "Dict", "List", "Literal", "Mapping", "Optional", "Sequence", "Union",
    "Annotated", "Required", "TypedDict", "BaseModel", "Field", "OpenEnum", "OpenIntEnum",
    "TaggedUnion", "FileContent", "FileTypes", "schemas", "annotations",
})
# A model's field names are names in its class body, where mypy and pydantic read the
# annotations of the fields after them: a field `str` would make a later `Optional[str]` mean
# that field. So no field takes a name an annotation prints.
CLASS_BODY_NAMES = PYDANTIC_RESERVED | TYPES_MODULE_IMPORTS | frozenset(get_args(BuiltinName))
_CONSTRAINT_KEYS = (
    "format", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "default",
)
# Keys that give a schema a shape of its own; a union member without any only adds
# constraints (`required`, `not`, ...) to the object it sits in.
_SHAPING_KEYS = frozenset({
    "$ref", "type", "properties", "items", "enum", "const", "allOf", "oneOf", "anyOf",
    "additionalProperties", "patternProperties", "format",
})


def constraint_only(member: Any) -> bool:
    """Whether a union member only adds constraints (no type, properties or reference)."""
    return isinstance(member, dict) and not _SHAPING_KEYS & member.keys()


@dataclass(frozen=True)
class Facts:
    """What a schema says besides its type."""

    doc: Doc
    nullable: bool
    read_only: bool
    write_only: bool


class ModuleBuilder:
    """A types module being filled with generated classes."""

    def __init__(self, module: Module, root: str | None = None) -> None:
        self.module = module
        self.root = root  # the name of the module's main class, if it has one
        self.names = Namespace(".".join(module), BUILTIN_NAMES | TYPES_MODULE_IMPORTS)
        self.classes: list[ClassDef] = []
        self.aliases: list[Alias] = []

    def ref(self, preferred: str, kind: ClassKind, key: object | None = None) -> ClassRef:
        return ClassRef(self.module, self.names.claim(preferred, key), kind)

    def finish(self) -> TypeModule | None:
        if not self.classes and not self.aliases:
            return None
        order = {c.ref: i for i, c in enumerate(self.classes)}
        recursive = any(
            order.get(ref, -1) >= order[c.ref]
            for c in self.classes if c.kind == "model"
            for f in c.fields for ref in class_refs(f.type))
        return TypeModule(self.module, tuple(self.classes), tuple(self.aliases), recursive)


class SchemaTranslator:
    """Translates the schemas of one document; owns the shared components module."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.doc = resolver.doc
        self.components = ModuleBuilder(COMPONENTS_MODULE)
        # Faults the generator reads past (reported, never silently dropped).
        self.warnings: list[Problem] = []
        self._pending: deque[tuple[Pointer, Form]] = deque()
        self._built: set[tuple[Pointer, Form]] = set()

    def warn(self, pointer: Pointer, message: str) -> None:
        problem = self.doc.problem(pointer, message)
        if problem not in self.warnings:
            self.warnings.append(problem)

    # -- components -----------------------------------------------------------------------

    def name_components(self) -> None:
        """Claim the class names of every named object schema, in the order of their
        pointers, before any is used: a name never depends on which is met first."""
        schemas = (self.doc.data.get("components") or {}).get("schemas")
        if not isinstance(schemas, dict):
            return
        for name in sorted(schemas):
            pointer = ("components", "schemas", name)
            if self._object_like(*self.resolver.resolve(schemas[name], pointer)):
                for form in ("model", "typeddict"):
                    self._component_ref(pointer, form)

    def _component_ref(self, pointer: Pointer, form: Form) -> ClassRef:
        if form == "typeddict":
            # The model's name with `Param`, whatever suffix a collision gave the model:
            # `Pet2` and `Pet2Param`, never `PetParam2`.
            model = self._component_ref(pointer, "model")
            return self.components.ref(model.name + "Param", "typeddict", key=(pointer, form))
        base = pascal_name(named_schema(pointer) or "Model", "Model")
        return self.components.ref(base, "model", key=(pointer, form))

    def _use_component(self, pointer: Pointer, form: Form) -> ClassRef:
        ref = self._component_ref(pointer, form)
        if (pointer, form) not in self._built:
            self._built.add((pointer, form))
            self._pending.append((pointer, form))
        return ref

    def build_pending(self) -> None:
        """Build the component classes used so far (and those they use), one at a time: a
        chain of references between components never deepens the stack."""
        while self._pending:
            pointer, form = self._pending.popleft()
            schema = self.resolver.get(pointer)
            ref = self._component_ref(pointer, form)
            self._build_class(schema, pointer, form, ref, self.components, (pointer,))

    # -- public API -----------------------------------------------------------------------

    def translate(self, schema: Any, pointer: Pointer, form: Form, hint: str,
                  module: ModuleBuilder, stack: tuple[Pointer, ...] = ()) -> TypeNode:
        """The type of `schema`, nullability included; classes it needs are added to
        `module` (named from `hint`, a PascalCase identifier) or to the components."""
        if not isinstance(schema, dict):
            raise SpecError([self.doc.problem(pointer, "a schema must be a mapping")])
        if isinstance(schema.get("$ref"), str):
            return self._translate_ref(schema, pointer, form, hint, module, stack)
        node = self._translate_inline(schema, pointer, form, hint, module, stack)
        return nullable(node) if _nullable(schema) else node

    def facts(self, schema: Any, pointer: Pointer) -> Facts:
        """Description, constraints and flags of a schema; a reference's own description
        (3.1 allows one beside `$ref`) comes before its target's."""
        own = schema if isinstance(schema, dict) else {}
        target, target_ptr = self.resolver.resolve(schema, pointer)
        target = target if isinstance(target, dict) else {}
        desc = _text(own.get("description")) or _text(target.get("description"))
        constraints = tuple((k, _constraint_text(target[k])) for k in _CONSTRAINT_KEYS
                            if k in target and not (k == "default" and
                                                    self._bad_default(target, target_ptr)))
        return Facts(
            Doc(desc, own.get("deprecated") is True or target.get("deprecated") is True,
                constraints),
            _nullable(own) or _nullable(target),
            target.get("readOnly") is True,
            target.get("writeOnly") is True,
        )

    def is_object(self, schema: Any, pointer: Pointer) -> bool:
        return self._object_like(*self.resolver.resolve(schema, pointer))

    def object_fields(self, schema: Any, pointer: Pointer
                      ) -> tuple[dict[str, tuple[Any, Pointer]], set[str]]:
        """Properties (schema, pointer) and required names of an object schema, allOf merged."""
        resolved, ptr = self.resolver.resolve(schema, pointer)
        props: dict[str, tuple[Any, Pointer]] = {}
        required: set[str] = set()
        self._collect(resolved, ptr, props, required, set())
        return props, required

    def fixed_value(self, pointer: Pointer, prop: str) -> str | None:
        """The one string value an object schema allows for property `prop` (a `const`, or
        an `enum` of one), if it fixes one."""
        props, _ = self.object_fields(self.resolver.get(pointer), pointer)
        if prop not in props:
            return None
        schema, _ = self.resolver.resolve(*props[prop])
        if not isinstance(schema, dict):
            return None
        values = [schema["const"]] if "const" in schema else schema.get("enum")
        if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
            return values[0]
        return None

    # -- references -----------------------------------------------------------------------

    def _translate_ref(self, schema: dict[str, Any], pointer: Pointer, form: Form, hint: str,
                       module: ModuleBuilder, stack: tuple[Pointer, ...]) -> TypeNode:
        target, target_ptr = self.resolver.resolve(schema, pointer)
        if named_schema(target_ptr) is not None and self._object_like(target, target_ptr):
            ref = self._use_component(target_ptr, form)
            return nullable(ref) if _nullable(schema) or _nullable(target) else ref
        if target_ptr in stack:
            return OBJECT  # a recursive non-object schema: nothing finite describes it
        node = self.translate(target, target_ptr, form, hint, module, (*stack, target_ptr))
        return nullable(node) if _nullable(schema) else node

    # -- inline schemas -------------------------------------------------------------------

    def _translate_inline(self, schema: dict[str, Any], pointer: Pointer, form: Form,
                          hint: str, module: ModuleBuilder,
                          stack: tuple[Pointer, ...]) -> TypeNode:
        self._check_type(schema, pointer)
        for key in ("oneOf", "anyOf"):
            members = schema.get(key)
            if isinstance(members, list) and members and not (
                    self._object_like(schema, pointer) and all(map(constraint_only, members))):
                return self._translate_union(schema, pointer, key, form, hint, module, stack)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and not schema.get("properties"):
            return self.translate(all_of[0], (*pointer, "allOf", "0"), form, hint, module,
                                  stack)
        if self._object_like(schema, pointer):
            kind: ClassKind = "model" if form == "model" else "typeddict"
            ref = module.ref(hint, kind)
            self._build_class(schema, pointer, form, ref, module, stack)
            return ref
        literal = _literal(schema, form)
        if literal is not None:
            return literal
        kind_name = _schema_type(schema)
        if kind_name == "array":
            items = schema.get("items", {})
            item = self.translate(items if isinstance(items, dict) else {}, (*pointer, "items"),
                                  form, singular(hint) or hint, module, stack)
            return ListOf(item, readonly=form == "typeddict")
        if kind_name == "object":
            extra = schema.get("additionalProperties")
            value: TypeNode = OBJECT
            if isinstance(extra, dict) and extra:
                value = self.translate(extra, (*pointer, "additionalProperties"), form,
                                       hint + "Value", module, stack)
            return DictOf(value, readonly=form == "typeddict")
        return _primitive(kind_name, schema.get("format"), form)

    def _translate_union(self, schema: dict[str, Any], pointer: Pointer, key: str, form: Form,
                         hint: str, module: ModuleBuilder,
                         stack: tuple[Pointer, ...]) -> TypeNode:
        members: list[_Member] = []
        null = False
        for i, sub in enumerate(schema[key]):
            sub_ptr = (*pointer, key, str(i))
            if isinstance(sub, dict) and _schema_type(sub) == "null":
                null = True
                continue
            if _only_nullable(sub):
                # `anyOf: [{$ref: X}, {nullable: true}]`: Rust's and other schema generators'
                # way to write "X or null". Read as anything, it makes the same answer parse
                # into X from JSON and into a dict from Python data.
                self.warn(sub_ptr, "a member that only says `nullable: true` is read as null: "
                                   "the union is optional")
                null = True
                continue
            node = self.translate(sub, sub_ptr, form, f"{hint}Variant{i}", module, stack)
            null = null or node != strip_null(node)
            members.append(_Member(sub, sub_ptr, strip_null(node)))
        if not members:
            return NONE
        plain = [m.node for m in members]
        node = union(plain)
        # Request TypedDicts need no runtime selection: the plain Union is exact for them.
        if form == "model" and isinstance(node, UnionOf):
            tag = self._tagged(schema.get("discriminator"), (*pointer, "discriminator"),
                               members) if "discriminator" in schema \
                else self._implicit_tag(members)
            node = union(plain, tag)
        return nullable(node) if null else node

    def _tagged(self, discriminator: Any, pointer: Pointer, members: list[_Member]
                ) -> Tag | None:
        """The tag choosing the member at runtime; None, and a warning, when the
        discriminator cannot be used as written."""
        found = self._tags(discriminator, pointer, members)
        if isinstance(found, Problem):
            if found not in self.warnings:
                self.warnings.append(found)
            return None
        return Tag(discriminator["propertyName"], tuple(found.items()))

    def _implicit_tag(self, members: list[_Member]) -> Tag | None:
        """A tag from a property every member fixes to a value of its own (`type: {enum:
        [message]}`), the common way to discriminate without the keyword. Enums are open
        (unknown values are kept), so without the tag every member would accept every object
        and pydantic would pick by accident."""
        refs = [m.node for m in members]
        if not all(isinstance(r, ClassRef) for r in refs):
            return None
        targets = [self.resolver.resolve(m.schema, m.pointer)[1] for m in members]
        first, _ = self.object_fields(self.resolver.get(targets[0]), targets[0])
        for prop in first:
            values = [self.fixed_value(target, prop) for target in targets]
            if None not in values and len(set(values)) == len(values):
                return Tag(prop, tuple((str(v), r) for v, r in zip(values, refs, strict=True)
                                       if isinstance(r, ClassRef)))
        return None

    def _tags(self, discriminator: Any, pointer: Pointer,
              members: list[_Member]) -> dict[str, ClassRef] | Problem:
        """Tag value -> member class, or why the discriminator is unusable."""
        def unusable(where: Pointer, why: str) -> Problem:
            return self.doc.problem(where, f"discriminator ignored, the union stays untagged: "
                                           f"{why}")

        if not isinstance(discriminator, dict) or not isinstance(
                discriminator.get("propertyName"), str) or not discriminator["propertyName"]:
            named = isinstance(discriminator, dict) and "propertyName" in discriminator
            return unusable((*pointer, "propertyName") if named else pointer,
                            "it has no propertyName")
        refs: list[ClassRef] = []
        for m in members:
            if not isinstance(m.node, ClassRef):
                return unusable(m.pointer, "this member is not an object schema")
            refs.append(m.node)
        targets = [self.resolver.resolve(m.schema, m.pointer)[1] for m in members]
        mapping = discriminator.get("mapping", {})
        if not isinstance(mapping, dict):
            return unusable((*pointer, "mapping"), "mapping is not an object")
        tags: dict[str, ClassRef] = {}
        for tag, ref in mapping.items():
            index = self._mapped_member(ref, targets)
            if index is None:
                return unusable((*pointer, "mapping", tag),
                                f"mapping value {ref!r} names no member of the union (a value "
                                "is a schema name or a #/... reference)")
            tags[tag] = refs[index]
        # Members the mapping does not name are tagged with their schema's name (OpenAPI's
        # rule) and, when their own schema fixes the property to one value, with that value:
        # many specs rely on it instead of a mapping, and no other value could validate.
        mapped = set(tags.values())
        for ref, target in zip(refs, targets, strict=True):
            if ref in mapped:
                continue
            fixed = self.fixed_value(target, discriminator["propertyName"])
            if fixed is not None:
                tags.setdefault(fixed, ref)
            name = named_schema(target)
            if name is not None:
                tags.setdefault(name, ref)
        if not tags:
            return unusable(pointer, "no member has a tag: inline members need a mapping")
        return tags

    def _mapped_member(self, ref: Any, targets: list[Pointer]) -> int | None:
        """The member a mapping value names: a reference (`#/components/schemas/Cat`) or a
        bare schema name (`Cat`), compared after following `$ref` chains."""
        if not isinstance(ref, str):
            return None
        pointer = parse_ref(ref) if ref.startswith("#") else ("components", "schemas", ref)
        if pointer is None:
            return None
        try:
            _, target = self.resolver.resolve(self.resolver.get(pointer), pointer)
        except (KeyError, SpecError):
            return None
        return targets.index(target) if target in targets else None

    # -- classes --------------------------------------------------------------------------

    def _build_class(self, schema: Any, pointer: Pointer, form: Form, ref: ClassRef,
                     module: ModuleBuilder, stack: tuple[Pointer, ...]) -> None:
        props, required = self.object_fields(schema, pointer)
        fields: list[Field] = []
        names = Namespace(ref.name, CLASS_BODY_NAMES)
        # Classes of nested objects are named after their property; below the module's root
        # class, after the class they sit in as well (`Data`, `DataPaging`).
        is_root = ref.name == module.root
        for wire, (prop, prop_ptr) in props.items():
            facts = self.facts(prop, prop_ptr)
            if (form == "typeddict" and facts.read_only) or (form == "model" and
                                                              facts.write_only):
                continue
            hint = pascal_name(wire, "Field")
            node = self.translate(prop, prop_ptr, form, hint if is_root else ref.name + hint,
                                  module, (*stack, pointer))
            is_required = wire in required
            if form == "typeddict":
                name = PyCode(wire)
                node = Required(node) if is_required else node
            else:
                name = names.claim(_model_field_name(wire))
                node = node if is_required else nullable(node)
            fields.append(Field(name, wire, node, is_required, facts.doc))
        module.classes.append(ClassDef(ref, self.facts(schema, pointer).doc, tuple(fields)))

    # -- helpers --------------------------------------------------------------------------

    def _check_type(self, schema: dict[str, Any], pointer: Pointer) -> None:
        """An unknown `type` has no meaning to fall back on; a default the type rejects is
        reported (and left out of the docs)."""
        kind = schema.get("type")
        kinds = kind if isinstance(kind, list) else [kind] if kind is not None else []
        for i, k in enumerate(kinds):
            if k not in JSON_TYPES:
                where = (*pointer, "type", str(i)) if isinstance(kind, list) else \
                    (*pointer, "type")
                raise SpecError([self.doc.problem(where, f"schema type {k!r} is not one of "
                                                  f"{', '.join(sorted(JSON_TYPES))}")])
        self._bad_default(schema, pointer)

    def _bad_default(self, schema: dict[str, Any], pointer: Pointer) -> bool:
        """Whether the schema's default contradicts its type or format (with a warning)."""
        kind = schema.get("type")
        kinds = [k for k in (kind if isinstance(kind, list) else [kind]) if k in JSON_TYPES]
        if "default" not in schema or not kinds or (schema["default"] is None and
                                                    _nullable(schema)):
            return False
        fault = default_fault(schema["default"], kinds, schema.get("format"))
        if fault is not None:
            self.warn((*pointer, "default"), f"{fault}; the default is left out")
        return fault is not None

    def _object_like(self, schema: Any, pointer: Pointer,
                     seen: frozenset[Pointer] = frozenset()) -> bool:
        if not isinstance(schema, dict) or pointer in seen:
            return False  # a schema that is its own allOf part adds nothing by itself
        if isinstance(schema.get("properties"), dict) and schema["properties"]:
            return _schema_type(schema) in (None, "object")
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) > 1:
            return all(self._object_like(*self.resolver.resolve(s, (*pointer, "allOf", str(i))),
                                         seen | {pointer})
                       for i, s in enumerate(all_of))
        return False

    def _collect(self, schema: Any, pointer: Pointer, props: dict[str, tuple[Any, Pointer]],
                 required: set[str], seen: set[Pointer]) -> None:
        if pointer in seen or not isinstance(schema, dict):
            return
        seen.add(pointer)
        for i, part in enumerate(schema.get("allOf") or ()):
            resolved, ptr = self.resolver.resolve(part, (*pointer, "allOf", str(i)))
            self._collect(resolved, ptr, props, required, seen)
        for key, value in (schema.get("properties") or {}).items():
            props[key] = (value, (*pointer, "properties", key))
        required.update(r for r in schema.get("required") or () if isinstance(r, str))


@dataclass(frozen=True)
class _Member:
    """One non-null member of a oneOf/anyOf: as written, and its (non-null) type."""

    schema: Any
    pointer: Pointer
    node: TypeNode


def named_schema(pointer: Pointer) -> str | None:
    """The name a referenced schema gives its class: a `components/schemas` entry, or (in
    another file of a multi-file spec) its last pointer segment, or the file's stem."""
    if len(pointer) == 3 and pointer[:2] == ("components", "schemas"):
        return pointer[2]
    if len(pointer) >= 2 and pointer[0] == BUNDLE_KEY:
        rest = pointer[2:]
        if not rest:
            return PurePosixPath(pointer[1]).stem
        if len(rest) == 1 or rest[-2] in ("schemas", "definitions", "$defs"):
            return rest[-1]
    return None


def _model_field_name(wire: str) -> str:
    name = snake_name(wire, "field")
    # pydantic reserves the `model_` prefix for its own methods.
    return name + "_" if name.startswith("model_") else name


def _only_nullable(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("nullable") is True and \
        constraint_only(schema)


def _literal(schema: dict[str, Any], form: Form) -> TypeNode | None:
    """A `const` or an `enum` of strings or integers, as a Literal (open on the response
    side: an unknown value is kept)."""
    if "const" in schema and _literal_ok(schema["const"]):
        return LiteralOf((schema["const"],))
    enum = schema.get("enum")
    if not isinstance(enum, list):
        return None
    values = [v for v in enum if v is not None]
    if not values or not all(_literal_ok(v) for v in values):
        return None
    distinct = _dedupe(values)
    open_enum = form == "model" and (all(isinstance(v, str) for v in distinct) or all(
        isinstance(v, int) and not isinstance(v, bool) for v in distinct))
    return LiteralOf(tuple(distinct), open=open_enum)


def _nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return schema.get("nullable") is True or (isinstance(kind, list) and "null" in kind) or (
        isinstance(schema.get("enum"), list) and None in schema["enum"])


def _schema_type(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        return kinds[0] if len(kinds) == 1 else (None if kinds else "null")
    if isinstance(kind, str):
        return kind
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return None


def _primitive(kind: str | None, fmt: Any, form: Form) -> TypeNode:
    if kind == "string":
        if fmt == "binary":
            return Runtime("FileTypes") if form == "typeddict" else STR
        if fmt in ("date-time", "date"):
            moment = Builtin("datetime" if fmt == "date-time" else "date")
            return moment if form == "model" else UnionOf((STR, moment))
        return STR
    if kind == "integer":
        return Builtin("int")
    if kind == "number":
        return Builtin("float")
    if kind == "boolean":
        return Builtin("bool")
    if kind == "null":
        return NONE
    return OBJECT


def _literal_ok(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, float)


def _dedupe(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for v in values:
        if not any(v == o and type(v) is type(o) for o in out):
            out.append(v)
    return out


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _constraint_text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


_FORMAT_PATTERNS = {
    "uuid": re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
                       r"[0-9a-fA-F]{12}\Z"),
    "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
    "date-time": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}"),
}
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,),
    "array": (list,), "object": (dict,), "null": (type(None),),
}


def default_fault(value: Any, kinds: list[str], fmt: Any) -> str | None:
    """Why `value` cannot be the default of a schema of these types and format; None when
    it fits. Defaults only reach the docs: a wrong one is reported and left out there."""
    pattern = _FORMAT_PATTERNS.get(str(fmt))
    if "string" in kinds and pattern is not None and not (
            isinstance(value, (str, int, float)) and pattern.match(str(value))):
        return f"default {value!r} is not a valid {fmt}"
    fits = [k for k in kinds if isinstance(value, _PY_TYPES[k])
            and not (k in ("integer", "number") and isinstance(value, bool))]
    if not fits:
        return f"default {value!r} is not of type {' or '.join(kinds)}"
    return None
