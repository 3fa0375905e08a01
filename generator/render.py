"""Stage 4: render the templates from the IR into file texts (relative path -> text)."""

from __future__ import annotations

import json
import keyword
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from markupsafe import Markup

from . import escape
from .errors import UsageError
from .escape import Code
from .ir import Api

BUILTIN_TEMPLATES = Path(__file__).resolve().parent / "templates"
SOURCE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def default_templates() -> Path:
    """Templates inside the installed wheel, or the repository's own folder in a checkout."""
    return BUILTIN_TEMPLATES if BUILTIN_TEMPLATES.is_dir() else SOURCE_TEMPLATES


class UnescapedText(Exception):
    """A template printed a value that did not go through `generator.escape`."""


def _finalize(value: Any) -> Markup:
    # Jinja's autoescape is on only so that macro output (Markup) can be told from raw text;
    # the escaping itself is ours: Code passes through, and plain text is refused.
    if isinstance(value, (Code, Markup)):
        return Markup(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Markup(value)
    raise UnescapedText(
        f"template printed {type(value).__name__} {str(value)[:60]!r} without an escape filter"
    )


def _ident(value: str) -> Code:
    if not value.isidentifier() or keyword.iskeyword(value):
        raise UnescapedText(f"{value!r} is not a Python identifier")
    return Code(value)


def _indent(value: str, width: int = 4, first: bool = False) -> Code:
    if not isinstance(value, (Code, Markup)):
        raise UnescapedText("indent() of unescaped text")
    pad = " " * width
    lines = value.split("\n")
    out = [(pad + line if first and line else line) if i == 0 else (pad + line if line else "")
           for i, line in enumerate(lines)]
    return Code("\n".join(out))


def _join_code(values: Iterable[str], sep: str = ", ") -> Code:
    items = list(values)
    if not all(isinstance(v, (Code, Markup)) for v in items):
        raise UnescapedText("join_code() of unescaped text")
    return Code(sep.join(items))


def _json_block(value: Any) -> Code:
    return escape.md_fenced(json.dumps(value, indent=2, ensure_ascii=False), "json")


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


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
    )
    # Built-ins that would let raw text through as Markup.
    for unsafe in ("safe", "join", "format", "indent", "forceescape", "escape", "e", "urlize",
                   "xmlattr", "wordwrap", "center", "truncate", "replace"):
        env.filters.pop(unsafe, None)
    env.globals["spaces"] = lambda n: Code(" " * n)
    env.filters.update(
        py_str=escape.py_str,
        py_literal=escape.py_literal,
        docstring=escape.docstring_body,
        comment=escape.comment,
        md=escape.md_block,
        md_inline=escape.md_inline,
        md_code=escape.md_code,
        toml=escape.toml_str,
        json_block=_json_block,
        ident=_ident,
        indent=_indent,
        join_code=_join_code,
    )
    return env


# The package's runtime core, the same for every API.
CORE_MODULES = ("__init__", "_client", "_base_client", "_exceptions", "_types", "_models",
                "_version")


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


def render(api: Api, templates: Path,
           advance: Callable[[], None] = lambda: None) -> dict[str, str]:
    """Every file's text; `advance` is called after each one (for progress)."""
    env = environment(templates)
    files: dict[str, str] = {}

    def emit(path: PurePosixPath, template: str, **context: Any) -> None:
        try:
            files[str(path)] = env.get_template(template).render(api=api, **context)
        except jinja2.TemplateError as exc:
            raise UsageError(_template_fault(exc, templates, template)) from None
        advance()

    pkg = PurePosixPath(api.package)
    emit(PurePosixPath("pyproject.toml"), "project/pyproject.toml.jinja")
    emit(PurePosixPath("README.md"), "project/README.md.jinja")
    emit(PurePosixPath("api.md"), "project/api.md.jinja")
    emit(PurePosixPath(".gitignore"), "project/gitignore.jinja")
    for name in CORE_MODULES:
        emit(pkg / f"{name}.py", f"package/{name}.py.jinja")
    emit(pkg / "py.typed", "package/py.typed.jinja")
    packages = {pkg / "resources", pkg / "types"}
    for res in api.all_resources:
        folder = pkg.joinpath(*res.module)
        packages.update(folder.parents[i] for i in range(len(res.module) - 1))
        emit(folder / "__init__.py", "package/resource.py.jinja", resource=res,
             root_dots=Code("." * (len(res.module) + 1)))
        for op in res.operations:
            emit(PurePosixPath("docs", *res.path, f"{op.name}.md"), "docs/operation.md.jinja",
                 op=op, resource=res)
    for module in api.type_modules:
        path = pkg.joinpath(*module.module[:-1], f"{module.module[-1]}.py")
        packages.update(p for p in path.parents if pkg in p.parents)
        emit(path, "package/types_module.py.jinja", module=module)
    for folder in sorted(packages):
        if str(folder / "__init__.py") not in files:
            emit(folder / "__init__.py", "package/empty_init.py.jinja")
    emit(PurePosixPath("tests", "__init__.py"), "package/empty_init.py.jinja")
    emit(PurePosixPath("tests", "conftest.py"), "tests/conftest.py.jinja")
    for res in api.all_resources:
        if res.operations:
            emit(PurePosixPath("tests", f"test_{'_'.join(res.path)}.py"),
                 "tests/test_resource.py.jinja", resource=res)
    return dict(sorted(files.items()))

