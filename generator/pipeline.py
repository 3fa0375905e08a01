"""The whole pipeline: load -> validate -> build IR -> render -> format (writing is the CLI's)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .build import Names, build
from .bundle import bundle
from .errors import Problem, SpecError
from .format import format_files
from .ir import Api
from .load import Document, load
from .refs import check_refs
from .render import default_templates, render, verbatim_core
from .summary import SpecSummary, summarize
from .validate import problems


@dataclass(frozen=True)
class Report:
    """What `check` found in a spec."""

    errors: list[Problem]  # faults that stop generation
    warnings: list[Problem]  # violations generation reads past (--strict refuses them)
    summary: SpecSummary | None  # None when the file is not readable as OpenAPI 3.0/3.1


def check(spec: Path, names: Names | None = None) -> Report:
    """Every problem in the spec: the OpenAPI schema's violations and the generator's own."""
    try:
        doc = bundle(load(spec))
        summary = summarize(doc)
    except SpecError as exc:
        return Report(exc.problems, [], None)
    broken_refs = check_refs(doc)
    if broken_refs:
        return Report(broken_refs, [], summary)
    violations = problems(doc)
    try:
        _, warnings = build(doc, names or Names())
        errors: list[Problem] = []
    except SpecError as exc:
        errors, warnings = exc.problems, exc.warnings
    return Report(_by_line(errors), merge_warnings(violations, errors, warnings), summary)


def merge_warnings(violations: list[Problem], errors: list[Problem],
                   warnings: list[Problem]) -> list[Problem]:
    """The warnings to report: schema `violations` and the generator's `warnings`, once each.
    Where the generator reports a problem (an error or a warning) at a node, the validator's
    report of that node is left out: both are about one fault, and the generator's says what
    it means for the output."""
    nodes = {(p.file, p.pointer) for p in errors + warnings if p.pointer is not None}
    kept = [p for p in violations if (p.file, p.pointer) not in nodes]
    return _by_line(kept + warnings)


def _by_line(found: list[Problem]) -> list[Problem]:
    return sorted(dict.fromkeys(found), key=lambda p: p.line)


def _fatal_refs(doc: Document) -> None:
    found = check_refs(doc)
    if found:
        raise SpecError(found)


def build_api(spec: Path, names: Names, *, strict: bool) -> tuple[Api, list[Problem]]:
    """The IR, and the spec's schema violations that generation went on despite."""
    doc = bundle(load(spec))
    _fatal_refs(doc)
    violations = problems(doc)
    if violations and strict:
        raise SpecError(violations)
    api, warnings = build(doc, names)
    found = merge_warnings(violations, [], warnings)
    if found and strict:
        raise SpecError(found)
    return api, found


def generate(spec: Path, names: Names, templates: Path | None = None, *,
             strict: bool = False) -> tuple[dict[str, str], list[Problem]]:
    """All files of the generated project (POSIX path relative to the output folder -> text),
    and the warnings: violations of the OpenAPI schema that did not stop generation. Faults
    the generator cannot interpret raise SpecError; with `strict`, every violation does."""
    api, warnings = build_api(spec, names, strict=strict)
    # Only the built-in templates are known to be formatted; someone else's may not be.
    preformatted = verbatim_core(api, default_templates()) if templates is None else frozenset()
    return format_files(render(api, templates or default_templates()), preformatted), warnings
