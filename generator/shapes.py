"""The shape check: every node the generator reads has the JSON kind its place requires.

A spec where `paths` is a list or `responses` a string is not something the generator can
read past: it would fail somewhere inside the build. So before the build, the document is
walked along the places the generator reads (the grammar below), following `$ref`s to their
targets, and each node of the wrong kind is reported once, at its own line:
`spec.yaml:12: paths./pets.get.parameters: expected a list, found a mapping`. What sits inside
a node of the wrong kind is not checked. Every such fault stops generation.

Only what the generator reads structurally is checked: the containers it descends into, and
the strings whose kind decides what it makes of a node (a schema's `type`, a parameter's
`in`, ...). Left to openapi-spec-validator, whose warnings name them: text the generator only
shows (titles, descriptions, versions), flags it reads as `is True`, what it never reads (a
security requirement's scopes, callbacks, links), examples (they never decide whether a
client can be built: one of the wrong kind is not used), and `discriminator`, which the build
reads whatever its kind, with a warning of its own when it cannot use it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .errors import Problem, SpecError
from .load import Document, Pointer
from .refs import Resolver
from .sites import HTTP_METHODS

# A document with more faults than this gets the first ones (by line): enough to act on.
MAX_PROBLEMS = 50


class Kind(Enum):
    MAPPING = "a mapping"
    LIST = "a list"
    STRING = "a string"
    BOOLEAN = "a boolean"


@dataclass(frozen=True)
class Place:
    """What may stand at one place of the document, and which places lie below it."""

    kinds: tuple[Kind, ...]
    keys: Mapping[str, str] = field(default_factory=dict)  # a mapping's keys -> their places
    each: str | None = None  # the place of every entry of a mapping, or item of a list
    referable: bool = False  # a `{$ref: ...}` may stand here instead


MAPPING, LIST, STRING = (Kind.MAPPING,), (Kind.LIST,), (Kind.STRING,)

_SCHEMA_KEYS = {
    "type": "type", "properties": "schemas", "items": "schema",
    "additionalProperties": "additional properties", "allOf": "schema list",
    "oneOf": "schema list", "anyOf": "schema list", "enum": "list", "required": "strings",
    "$defs": "schemas",
}

_GRAMMAR: dict[str, Place] = {
    "document": Place(MAPPING, {
        "info": "mapping", "servers": "servers", "paths": "paths", "components": "components",
        "security": "security", "tags": "tags"}),
    "servers": Place(LIST, each="server"),
    "server": Place(MAPPING, {"variables": "variables"}),
    "variables": Place(MAPPING, each="mapping"),
    "paths": Place(MAPPING, each="path item"),
    "path item": Place(MAPPING, {"parameters": "parameters",
                                 **dict.fromkeys(HTTP_METHODS, "operation")}, referable=True),
    "operation": Place(MAPPING, {
        "tags": "strings", "parameters": "parameters", "requestBody": "request body",
        "responses": "responses", "security": "security", "x-sdk-resource": "string",
        "x-sdk-method": "string", "x-api-token-group": "strings"}),
    "parameters": Place(LIST, each="parameter"),
    "parameter": Place(MAPPING, {"name": "string", "in": "string", "schema": "schema",
                                 "content": "content"}, referable=True),
    "request body": Place(MAPPING, {"content": "content"}, referable=True),
    "responses": Place(MAPPING, each="response"),
    "response": Place(MAPPING, {"content": "content"}, referable=True),
    "content": Place(MAPPING, each="media type"),
    "media type": Place(MAPPING, {"schema": "schema"}),
    "components": Place(MAPPING, {"schemas": "schemas",
                                  "securitySchemes": "security schemes"}),
    "schemas": Place(MAPPING, each="schema"),
    "schema list": Place(LIST, each="schema"),
    "type": Place((Kind.STRING, Kind.LIST), each="string"),
    "security schemes": Place(MAPPING, each="security scheme"),
    "security scheme": Place(MAPPING, {"type": "string", "scheme": "string", "in": "string"},
                             referable=True),
    "security": Place(LIST, each="security requirement"),
    "security requirement": Place(MAPPING),
    "tags": Place(LIST, each="tag"),
    "tag": Place(MAPPING, {"name": "string"}),
    "strings": Place(LIST, each="string"),
    "string": Place(STRING),
    "mapping": Place(MAPPING),
    "list": Place(LIST),
}


def grammar(version: str) -> dict[str, Place]:
    """The places of an OpenAPI `version` ("3.0" or "3.1") document. A 3.1 schema is a JSON
    Schema, which may be `true` or `false`; `additionalProperties` may be one in both."""
    schema_kinds = (Kind.MAPPING, Kind.BOOLEAN) if version == "3.1" else MAPPING
    return {
        **_GRAMMAR,
        "schema": Place(schema_kinds, _SCHEMA_KEYS, referable=True),
        "additional properties": Place((Kind.MAPPING, Kind.BOOLEAN), _SCHEMA_KEYS,
                                       referable=True),
    }


def shape_problems(doc: Document, version: str) -> list[Problem]:
    """Every node of the wrong kind, one problem each, in line order (at most MAX_PROBLEMS)."""
    found: dict[Pointer, Problem] = {}
    for pointer, problem in _Walk(doc, grammar(version)).faults():
        found.setdefault(pointer, problem)
    return sorted(found.values(), key=lambda p: p.line)[:MAX_PROBLEMS]


class _Walk:
    def __init__(self, doc: Document, places: dict[str, Place]) -> None:
        self.doc = doc
        self.places = places
        self.resolver = Resolver(doc)
        # Each mapping and list checked as each place, by identity: a container of the data
        # stands at one pointer only (a YAML alias is a copy), and a shared target is met
        # once by each reference to it. Scalars are met again at most: a fault is kept once
        # per pointer.
        self.seen: set[tuple[int, str]] = set()

    def faults(self) -> Iterator[tuple[Pointer, Problem]]:
        # Iterative, so that schemas nested hundreds of levels deep cannot exhaust the stack.
        stack: list[tuple[Any, Pointer, str]] = [(self.doc.data, (), "document")]
        while stack:
            node, pointer, name = stack.pop()
            if isinstance(node, (dict, list)):
                if (id(node), name) in self.seen:
                    continue
                self.seen.add((id(node), name))
            place = self.places[name]
            if place.referable and isinstance(node, dict) and "$ref" in node:
                yield from self._follow(node, pointer, name, stack)
                continue
            if _kind(node) not in place.kinds:
                yield pointer, self._problem(pointer, place, node)
                continue
            stack.extend(reversed(list(self._children(node, pointer, place))))

    def _follow(self, node: dict[str, Any], pointer: Pointer, name: str,
                stack: list[tuple[Any, Pointer, str]]) -> Iterator[tuple[Pointer, Problem]]:
        """A reference: its target is checked where it is, as this place."""
        at = (*pointer, "$ref")
        ref = node["$ref"]
        if not isinstance(ref, str):
            yield at, self._problem(at, self.places["string"], ref)
            return
        try:
            target, target_ptr = self.resolver.resolve(node, pointer)
        except SpecError:
            return  # a broken or circular reference: refs.check_refs reports it
        place = self.places[name]
        if _kind(target) not in place.kinds:
            # The target may be right where it stands; the reference is what is wrong.
            yield at, self._problem(pointer, place, target, via=ref, at=at)
            return
        stack.append((target, target_ptr, name))

    @staticmethod
    def _children(node: Any, pointer: Pointer, place: Place) -> Iterator[tuple[Any, Pointer, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                child = place.keys.get(key, place.each)
                if child is not None:
                    yield value, (*pointer, key), child
        elif isinstance(node, list) and place.each is not None:
            for i, value in enumerate(node):
                yield value, (*pointer, str(i)), place.each

    def _problem(self, pointer: Pointer, place: Place, node: Any, *, via: str | None = None,
                 at: Pointer | None = None) -> Problem:
        _, local = self.doc.place(pointer)
        expected = " or ".join(kind.value for kind in place.kinds)
        through = f" (the target of $ref {via!r})" if via is not None else ""
        return self.doc.problem(at or pointer, f"{_where(local)}: expected {expected}, found "
                                               f"{_found(node)}{through}")


def _kind(node: Any) -> Kind | None:
    if isinstance(node, dict):
        return Kind.MAPPING
    if isinstance(node, list):
        return Kind.LIST
    if isinstance(node, str):
        return Kind.STRING
    if isinstance(node, bool):
        return Kind.BOOLEAN
    return None


def _found(node: Any) -> str:
    kind = _kind(node)
    if kind is not None:
        return kind.value
    return "null" if node is None else "a number"


def _where(pointer: Pointer) -> str:
    """A node's place for people: `paths./pets.get.parameters.0.schema`. A key that would
    read as more than one step, or as nothing (dots, brackets, quotes, spaces, characters
    that do not print, the empty key), is quoted: `content['application/vnd.api+json']`."""
    if not pointer:
        return "the document root"
    out = ""
    for part in pointer:
        if part and part.isprintable() and not any(c in part for c in ".[]'\"") \
                and not any(c.isspace() for c in part):
            out += f".{part}" if out else part
        else:
            out += f"[{part!r}]"
    return out
