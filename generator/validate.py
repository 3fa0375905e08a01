"""Stage 2: check a loaded document against the OpenAPI 3.0/3.1 schema (openapi-spec-validator)."""

from __future__ import annotations

from typing import Any

from jsonschema.exceptions import ValidationError
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from .errors import Problem, SpecError
from .load import Document, Pointer

MAX_PROBLEMS = 50


def check_version(doc: Document) -> str:
    """The document's OpenAPI minor version ("3.0" or "3.1"); refuse anything else."""
    data = doc.data
    if "swagger" in data:
        raise SpecError([doc.problem(("swagger",), "Swagger 2.0 documents are not supported; "
                                     "convert to OpenAPI 3 first (e.g. with swagger2openapi)")])
    version = data.get("openapi")
    if version is None:
        raise SpecError([doc.problem((), "not an OpenAPI document: no 'openapi' version field")])
    text = str(version)
    if text.startswith("3.0"):
        return "3.0"
    if text.startswith("3.1"):
        return "3.1"
    raise SpecError([doc.problem(("openapi",), f"OpenAPI version {text!r} is not supported "
                                 "(3.0.x and 3.1.x are)")])


def problems(doc: Document) -> list[Problem]:
    """Every schema violation, one per location, each with the line it sits on."""
    version = check_version(doc)
    validator_cls = OpenAPIV30SpecValidator if version == "3.0" else OpenAPIV31SpecValidator
    found: dict[Pointer, str] = {}
    try:
        for error in validator_cls(doc.data).iter_errors():
            pointer, message = _locate(doc, _most_specific(error))
            found.setdefault(pointer, message)
            if len(found) >= MAX_PROBLEMS:
                break
    except RecursionError:
        # The validator recurses through $refs; a deep enough cycle exhausts the stack. That
        # is its limit, not a fault in the spec: say so and let the generator's checks decide.
        found.setdefault((), "openapi-spec-validator could not finish (recursion too deep); "
                         "its checks are incomplete")
    except Exception as exc:  # e.g. path names its str.format parsing cannot read
        found.setdefault((), f"openapi-spec-validator crashed ({type(exc).__name__}: {exc}); "
                         "its checks are incomplete")
    # A violation reported inside another one's subtree is the more useful of the two.
    specific = [p for p in found if not any(o != p and o[: len(p)] == p for o in found)]
    return sorted((doc.problem(p, found[p]) for p in specific), key=lambda pr: pr.line)


def validate(doc: Document) -> None:
    found = problems(doc)
    if found:
        raise SpecError(found)


def _most_specific(error: ValidationError) -> ValidationError:
    """The deepest sub-error, skipping the `$ref is required` alternative of every oneOf."""
    best = error
    for sub in error.context or ():
        if sub.validator == "required" and "'$ref'" in sub.message:
            continue
        candidate = _most_specific(sub)
        if len(candidate.absolute_path) > len(best.absolute_path):
            best = candidate
    return best


def _locate(doc: Document, error: ValidationError) -> tuple[Pointer, str]:
    path = tuple(str(p) for p in error.absolute_path)
    message = _message(error)
    if _exists(doc.data, path):
        return path, message
    # Schema objects are checked on their own, so their paths are relative: find the node.
    for pointer in doc.lines:
        if pointer[-len(path):] == path and _value(doc.data, pointer) == error.instance:
            return pointer, message
    return (), message


def _message(error: ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path)
    text = error.message if len(error.message) <= 200 else error.message[:197] + "..."
    return f"{text} (at {where or 'document root'})"


def _exists(data: Any, path: Pointer) -> bool:
    try:
        _value(data, path)
    except (KeyError, IndexError, TypeError, ValueError):
        return False
    return True


def _value(data: Any, path: Pointer) -> Any:
    node = data
    for part in path:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node
