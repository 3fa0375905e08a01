"""Import statements from structured `Import`s, in the order isort (ruff's `I` rules) wants.

Sections, each separated by a blank line: `__future__`, the standard library, third-party
packages, the generated package itself (first-party, as its tests import it), then relative
imports. Within a section, `import x` lines come before `from x import y` lines, modules in
natural case-insensitive order, names constants first, then classes, then the rest (each
kind in natural case-insensitive order).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from functools import cache

from .escape import PyCode
from .typetree import Import, Module

_SECTIONS = ("future", "stdlib", "thirdparty", "firstparty", "local")
_DIGITS = re.compile(r"(\d+)")


def import_block(wanted: Iterable[Import], here: Module, first_party: str) -> PyCode:
    """The import lines of module `here` (its file's path parts in the package); names from
    `first_party` are the generated package's own."""
    by_section: dict[str, dict[str, set[str]]] = {s: {} for s in _SECTIONS}
    for item in wanted:
        module = _spelled(item.module, here)
        name = f"{item.name} as {item.alias}" if item.alias else item.name
        by_section[_section(module, first_party)].setdefault(module, set()).add(name)
    blocks = []
    for section in _SECTIONS:
        modules = by_section[section]
        if not modules:
            continue
        straight = sorted((m for m, names in modules.items() if "" in names), key=_module_key)
        lines = [f"import {m}" for m in straight]
        for module in sorted(modules, key=_from_key):
            names = [n for n in modules[module] if n and " as " not in n]
            if names:
                lines.append(from_import(module, names))
            # Each `as` import is a statement of its own (isort's default).
            lines.extend(from_import(module, [n]) for n in
                         sorted((n for n in modules[module] if " as " in n), key=_name_key))
        blocks.append("\n".join(lines))
    return PyCode("\n\n".join(blocks))


def from_import(module: str, names: Iterable[str]) -> PyCode:
    """One `from module import a, b` line (module spelled as written), names in isort order."""
    return PyCode(f"from {module} import {', '.join(sorted(set(names), key=_name_key))}")


def from_imports(modules: Mapping[str, Iterable[str]]) -> tuple[PyCode, ...]:
    """One `from module import ...` line a module, in isort's order: the lines of a block of
    its own (the imports under `if TYPE_CHECKING:`)."""
    return tuple(from_import(m, modules[m]) for m in sorted(modules, key=_from_key))


def _spelled(module: str, here: Module) -> str:
    """A package-relative module (".x.y") as module `here` spells it."""
    if not module.startswith(".") or module.startswith(".."):
        return module
    return "." * len(here) + module[1:]


def _section(module: str, first_party: str) -> str:
    if module.startswith("."):
        return "local"
    top = module.split(".")[0]
    if top == "__future__":
        return "future"
    if top in sys.stdlib_module_names:
        return "stdlib"
    return "firstparty" if top == first_party else "thirdparty"


@cache
def _natural(text: str) -> tuple[object, ...]:
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(text))


def _module_key(module: str) -> tuple[object, ...]:
    return (_natural(module.lower()), module)


def _from_key(module: str) -> tuple[object, ...]:
    # Relative imports: the furthest (most dots) first.
    dots = len(module) - len(module.lstrip("."))
    return (-dots, _natural(module.lstrip(".").lower()), module)


@cache
def _name_key(name: str) -> tuple[object, ...]:
    if len(name) > 1 and name.isupper():
        rank = 0  # CONSTANT
    elif name[:1].isupper():
        rank = 1  # Class
    else:
        rank = 2  # variable
    # Case-insensitive within a kind (isort's default): `AdyenError` before `APIError`.
    return (rank, _natural(name.lower()), _natural(name))
