"""The whole pipeline: load -> validate -> build IR -> render -> format (writing is the CLI's)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .assets import default_templates
from .background import Done, Pending
from .build import Built, build
from .bundle import bundle
from .config import Names
from .errors import Problem, SpecError
from .format import format_files
from .gate import check_compiles
from .inputs import Provenance, generation_inputs, spec_files
from .load import Document, load
from .progress import SILENT, Progress
from .refs import RefCheck, check_refs
from .render import render, verbatim_core
from .reuse import NOTHING, Earlier
from .shapes import shape_problems
from .summary import SpecSummary, summarize
from .validate import check_version, problems, problems_soon
from .verdicts import Verdicts


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
    readable = readable_document(doc)
    if readable.errors:
        return Report(readable.errors, readable.warnings, summary)
    doc = readable.doc
    violations = problems(doc)
    try:
        warnings = readable.warnings + build(doc, names or Names()).warnings
        errors: list[Problem] = []
    except SpecError as exc:
        errors, warnings = exc.problems, readable.warnings + exc.warnings
    return Report(_by_line(errors), merge_warnings(violations, errors, warnings), summary)


def readable_document(doc: Document) -> RefCheck:
    """The document as the later stages read it, and the faults that keep them from reading
    it at all: references that lead nowhere, and nodes of the wrong kind (shapes.py). Both
    are reported alone, before openapi-spec-validator, whose own checks assume a document
    of the right shape (on `paths: []` they crash) and would report the same nodes again."""
    refs = check_refs(doc)
    errors = refs.errors + shape_problems(refs.doc, check_version(refs.doc))
    return RefCheck(refs.doc, _by_line(errors), refs.warnings)


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


def build_api(spec: Path, names: Names, *, strict: bool,
              progress: Progress = SILENT) -> tuple[Built, list[Problem]]:
    """The IR with its fixtures, and the spec's faults that generation went on despite."""
    built, found, _ = _build(spec, names, strict=strict, progress=progress)
    return built, found.result()


@dataclass(frozen=True)
class Warnings:
    """The warnings of a generation: the schema's violations, which may still be being
    worded in the background (validate.problems_soon), and the generator's own."""

    violations: Pending[list[Problem]]
    found: list[Problem]

    def result(self) -> list[Problem]:
        return merge_warnings(self.violations.result(), [], self.found)


def _build(spec: Path, names: Names, *, strict: bool,
           progress: Progress) -> tuple[Built, Warnings, Document]:
    progress.stage("load")
    readable = readable_document(bundle(load(spec)))
    if readable.errors:
        raise SpecError(readable.errors)
    progress.stage("validate")
    # openapi-spec-validator is the authority where its findings stop the run (--strict).
    violations = Done(problems(readable.doc)) if strict else problems_soon(readable.doc)
    if strict and violations.result():
        raise SpecError(violations.result())
    progress.stage("build")
    try:
        verdicts = Verdicts.remembered(spec, check_version(readable.doc))
        built = build(readable.doc, names, verdicts)
        verdicts.keep()
    except BaseException:
        violations.close()
        raise
    warnings = Warnings(violations, readable.warnings + built.warnings)
    if strict and warnings.result():
        raise SpecError(warnings.result())
    return built, warnings, readable.doc


class Generation(NamedTuple):
    files: dict[str, str]  # POSIX path relative to the output folder -> text
    warnings: list[Problem]  # violations of the OpenAPI schema that did not stop generation
    made: Provenance  # what the files were made from, for the manifest


def generate(spec: Path, names: Names, templates: Path | None = None, *,
             strict: bool = False, progress: Progress = SILENT,
             earlier: Earlier = NOTHING) -> Generation:
    """All files of the generated project, the warnings, and what the files were made from;
    files `earlier` holds as they would be formatted again are taken from it. Faults the
    generator cannot interpret raise SpecError; with `strict`, every violation does; a
    re-export that collides with a generated name raises UsageError."""
    built, warnings, doc = _build(spec, names, strict=strict, progress=progress)
    try:
        inputs = generation_inputs(spec, spec_files(doc), names, templates)
        progress.stage("render", unit="files")
        files = render(built.api, built.fixtures, templates or default_templates(),
                       progress.advance)
        # Only the built-in templates are known to be formatted; someone else's may not be.
        preformatted = verbatim_core(built.api, default_templates()) if templates is None \
            else frozenset()
        # The spec and the IR are not needed any more: a large API's are as big as its files.
        del built, doc
        progress.stage("format", total=len(files.keys() - preformatted), unit="files")
        # Only the built-in templates' code is known to be formatted alike by ruff and black.
        formatted = format_files(files, preformatted, progress.advance,
                                 exact=templates is not None, earlier=earlier)
        check_compiles(formatted.files, formatted.reused)
        return Generation(formatted.files, warnings.result(),
                          Provenance(inputs, formatted.sources))
    finally:
        warnings.violations.close()
