"""Synthetic specs for the generation benchmark: copies of spec/livestream.yaml's operations.

Copy K of the livestream endpoint (10 operations) gets its own path prefix (``/copyK``), tag
(``livestreams_K``), operationIds (``<id>_K``) and component schemas (``<Name>K``, every
``#/components/schemas/`` ref of the copy renamed with it). The component parameters and the
security scheme stay shared, as in a real API. ``x-sdk-resource`` is dropped, so that both
generators group the operations by tag: one resource per copy, for each of them.

K is zero-padded to a fixed width, so every copy has names of the same length and the
per-operation cost does not creep up with the size. The output depends only on the
arguments: a benchmark run and a profile read the same bytes.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import yaml

LIVESTREAM = Path(__file__).resolve().parents[1] / "spec" / "livestream.yaml"
SCHEMA_REF = "#/components/schemas/"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
FORMATS = ("json", "yaml")
# Wide enough for the ~50 MB spec's copies; the same width at every size.
DIGITS = 5
CHANGED = " (changed)"


def load_livestream(path: Path = LIVESTREAM) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def count_operations(doc: Any) -> int:
    paths = doc.get("paths") if isinstance(doc, dict) else None
    if not isinstance(paths, dict):
        return 0
    return sum(1 for item in paths.values() if isinstance(item, dict)
               for method in HTTP_METHODS if method in item)


def copy_tag(number: int) -> str:
    return f"livestreams_{number:0{DIGITS}d}"


def copy_schema(name: str, number: int) -> str:
    return f"{name}{number:0{DIGITS}d}"


def renamed_refs(node: Any, number: int) -> Any:
    """A deep copy of `node` whose component-schema refs point at copy `number`'s schemas."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(SCHEMA_REF):
                out[key] = SCHEMA_REF + copy_schema(value[len(SCHEMA_REF):], number)
            else:
                out[key] = renamed_refs(value, number)
        return out
    if isinstance(node, list):
        return [renamed_refs(value, number) for value in node]
    return node


def copied_operation(operation: dict[str, Any], number: int) -> dict[str, Any]:
    op = renamed_refs(operation, number)
    op["operationId"] = f"{operation['operationId']}_{number:0{DIGITS}d}"
    op["tags"] = [copy_tag(number)]
    op.pop("x-sdk-resource", None)
    return op


def copied_paths(base: dict[str, Any], number: int) -> dict[str, Any]:
    """Copy `number` of every path item: operations renamed, path-level parameters kept."""
    prefix = f"/copy{number:0{DIGITS}d}"
    paths: dict[str, Any] = {}
    for path, item in base["paths"].items():
        paths[prefix + path] = {
            key: copied_operation(value, number) if key in HTTP_METHODS
            else renamed_refs(value, number)
            for key, value in item.items()}
    return paths


def synthetic_spec(operations: int, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """A valid OpenAPI document of `operations` operations (a multiple of the base's count)."""
    base = base if base is not None else load_livestream()
    per_copy = count_operations(base)
    if operations <= 0 or operations % per_copy:
        raise ValueError(f"operations must be a positive multiple of {per_copy}")
    copies = operations // per_copy
    components = base.get("components", {})
    schemas = components.get("schemas", {})
    doc: dict[str, Any] = {
        "openapi": base["openapi"],
        "info": {**base["info"], "title": "Synthetic livestreams",
                 "description": f"{copies} copies of the livestream endpoint."},
        **{key: base[key] for key in ("servers", "security") if key in base},
        "tags": [{"name": copy_tag(n), "description": f"Livestreams, copy {n}."}
                 for n in range(copies)],
        "paths": {},
        "components": {key: value for key, value in components.items() if key != "schemas"},
    }
    doc["components"]["schemas"] = {}
    for number in range(copies):
        doc["paths"].update(copied_paths(base, number))
        doc["components"]["schemas"].update(
            {copy_schema(name, number): renamed_refs(schema, number)
             for name, schema in schemas.items()})
    return doc


def with_one_summary_changed(doc: dict[str, Any]) -> dict[str, Any]:
    """`doc` with the summary of one operation (the middle path's first) edited; the rest of
    the document is shared with `doc`, not copied."""
    paths = list(doc["paths"])
    path = paths[len(paths) // 2]
    item = copy.deepcopy(doc["paths"][path])
    operation = next(item[key] for key in item if key in HTTP_METHODS)
    operation["summary"] = operation.get("summary", "") + CHANGED
    return {**doc, "paths": {**doc["paths"], path: item}}


def dump(doc: dict[str, Any], fmt: str) -> str:
    """The document as the text of a `fmt` file: JSON indented by 2, or block-style YAML
    (libyaml's emitter when PyYAML has it: the ~50 MB spec is slow to write otherwise)."""
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    if fmt == "yaml":
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text: str = yaml.dump(doc, Dumper=dumper, sort_keys=False, allow_unicode=True,
                              width=100)
        return text
    raise ValueError(f"unknown format {fmt!r}; one of {FORMATS}")


def operations_for_size(target_bytes: int, fmt: str, base: dict[str, Any] | None = None) -> int:
    """The operations of the smallest synthetic spec whose `fmt` text has `target_bytes` or
    more: the text grows by the same number of bytes per copy."""
    base = base if base is not None else load_livestream()
    per_copy = count_operations(base)
    one = len(dump(synthetic_spec(per_copy, base), fmt).encode())
    two = len(dump(synthetic_spec(2 * per_copy, base), fmt).encode())
    copies = max(1, math.ceil((target_bytes - (2 * one - two)) / (two - one)))
    return copies * per_copy


def write_spec(folder: Path, doc: dict[str, Any], name: str, fmt: str) -> Path:
    path = folder / f"{name}.{fmt}"
    path.write_text(dump(doc, fmt), encoding="utf-8")
    return path


def count_nodes(node: Any) -> int:
    """The nodes a YAML composer makes for `node`: each mapping, sequence, key and scalar."""
    if isinstance(node, dict):
        return 1 + sum(1 + count_nodes(value) for value in node.values())
    if isinstance(node, list):
        return 1 + sum(count_nodes(value) for value in node)
    return 1
