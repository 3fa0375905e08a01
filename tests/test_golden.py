"""The committed generated/ is exactly what the CLI makes from spec/, every time, anywhere.

The CLI runs happen once, side by side, in the module-scoped `runs` fixture.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
from cli_support import (
    GENERATED,
    REPO_NAMES,
    SPEC,
    Batch,
    Proc,
    describe,
    env,
    sdkwright,
    snapshot,
    tree_difference,
)


@dataclass
class Run:
    root: Path
    procs: list[Proc] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)

    def entries(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir())


def _check_in_repo(r: Run) -> None:
    r.procs.append(sdkwright("generate", "--check"))
    r.files = snapshot(GENERATED)


def _fresh(r: Run) -> None:
    r.procs.append(sdkwright("generate", SPEC, "--out", r.root / "out", *REPO_NAMES))
    r.files = snapshot(r.root / "out")


def _other_seed_and_cwd(r: Run) -> None:
    # Another hash seed, another working folder, a relative spec path and a relative --out.
    cwd = r.root / "elsewhere"
    cwd.mkdir()
    shutil.copy(SPEC, cwd / "api.yaml")
    r.procs.append(sdkwright("generate", "api.yaml", "--out", "../out", *REPO_NAMES, cwd=cwd,
                             environ=env(PYTHONHASHSEED="12345")))
    r.files = snapshot(r.root / "out")


JOBS: dict[str, Callable[[Run], None]] = {
    "check-in-repo": _check_in_repo,
    "fresh": _fresh,
    "other-seed-and-cwd": _other_seed_and_cwd,
}


@pytest.fixture(scope="module")
def committed() -> dict[str, bytes]:
    files = snapshot(GENERATED)
    assert files, f"{GENERATED} is empty"
    return files


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory,
         committed: dict[str, bytes]) -> Batch[Run]:
    def job(r: Run, action: Callable[[Run], None]) -> Run:
        action(r)
        for proc in r.procs:
            assert "Traceback" not in proc.stderr, describe(proc)
        return r

    # Folders are made here: pytest's temp factory is not thread-safe on first use.
    return Batch({name: partial(job, Run(tmp_path_factory.mktemp(name)), action)
                  for name, action in JOBS.items()})


def _ok(r: Run) -> None:
    for proc in r.procs:
        assert proc.returncode == 0, describe(proc)


def test_check_in_repo_reports_generated_up_to_date(runs: Batch[Run],
                                                    committed: dict[str, bytes]) -> None:
    r = runs["check-in-repo"]
    _ok(r)
    assert r.procs[0].stdout == "", describe(r.procs[0])
    # --check wrote nothing.
    assert tree_difference(r.files, committed) == ""


def test_fresh_generation_equals_committed_output(runs: Batch[Run],
                                                  committed: dict[str, bytes]) -> None:
    r = runs["fresh"]
    _ok(r)
    assert sorted(r.files) == sorted(committed)
    assert tree_difference(r.files, committed) == ""
    # Nothing but the output folder: no staging or backup folder left beside it.
    assert r.entries() == ["out"]


def test_generation_is_deterministic_across_hash_seeds_and_cwd(runs: Batch[Run]) -> None:
    fresh, other = runs["fresh"], runs["other-seed-and-cwd"]
    _ok(other)
    assert other.files, "nothing was generated"
    assert tree_difference(other.files, fresh.files) == ""
