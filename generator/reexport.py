"""Re-exports: names of the user's hand-written modules that the package root exports too.

Hand-written code lives in `<package>/lib/`, a folder the generator never writes (generated
modules live in the package root, `resources/` and `types/`). `lib.helpers:paginate_all` makes
the package's `__init__.py` say `from .lib.helpers import paginate_all as paginate_all`.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from .errors import UsageError
from .escape import Code

LIB = "lib"


@dataclass(frozen=True)
class Reexport:
    module: Code
    """Dotted, relative to the package: `lib` or `lib.<module>...`."""
    name: Code

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
    return Reexport(Code(module), Code(name))


def check_reexports(reexports: Iterable[Reexport], exports: Iterable[str], package: str,
                    files: Iterable[str]) -> None:
    """Refuse a re-exported name that the package root already has: a generated export, one of
    its modules or subpackages (in `files`, the generated paths), or an earlier re-export."""
    taken = set(exports) | {LIB}
    for rel in files:
        parts = PurePosixPath(rel).parts
        if len(parts) > 1 and parts[0] == package:
            taken.add(PurePosixPath(parts[1]).stem)
    for item in reexports:
        if item.name in taken:
            raise UsageError(f"re-export {item}: the package already has a {item.name!r}")
        taken.add(item.name)
