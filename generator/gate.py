"""The compile gate: every generated module must compile, and the project file must parse,
before anything is written. A failure is a generator bug, never the user's fault."""

from __future__ import annotations

import tomllib


class GateError(Exception):
    """Generated output that does not compile: `FILE:LINE: message`, FILE relative to the
    output folder (the CLI names it inside the folder it was not written to)."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


def check_compiles(files: dict[str, str], compiled: frozenset[str] = frozenset()) -> None:
    """Compile every `.py` file (which, unlike parsing, also catches duplicate arguments and
    misplaced `nonlocal`s) but those `compiled` already, and load every `.toml` file."""
    for path, text in files.items():
        if path.endswith(".py") and path not in compiled:
            try:
                compile(text, path, "exec", dont_inherit=True)
            except SyntaxError as exc:
                raise GateError(path, exc.lineno or 1,
                                f"generated code does not compile: {exc.msg}") from None
        elif path.endswith(".toml"):
            try:
                tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise GateError(path, getattr(exc, "lineno", 1) or 1,
                                f"generated TOML does not load: {exc}") from None
