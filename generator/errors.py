"""Problems found in a spec, reported as `FILE:LINE: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def as_warning(self) -> str:
        return f"{self.file}:{self.line}: warning: {self.message}"


class SpecError(Exception):
    """Bad input: one or more problems that stop generation."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class UsageError(Exception):
    """Bad command-line usage or configuration (exit code 2)."""
