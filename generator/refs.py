"""Resolving `$ref`s inside one loaded document, with the line of every fault."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

from .errors import Problem, SpecError
from .load import Document, Pointer


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


def check_refs(doc: Document) -> list[Problem]:
    """Every `$ref` that leaves the document or leads nowhere (these stop generation)."""
    resolver = Resolver(doc)
    found: list[Problem] = []
    stack: list[tuple[Any, Pointer]] = [(doc.data, ())]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                try:
                    resolver.resolve(node, pointer)
                except SpecError as exc:
                    found.extend(exc.problems)
            stack.extend((v, (*pointer, k)) for k, v in node.items() if k != "$ref")
        elif isinstance(node, list):
            stack.extend((v, (*pointer, str(i))) for i, v in enumerate(node))
    return sorted(dict.fromkeys(found), key=lambda p: p.line)
