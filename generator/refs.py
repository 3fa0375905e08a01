"""Resolving `$ref`s inside one loaded document, and checking every one, with the line of
every fault."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, unquote

from .errors import Problem, SpecError
from .load import BUNDLE_KEY, Document, Pointer

# JSON Schema's keywords for a schema's own definitions (`definitions` before 2019-09).
_DEFINITIONS = ("$defs", "definitions")
# Keys whose entries the author names: the key below one of these is a name, not a keyword.
_NAME_MAPS = frozenset({
    "properties", "patternProperties", "$defs", "definitions", "schemas", "responses",
    "parameters", "requestBodies", "headers", "securitySchemes", "links", "callbacks",
    "pathItems", "examples", "content", "encoding", "mapping", "variables", "scopes", "paths",
    "webhooks", BUNDLE_KEY,
})


def parse_ref(ref: str) -> Pointer | None:
    """The pointer of a local `#/a/b` reference; None for anything else."""
    if not ref.startswith("#"):
        return None
    fragment = unquote(ref[1:])
    if fragment in ("", "/"):
        return ()
    if not fragment.startswith("/"):
        return None
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in fragment[1:].split("/"))


def local_ref(pointer: Pointer) -> str:
    """The `#/...` reference to `pointer`: each part escaped as JSON Pointer says, then
    percent-encoded as a URI fragment (a path `/a%20b` stays that, not `/a b`)."""
    return "#/" + "/".join(quote(part.replace("~", "~0").replace("/", "~1"), safe="")
                           for part in pointer)


def node_at(data: Any, pointer: Pointer) -> Any:
    """The node at `pointer` in `data`; KeyError when there is none."""
    node = data
    for part in pointer:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise KeyError(part)
    return node


class Resolver:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def get(self, pointer: Pointer) -> Any:
        return node_at(self.doc.data, pointer)

    def resolve(self, node: Any, pointer: Pointer) -> tuple[Any, Pointer]:
        """Follow `$ref` chains from `node` (found at `pointer`) to a real node."""
        seen: list[Pointer] = []
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            target = parse_ref(ref)
            where = (*pointer, "$ref")
            if target is None:
                raise SpecError([self.doc.problem(where, f"$ref {ref!r} is refused: only "
                                                  "references inside the document (#/...) are "
                                                  "followed; nothing was fetched or read")])
            if target in seen or target == pointer:
                raise SpecError([self.doc.problem(where, f"$ref {ref!r} is circular: it never "
                                                  "reaches a definition")])
            seen.append(pointer)
            try:
                node = self.get(target)
            except KeyError:
                missing = self.doc.problem(where, f"$ref {ref!r} points to nothing")
                raise SpecError([missing]) from None
            pointer = target
        return node, pointer


@dataclass(frozen=True)
class RefCheck:
    """What `check_refs` found, and the document every later stage reads."""

    doc: Document  # nested `$defs` references made absolute; examples that break left out
    errors: list[Problem]  # references that stop generation
    warnings: list[Problem]  # references read past


def check_refs(doc: Document) -> RefCheck:
    """Every `$ref` that leaves the document or leads nowhere. Where it sits decides what
    that means: inside an example it only costs that example (examples never decide whether
    a client can be built); anywhere else it stops generation."""
    sites = list(_sites(doc.data))
    fixed, warnings = _nested_definitions(doc, sites)
    if fixed is not doc:
        doc, sites = fixed, list(_sites(fixed.data))
    left_out: set[Pointer] = set()
    while True:
        errors: list[Problem] = []
        examples: set[Pointer] = set()
        for problem, example in _broken(doc, sites):
            if example is None:
                errors.append(problem)
            else:
                warnings.append(replace(problem, message=f"{problem.message}; the example "
                                                         "is left out"))
                examples.add(example)
        if examples <= left_out:
            return RefCheck(doc, _by_line(errors), _by_line(warnings))
        # A reference elsewhere may lead into an example just left out: check again.
        left_out |= examples
        doc = _edited(doc, dict.fromkeys(examples))
        sites = list(_sites(doc.data))


def _by_line(found: list[Problem]) -> list[Problem]:
    return sorted(dict.fromkeys(found), key=lambda p: p.line)


# A mapping with a `$ref` string, and where it is.
Site = tuple[dict[str, Any], Pointer]


def _sites(data: Any) -> Iterator[Site]:
    """Every mapping with a `$ref` string, and where it is."""
    # Each node's place as (its parent's place, its key): a pointer is spelt out only for the
    # few nodes that are references.
    stack: list[tuple[Any, Any]] = [(data, None)]
    while stack:
        node, place = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                yield node, _spelt(place)
            stack.extend((v, (place, k)) for k, v in node.items() if k != "$ref")
        elif isinstance(node, list):
            stack.extend((v, (place, i)) for i, v in enumerate(node))


def _spelt(place: Any) -> Pointer:
    parts = []
    while place is not None:
        place, key = place
        parts.append(str(key))
    return tuple(reversed(parts))


def _broken(doc: Document, sites: list[Site]) -> Iterator[tuple[Problem, Pointer | None]]:
    """Each reference (of `sites`, the document's) that cannot be followed, and the example
    it sits in (None if none)."""
    resolver = Resolver(doc)
    for node, pointer in sites:
        try:
            resolver.resolve(node, pointer)
        except SpecError as exc:
            example = example_of(pointer, doc.data)
            for problem in exc.problems:
                yield problem, example


def example_of(pointer: Pointer, data: Any) -> Pointer | None:
    """The example a node lies in: an `example` value, an entry of an `examples` map, or a
    whole `examples` list (JSON Schema's keyword: left out whole, so that no item moves and
    every line stays where it was); None outside examples."""
    named = False  # whether this part is a name the author chose rather than a keyword
    for i, part in enumerate(pointer):
        if named:
            named = False
        elif part == "example":
            return pointer[:i + 1]
        elif part == "examples" and i + 1 < len(pointer):
            whole = isinstance(node_at(data, pointer[:i + 1]), list)
            return pointer[:i + 1] if whole else pointer[:i + 2]
        else:
            named = part in _NAME_MAPS
    return None


def _nested_definitions(doc: Document, sites: list[Site]) -> tuple[Document, list[Problem]]:
    """`$ref: '#/$defs/X'` in a schema pasted in with its own `$defs` (as pydantic writes
    them) means that schema's entry, when the document root has none: each such reference
    is made absolute, with a warning, so that every later stage (openapi-spec-validator
    included) follows it."""
    found: dict[Pointer, Any] = {}
    warnings: list[Problem] = []
    for node, pointer in sites:
        enclosing = _enclosing_definition(doc.data, pointer, node["$ref"])
        if enclosing is not None:
            target, keyword = enclosing
            found[(*pointer, "$ref")] = local_ref(target)
            line = doc.problem(target, "").line
            warnings.append(doc.problem((*pointer, "$ref"), (
                f"$ref {node['$ref']!r} points to nothing at the document root; it is read as "
                f"the entry of the enclosing {keyword} at line {line}")))
    return (_edited(doc, found) if found else doc), warnings


def _enclosing_definition(data: Any, pointer: Pointer,
                          ref: str) -> tuple[Pointer, str] | None:
    """The nearest entry of an enclosing `$defs` that a reference to a missing entry of the
    root's `$defs` means, and that keyword; None for any other reference."""
    target = parse_ref(ref)
    # In another file of a multi-file spec, `#/$defs/X` was made relative to that file.
    root = pointer[:2] if pointer[:1] == (BUNDLE_KEY,) else ()
    if target is None or target[:len(root)] != root:
        return None
    rest = target[len(root):]
    if len(rest) < 2 or rest[0] not in _DEFINITIONS or _exists(data, target):
        return None
    for end in range(len(pointer), len(root), -1):
        candidate = (*pointer[:end], *rest)
        if _exists(data, candidate):
            return candidate, rest[0]
    return None


def _exists(data: Any, pointer: Pointer) -> bool:
    try:
        node_at(data, pointer)
    except KeyError:
        return False
    return True


def _edited(doc: Document, edits: dict[Pointer, Any]) -> Document:
    """`doc` with the node at each pointer replaced by its value (left out for None). Only
    the containers on the way are copied; mapping keys only are left out, so no pointer to
    another node changes and every line stays known."""
    data = doc.data
    for pointer, value in edits.items():
        data = _set(data, pointer, value)
    return Document(doc.path, data, doc.lines, doc.parts, doc.nodes)


def _set(node: Any, pointer: Pointer, value: Any) -> Any:
    if not pointer:
        return value
    head, rest = pointer[0], pointer[1:]
    if isinstance(node, list):
        copy = list(node)
        copy[int(head)] = _set(node[int(head)], rest, value)
        return copy
    if head not in node:
        return node  # already left out, with the example around it
    out = dict(node)
    if not rest and value is None:
        out.pop(head, None)
    else:
        out[head] = _set(node[head], rest, value)
    return out
