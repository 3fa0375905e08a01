"""Example values: the spec's own examples first, else a value built from the schema."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from typing import Any

from .fixtures import Example
from .load import Pointer
from .patterns import finds, matching_string
from .refs import Resolver, local_ref
from .schemas import constraint_only
from .verdicts import FORGETFUL, Verdicts

MISSING = object()
_FORMAT_SAMPLES = {
    "uuid": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "byte": "ZXhhbXBsZQ==",
    "email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "hostname": "example.com",
    "ipv4": "127.0.0.1",
}
MAX_DEPTH = 32
# Bounds on the work one sample may take: union members tried, array items built.
MAX_MEMBERS_TRIED = 8
MAX_ITEMS = 8
# The longest string built to meet a `minLength`: a longer minimum is not met (the example is
# then marked invalid), so a hostile bound cannot fill the memory.
MAX_STRING = 4096
# Below this depth a sample fills optional properties too; deeper, only required ones.
OPTIONAL_DEPTH = 3


def declared_example(node: dict[str, Any]) -> Any:
    """The `example`, or the first of `examples`, declared on a parameter or media type."""
    if "example" in node:
        return node["example"]
    examples = node.get("examples")
    if isinstance(examples, dict):
        for value in examples.values():
            if isinstance(value, dict) and "value" in value:
                return value["value"]
    if isinstance(examples, list) and examples:
        # JSON Schema's own keyword (OpenAPI 3.1 schemas): a list of plain values.
        return examples[0]
    return MISSING


def has_value(value: Any) -> bool:
    return value is not MISSING


class Sampler:
    """Builds example values and checks examples against their schema.

    Real specs often carry examples that contradict their own schema; docs and generated tests
    must only show values the generated types accept, so a failing example is replaced by one
    built from the schema alone.
    """

    def __init__(self, resolver: Resolver, version: str, verdicts: Verdicts = FORGETFUL) -> None:
        self.resolver = resolver
        self._version = version
        self._verdicts = verdicts
        self._root: Any = None

    def fits(self, value: Any, pointer: Pointer) -> bool:
        """Whether `value` validates against the schema at `pointer` (refs resolved)."""
        try:
            resolved, _ = self.resolver.resolve(self.resolver.get(pointer), pointer)
        except KeyError:
            return True  # no schema declared: any example goes
        if isinstance(resolved, dict) and "type" not in resolved and "properties" in resolved \
                and not isinstance(value, dict):
            return False  # JSON Schema lets a non-object through `properties`; our models don't
        key = self._verdicts.key(self.resolver.doc.data, pointer, value)
        verdict = self._verdicts.get(key) if key is not None else None
        if verdict is None:
            verdict = self._validates(value, pointer)
            if verdict is None:
                return False  # a schema the validator cannot even compile: trust nothing
            if key is not None:
                self._verdicts.put(key, verdict)
        return verdict

    def _validates(self, value: Any, pointer: Pointer) -> bool | None:
        """The validator's verdict; None if it fails (not remembered: a failure such as too
        deep a recursion may depend on more than the value and the schema)."""
        try:
            # One validator of the whole document, for every schema in it: each one made
            # anew would look its references up anew.
            if self._root is None:
                self._root = _document_validator(self.resolver.doc.data, self._version)
            validator = self._root.evolve(schema={"$ref": local_ref(pointer)})
            return bool(validator.is_valid(value))
        except Exception:
            return None

    def example_for(self, declared: Any, schema: Any, pointer: Pointer, *, drop: str,
                    files: bool = False) -> Example:
        """`declared` if the schema accepts it, else a value built from the schema; without the
        properties marked `drop` ("readOnly" for requests, "writeOnly" for responses). With
        `files` (multipart bodies), binary strings are sampled as bytes to upload."""
        original = declared
        if isinstance(declared, str) and declared.lstrip()[:1] in ("{", "["):
            # Some specs write a JSON example as a string of JSON text.
            try:
                parsed = json.loads(declared)
            except ValueError:
                parsed = MISSING
            if has_value(parsed) and self.fits(parsed, pointer):
                declared = parsed
        if has_value(declared) and self.fits(declared, pointer):
            return Example(self.without(declared, schema, pointer, drop),
                           as_declared=declared is original)
        built = self.sample(schema, pointer, files=files)
        valid = self.fits(_as_json(built), pointer)
        if not valid:
            built = self.sample(schema, pointer, trust=False, files=files)
            valid = self.fits(_as_json(built), pointer)
        return Example(self.without(built if has_value(built) else None, schema, pointer, drop),
                       valid)

    def without(self, value: Any, schema: Any, pointer: Pointer, flag: str, depth: int = 0) -> Any:
        """`value` minus the object properties whose schema sets `flag` (readOnly/writeOnly)."""
        schema, pointer = self.resolver.resolve(schema, pointer)
        if not isinstance(schema, dict) or depth > MAX_DEPTH:
            return value
        if isinstance(value, list) and isinstance(schema.get("items"), dict):
            return [self.without(v, schema["items"], (*pointer, "items"), flag, depth + 1)
                    for v in value]
        if not isinstance(value, dict):
            return value
        props: dict[str, tuple[Any, Pointer]] = {}
        parts = [(schema, pointer)] + [
            self.resolver.resolve(part, (*pointer, "allOf", str(i)))
            for i, part in enumerate(schema.get("allOf") or ())
        ]
        for part, part_ptr in parts:
            for key, prop in (part.get("properties") or {}).items() if isinstance(part, dict) \
                    else ():
                props[key] = (prop, (*part_ptr, "properties", key))
        out = {}
        for key, item in value.items():
            if key not in props:
                out[key] = item
                continue
            prop, prop_ptr = self.resolver.resolve(*props[key])
            if isinstance(prop, dict) and prop.get(flag) is True:
                continue
            out[key] = self.without(item, prop, prop_ptr, flag, depth + 1)
        return out

    def sample(self, schema: Any, pointer: Pointer, *, trust: bool = True,
               files: bool = False) -> Any:
        """A value for the schema; with `trust`, the schema's own examples come first.

        Optional properties are filled only near the top, so samples of big specs stay small;
        a schema met again on its own path (recursion) gets an empty container. With `files`
        (multipart bodies), binary strings are sampled as bytes to upload.
        """
        return self._sample(schema, pointer, _Walk(trust=trust, files=files))

    def _sample(self, schema: Any, pointer: Pointer, walk: _Walk,
                required: frozenset[str] = frozenset()) -> Any:
        """A value for the schema at `pointer`, met on `walk`; `required` names properties
        that an enclosing schema requires of it."""
        schema, pointer = self.resolver.resolve(schema, pointer)
        if not isinstance(schema, dict):
            return None
        nullable = _nullable(schema)
        given = _given(schema, nullable, walk)
        if given is not _ABSENT:
            return given
        kind = _kind(schema)
        if pointer in walk.path or len(walk.path) > MAX_DEPTH:
            # Recursion: the caller leaves this property out (or the list empty).
            return None if nullable else [] if kind == "array" else MISSING
        key = _union_key(schema)
        if key is not None:
            if "properties" not in schema:
                return self._member_sample(schema, pointer, key, walk.into(pointer))
            if not all(map(constraint_only, schema[key])):
                return self._object_and_member(schema, pointer, key, walk, required)
            # Variants that only say which of this object's fields are required.
            required = required | set(schema[key][0].get("required") or ())
        if isinstance(schema.get("allOf"), list):
            return self._all_of_sample(schema, pointer, walk.into(pointer), required)
        if kind == "object" or (kind is None and "properties" in schema):
            return self._object_sample(schema, pointer, walk, required)
        if kind == "array":
            return self._array_sample(schema, pointer, walk.into(pointer))
        return _scalar(schema, kind, walk)

    def _object_and_member(self, schema: dict[str, Any], pointer: Pointer, key: str,
                           walk: _Walk, required: frozenset[str]) -> Any:
        """An object of its own properties plus those of one `key` member."""
        own = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf")}
        base = self._sample(own, pointer, walk, required)
        return self._member_sample(schema, pointer, key, walk.into(pointer),
                                   base=base if isinstance(base, dict) else {})

    def _all_of_sample(self, schema: dict[str, Any], pointer: Pointer, walk: _Walk,
                       required: frozenset[str]) -> Any:
        """The parts' samples merged; one part may list as required what another defines."""
        parts = [self.resolver.resolve(p, (*pointer, "allOf", str(i)))[0]
                 for i, p in enumerate(schema["allOf"])]
        wanted = required.union(*(p.get("required") or () for p in parts
                                  if isinstance(p, dict)), schema.get("required") or ())
        merged: dict[str, Any] = {}
        for i, part in enumerate(schema["allOf"]):
            value = self._sample(part, (*pointer, "allOf", str(i)), walk, wanted)
            if value is None:
                continue  # a part that only annotates (description, ...)
            if not isinstance(value, dict):
                return value  # allOf around a scalar (an enum with a new default, ...)
            merged.update(value)
        return merged

    def _object_sample(self, schema: dict[str, Any], pointer: Pointer, walk: _Walk,
                       required: frozenset[str]) -> dict[str, Any]:
        """The required properties, and near the top the optional ones too."""
        wanted = required | set(schema.get("required") or ())
        inner = walk.into(pointer)
        values = {
            key: self._sample(prop, (*pointer, "properties", key), inner)
            for key, prop in (schema.get("properties") or {}).items()
            if isinstance(prop, dict) and (key in wanted or len(walk.path) < OPTIONAL_DEPTH)
        }
        return {k: v for k, v in values.items() if has_value(v)}

    def _member_sample(self, schema: dict[str, Any], pointer: Pointer, key: str, walk: _Walk,
                       base: dict[str, Any] | None = None) -> Any:
        """A sample of the first `oneOf`/`anyOf` member whose sample the whole union accepts
        (for `oneOf`, a value of one member is often a value of another too); merged into
        `base`, the union's own properties, when it has some."""
        first: Any = MISSING
        for i, member in enumerate(schema[key][:MAX_MEMBERS_TRIED]):
            value = self._sample(member, (*pointer, key, str(i)), walk)
            if base is not None:
                value = {**base, **value} if isinstance(value, dict) else base
            value = _with_tag(value, schema.get("discriminator"), member)
            if i == 0:
                first = value
            if len(schema[key]) == 1 or (has_value(value) and self.fits(_as_json(value), pointer)):
                return value
        if schema.get("nullable") is True and self.fits(None, pointer):
            return None  # no member's value is unambiguous, but null is
        return first

    def _array_sample(self, schema: dict[str, Any], pointer: Pointer,
                      walk: _Walk) -> list[Any]:
        """As many items as `minItems` asks (at least one), distinct under `uniqueItems`."""
        low = schema.get("minItems")
        count = max(1, min(low, MAX_ITEMS)) if isinstance(low, int) else 1
        unique = schema.get("uniqueItems") is True
        items: list[Any] = []
        for variant in range(count + MAX_ITEMS):
            if len(items) == count:
                break
            # Only a built value can vary: the schema's own example is used once.
            item = self._sample(schema.get("items", {}), (*pointer, "items"),
                                replace(walk, trust=walk.trust and variant == 0,
                                        variant=variant))
            if not has_value(item):
                return []
            if not (unique and item in items):
                items.append(item)
        return items


@dataclass(frozen=True)
class _Walk:
    """How a sample is being built: whether the schemas' own examples come first (`trust`),
    the schemas met on the way down (`path`: recursion), whether binary strings are files
    to upload, and which variant to build (items of a `uniqueItems` array differ)."""

    trust: bool = True
    path: tuple[Pointer, ...] = ()
    files: bool = False
    variant: int = 0

    def into(self, pointer: Pointer) -> _Walk:
        """The walk below the schema at `pointer`."""
        return replace(self, path=(*self.path, pointer))


# No value given by the schema itself (`None` is a value: a nullable schema's null example).
_ABSENT = object()


def _given(schema: dict[str, Any], nullable: bool, walk: _Walk) -> Any:
    """The value the schema gives itself: its example, default or const (only the const
    without `trust`), the first of its `examples`, or one of its enum values; else _ABSENT."""
    for key in ("example", "default", "const") if walk.trust else ("const",):
        # A null example of a non-nullable schema says nothing: build one instead.
        if key in schema and (schema[key] is not None or nullable):
            return schema[key]
    if walk.trust and isinstance(schema.get("examples"), list) and schema["examples"]:
        return schema["examples"][0]
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        choices = [v for v in enum if v is not None] or [None]
        return choices[walk.variant % len(choices)]
    return _ABSENT


def _nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return schema.get("nullable") is True or (isinstance(kind, (list, str)) and "null" in kind)


def _kind(schema: dict[str, Any]) -> Any:
    """The schema's `type`; of a list of types, the first that is not "null"."""
    kind = schema.get("type")
    if isinstance(kind, list):
        return next((k for k in kind if k != "null"), "null")
    return kind


def _union_key(schema: dict[str, Any]) -> str | None:
    """`oneOf` or `anyOf`, whichever comes first with members."""
    return next((key for key in ("oneOf", "anyOf")
                 if isinstance(schema.get(key), list) and schema[key]), None)


def _scalar(schema: dict[str, Any], kind: Any, walk: _Walk) -> Any:
    """A value of a string, number or boolean schema; None for any other."""
    if walk.files and kind == "string" and schema.get("format") == "binary":
        # A file upload in a request (responses carry binary fields as text).
        return b"example"
    if kind == "string":
        return _string(schema, walk.variant)
    if kind == "integer":
        return _bounded(schema, walk.variant)
    if kind == "number":
        return _as_float(_bounded(schema, walk.variant))
    if kind == "boolean":
        return True
    return None


def _with_tag(value: Any, discriminator: Any, member: Any) -> Any:
    """A union member's sample carrying the discriminator tag that selects that member: the
    mapping's value for its reference, else its schema's name (OpenAPI's default). A value
    the member's schema fixes itself (an enum of one) is left alone."""
    if not (isinstance(value, dict) and isinstance(discriminator, dict)
            and isinstance(member, dict) and isinstance(member.get("$ref"), str)):
        return value
    prop = discriminator.get("propertyName")
    if not isinstance(prop, str) or value.get(prop) not in (None, "string"):
        return value
    ref = member["$ref"]
    name = ref.rsplit("/", 1)[-1]
    mapping = discriminator.get("mapping")
    tags = [tag for tag, target in mapping.items() if target in (ref, name)] \
        if isinstance(mapping, dict) else []
    return {**value, prop: tags[0] if tags else name}


def _as_json(value: Any) -> Any:
    """`value` as the JSON Schema validator sees it: an upload's bytes as a string."""
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    return value


def _string(schema: dict[str, Any], variant: int = 0) -> str:
    """A string within the schema's format, pattern and length bounds, as far as it can."""
    low = schema.get("minLength")
    high = schema.get("maxLength")
    low = low if isinstance(low, int) and low > 0 else 0
    high = high if isinstance(high, int) and high >= low else None
    text = _FORMAT_SAMPLES.get(str(schema.get("format")), "string")
    if variant:
        text = f"{text}{variant + 1}" if text == "string" else text
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and (variant or not finds(pattern, text)):
        text = matching_string(pattern, low, high, variant) or text
    if len(text) < low <= MAX_STRING:
        text = (text * (low // max(len(text), 1) + 1))[:low]
    return text[:high] if high is not None else text


def _as_float(value: int) -> float | int:
    """`value` as a float, or as it is when no float is that large (a bound like 1e400)."""
    try:
        return float(value)
    except OverflowError:
        return value


def _bounded(schema: dict[str, Any], offset: int) -> int:
    """The smallest whole number from 0 up that the bounds allow, plus `offset` if it fits."""
    low = schema.get("minimum")
    high = schema.get("maximum")
    value = 0
    if isinstance(low, (int, float)) and value < low:
        value = math.ceil(low) + (1 if schema.get("exclusiveMinimum") is True else 0)
    if not (isinstance(high, (int, float)) and value + offset > high):
        value += offset
    if isinstance(high, (int, float)) and value > high:
        value = math.floor(high)
    return value


def _document_validator(data: Any, version: str) -> Any:
    """openapi-schema-validator's validator of the document as one schema. Imported here:
    a run whose verdicts are all remembered (verdicts.py) never needs it."""
    from openapi_schema_validator import (
        OAS30Validator,
        OAS31Validator,
        oas30_format_checker,
        oas31_format_checker,
    )

    if version == "3.1":
        return OAS31Validator(data, format_checker=oas31_format_checker)
    return OAS30Validator(data, format_checker=oas30_format_checker)
