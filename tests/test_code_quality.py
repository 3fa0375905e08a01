"""The generator's own code is mypy --strict and ruff clean (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_generator_passes_mypy_strict() -> None:
    result = _run("mypy", "--strict", "generator")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generator_and_tests_pass_ruff() -> None:
    result = _run("ruff", "check", "generator", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generator_functions_stay_small() -> None:
    """No function in generator/ over complexity 15 or 50 statements (the limits are in
    pyproject.toml; selecting the rules here keeps them checked if the selection changes)."""
    result = _run("ruff", "check", "--select", "C901,PLR0915", "generator")
    assert result.returncode == 0, result.stdout + result.stderr


def test_shared_material_is_found_beside_the_repository() -> None:
    """../shared is found from the repository root, never by an absolute path: a clone
    elsewhere must find it (or skip with a reason) the same way."""
    absolute = "/".join(("", "work", "shared"))  # spelled apart so this file does not match
    found = []
    for folder in ("generator", "tests", "bench", "templates"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".jinja") and \
                    absolute in path.read_text("utf-8"):
                found.append(path.relative_to(ROOT).as_posix())
    assert found == [], f"absolute paths to the shared folder in {found}"
