"""A spec as committed at git HEAD, for `sdkwright diff` without arguments.

A multi-file spec's references only reach files in its folder and below (`bundle` reads
nothing outside it), so the YAML and JSON files of that folder at HEAD are copied, keeping
their paths relative to the repository, into a temporary folder, and the spec is read there.
Problems found in the copy name the committed file the way git does: `HEAD:spec/pets.yaml`.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory

from .errors import Problem, UsageError

SPEC_SUFFIXES = frozenset({".yaml", ".yml", ".json"})


@dataclass(frozen=True)
class HeadCopy:
    path: Path  # the spec's copy
    root: Path  # the temporary folder that stands for the repository's top

    def relabel(self, problem: Problem) -> Problem:
        """A problem in the copy, naming the committed file instead."""
        try:
            rel = Path(problem.file).resolve().relative_to(self.root)
        except ValueError:
            return problem
        return replace(problem, file=f"HEAD:{rel.as_posix()}")


@contextmanager
def spec_at_head(spec: Path, cwd: Path) -> Iterator[HeadCopy | None]:
    """The copy of `spec` as committed at HEAD, for as long as the context lasts; None when
    HEAD has no such file (the spec is new, or nothing is committed yet). Outside a git
    repository, or for a spec outside the repository, a UsageError."""
    top = _toplevel(cwd)
    try:
        rel = PurePosixPath(spec.resolve().relative_to(top).as_posix())
    except ValueError:
        raise UsageError(f"{spec}: outside the git repository at {top}") from None
    files = _committed(top, rel.parent) if _has_head(top) else []
    if str(rel) not in files:
        yield None
        return
    with TemporaryDirectory(prefix="sdkwright-head-") as tmp:
        root = Path(tmp).resolve()
        wanted = [f for f in files if PurePosixPath(f).suffix in SPEC_SUFFIXES or f == str(rel)]
        _extract(top, wanted, root)
        yield HeadCopy(root / rel, root)


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed: pass OLD_SPEC and NEW_SPEC") from None


def _toplevel(cwd: Path) -> Path:
    proc = _git(cwd, "rev-parse", "--show-toplevel")
    if proc.returncode != 0:
        raise UsageError(f"{cwd}: not inside a git repository: pass OLD_SPEC and NEW_SPEC, or "
                         "run where git tracks the spec")
    return Path(proc.stdout.decode().strip()).resolve()


def _has_head(top: Path) -> bool:
    return _git(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").returncode == 0


def _committed(top: Path, folder: PurePosixPath) -> list[str]:
    """The files under `folder` at HEAD, as paths relative to the repository's top."""
    proc = _git(top, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", str(folder))
    if proc.returncode != 0:
        raise UsageError(f"git ls-tree failed: {proc.stderr.decode(errors='replace').strip()}")
    return [name for name in proc.stdout.decode().split("\0") if name]


def _extract(top: Path, files: list[str], root: Path) -> None:
    """Copy the committed `files` under `root`, keeping their relative paths."""
    proc = _git(top, "archive", "--format=tar", "HEAD", "--", *files)
    if proc.returncode != 0:
        raise UsageError(f"git archive failed: {proc.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as archive:
        for member in archive.getmembers():
            source = archive.extractfile(member) if member.isfile() else None
            target = PurePosixPath(member.name)
            # Only regular files, and only inside the folder (git names none other).
            if source is None or target.is_absolute() or ".." in target.parts:
                continue
            path = root.joinpath(*target.parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(source.read())
