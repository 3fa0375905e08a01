"""The compile gate: every generated module must compile, and the project file must parse,
before anything is written. A failure is a generator bug, never the user's fault."""

from __future__ import annotations

import tomllib


class GateError(Exception):
    """Generated output that does not compile: `FILE:LINE: message`."""


def check_compiles(files: dict[str, str]) -> None:
    """Compile every `.py` file (which, unlike parsing, also catches duplicate arguments and
    misplaced `nonlocal`s) and load every `.toml` file."""
    for path, text in files.items():
        if path.endswith(".py"):
            try:
                compile(text, path, "exec", dont_inherit=True)
            except SyntaxError as exc:
                raise GateError(f"{path}:{exc.lineno or 1}: generated code does not compile: "
                                f"{exc.msg}") from None
        elif path.endswith(".toml"):
            try:
                tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise GateError(f"{path}:{getattr(exc, 'lineno', 1) or 1}: generated TOML "
                                f"does not load: {exc}") from None
