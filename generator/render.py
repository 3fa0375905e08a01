"""Stage 4: render the templates from the IR into file texts (relative path -> text).

Each kind of file has its own Jinja environment, chosen by the template's suffix: `.py.jinja`
prints only `PyCode`, `.md.jinja` only `MdText`, `.toml.jinja` only `TomlText`, and other
templates print no values at all. Each environment has only the escaping filters of its
destination, so spec text reaches a file only through the escape for that file.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2

from . import escape
from .background import in_background
from .docrows import field_rows
from .docs import TYPES_FOLDER, DocsBuilder
from .errors import UsageError
from .escape import MdText, PyCode, TomlText
from .fixtures import Fixtures, OperationFixture
from .ir import Api, Operation, Resource
from .names import Namespace
from .runtime_names import CORE_MODULES
from .typetree import ClassRef, doc_type
from .views import (
    client_view,
    docs_page_view,
    init_view,
    resource_view,
    test_module_view,
    types_module_view,
)


class UnescapedText(Exception):
    """A template printed a value that is not text made safe for its file."""


def _finalizer(kind: type[str] | None) -> Callable[[Any], str]:
    def finalize(value: Any) -> str:
        # Escaping is ours, not Jinja's: this file's kind passes through, all else is refused.
        if kind is not None and isinstance(value, kind):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        raise UnescapedText(f"template printed {type(value).__name__} {str(value)[:60]!r}, "
                            f"which is not {kind.__name__ if kind else 'allowed here'}")
    return finalize


def _join_text(values: Iterable[str], sep: str = "") -> str:
    """Plain text joined (a `str`: it must still pass an escaping filter to be printed)."""
    return sep.join(str(v) for v in values)


def _json_block(value: Any) -> MdText:
    return escape.md_fenced(json.dumps(value, indent=2, ensure_ascii=False), "json")


_PY_FILTERS: dict[str, Callable[..., Any]] = {
    "py_str": escape.py_str, "py_literal": escape.py_literal, "docstring": escape.py_docstring,
    "docstring_text": escape.py_docstring_text, "comment": escape.py_comment,
    "join_text": _join_text,
}
_MD_FILTERS: dict[str, Callable[..., Any]] = {
    "md": escape.md_block, "md_inline": escape.md_inline, "md_code": escape.md_code,
    "md_cell_code": escape.md_cell_code,
    "md_link": escape.md_link_target, "json_block": _json_block,
    "join": _join_text,
}
_TOML_FILTERS: dict[str, Callable[..., Any]] = {
    "toml": escape.toml_str, "toml_comment": escape.toml_comment, "toml_key": escape.toml_key,
}

class Environments:
    """One Jinja environment per destination, all loading from one templates folder."""

    def __init__(self, templates: Path) -> None:
        self.templates = templates
        loader = jinja2.FileSystemLoader(str(templates))
        self._by_kind = {
            ".py": self._make(loader, PyCode, _PY_FILTERS),
            ".md": self._make(loader, MdText, _MD_FILTERS),
            ".toml": self._make(loader, TomlText, _TOML_FILTERS),
            "": self._make(loader, None, {}),
        }

    @staticmethod
    def _make(loader: jinja2.BaseLoader, kind: type[str] | None,
              filters: dict[str, Callable[..., Any]]) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=loader, undefined=jinja2.StrictUndefined, finalize=_finalizer(kind),
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
        env.filters.update(filters)
        return env

    def render(self, template: str, **context: Any) -> str:
        suffix = PurePosixPath(template.removesuffix(".jinja")).suffix
        env = self._by_kind.get(suffix, self._by_kind[""])
        try:
            return env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise UsageError(_template_fault(exc, self.templates, template)) from None


def _template_fault(exc: jinja2.TemplateError, templates: Path, template: str) -> str:
    """`TEMPLATE:LINE: message` for a template that does not render (the spec is not at fault)."""
    where, line = templates / template, getattr(exc, "lineno", None) or 1
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        where = Path(exc.filename)
    else:
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename.endswith(".jinja"):
                where, line = Path(frame.filename), frame.lineno or 1
    return f"{where}:{line}: template error: {type(exc).__name__}: {exc}"



def verbatim_modules(templates: Path) -> tuple[str, ...]:
    """The core modules whose template has no Jinja syntax, so renders to its own text."""
    return tuple(name for name in CORE_MODULES
                 if not any(mark in (templates / "package" / f"{name}.py.jinja").read_text(
                     "utf-8") for mark in ("{{", "{%", "{#")))


def verbatim_core(api: Api, templates: Path) -> frozenset[str]:
    """The output paths of the verbatim core modules. The built-in ones are black's output
    already (tests/test_templates.py checks), so formatting them again, a tenth of a small
    API's generation, can be skipped."""
    return frozenset(f"{api.package}/{name}.py" for name in verbatim_modules(templates))


class _Renderer:
    def __init__(self, api: Api, fixtures: Fixtures, templates: Path,
                 advance: Callable[[], None]) -> None:
        self.advance = advance
        self.api = api
        self.fixtures = fixtures
        self.envs = Environments(templates)
        self.docs = DocsBuilder(api)
        self.files: dict[str, str] = {}
        self.classes = api.classes()

    def emit(self, path: PurePosixPath, template: str, **context: Any) -> None:
        self.files[str(path)] = self.envs.render(template, api=self.api, **context)
        self.advance()

    def example(self, op: Operation) -> MdText:
        """The docs' example call of an operation, as a fenced Python block."""
        code = self.envs.render("snippets/example.py.jinja", api=self.api, op=op,
                                fixture=self.fixtures[op.pointer],
                                credentials=self.api.example_credentials(op),
                                print_attr=self._print_attr(op))
        return escape.md_fenced(code, "python")

    def _print_attr(self, op: Operation) -> PyCode | None:
        """The first field of the answer's class, which the example prints."""
        ref = op.response.type
        cls = self.classes.get(ref) if isinstance(ref, ClassRef) else None
        return cls.fields[0].name if cls and cls.fields and op.response.kind == "model" \
            else None

    def project(self) -> None:
        first = self.api.operations[0] if self.api.operations else None
        self.emit(PurePosixPath("pyproject.toml"), "project/pyproject.toml.jinja")
        self.emit(PurePosixPath("README.md"), "project/README.md.jinja",
                  example=self.example(first) if first else None)
        self.emit(PurePosixPath("api.md"), "project/api.md.jinja",
                  returns={op.pointer: doc_type(op.response.type) for op in self.api.operations})
        self.emit(PurePosixPath(".gitignore"), "project/gitignore.jinja")

    def package(self) -> None:
        pkg = PurePosixPath(self.api.package)
        views = {"__init__": init_view(self.api), "_client": client_view(self.api)}
        for name in CORE_MODULES:
            self.emit(pkg / f"{name}.py", f"package/{name}.py.jinja", view=views.get(name))
        self.emit(pkg / "py.typed", "package/py.typed.jinja")
        packages = {pkg / "resources", pkg / "types"}
        for res in self.api.all_resources:
            folder = pkg.joinpath(*res.module[:-1])
            packages.update(folder.parents[i] for i in range(len(res.module) - 2))
            self.emit(folder / "__init__.py", "package/resource.py.jinja", resource=res,
                      view=resource_view(res, self.api.package))
        for module in self.api.type_modules:
            path = pkg.joinpath(*module.module[:-1], f"{module.module[-1]}.py")
            packages.update(p for p in path.parents if pkg in p.parents)
            self.emit(path, "package/types_module.py.jinja",
                      view=types_module_view(module, self.api.package))
        for folder in sorted(packages):
            if str(folder / "__init__.py") not in self.files:
                self.emit(folder / "__init__.py", "package/empty_init.py.jinja")

    def docs_page(self, res: Resource, op: Operation) -> None:
        fixture: OperationFixture = self.fixtures[op.pointer]
        answer = _json_block(fixture.answer.value if fixture.answer else None)
        page = docs_page_view(op, self.docs, fixture)
        prefix = "../" * len(res.path) + f"{TYPES_FOLDER}/"
        self.emit(PurePosixPath("docs", *res.path, f"{op.name}.md"), "docs/operation.md.jinja",
                  page=page, example=self.example(op), answer=answer, types_prefix=prefix,
                  parameters=field_rows(page.parameters, prefix),
                  returns=field_rows(page.returns, prefix))

    def doc_pages(self) -> dict[str, str]:
        """Each operation's page, then the pages of the shared schemas they link to."""
        for res in self.api.all_resources:
            for op in res.operations:
                self.docs_page(res, op)
        self.type_pages()
        return self.files

    def type_pages(self) -> None:
        """A page for each large shared schema that a page links to (pages link on)."""
        done: set[ClassRef] = set()
        while len(done) < len(self.docs.linked):
            ref = next(r for r in self.docs.linked if r not in done)
            done.add(ref)
            self.emit(PurePosixPath("docs", TYPES_FOLDER, f"{ref.name}.md"),
                      "docs/type.md.jinja", cls=self.classes[ref],
                      fields=field_rows(self.docs.type_page(ref), ""))

    def tests(self) -> None:
        self.emit(PurePosixPath("tests", "__init__.py"), "package/empty_init.py.jinja")
        self.emit(PurePosixPath("tests", "conftest.py"), "tests/conftest.py.jinja")
        names = Namespace("tests", {"__init__", "conftest"})
        for res in self.api.all_resources:
            if res.operations:
                stem = names.claim("test_" + "_".join(res.path))
                self.emit(PurePosixPath("tests", f"{stem}.py"), "tests/test_resource.py.jinja",
                          view=test_module_view(self.api, res, self.fixtures, (stem,)))


def render(api: Api, fixtures: Fixtures, templates: Path,
           advance: Callable[[], None] = lambda: None) -> dict[str, str]:
    """Every file's text; `advance` is called after each one (for progress)."""
    # The docs pages, nearly half the work and read by nothing else, are rendered by a
    # second core (background.py) while this one renders the code: no progress from there.
    docs = in_background(_Renderer(api, fixtures, templates, lambda: None).doc_pages)
    try:
        renderer = _Renderer(api, fixtures, templates, advance)
        renderer.project()
        renderer.package()
        renderer.tests()
        pages = docs.result()
    finally:
        docs.close()
    for _ in pages:
        advance()
    return dict(sorted({**renderer.files, **pages}.items()))
