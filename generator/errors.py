"""Problems found in a spec, reported as `FILE:LINE: message`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    # The node the problem is about (a path of keys in `file`), when known. Not part of
    # equality: it only finds two checks' reports of one fault (pipeline.merge_warnings).
    pointer: tuple[str, ...] | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def as_warning(self) -> str:
        return f"{self.file}:{self.line}: warning: {self.message}"


class SpecError(Exception):
    """Bad input: one or more problems that stop generation, and the warnings found before
    it stopped (so that `validate` can still report them)."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.warnings = warnings or []


class UsageError(Exception):
    """Bad command-line usage or configuration (exit code 2)."""
