"""The whole pipeline: load -> validate -> build IR -> render -> format (writing is the CLI's)."""

from __future__ import annotations

from pathlib import Path

from generator.build import Names, build
from generator.errors import Problem, SpecError
from generator.format import format_files
from generator.ir import Api
from generator.load import load
from generator.render import default_templates, render
from generator.validate import problems


def check(spec: Path, names: Names | None = None) -> list[Problem]:
    """Every problem `generate` would stop on: the OpenAPI schema's and the generator's own."""
    try:
        doc = load(spec)
        found = problems(doc)
        if not found:
            build(doc, names or Names())
    except SpecError as exc:
        return exc.problems
    return found


def build_api(spec: Path, names: Names) -> Api:
    doc = load(spec)
    found = problems(doc)
    if found:
        raise SpecError(found)
    return build(doc, names)


def generate(spec: Path, names: Names, templates: Path | None = None) -> dict[str, str]:
    """All files of the generated project, keyed by POSIX path relative to the output folder."""
    api = build_api(spec, names)
    return format_files(render(api, templates or default_templates()))
