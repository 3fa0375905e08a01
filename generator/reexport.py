"""Re-exports: names of the user's hand-written modules that the package root exports too.

Hand-written code lives in `<package>/lib/`, a folder the generator never writes (generated
modules live in the package root, `resources/` and `types/`). `lib.helpers:paginate_all` makes
the package's `__init__.py` say `from .lib.helpers import paginate_all as paginate_all`.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass

from .escape import PyCode

LIB = "lib"


@dataclass(frozen=True)
class Reexport:
    module: PyCode
    """Dotted, relative to the package: `lib` or `lib.<module>...`."""
    name: PyCode

    def __str__(self) -> str:
        return f"{self.module}:{self.name}"


def _is_identifier(text: str) -> bool:
    return text.isidentifier() and text.isascii() and not keyword.iskeyword(text)


def parse_reexport(text: str) -> Reexport:
    """`lib.module:name` as a Reexport; ValueError saying what is wrong otherwise."""
    module, colon, name = text.partition(":")
    parts = module.split(".")
    if not colon or not all(_is_identifier(part) for part in [*parts, name]):
        raise ValueError(f"{text!r} is not MODULE:NAME with Python identifiers "
                         f"(like '{LIB}.helpers:paginate_all')")
    if parts[0] != LIB:
        raise ValueError(f"{text!r}: the module must be {LIB!r} or inside it (hand-written "
                         f"code lives in <package>/{LIB}/, which sdkwright never writes)")
    return Reexport(PyCode(module), PyCode(name))
