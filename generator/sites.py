"""A document's operations: every path and HTTP method, with where each sits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .errors import SpecError
from .load import Pointer
from .refs import Resolver

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# A variable of a path template: `{pet_id}` in `/pets/{pet_id}`.
PATH_VARIABLE = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class OperationSite:
    path: str  # the path template, as written
    method: str
    operation: dict[str, Any]
    pointer: Pointer  # of the operation, inside the path item a `$ref` leads to
    item: dict[str, Any]  # the path item
    item_pointer: Pointer


def operations(resolver: Resolver) -> Iterator[OperationSite]:
    """Every operation in document order; path items behind a broken `$ref` (reported by
    refs.check_refs) or that are not mappings (reported by the validator) are skipped."""
    paths = resolver.doc.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, raw in paths.items():
        try:
            item, item_pointer = resolver.resolve(raw, ("paths", path))
        except SpecError:
            continue
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                yield OperationSite(path, method, operation, (*item_pointer, method), item,
                                    item_pointer)
