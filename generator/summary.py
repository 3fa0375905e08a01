"""The one-line account `validate` gives of a spec: its version, size and problem counts."""

from __future__ import annotations

from dataclasses import dataclass

from .load import Document
from .refs import Resolver
from .sites import operations
from .validate import check_version


@dataclass(frozen=True)
class SpecSummary:
    version: str  # the document's `openapi` field, as written
    operations: int
    schemas: int  # entries of the root document's components.schemas


def summarize(doc: Document) -> SpecSummary:
    """Counted from the document, so a spec that generation refuses still has its counts.
    Refuses (SpecError) what is not an OpenAPI 3.0/3.1 document."""
    check_version(doc)
    components = doc.data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    return SpecSummary(str(doc.data["openapi"]), sum(1 for _ in operations(Resolver(doc))),
                       len(schemas) if isinstance(schemas, dict) else 0)


def summary_line(file: str, summary: SpecSummary, errors: int, warnings: int) -> str:
    """`FILE: valid OpenAPI 3.1.0: 10 operations, 12 schemas, 0 warnings`; with any problem,
    `FILE: invalid OpenAPI 3.1.0: ..., 1 error, 2 warnings`."""
    counts = [_count(summary.operations, "operation"), _count(summary.schemas, "schema")]
    if errors or warnings:
        verdict = "invalid"
        counts.append(_count(errors, "error"))
    else:
        verdict = "valid"
    counts.append(_count(warnings, "warning"))
    return f"{file}: {verdict} OpenAPI {summary.version}: {', '.join(counts)}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
