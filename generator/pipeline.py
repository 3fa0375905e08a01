"""The whole pipeline: load -> validate -> build IR -> render -> format (writing is the CLI's)."""

from __future__ import annotations

from pathlib import Path

from .build import Built, Names, build
from .bundle import bundle
from .errors import Problem, SpecError
from .format import format_files
from .gate import check_compiles
from .load import Document, load
from .progress import SILENT, Progress
from .refs import check_refs
from .render import default_templates, render, verbatim_core
from .validate import problems


def check(spec: Path, names: Names | None = None) -> list[Problem]:
    """Every problem in the spec: the OpenAPI schema's violations and the generator's own."""
    try:
        doc = bundle(load(spec))
        found = _fatal_refs(doc) or problems(doc)
        try:
            warnings = build(doc, names or Names()).warnings
            found = found + [p for p in warnings if p not in found]
        except SpecError as exc:
            found = found + [p for p in exc.problems if p not in found]
    except SpecError as exc:
        return exc.problems
    return sorted(found, key=lambda p: p.line)


def _fatal_refs(doc: Document) -> list[Problem]:
    found = check_refs(doc)
    if found:
        raise SpecError(found)
    return []


def build_api(spec: Path, names: Names, *, strict: bool,
              progress: Progress = SILENT) -> tuple[Built, list[Problem]]:
    """The IR with its fixtures, and the spec's faults that generation went on despite."""
    progress.stage("load")
    doc = bundle(load(spec))
    _fatal_refs(doc)
    progress.stage("validate")
    found = problems(doc)
    if found and strict:
        raise SpecError(found)
    progress.stage("build")
    built = build(doc, names)
    found += [p for p in built.warnings if p not in found]
    if found and strict:
        raise SpecError(found)
    return built, found


def generate(spec: Path, names: Names, templates: Path | None = None, *,
             strict: bool = False, progress: Progress = SILENT
             ) -> tuple[dict[str, str], list[Problem]]:
    """All files of the generated project (POSIX path relative to the output folder -> text),
    and the warnings: violations of the OpenAPI schema that did not stop generation. Faults
    the generator cannot interpret raise SpecError; with `strict`, every violation does; a
    re-export that collides with a generated name raises UsageError."""
    built, warnings = build_api(spec, names, strict=strict, progress=progress)
    api = built.api
    progress.stage("render", unit="files")
    files = render(api, built.fixtures, templates or default_templates(), progress.advance)
    # Only the built-in templates are known to be formatted; someone else's may not be.
    preformatted = verbatim_core(api, default_templates()) if templates is None else frozenset()
    progress.stage("format", total=len(files.keys() - preformatted), unit="files")
    files = format_files(files, preformatted, progress.advance)
    check_compiles(files)
    return files, warnings
