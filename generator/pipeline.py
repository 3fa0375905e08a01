"""The whole pipeline: load -> validate -> build IR -> render -> format (writing is the CLI's)."""

from __future__ import annotations

from pathlib import Path

from .build import Names, build
from .bundle import bundle
from .errors import Problem, SpecError
from .format import format_files
from .ir import Api
from .load import Document, load
from .progress import SILENT, Progress
from .reexport import check_reexports
from .refs import check_refs
from .render import default_templates, render, verbatim_core
from .validate import problems


def check(spec: Path, names: Names | None = None) -> list[Problem]:
    """Every problem in the spec: the OpenAPI schema's violations and the generator's own."""
    try:
        doc = bundle(load(spec))
        found = _fatal_refs(doc) or problems(doc)
        try:
            _, warnings = build(doc, names or Names())
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
              progress: Progress = SILENT) -> tuple[Api, list[Problem]]:
    """The IR, and the spec's schema violations that generation went on despite."""
    progress.stage("load")
    doc = bundle(load(spec))
    _fatal_refs(doc)
    progress.stage("validate")
    found = problems(doc)
    if found and strict:
        raise SpecError(found)
    progress.stage("build")
    api, warnings = build(doc, names)
    found += [p for p in warnings if p not in found]
    if found and strict:
        raise SpecError(found)
    return api, found


def generate(spec: Path, names: Names, templates: Path | None = None, *,
             strict: bool = False, progress: Progress = SILENT
             ) -> tuple[dict[str, str], list[Problem]]:
    """All files of the generated project (POSIX path relative to the output folder -> text),
    and the warnings: violations of the OpenAPI schema that did not stop generation. Faults
    the generator cannot interpret raise SpecError; with `strict`, every violation does; a
    re-export that collides with a generated name raises UsageError."""
    api, warnings = build_api(spec, names, strict=strict, progress=progress)
    progress.stage("render", unit="files")
    files = render(api, templates or default_templates(), progress.advance)
    check_reexports(api.reexports, api.root_names, api.package, files)
    # Only the built-in templates are known to be formatted; someone else's may not be.
    preformatted = verbatim_core(api, default_templates()) if templates is None else frozenset()
    progress.stage("format", total=len(files.keys() - preformatted), unit="files")
    return format_files(files, preformatted, progress.advance), warnings
