"""Resolving `$ref`s inside one loaded document, with the line of every fault."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from generator.errors import SpecError
from generator.load import Document, Pointer


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


class Resolver:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def get(self, pointer: Pointer) -> Any:
        node: Any = self.doc.data
        for part in pointer:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                raise KeyError(part)
        return node

    def resolve(self, node: Any, pointer: Pointer) -> tuple[Any, Pointer]:
        """Follow `$ref` chains from `node` (found at `pointer`) to a real node."""
        seen: list[Pointer] = []
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            target = parse_ref(ref)
            where = (*pointer, "$ref")
            if target is None:
                raise SpecError([self.doc.problem(where, f"$ref {ref!r}: only local references "
                                                  "(#/...) are supported")])
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
