"""openapi-spec-validator's faults of a document, each at the node it is about (validate.py
runs them).

The general rule for placing a fault: the node an error names, never a parent of it when the
fault is one of its entries (an unexpected key, a repeated item). openapi-spec-validator checks
each schema, parameter and operation on its own and reports errors relative to it, so every
one of its checks is run through a subclass that remembers which node it was given.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from itertools import chain
from typing import Any

from jsonschema.exceptions import ValidationError
from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.schemas import schema_v30, schema_v31
from openapi_spec_validator.schemas.backend.jsonschema import (
    create_validator as create_jsonschema_validator,
)
from openapi_spec_validator.validation.exceptions import (
    DuplicateOperationIDError,
    ExtraParametersError,
    ParameterDuplicateError,
    UnresolvableParameterError,
)
from openapi_spec_validator.validation.keywords import KeywordValidator
from openapi_spec_validator.validation.validators import SpecValidator

from .errors import Problem, SpecError
from .fastvalidate import dialect_clean
from .load import Document, Pointer
from .refs import Resolver
from .spec_rules import Fault, rule_faults

MAX_PROBLEMS = 50
# The library's checks of the rules spec_rules checks with locations; its reports of them
# name no node. Its duplicate tag names come from the "tags" keyword check.
_CHECKED_BY_SPEC_RULES = (DuplicateOperationIDError, ParameterDuplicateError,
                          UnresolvableParameterError)
_TAGS_KEYWORD = "tags"
# Keys an object does not allow: each is a fault of its own, at its own line.
_UNEXPECTED_KEY_CHECKS = ("additionalProperties", "unevaluatedProperties")
# Which node each error of a keyword check is about (by id; popped as errors are read).
_Located = dict[int, tuple[str, Pointer]]


def located_problems(doc: Document, version: str, *, library: bool,
                     check_document: bool = True, fast_dialect: bool = False) -> list[Problem]:
    """The violations of `doc`, at most one per node (and MAX_PROBLEMS in all): spec_rules'
    faults, and, with `library`, openapi-spec-validator's (see _schema_faults)."""
    found: dict[Pointer, str] = {}
    faults = _schema_faults(doc, version, check_document=check_document,
                            fast_dialect=fast_dialect) if library else iter(())
    try:
        # The rules' reports first: where the library reports the same fault, theirs is kept.
        for pointer, message in chain(rule_faults(doc), faults):
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
    return sorted((doc.problem(p, m) for p, m in found.items()), key=lambda pr: pr.line)


def _schema_faults(doc: Document, version: str, *, check_document: bool = True,
                   fast_dialect: bool = False) -> Iterator[Fault]:
    """openapi-spec-validator's errors: the whole document against the OpenAPI schema
    (unless not `check_document`), then its own checks of each schema, default, parameter
    and operation (with `fast_dialect`, see _tracking_validator)."""
    located: _Located = {}
    validator = _tracking_validator(version, located, doc if fast_dialect else None)(doc.data)
    # Its two parts are run directly: iter_errors() would copy each error (losing the
    # identity `located` is keyed on) and keep them all for the validator's lifetime.
    if check_document:
        yield from document_faults(doc, version)
    resolver = Resolver(doc)
    for error in validator.root_validator(validator.schema_path):
        keyword, node = located.pop(id(error), ("", ()))
        if isinstance(error, _CHECKED_BY_SPEC_RULES) or keyword == _TAGS_KEYWORD:
            continue
        base = _real(resolver, node)
        if keyword == "default":  # the value checked is the schema's default
            base = (*base, "default")
        if isinstance(error, ExtraParametersError):
            base = (*base, "required")
        for leaf in _leaves(error):
            yield from _faults(doc, leaf, (*base, *_path(leaf)))


def document_faults(doc: Document, version: str) -> Iterator[Fault]:
    """openapi-spec-validator's first part: the whole document against the OpenAPI schema."""
    leaves = [leaf for error in _python_schema_validator(version).iter_errors(doc.data)
              for leaf in _leaves(error)]
    # An object with an unexpected key (a misspelt `default`, a response code `abcdef`)
    # also fails the conditions on the keys it should have had: those are the same fault.
    misspelt = {_path(leaf) for leaf in leaves if leaf.validator in _UNEXPECTED_KEY_CHECKS}
    for leaf in leaves:
        if not (_path(leaf) in misspelt and _is_conditional(leaf)):
            yield from _faults(doc, leaf, _path(leaf))


@cache
def _python_schema_validator(version: str) -> Any:
    """The library's document check, always in its Python backend: with jsonschema-rs
    installed the library would switch to it, whose errors do not say which branch of a
    `oneOf` failed, so faults could not be placed at their node."""
    return create_jsonschema_validator(schema_v30 if version == "3.0" else schema_v31)


def _tracking_validator(version: str, located: _Located,
                       fast_dialect: Document | None = None) -> type[SpecValidator]:
    """The library's validator for `version`, with every keyword check tracked. With
    `fast_dialect` (the document), a schema that the compiled check finds valid against its
    dialect is not checked against it again by the library's, the slowest of its checks:
    tests/test_fastvalidate.py checks that the faults found are the same."""
    base = OpenAPIV30SpecValidator if version == "3.0" else OpenAPIV31SpecValidator
    keywords = {name: _tracking(name, check, located)
                for name, check in base.keyword_validators.items()}
    keywords["schema"] = _schema_check(keywords["schema"], version, fast_dialect)
    return type(base.__name__, (base,), {"keyword_validators": keywords})


def _schema_check(check: type[KeywordValidator], version: str,
                  fast_dialect: Document | None) -> type[KeywordValidator]:
    """The library's Schema object check, keeping the schemas it has seen in sets rather
    than lists (it asks each list whether it holds an id, once per schema visited: a cost
    that grows with the square of the spec), and with `fast_dialect` as above."""

    def init(self: Any, registry: Any) -> None:
        check.__init__(self, registry)
        self.visited_schema_ids = _Ids()
        self.meta_checked_schema_ids = _Ids()

    def meta(self: Any, schema: SchemaPath, value: Any) -> ValidationError | None:
        if fast_dialect is not None:
            try:
                if dialect_clean(fast_dialect, version, value):
                    return None
            except (ValueError, TypeError, RecursionError):
                pass  # undecided here: the library decides
        found: ValidationError | None = check._validate_schema_meta(  # type: ignore[attr-defined]
            self, schema, value)
        return found

    return type(check.__name__, (check,), {"__init__": init, "_validate_schema_meta": meta})


class _Ids(list[int]):
    """A list of ids whose `in` takes constant time."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[int] = set()

    def append(self, item: int) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _tracking(keyword: str, check: type[KeywordValidator],
              located: _Located) -> type[KeywordValidator]:
    """`check`, recording for each error it yields the node it was given. Checks call one
    another (and themselves, for nested schemas): the innermost call records first."""

    def call(self: Any, *args: Any, **kwargs: Any) -> Iterator[ValidationError]:
        node = next((a for a in args if isinstance(a, SchemaPath)), None)
        errors: Iterator[ValidationError] = super(tracked, self).__call__(*args, **kwargs)
        for error in errors:
            if node is not None:
                located.setdefault(id(error), (keyword, tuple(str(p) for p in node.parts)))
            yield error

    tracked: type[KeywordValidator] = type(check.__name__, (check,), {"__call__": call})
    return tracked


def _real(resolver: Resolver, parts: Pointer) -> Pointer:
    """Where the node at `parts` really is: the library walks through `$ref`s as if each
    target sat where it is referred to, and checks each schema once, wherever it met it."""
    node: Any = resolver.doc.data
    pointer: Pointer = ()
    try:
        for part in parts:
            node, pointer = resolver.resolve(node, pointer)
            node = node[int(part)] if isinstance(node, list) else node[part]
            pointer = (*pointer, part)
        return resolver.resolve(node, pointer)[1]
    except (SpecError, KeyError, IndexError, ValueError, TypeError):
        return parts


def _path(error: ValidationError) -> Pointer:
    return tuple(str(p) for p in error.absolute_path)


def _leaves(error: ValidationError) -> list[ValidationError]:
    """The faults behind an error: itself, or, for data that matches no alternative of a
    oneOf/anyOf, the errors of the alternative it came closest to (whose errors reach
    deepest), unfolded the same way. The `$ref` alternative of OpenAPI's "schema or
    reference" choices is only a candidate when nothing else is."""
    if not error.context:
        return [error]
    alternatives: dict[str, list[ValidationError]] = {}
    for sub in error.context:
        key = str(sub.relative_schema_path[0]) if sub.relative_schema_path else ""
        alternatives.setdefault(key, []).append(sub)
    candidates = [subs for subs in alternatives.values()
                  if not any(_wants_reference(sub) for sub in subs)]
    unfolded = [[leaf for sub in subs for leaf in _leaves(sub)]
                for subs in candidates or alternatives.values()]
    return max(unfolded, key=lambda leaves: max(len(leaf.absolute_path) for leaf in leaves))


def _is_conditional(error: ValidationError) -> bool:
    """Whether the failed keyword sits in the `then` or `else` of an `if`."""
    return list(error.absolute_schema_path)[-2:-1] in (["then"], ["else"])


def _wants_reference(error: ValidationError) -> bool:
    return error.validator == "required" and "'$ref'" in error.message


def _faults(doc: Document, error: ValidationError, pointer: Pointer) -> Iterator[Fault]:
    """The faults one error stands for, each at the node it is about."""
    instance = error.instance
    if error.validator in _UNEXPECTED_KEY_CHECKS and isinstance(instance, dict):
        # jsonschema names each unexpected key by its repr.
        keys = [key for key in instance if repr(key) in error.message]
        for key in keys:
            here = (*pointer, key)
            yield here, f"unexpected key {key!r}{_at(doc, here)}"
        if keys:
            return
    if error.validator == "uniqueItems" and isinstance(instance, list):
        for i, item in enumerate(instance):
            if item in instance[:i]:
                here = (*pointer, str(i))
                yield here, f"{_short(item)} is already in this list{_at(doc, here)}"
                return
    yield pointer, f"{_short_text(error.message)}{_at(doc, pointer)}"


def _at(doc: Document, pointer: Pointer) -> str:
    """Where in its file a node is, as a JSON Pointer: a line can hold several nodes."""
    _, local = doc.place(pointer)
    escaped = "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in local)
    return f" (at {escaped or 'document root'})"


def _short(value: Any) -> str:
    return _short_text(json.dumps(value, ensure_ascii=False, default=str))


def _short_text(text: str) -> str:
    return text if len(text) <= 200 else text[:197] + "..."
