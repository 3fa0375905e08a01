"""Whether openapi-spec-validator would find any fault in a document, decided fast.

openapi-spec-validator checks a document in two parts: the whole document against the
OpenAPI schema, then each Schema object its keyword checks reach (the schemas of parameters,
of response media types and of `components.schemas`) against the JSON Schema dialect, with
each schema's `default` checked against the schema. In Python both take seconds on a large
API. This module makes the same checks with jsonschema-rs, a compiled validator of the same
schemas, and walks the document as plain data. It answers only "clean" or "not clean": on
anything it is not sure of, it answers "not clean", and `validate.problems` then runs
openapi-spec-validator itself, which finds the faults and words them. tests/test_validate.py
checks that both agree on every document of the corpus and on broken variants of them.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

import jsonschema_rs
from openapi_schema_validator import oas30_format_checker, oas31_format_checker
from openapi_schema_validator.validators import OAS30Validator, OAS31Validator
from openapi_spec_validator.schemas import schema_v30, schema_v31

from .errors import SpecError
from .load import Document, Pointer
from .refs import Resolver, local_ref
from .sites import HTTP_METHODS

OAS31_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base"
_OAS31_VOCABULARY = "https://spec.openapis.org/oas/3.1/meta/base"
# Keywords whose values the keyword checks visit as schemas of their own.
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
# How deep `allOf` nesting may go before openapi-spec-validator itself would give up.
_MAX_NESTING = 200


class _Unsure(Exception):
    """Something the fast checks do not decide: openapi-spec-validator must look."""


def clean(doc: Document, version: str) -> bool:
    """Whether openapi-spec-validator finds nothing to report in `doc` (OpenAPI 3.0/3.1)."""
    return document_clean(doc, version) and schemas_clean(doc, version)


def document_clean(doc: Document, version: str) -> bool:
    """Whether the document as a whole is valid against the OpenAPI schema: the first of
    openapi-spec-validator's two parts, and on a large spec the slower one."""
    try:
        return bool(_document_validator(version).is_valid(doc.data))
    except (RecursionError, ValueError, TypeError):
        return False


def schemas_clean(doc: Document, version: str) -> bool:
    """Whether openapi-spec-validator's checks of each schema, default, parameter and
    operation (its second part) find nothing, in a document that is `document_clean`."""
    try:
        checks = _SchemaChecks(doc, version)
        for pointer, value, root in _schemas(doc):
            checks.check(pointer, value, root)
    except (_Unsure, SpecError, RecursionError, ValueError, TypeError, AttributeError,
            KeyError):
        return False
    return True


@cache
def _document_validator(version: str) -> Any:
    schema = dict(schema_v30 if version == "3.0" else schema_v31)
    return jsonschema_rs.validator_for(schema, validate_formats=False)


@cache
def _dialect_validator(version: str) -> Any:
    """The JSON Schema dialect a Schema object must follow (without format checks: the
    formats the dialect asserts, `regex` only, are checked by Python's `re` below)."""
    if version == "3.0":
        return jsonschema_rs.validator_for(dict(OAS30Validator.META_SCHEMA),
                                           validate_formats=False)
    vocabulary = _oas31_vocabulary()
    registry = jsonschema_rs.Registry([(_OAS31_VOCABULARY, vocabulary)])
    return jsonschema_rs.validator_for(dict(OAS31Validator.META_SCHEMA),
                                       validate_formats=False, registry=registry)


def _oas31_vocabulary() -> dict[str, Any]:
    text = files("openapi_schema_validator").joinpath(
        "schemas/oas3.1/vocabularies/base").read_text("utf-8")
    vocabulary: dict[str, Any] = json.loads(text)
    return vocabulary


# -- the walk ------------------------------------------------------------------------------

def _schemas(doc: Document) -> Iterator[tuple[Pointer, Any, bool]]:
    """Every schema the keyword checks start from, as (pointer, value, is a root), in their
    order: path items' and operations' parameters, responses' media types, then
    `components.schemas`. References are followed, as openapi-spec-validator follows them."""
    resolver = Resolver(doc)
    paths = doc.data.get("paths")
    for url, item in paths.items() if isinstance(paths, dict) else ():
        _path_template(url)
        item, item_ptr = resolver.resolve(item, ("paths", url))
        yield from _parameter_schemas(resolver, item, item_ptr)
        for method in HTTP_METHODS:
            if method in item:
                operation, op_ptr = resolver.resolve(item[method], (*item_ptr, method))
                yield from _operation_schemas(resolver, operation, op_ptr)
    components = doc.data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    for name, schema in schemas.items() if isinstance(schemas, dict) else ():
        yield (*resolver.resolve(schema, ("components", "schemas", name))[::-1], True)


def _path_template(url: str) -> None:
    """openapi-spec-validator reads path templates with `str.format`'s parser, which
    refuses some (a lone `{`): then it stops, and says so."""
    list(string.Formatter().parse(url))


def _parameter_schemas(resolver: Resolver, holder: dict[str, Any], pointer: Pointer
                       ) -> Iterator[tuple[Pointer, Any, bool]]:
    parameters, params_ptr = resolver.resolve(holder.get("parameters", []),
                                              (*pointer, "parameters"))
    for i, parameter in enumerate(parameters):
        parameter, param_ptr = resolver.resolve(parameter, (*params_ptr, str(i)))
        if "schema" in parameter:
            schema, schema_ptr = resolver.resolve(parameter["schema"], (*param_ptr, "schema"))
            yield schema_ptr, schema, True


def _operation_schemas(resolver: Resolver, operation: dict[str, Any], pointer: Pointer
                       ) -> Iterator[tuple[Pointer, Any, bool]]:
    responses, responses_ptr = resolver.resolve(operation.get("responses", {}),
                                                (*pointer, "responses"))
    for code, response in responses.items():
        response, response_ptr = resolver.resolve(response, (*responses_ptr, code))
        content, content_ptr = resolver.resolve(response.get("content", {}),
                                                (*response_ptr, "content"))
        for media_type, media in content.items():
            media, media_ptr = resolver.resolve(media, (*content_ptr, media_type))
            if "schema" in media:
                schema, schema_ptr = resolver.resolve(media["schema"], (*media_ptr, "schema"))
                yield schema_ptr, schema, True
    yield from _parameter_schemas(resolver, operation, pointer)


# -- one schema ----------------------------------------------------------------------------

class _SchemaChecks:
    """openapi-spec-validator's checks of Schema objects, for one document: each schema
    value is visited once (by identity, as the library does), its dialect checked where a
    walk starts at it, and the schemas it holds visited in turn."""

    def __init__(self, doc: Document, version: str) -> None:
        self.doc = doc
        self.version = version
        self.resolver = Resolver(doc)
        self.visited: set[int] = set()
        self.dialect_checked: set[int] = set()

    def check(self, pointer: Pointer, value: Any, root: bool) -> None:
        if not isinstance(value, (dict, bool)):
            raise _Unsure
        if root and id(value) not in self.dialect_checked:
            self.dialect_checked.add(id(value))
            self._dialect(value)
        if id(value) in self.visited or isinstance(value, bool):
            return
        self.visited.add(id(value))
        for key in (*_SUBSCHEMA_LISTS, "not", "items"):
            for child, child_ptr in self._children(value, pointer, key):
                self.check(child_ptr, child, False)
        properties = value.get("properties")
        if isinstance(properties, dict):
            for name, prop in properties.items():
                self.check(*self.resolver.resolve(prop, (*pointer, "properties", name))[::-1],
                           False)
        if root and "allOf" in value:
            self._required_are_defined(value, pointer)
        if "default" in value and (value["default"] is not None or
                                   value.get("nullable") is not True):
            self._default(value, pointer)

    def _children(self, value: dict[str, Any], pointer: Pointer, key: str
                  ) -> Iterator[tuple[Any, Pointer]]:
        if key not in value:
            return
        node, node_ptr = self.resolver.resolve(value[key], (*pointer, key))
        if key in _SUBSCHEMA_LISTS:
            if not isinstance(node, list):
                raise _Unsure
            for i, item in enumerate(node):
                yield self.resolver.resolve(item, (*node_ptr, str(i)))
        else:
            yield node, node_ptr

    def _dialect(self, value: Any) -> None:
        if not dialect_clean(self.doc, self.version, value):
            raise _Unsure

    def _required_are_defined(self, value: dict[str, Any], pointer: Pointer) -> None:
        required = value.get("required") or []
        defined = set(value.get("properties") or {})
        for i, part in enumerate(value["allOf"]):
            defined |= self._properties(*self.resolver.resolve(part, (*pointer, "allOf",
                                                                       str(i))), 0)
        if not isinstance(required, list) or set(required) - defined:
            raise _Unsure

    def _properties(self, value: Any, pointer: Pointer, depth: int) -> set[str]:
        """Every property name reachable through allOf/anyOf/oneOf/items/not (no cycle
        check, as in the library: a cycle is left to it)."""
        if depth > _MAX_NESTING or not isinstance(value, dict):
            raise _Unsure
        names = set(value.get("properties") or {})
        for key in (*_SUBSCHEMA_LISTS, "items", "not"):
            for child, child_ptr in self._children(value, pointer, key):
                names |= self._properties(child, child_ptr, depth + 1)
        return names

    def _default(self, value: dict[str, Any], pointer: Pointer) -> None:
        """The default against its own schema, by the library's own value validator (few
        schemas have defaults)."""
        cls = OAS30Validator if self.version == "3.0" else OAS31Validator
        checker = oas30_format_checker if self.version == "3.0" else oas31_format_checker
        validator = cls({**self.doc.data, "$ref": local_ref(pointer)}, format_checker=checker)
        try:
            valid = validator.is_valid(value["default"])
        except Exception:  # a reference the library cannot follow: it reports that itself
            raise _Unsure from None
        if not valid:
            raise _Unsure


def dialect_clean(doc: Document, version: str, value: Any) -> bool:
    """Whether openapi-spec-validator's check of one schema against its JSON Schema dialect
    (the slowest of its checks) finds nothing. False also where that is not decided here: a
    dialect other than the OpenAPI one is left to the library."""
    if version == "3.1" and (
            (isinstance(value, dict) and "$schema" in value) or
            doc.data.get("jsonSchemaDialect", OAS31_DIALECT) != OAS31_DIALECT):
        return False
    return bool(_dialect_validator(version).is_valid(value)) and \
        all(_is_regex(p) for p in _patterns(value, version))


# -- the one format the dialects assert ------------------------------------------------------

def _patterns(schema: Any, version: str) -> Iterator[Any]:
    """Every `pattern` (and, in 3.1, every `patternProperties` key) of a schema and the
    schemas in it, as the dialect meta-schema reaches them."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        if "pattern" in node:
            yield node["pattern"]
        pattern_props = node.get("patternProperties")
        if isinstance(pattern_props, dict):
            if version == "3.1":
                yield from pattern_props
            stack.extend(pattern_props.values())
        for key, child in node.items():
            if key in ("properties", "definitions", "$defs", "dependentSchemas",
                       "dependencies") and isinstance(child, dict):
                stack.extend(child.values())
            elif key in ("items", "prefixItems", "allOf", "anyOf", "oneOf") and \
                    isinstance(child, list):
                stack.extend(child)
            elif key in ("items", "additionalProperties", "additionalItems", "not", "if",
                         "then", "else", "contains", "propertyNames", "unevaluatedItems",
                         "unevaluatedProperties", "contentSchema"):
                stack.append(child)


def _is_regex(pattern: Any) -> bool:
    if not isinstance(pattern, str):
        return True  # not a string: the dialect's type check already failed it
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True
