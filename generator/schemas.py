"""Turning JSON Schemas into Python annotations, classes and docs trees (part of the IR build)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Literal

from .annotations import names_used
from .errors import Problem, SpecError
from .escape import Code, py_literal, py_str
from .ir import Alias, ClassDef, DocField, Field, TypeModule
from .load import BUNDLE_KEY, Pointer
from .names import class_name, field_name, safe_class, singular, unique
from .refs import Resolver, parse_ref

Form = Literal["model", "typeddict"]

COMPONENTS_MODULE = ("types", "schemas")
JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "array", "object", "null"})
_CONSTRAINT_KEYS = (
    "format", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "default",
)


@dataclass(frozen=True)
class TypeInfo:
    annotation: Code
    doc_type: Code
    nullable: bool
    description: str | None
    deprecated: bool
    read_only: bool
    write_only: bool
    constraints: tuple[tuple[str, str], ...]
    enum_values: tuple[Code, ...]
    children: tuple[DocField, ...]
    # The annotation is a generated class (model or TypedDict), not an expression.
    is_class: bool = False


@dataclass
class Scope:
    """A Python module being filled with generated classes."""

    module: tuple[str, ...]
    root: str
    classes: list[ClassDef] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)
    imported: set[str] = field(default_factory=set)
    recursive: bool = False

    def qualified(self, target: tuple[str, ...], name: str) -> Code:
        """`name` from module `target` as this module refers to it (importing the module)."""
        if target == self.module:
            return Code(name)
        self.imported.add(f"from {_relative(self.module, target[:-1])} import {target[-1]}")
        return Code(f"{target[-1]}.{name}")

    def finish(self) -> TypeModule:
        annotations = [f.annotation for c in self.classes for f in c.fields]
        annotations += [a.annotation for a in self.aliases]
        used = set().union(*(names_used(a) for a in annotations)) if annotations else set()
        if any(c.kind == "model" for c in self.classes):
            used.add("BaseModel")
            if any(f.aliased for c in self.classes if c.kind == "model" for f in c.fields):
                used.add("Field")
        if any(c.kind == "typeddict" for c in self.classes):
            used.add("TypedDict")
        lines = [Code("from __future__ import annotations")] if self.recursive else []
        lines += import_lines(used, self.module)
        lines += [Code(line) for line in sorted(self.imported)]
        return TypeModule(self.module, tuple(lines), tuple(self.classes), tuple(self.aliases),
                          self.recursive)


_IMPORT_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("datetime", ("date", "datetime")),
    ("typing", ("Any", "Dict", "List", "Literal", "Mapping", "Optional", "Sequence", "Union")),
    ("typing_extensions", ("Annotated", "Required", "TypedDict")),
)
_RUNTIME_NAMES = ("BaseModel", "Field", "OpenEnum", "OpenIntEnum", "TaggedUnion")
_RUNTIME_TYPES = ("FileContent", "FileTypes")


def import_lines(used: set[str], module: tuple[str, ...]) -> list[Code]:
    """Import statements for the standard and runtime names in `used`, from `module`."""
    lines = []
    for source, names in _IMPORT_SOURCES:
        wanted = [n for n in names if n in used]
        if wanted:
            lines.append(Code(f"from {source} import {', '.join(wanted)}"))
    for runtime_module, names in (("_models", _RUNTIME_NAMES), ("_types", _RUNTIME_TYPES)):
        wanted = [n for n in names if n in used]
        if wanted:
            lines.append(Code(f"from {_relative(module, (runtime_module,))} import "
                              f"{', '.join(wanted)}"))
    return lines


# Keys that give a schema a shape of its own; a union member without any only adds constraints
# (`required`, `not`, ...) to the object it sits in.
_SHAPING_KEYS = frozenset({
    "$ref", "type", "properties", "items", "enum", "const", "allOf", "oneOf", "anyOf",
    "additionalProperties", "patternProperties", "format",
})


def constraint_only(member: Any) -> bool:
    """Whether a union member only adds constraints (no type, properties or reference)."""
    return isinstance(member, dict) and not _SHAPING_KEYS & member.keys()


def _relative(source: tuple[str, ...], target: tuple[str, ...]) -> str:
    """How module `source` names module or package `target` (both package-relative)."""
    return "." * len(source) + ".".join(target)


class SchemaTranslator:
    """Translates schemas for one document; owns the shared components module."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.doc = resolver.doc
        self.components = Scope(COMPONENTS_MODULE, root="")
        # Faults the generator can read past (reported, never silently dropped).
        self.warnings: list[Problem] = []
        self._component_names: dict[tuple[Pointer, Form], Code] = {}


    # -- public API -----------------------------------------------------------------------

    def translate(self, schema: Any, pointer: Pointer, form: Form, hint: str, scope: Scope,
                  stack: tuple[Pointer, ...] = ()) -> TypeInfo:
        if not isinstance(schema, dict):
            raise SpecError([self.doc.problem(pointer, "a schema must be a mapping")])
        if isinstance(schema.get("$ref"), str):
            return self._translate_ref(schema, pointer, form, hint, scope, stack)
        return self._translate_inline(schema, pointer, form, hint, scope, stack)

    def is_object(self, schema: Any, pointer: Pointer,
                  seen: frozenset[Pointer] = frozenset()) -> bool:
        resolved, ptr = self.resolver.resolve(schema, pointer)
        return self._object_like(resolved, ptr, seen)

    def object_fields(self, schema: Any, pointer: Pointer) -> tuple[dict[str, tuple[Any, Pointer]],
                                                                      set[str]]:
        """Properties (schema, pointer) and required names of an object schema, allOf merged."""
        resolved, ptr = self.resolver.resolve(schema, pointer)
        props: dict[str, tuple[Any, Pointer]] = {}
        required: set[str] = set()
        self._collect(resolved, ptr, props, required, set())
        return props, required

    # -- references -----------------------------------------------------------------------

    def _translate_ref(self, schema: dict[str, Any], pointer: Pointer, form: Form, hint: str,
                       scope: Scope, stack: tuple[Pointer, ...]) -> TypeInfo:
        target, target_ptr = self.resolver.resolve(schema, pointer)
        if named_schema(target_ptr) is not None and self._object_like(target, target_ptr):
            name = scope.qualified(COMPONENTS_MODULE, self._component_class(target_ptr, form))
            if scope.module == COMPONENTS_MODULE or target_ptr in stack:
                scope.recursive = True
            children = () if target_ptr in stack else self._doc_children(
                target, target_ptr, form, (*stack, target_ptr))
            info = self._base_info(target, target_ptr)
            return _with(info, annotation=Code(name), doc_type=Code(name), children=children,
                         nullable=info.nullable or _nullable(schema), is_class=True)
        if target_ptr in stack:
            return self._info(target, target_ptr, Code("object"), Code("object"))
        return self._translate_inline(target, target_ptr, form, hint, scope, (*stack, target_ptr))

    def _component_class(self, pointer: Pointer, form: Form) -> Code:
        key = (pointer, form)
        if key in self._component_names:
            return self._component_names[key]
        base = class_name(named_schema(pointer) or "Model", fallback="Model")
        name = Code(unique(base + ("Param" if form == "typeddict" else ""),
                           self.components.taken))
        self._component_names[key] = name
        schema = self.resolver.get(pointer)
        cls = self._build_class(schema, pointer, form, name, self.components, (pointer,))
        self.components.classes.append(cls)
        return name

    # -- inline schemas -------------------------------------------------------------------

    def _translate_inline(self, schema: dict[str, Any], pointer: Pointer, form: Form, hint: str,
                          scope: Scope, stack: tuple[Pointer, ...]) -> TypeInfo:
        self._check_type(schema, pointer)
        info = self._base_info(schema, pointer)
        for key in ("oneOf", "anyOf"):
            members = schema.get(key)
            if isinstance(members, list) and members and not (
                    self._object_like(schema, pointer) and all(map(constraint_only, members))):
                return self._translate_union(schema, pointer, key, form, hint, scope, stack, info)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and not schema.get("properties"):
            inner = self.translate(all_of[0], (*pointer, "allOf", "0"), form, hint, scope, stack)
            return _with(inner, nullable=inner.nullable or info.nullable,
                         description=info.description or inner.description)
        if self._object_like(schema, pointer):
            # Hints are already class names; converting again could respell them.
            base = safe_class(hint) if hint.isidentifier() else class_name(hint)
            cls_name = Code(unique(base, scope.taken))
            cls = self._build_class(schema, pointer, form, cls_name, scope, stack)
            scope.classes.append(cls)
            children = self._doc_children(schema, pointer, form, stack)
            return _with(info, annotation=cls_name, doc_type=cls_name, children=children,
                         is_class=True)
        if "const" in schema and _literal_ok(schema["const"]):
            lit = Code(f"Literal[{py_literal(schema['const'])}]")
            return _with(info, annotation=lit, doc_type=lit)
        enum = schema.get("enum")
        if isinstance(enum, list):
            values = [v for v in enum if v is not None]
            if values and all(_literal_ok(v) for v in values):
                lit = Code("Literal[" + ", ".join(py_literal(v) for v in _dedupe(values)) + "]")
                ann = lit
                if form == "model" and all(isinstance(v, str) for v in values):
                    ann = Code(f"Annotated[{lit}, OpenEnum]")
                elif form == "model" and all(isinstance(v, int) for v in values):
                    ann = Code(f"Annotated[{lit}, OpenIntEnum]")
                return _with(info, annotation=ann, doc_type=lit,
                             enum_values=tuple(py_literal(v) for v in _dedupe(values)))
        kind = _schema_type(schema)
        if kind == "array":
            items = schema.get("items", {})
            item = self.translate(items if isinstance(items, dict) else {}, (*pointer, "items"),
                                  form, singular(hint),
                                  scope, stack)
            item_ann = _optional(item.annotation) if item.nullable else item.annotation
            outer = "List" if form == "model" else "Sequence"
            return _with(info, annotation=Code(f"{outer}[{item_ann}]"),
                         doc_type=Code(f"List[{item.doc_type}]"), children=item.children)
        if kind == "object":
            extra = schema.get("additionalProperties")
            outer = "Dict" if form == "model" else "Mapping"
            if isinstance(extra, dict) and extra:
                value = self.translate(extra, (*pointer, "additionalProperties"), form,
                                       hint + "Value", scope, stack)
                value_ann = _optional(value.annotation) if value.nullable else value.annotation
                return _with(info, annotation=Code(f"{outer}[str, {value_ann}]"),
                             doc_type=Code(f"Dict[str, {value.doc_type}]"))
            return _with(info, annotation=Code(f"{outer}[str, object]"),
                         doc_type=Code("Dict[str, object]"))
        ann = _primitive(kind, schema.get("format"), form)
        return _with(info, annotation=ann, doc_type=_primitive(kind, schema.get("format"), "model"))

    def _translate_union(self, schema: dict[str, Any], pointer: Pointer, key: str, form: Form,
                         hint: str, scope: Scope, stack: tuple[Pointer, ...],
                         info: TypeInfo) -> TypeInfo:
        members: list[_Member] = []
        nullable = info.nullable
        for i, sub in enumerate(schema[key]):
            if isinstance(sub, dict) and _schema_type(sub) == "null":
                nullable = True
                continue
            sub_ptr = (*pointer, key, str(i))
            members.append(_Member(sub, sub_ptr, self.translate(
                sub, sub_ptr, form, f"{hint}Variant{i}", scope, stack)))
        parts = [m.info for m in members]
        if not parts:
            return _with(info, annotation=Code("None"), doc_type=Code("None"), nullable=True)
        nullable = nullable or any(p.nullable for p in parts)
        anns = _dedupe([p.annotation for p in parts])
        docs = _dedupe([p.doc_type for p in parts])
        ann = anns[0] if len(anns) == 1 else Code(f"Union[{', '.join(anns)}]")
        doc = docs[0] if len(docs) == 1 else Code(f"Union[{', '.join(docs)}]")
        # Request TypedDicts need no runtime selection: the plain Union is exact for them.
        if form == "model" and len(anns) > 1 and "discriminator" in schema:
            ann = self._tagged(schema["discriminator"], (*pointer, "discriminator"), members,
                               ann)
        elif form == "model" and len(anns) > 1:
            ann = self._implicitly_tagged(members, ann)
        children = tuple(c for p in parts for c in p.children)
        return _with(info, annotation=ann, doc_type=doc, nullable=nullable, children=children)

    def _tagged(self, discriminator: Any, pointer: Pointer, members: list[_Member],
                union: Code) -> Code:
        """`union` with its member chosen by the discriminator's tag at runtime; `union`
        itself, and a warning, when the discriminator cannot be used as written."""
        found = self._tags(discriminator, pointer, members)
        if isinstance(found, Problem):
            if found not in self.warnings:
                self.warnings.append(found)
            return union
        items = ", ".join(f"{py_str(tag)}: {member}" for tag, member in found.items())
        prop = py_str(discriminator["propertyName"])
        return Code(f"Annotated[{union}, TaggedUnion({prop}, {{{items}}})]")

    def _implicitly_tagged(self, members: list[_Member], union: Code) -> Code:
        """`union` tagged by a property every member fixes to a value of its own (`type:
        {enum: [message]}`), the common way to discriminate without the keyword. Enums are
        open (unknown values are kept), so without the tag every member would accept every
        object and pydantic would pick by accident."""
        if not all(m.info.is_class for m in members):
            return union
        targets = [self.resolver.resolve(m.schema, m.pointer)[1] for m in members]
        first, _ = self.object_fields(self.resolver.get(targets[0]), targets[0])
        for prop in first:
            values = [self.fixed_value(target, prop) for target in targets]
            if None not in values and len(set(values)) == len(values):
                items = ", ".join(f"{py_str(str(v))}: {m.info.annotation}"
                                  for v, m in zip(values, members, strict=True))
                return Code(f"Annotated[{union}, TaggedUnion({py_str(prop)}, {{{items}}})]")
        return union

    def _tags(self, discriminator: Any, pointer: Pointer,
              members: list[_Member]) -> dict[str, Code] | Problem:
        """Tag value -> member class, or why the discriminator is unusable."""
        def unusable(where: Pointer, why: str) -> Problem:
            return self.doc.problem(where, f"discriminator ignored, the union stays untagged: "
                                           f"{why}")

        if not isinstance(discriminator, dict) or not isinstance(
                discriminator.get("propertyName"), str) or not discriminator["propertyName"]:
            named = isinstance(discriminator, dict) and "propertyName" in discriminator
            return unusable((*pointer, "propertyName") if named else pointer,
                            "it has no propertyName")
        for m in members:
            if not m.info.is_class:
                return unusable(m.pointer, "this member is not an object schema")
        targets = [self.resolver.resolve(m.schema, m.pointer)[1] for m in members]
        mapping = discriminator.get("mapping", {})
        if not isinstance(mapping, dict):
            return unusable((*pointer, "mapping"), "mapping is not an object")
        tags: dict[str, Code] = {}
        for tag, ref in mapping.items():
            index = self._mapped_member(ref, targets)
            if index is None:
                return unusable((*pointer, "mapping", tag),
                                f"mapping value {ref!r} names no member of the union (a value is "
                                "a schema name or a #/... reference)")
            tags[tag] = members[index].info.annotation
        # Members the mapping does not name are tagged with their schema's name (OpenAPI's
        # rule) and, when their own schema fixes the property to one value, with that value:
        # many specs rely on it instead of a mapping, and no other value could validate.
        mapped = set(tags.values())
        for m, target in zip(members, targets, strict=True):
            if m.info.annotation in mapped:
                continue
            fixed = self.fixed_value(target, discriminator["propertyName"])
            if fixed is not None:
                tags.setdefault(fixed, m.info.annotation)
            name = named_schema(target)
            if name is not None:
                tags.setdefault(name, m.info.annotation)
        if not tags:
            return unusable(pointer, "no member has a tag: inline members need a mapping")
        return tags

    def fixed_value(self, pointer: Pointer, prop: str) -> str | None:
        """The one string value an object schema allows for property `prop` (a `const`, or an
        `enum` of one), if it fixes one."""
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

    def _build_class(self, schema: Any, pointer: Pointer, form: Form, name: Code, scope: Scope,
                     stack: tuple[Pointer, ...]) -> ClassDef:
        props, required = self.object_fields(schema, pointer)
        fields: list[Field] = []
        taken: set[str] = set()
        is_root = name == scope.root
        for wire, (prop, prop_ptr) in props.items():
            hint = class_name(wire, fallback="Field")
            child_hint = hint if is_root else name + hint
            info = self.translate(prop, prop_ptr, form, child_hint, scope, stack)
            if (form == "typeddict" and info.read_only) or (form == "model" and info.write_only):
                continue
            is_required = wire in required
            ann = _optional(info.annotation) if info.nullable or (
                form == "model" and not is_required) else info.annotation
            if form == "typeddict":
                py_name = Code(wire)
                if is_required:
                    ann = Code(f"Required[{ann}]")
            else:
                py_name = Code(unique(field_name(wire), taken))
            fields.append(Field(py_name, wire, ann, is_required, info.description, info.deprecated))
        base = self._base_info(schema, pointer)
        return ClassDef(name, form, base.description, base.deprecated, tuple(fields))

    def _doc_children(self, schema: Any, pointer: Pointer, form: Form,
                      stack: tuple[Pointer, ...]) -> tuple[DocField, ...]:
        if len(stack) > 12:
            return ()
        props, required = self.object_fields(schema, pointer)
        out: list[DocField] = []
        scratch = Scope(("_docs",), root="")
        taken: set[str] = set()
        for wire, (prop, prop_ptr) in props.items():
            info = self.translate(prop, prop_ptr, form, class_name(wire, fallback="Field"),
                                  scratch, stack)
            if (form == "typeddict" and info.read_only) or (form == "model" and info.write_only):
                continue
            is_required = wire in required
            shown = wire if form == "typeddict" else unique(field_name(wire), taken)
            out.append(self.doc_field(shown, info, is_required))
        return tuple(out)

    @staticmethod
    def doc_field(name: str, info: TypeInfo, required: bool) -> DocField:
        shown = info.doc_type
        if info.nullable or not required:
            shown = Code(f"Optional[{shown}]")
        return DocField(name, shown, required, info.description, info.constraints,
                        info.enum_values, info.deprecated, info.children)

    # -- helpers --------------------------------------------------------------------------

    def _check_type(self, schema: dict[str, Any], pointer: Pointer) -> None:
        """An unknown `type`, or a default the type rejects, has no meaning to fall back on."""
        kind = schema.get("type")
        kinds = kind if isinstance(kind, list) else [kind] if kind is not None else []
        for i, k in enumerate(kinds):
            if k not in JSON_TYPES:
                where = (*pointer, "type", str(i)) if isinstance(kind, list) else (*pointer, "type")
                raise SpecError([self.doc.problem(where, f"schema type {k!r} is not one of "
                                                  f"{', '.join(sorted(JSON_TYPES))}")])
        if "default" in schema and kinds and not (schema["default"] is None and _nullable(schema)):
            fault = default_fault(schema["default"], kinds, schema.get("format"))
            if fault is not None:
                message, fatal = fault
                problem = self.doc.problem((*pointer, "default"), message)
                if fatal:
                    raise SpecError([problem])
                if problem not in self.warnings:
                    self.warnings.append(problem)

    def _object_like(self, schema: Any, pointer: Pointer,
                     seen: frozenset[Pointer] = frozenset()) -> bool:
        if not isinstance(schema, dict) or pointer in seen:
            return False  # a schema that is its own allOf part adds nothing by itself
        if isinstance(schema.get("properties"), dict) and schema["properties"]:
            return _schema_type(schema) in (None, "object")
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) > 1:
            return all(self.is_object(s, (*pointer, "allOf", str(i)), seen | {pointer})
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

    def _base_info(self, schema: dict[str, Any], pointer: Pointer) -> TypeInfo:
        return self._info(schema, pointer, Code("object"), Code("object"))

    @staticmethod
    def _info(schema: dict[str, Any], pointer: Pointer, ann: Code, doc: Code) -> TypeInfo:
        desc = schema.get("description")
        constraints = tuple((k, _constraint_text(schema[k])) for k in _CONSTRAINT_KEYS
                            if k in schema)
        return TypeInfo(ann, doc, _nullable(schema), desc if isinstance(desc, str) else None,
                        schema.get("deprecated") is True, schema.get("readOnly") is True,
                        schema.get("writeOnly") is True, constraints, (), ())


@dataclass(frozen=True)
class _Member:
    """One non-null member of a oneOf/anyOf, as written and as translated."""

    schema: Any
    pointer: Pointer
    info: TypeInfo


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


def _with(info: TypeInfo, **changes: Any) -> TypeInfo:
    return TypeInfo(**{**info.__dict__, **changes})


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


def _primitive(kind: str | None, fmt: Any, form: Form) -> Code:
    if kind == "string":
        if fmt == "binary":
            return Code("FileTypes" if form == "typeddict" else "str")
        if fmt == "date-time":
            return Code("datetime" if form == "model" else "Union[str, datetime]")
        if fmt == "date":
            return Code("date" if form == "model" else "Union[str, date]")
        return Code("str")
    return Code({"integer": "int", "number": "float", "boolean": "bool"}.get(kind or "", "object"))


def _optional(annotation: str) -> Code:
    return Code(annotation if annotation.startswith("Optional[") or annotation == "None"
                else f"Optional[{annotation}]")


def _literal_ok(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, float)


def _dedupe(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for v in values:
        if v not in out or type(v) is not type(out[out.index(v)]):
            out.append(v)
    return out


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


def default_fault(value: Any, kinds: list[str], fmt: Any) -> tuple[str, bool] | None:
    """Why `value` cannot be the default of a schema of these types and format, and whether
    that is fatal; None when it fits.

    Defaults only reach the docs, so a default of the wrong JSON type (`"100"` for an integer,
    `1` for a string) is a warning. A value that breaks the declared format (`notauuid` for a
    uuid) contradicts the schema outright and stops generation.
    """
    pattern = _FORMAT_PATTERNS.get(str(fmt))
    if "string" in kinds and pattern is not None and not (
            isinstance(value, (str, int, float)) and pattern.match(str(value))):
        return f"default {value!r} is not a valid {fmt}", True
    fits = [k for k in kinds if isinstance(value, _PY_TYPES[k])
            and not (k in ("integer", "number") and isinstance(value, bool))]
    if not fits:
        return f"default {value!r} is not of type {' or '.join(kinds)}", False
    return None
