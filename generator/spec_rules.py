"""OpenAPI rules that its JSON schema cannot express, each fault reported at its own node.

openapi-spec-validator checks these rules too, but its reports carry no location, so
validate.py uses these instead: unique tag names, unique operationIds, parameters declared
once per list, and path parameters that the path template names. (A template variable with
no path parameter stops generation, so build.py reports that one.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .errors import SpecError
from .load import Document, Pointer
from .refs import Resolver
from .sites import PATH_VARIABLE, OperationSite, operations

Fault = tuple[Pointer, str]


def rule_faults(doc: Document) -> list[Fault]:
    """Every violation of these rules: the node it is about, and what is wrong."""
    resolver = Resolver(doc)
    sites = list(operations(resolver))
    return [*_duplicate_tags(doc), *_duplicate_operation_ids(doc, sites),
            *_duplicate_parameters(doc, resolver, sites),
            *_path_parameters_not_in_template(resolver, sites)]


def _first_at(doc: Document, first: Pointer, here: Pointer) -> str:
    """Where the first occurrence is, as seen from the repeated one: `line N`, or `FILE:N`
    when they are in different files of a multi-file spec."""
    was, now = doc.problem(first, ""), doc.problem(here, "")
    return f"line {was.line}" if was.file == now.file else f"{was.file}:{was.line}"


def _duplicate_tags(doc: Document) -> Iterator[Fault]:
    tags = doc.data.get("tags")
    seen: dict[str, Pointer] = {}
    for i, tag in enumerate(tags if isinstance(tags, list) else ()):
        name = tag.get("name") if isinstance(tag, dict) else None
        if isinstance(name, str):
            here: Pointer = ("tags", str(i))
            first = seen.setdefault(name, here)
            if first != here:
                yield here, f"tag {name!r} is already declared at {_first_at(doc, first, here)}"


def _duplicate_operation_ids(doc: Document, sites: list[OperationSite]) -> Iterator[Fault]:
    seen: dict[str, Pointer] = {}
    for site in sites:
        op_id = site.operation.get("operationId")
        if isinstance(op_id, str):
            here = (*site.pointer, "operationId")
            # Two paths may share one path item through `$ref`: that is one operation.
            first = seen.setdefault(op_id, here)
            if first != here:
                yield here, (f"operationId {op_id!r} is already used at "
                             f"{_first_at(doc, first, here)}")


def _parameter_lists(sites: list[OperationSite]) -> Iterator[tuple[Any, Pointer]]:
    """Each `parameters` list once: a path item's is shared by its operations."""
    seen: set[Pointer] = set()
    for site in sites:
        for owner, pointer in ((site.item, site.item_pointer), (site.operation, site.pointer)):
            where = (*pointer, "parameters")
            if where not in seen:
                seen.add(where)
                yield owner.get("parameters"), where


def _parameter_key(resolver: Resolver, raw: Any, pointer: Pointer) -> tuple[str, str] | None:
    """A parameter's (location, name); None when it is not readable as one."""
    try:
        param, _ = resolver.resolve(raw, pointer)
    except SpecError:
        return None
    if not isinstance(param, dict):
        return None
    location, name = param.get("in"), param.get("name")
    return (location, name) if isinstance(location, str) and isinstance(name, str) else None


def _duplicate_parameters(doc: Document, resolver: Resolver,
                          sites: list[OperationSite]) -> Iterator[Fault]:
    for items, where in _parameter_lists(sites):
        seen: dict[tuple[str, str], Pointer] = {}
        for i, raw in enumerate(items if isinstance(items, list) else ()):
            here = (*where, str(i))
            key = _parameter_key(resolver, raw, here)
            if key is None:
                continue
            first = seen.setdefault(key, here)
            if first != here:
                yield here, (f"parameter {key[1]!r} in {key[0]} is already declared at "
                             f"{_first_at(doc, first, here)}")


def _path_parameters_not_in_template(resolver: Resolver,
                                     sites: list[OperationSite]) -> Iterator[Fault]:
    """Path parameters whose name the path template lacks (generation reads past them: the
    argument is accepted and never sent)."""
    for site in sites:
        variables = set(PATH_VARIABLE.findall(site.path))
        declared: dict[str, Pointer] = {}
        # An operation's parameter overrides its path item's one of the same name.
        for owner, pointer in ((site.item, site.item_pointer), (site.operation, site.pointer)):
            items = owner.get("parameters")
            for i, raw in enumerate(items if isinstance(items, list) else ()):
                here = (*pointer, "parameters", str(i))
                key = _parameter_key(resolver, raw, here)
                if key is not None and key[0] == "path":
                    declared[key[1]] = here
        for name, here in declared.items():
            if name not in variables:
                yield here, f"path parameter {name!r} is not in the path {site.path!r}"
