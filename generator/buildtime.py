"""Build-time generation, shared by the hatchling plugin and the setuptools command: the client
package alone (not its project's pyproject, tests or docs), written into a folder whose
contents go into the wheel, with problems reported the way `sdkwright generate` reports them.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .bundle import bundle
from .cli import EXIT_BAD_INPUT
from .config import ClientConfig, Names
from .errors import SpecError, UsageError
from .load import load
from .pipeline import generate


@contextmanager
def reported() -> Iterator[None]:
    """Stop the build on bad input with the CLI's lines instead of a traceback: spec problems
    as `FILE:LINE: message`, settings problems as `sdkwright: message`. Build frontends run
    the backend in a process of its own and show its stderr, so exiting ends only the build."""
    try:
        yield
    except SpecError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT) from None
    except UsageError as exc:
        print(f"sdkwright: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT) from None


def client_files(config: ClientConfig, declared: Iterable[str]) -> dict[str, str]:
    """The files of the client package (POSIX path from the wheel's root -> text). Warnings
    go to stderr as `generate` prints them, and so does each runtime requirement of the
    client that the project's `declared` dependencies lack: that wheel would install, then
    fail at import."""
    if config.templates is not None and not config.templates.is_dir():
        raise UsageError(f"{config.templates}: templates folder not found")
    names = Names(config.package, config.client, config.env_prefix)
    files, warnings, _ = generate(config.spec, names, config.templates)
    for problem in warnings:
        print(problem.as_warning(), file=sys.stderr)
    try:
        project = tomllib.loads(files["pyproject.toml"]).get("project", {})
    except tomllib.TOMLDecodeError:
        project = {}  # made by someone's own templates; the check is only advice
    needed = project.get("dependencies", [])
    have = {_requirement_name(req) for req in declared}
    missing = [req for req in needed if _requirement_name(req) not in have]
    if missing:
        print("sdkwright: warning: the [project] dependencies lack what the generated client "
              f"imports: {', '.join(missing)}", file=sys.stderr)
    # Everything else is the generated project around the package (its pyproject, README,
    # docs and tests): a vendored copy's concern, not this wheel's.
    return {rel: text for rel, text in files.items() if rel.startswith(f"{config.package}/")}


def _requirement_name(requirement: str) -> str:
    """The project name of a requirement string, normalized as PEP 503 compares names."""
    name = re.match(r"\s*([A-Za-z0-9._-]*)", requirement)
    return re.sub(r"[-_.]+", "-", name.group(1) if name else "").lower()


def write_files(files: dict[str, str], folder: Path) -> None:
    """Write `files` under `folder`, a build folder that the caller owns."""
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))


def spec_files(spec: Path) -> list[Path]:
    """The spec and every file its `$ref`s read: what an sdist must carry to build the wheel."""
    parts = bundle(load(spec)).parts
    return [spec, *(spec.parent / key for key in parts)]
