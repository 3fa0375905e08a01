"""The compile gate: every generated module must compile, and the project file must parse,
before anything is written. A failure is a generator bug, never the user's fault."""

from __future__ import annotations

import tomllib
from functools import partial

from .background import in_background


class GateError(Exception):
    """Generated output that does not compile: `FILE:LINE: message`, FILE relative to the
    output folder (the CLI names it inside the folder it was not written to)."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


# Below this much code, a child process costs about what it saves.
PARALLEL_CHARS = 1_000_000
Fault = tuple[str, int, str]  # a GateError's arguments, which a child process can send back


def check_compiles(files: dict[str, str], compiled: frozenset[str] = frozenset()) -> None:
    """Compile every `.py` file (which, unlike parsing, also catches duplicate arguments and
    misplaced `nonlocal`s) but those `compiled` already, and load every `.toml` file. On a
    large API this is seconds of work: a child process takes every other file. Of several
    faults, the one in the first file (in `files`' order) is reported."""
    todo = [(path, text) for path, text in files.items()
            if path.endswith(".toml") or (path.endswith(".py") and path not in compiled)]
    if sum(len(text) for _, text in todo) < PARALLEL_CHARS:
        found = _faults(todo)
    else:
        theirs = in_background(partial(_faults, todo[1::2]))
        found = _faults(todo[0::2]) + theirs.result()
    if found:
        order = {path: i for i, path in enumerate(files)}
        raise GateError(*min(found, key=lambda fault: order[fault[0]]))


def _faults(todo: list[tuple[str, str]]) -> list[Fault]:
    """The first fault among `todo`, if any."""
    for path, text in todo:
        if (fault := _fault(path, text)) is not None:
            return [fault]
    return []


def _fault(path: str, text: str) -> Fault | None:
    if path.endswith(".toml"):
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            return path, getattr(exc, "lineno", 1) or 1, f"generated TOML does not load: {exc}"
        return None
    try:
        compile(text, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        return path, exc.lineno or 1, f"generated code does not compile: {exc.msg}"
    return None
