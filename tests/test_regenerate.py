"""Regenerating into a folder that already holds output: the manifest, incremental and atomic
writes, the user's files, edits, interruptions, --check, adoption, re-exports and progress.

Real files in temporary folders, and the real CLI in subprocesses. Only the interruption test
imports the writer, to stop a run after each step of its plan.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

import pytest
from cli_support import (
    Batch,
    Proc,
    describe,
    env,
    mypy_strict,
    python,
    run,
    sdkwright,
    snapshot,
    tree_difference,
)
from sdkwright.config import Names
from sdkwright.inputs import Provenance
from sdkwright.pipeline import generate as generate_files
from sdkwright.write import Delete, Prune, Rename, Write, encode, plan, read_folder, temp_name

EXIT_OK, EXIT_DIFF, EXIT_BAD_INPUT = 0, 1, 2
PACKAGE = "pet_shop"
MANIFEST = "sdkwright-manifest.json"
PENDING = MANIFEST + ".pending"
EDITED = "edited since sdkwright generated it (--force overwrites it)"

# Files a user keeps in and beside the generated package; regeneration never touches them.
USER_FILES = {
    "CHANGELOG.md": b"# Changelog\n\n- first release\n",
    "notes.md": b"my notes\n",
    "examples/demo.py": b"import pet_shop\n\nprint(pet_shop.PetShop)\n",
    ".venv/pyvenv.cfg": b"home = /usr/bin\n",
    ".github/workflows/ci.yml": b"on: push\n",
    f"{PACKAGE}/lib/__init__.py": b"",
    f"{PACKAGE}/lib/helpers.py": b"def shout(text: str) -> str:\n    return text.upper()\n",
}


def _spec(*tags: str, version: str = "1.0.0", title: str = "Pet Shop") -> str:
    """A small spec: one `GET /<tag>` operation per tag, each a resource of its own."""
    paths = {
        f"/{tag}": {"get": {
            "operationId": f"list_{tag}",
            "tags": [tag],
            "responses": {"200": {"description": "OK", "content": {"application/json": {
                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
            }}}},
        }} for tag in tags
    }
    return json.dumps({
        "openapi": "3.0.3",
        "info": {"title": title, "version": version},
        "servers": [{"url": "https://pets.example.com/v1"}],
        "paths": paths,
        "components": {"schemas": {"Item": {"type": "object", "properties": {
            "name": {"type": "string"}}}}},
    }, indent=2)


SPECS = {
    "a": _spec("pets", "owners"),
    "b": _spec("pets"),  # a without the owners operation
    "c": _spec("pets", "owners", "stores", version="2.0.0"),
}
# Many resources, so that a write takes long enough to be interrupted in the middle.
BIG_TAGS = tuple(f"area{i:02d}" for i in range(40))
BIG_SPECS = {"big-a": _spec(*BIG_TAGS), "big-b": _spec(*BIG_TAGS, title="Pet Depot")}


@dataclass(frozen=True)
class Specs:
    folder: Path
    fresh: Mapping[str, Mapping[str, bytes]]
    """What each spec generates into an empty folder."""

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def expected(self, name: str) -> dict[str, bytes]:
        """A regenerated folder: the spec's files and the user's."""
        return {**self.fresh[name], **USER_FILES}


def _generate(specs_dir: Path, name: str, out: Path, *extra: str, cwd: Path | None = None) -> Proc:
    return sdkwright("generate", specs_dir / f"{name}.json", "--out", out, "--package-name",
                     PACKAGE, *extra, cwd=cwd or out.parent)


@pytest.fixture(scope="module")
def specs(tmp_path_factory: pytest.TempPathFactory) -> Specs:
    folder = tmp_path_factory.mktemp("specs")
    for name, text in {**SPECS, **BIG_SPECS}.items():
        (folder / f"{name}.json").write_text(text, encoding="utf-8")
    outs = {name: tmp_path_factory.mktemp(f"fresh-{name}") / "out" for name in SPECS}

    def fresh(name: str) -> dict[str, bytes]:
        proc = _generate(folder, name, outs[name])
        assert proc.returncode == EXIT_OK, describe(proc)
        return snapshot(outs[name])

    batch = Batch({name: partial(fresh, name) for name in SPECS})
    return Specs(folder, {name: batch[name] for name in SPECS})


def _write_files(out: Path, files: Mapping[str, bytes]) -> None:
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)


def _generated_with_user_files(specs: Specs, name: str, out: Path) -> Path:
    """`out` as generating `name` leaves it (copied from the fresh run), plus the user's files."""
    if name in specs.fresh:
        _write_files(out, specs.fresh[name])
    else:
        proc = _generate(specs.folder, name, out)
        assert proc.returncode == EXIT_OK, describe(proc)
    _write_files(out, USER_FILES)
    return out


def _no_traceback(proc: Proc) -> None:
    assert "Traceback" not in proc.stdout + proc.stderr, describe(proc)


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.rglob("*") if p.name.endswith((".sdkwright-tmp",
                                                                      ".pending")))


# -- the user's files -------------------------------------------------------------------------


def test_user_files_and_git_repository_survive_regeneration(specs: Specs,
                                                            tmp_path: Path) -> None:
    out = _generated_with_user_files(specs, "a", tmp_path / "out")
    git = shutil.which("git")
    if git is not None:
        identity = ("-c", "user.name=t", "-c", "user.email=t@example.com")
        for args in (("init", "-q"), ("add", "-A"), (*identity, "commit", "-qm", "first")):
            proc = run([git, *args], cwd=out)
            assert proc.returncode == 0, describe(proc)
    before = {rel: data for rel, data in snapshot(out).items() if rel.startswith(".git/")}
    inode = out.stat().st_ino

    proc = _generate(specs.folder, "b", out)
    assert proc.returncode == EXIT_OK, describe(proc)
    after = snapshot(out)
    assert tree_difference({k: v for k, v in after.items() if not k.startswith(".git/")},
                           specs.expected("b")) == ""
    assert {k: v for k, v in after.items() if k.startswith(".git/")} == before
    assert out.stat().st_ino == inode, "the output folder was replaced"

    # `--out .` from inside the folder, in a shell that goes on working there afterwards.
    script = (f'"{sys.executable}" -m sdkwright generate "{specs.path("c")}" --out . '
              f"--package-name {PACKAGE} && test -f {MANIFEST} && ls CHANGELOG.md")
    proc = run(["sh", "-c", script], cwd=out)
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stdout.strip() == "CHANGELOG.md", describe(proc)
    assert out.stat().st_ino == inode
    after = snapshot(out)
    assert tree_difference({k: v for k, v in after.items() if not k.startswith(".git/")},
                           specs.expected("c")) == ""
    if git is not None:
        proc = run([git, "log", "--oneline"], cwd=out)
        assert proc.returncode == 0 and "first" in proc.stdout, describe(proc)


def test_files_of_a_removed_operation_are_deleted(specs: Specs, tmp_path: Path) -> None:
    out = _generated_with_user_files(specs, "a", tmp_path / "out")
    gone = sorted(set(specs.fresh["a"]) - set(specs.fresh["b"]))
    assert {"docs/owners/list_owners.md", f"{PACKAGE}/resources/owners/__init__.py",
            "tests/test_owners.py"} <= set(gone), gone
    proc = _generate(specs.folder, "b", out)
    assert proc.returncode == EXIT_OK, describe(proc)
    assert tree_difference(snapshot(out), specs.expected("b")) == ""
    # The folders that only held those files went with them.
    assert not (out / "docs" / "owners").exists()
    assert not (out / PACKAGE / "resources" / "owners").exists()
    assert (out / "docs" / "pets").is_dir()
    assert proc.stderr.splitlines()[-1].endswith(f", {len(gone)} deleted"), describe(proc)


def test_an_edited_file_is_refused_then_forced(specs: Specs, tmp_path: Path) -> None:
    out = _generated_with_user_files(specs, "a", tmp_path / "out")
    for rel in ("README.md", f"{PACKAGE}/resources/owners/__init__.py"):
        with (out / rel).open("a", encoding="utf-8") as stream:
            stream.write("# my edit\n")
    before = snapshot(out)
    mtimes = {rel: (out / rel).stat().st_mtime_ns for rel in before}

    # b rewrites README.md and deletes the owners module: both are refused, nothing written.
    proc = _generate(specs.folder, "b", out)
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    _no_traceback(proc)
    assert proc.stderr.splitlines() == [
        f"{out}/README.md:1: {EDITED}",
        f"{out}/{PACKAGE}/resources/owners/__init__.py:1: edited since sdkwright generated "
        "it, and no longer generated (--force deletes it)",
    ], describe(proc)
    assert tree_difference(snapshot(out), before) == ""
    assert {rel: (out / rel).stat().st_mtime_ns for rel in before} == mtimes
    assert _leftovers(out) == []

    proc = _generate(specs.folder, "b", out, "--force")
    assert proc.returncode == EXIT_OK, describe(proc)
    assert tree_difference(snapshot(out), specs.expected("b")) == ""


def test_a_user_file_at_a_generated_path_is_refused_unless_identical(specs: Specs,
                                                                     tmp_path: Path) -> None:
    out = _generated_with_user_files(specs, "b", tmp_path / "out")
    mine = out / "docs" / "owners" / "list_owners.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("my own page\n", encoding="utf-8")
    proc = _generate(specs.folder, "a", out)
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    assert proc.stderr.splitlines() == [
        f"{mine}:1: exists and was not written by sdkwright (--force overwrites it)"]
    assert mine.read_text("utf-8") == "my own page\n"
    # The same bytes as sdkwright would write are no conflict.
    mine.write_bytes(specs.fresh["a"]["docs/owners/list_owners.md"])
    proc = _generate(specs.folder, "a", out)
    assert proc.returncode == EXIT_OK, describe(proc)
    assert tree_difference(snapshot(out), specs.expected("a")) == ""


def test_paths_that_cannot_be_written_stop_even_a_forced_run(specs: Specs,
                                                               tmp_path: Path) -> None:
    out = _generated_with_user_files(specs, "b", tmp_path / "out")
    (out / "docs" / "owners" / "list_owners.md").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "tests").rename(elsewhere / "tests")
    (out / "tests").symlink_to(elsewhere / "tests")
    folders = {name: {PurePosixPath(rel).parent.as_posix() for rel in specs.fresh[name]}
               for name in ("a", "b")}
    only_a = max(folders["a"] - folders["b"] - {"docs/owners"})
    (out / only_a).write_text("mine\n", "utf-8")
    before = snapshot(elsewhere)
    proc = _generate(specs.folder, "a", out, "--force")
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    lines = proc.stderr.splitlines()
    assert f"{out}/docs/owners/list_owners.md:1: is a folder, where sdkwright writes a " \
           "file" in lines, describe(proc)
    assert f"{out}/tests/test_owners.py:1: leads out of the output folder through a " \
           "symbolic link" in lines, describe(proc)
    assert any(line.endswith(f": {only_a} is a file, where sdkwright needs a folder")
               for line in lines), describe(proc)
    assert snapshot(elsewhere) == before


def test_written_files_follow_the_umask(specs: Specs, tmp_path: Path) -> None:
    script = (f'umask 027 && "{sys.executable}" -m sdkwright generate "{specs.path("a")}" '
              f"--out out --package-name {PACKAGE}")
    proc = run(["sh", "-c", script], cwd=tmp_path)
    assert proc.returncode == EXIT_OK, describe(proc)
    modes = {p.relative_to(tmp_path).as_posix(): p.stat().st_mode & 0o777
             for p in (tmp_path / "out").rglob("*")}
    assert modes and all(mode == (0o750 if (tmp_path / rel).is_dir() else 0o640)
                         for rel, mode in modes.items()), modes


def test_an_unchanged_rerun_rewrites_nothing(specs: Specs, tmp_path: Path) -> None:
    out = _generated_with_user_files(specs, "a", tmp_path / "out")
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert out / MANIFEST in files
    past = 1_000_000_000 * 10**9  # 2001: any rewrite would show
    for path in files:
        os.utime(path, ns=(past, past))
    stats = {path: (path.stat().st_mtime_ns, path.stat().st_ino) for path in files}
    proc = _generate(specs.folder, "a", out)
    assert proc.returncode == EXIT_OK, describe(proc)
    assert {path: (path.stat().st_mtime_ns, path.stat().st_ino) for path in files} == stats
    total = len(specs.fresh["a"])
    assert proc.stderr.splitlines()[-1] == (
        f"{specs.path('a')} -> {out}: 0 written, {total} unchanged, 0 deleted"), describe(proc)


# -- interruptions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Stopped:
    """A folder left by a run from a to b, stopped after `steps` steps of its plan (and, if
    `partial`, in the middle of writing the next file). If `then` names a spec, a second run
    towards it was stopped too, right after it wrote its own pending manifest. Then a real
    CLI run of `rerun` has to repair the folder."""

    steps: int
    partial: bool
    then: str | None
    rerun: str


Steps = list[Write | Delete | Prune | Rename]


# What a generation writes: its files, and how they were made, as its manifest records.
Generation = tuple[dict[str, bytes], Provenance]


def _generated(specs: Specs, name: str) -> Generation:
    files, _, made = generate_files(specs.path(name), Names(PACKAGE))
    return encode(files), made


def _steps(generated: Generation, out: Path) -> Steps:
    files, made = generated
    return list(plan(files, read_folder(out, files, out), out, force=False,
                     made=made).steps)


def _stopped_states(steps: Steps) -> list[Stopped]:
    states = [Stopped(k, False, None, "b") for k in range(len(steps) + 1)]
    # Rerun towards a, the half-written files are not written again: their leftovers go too.
    states += [Stopped(k, True, None, rerun) for k, step in enumerate(steps)
               if isinstance(step, Write) for rerun in ("a", "b")]
    states += [Stopped(k, False, "c", "c") for k in range(len(steps) + 1)]
    return states


def _stop(base: Path, steps: Steps, state: Stopped, then: Generation, out: Path) -> None:
    """Make `out` what `state` describes (`then`: what the second run generates)."""
    shutil.copytree(base, out, symlinks=True)
    for step in steps[: state.steps]:
        step.apply(out)
    if state.partial:
        step = steps[state.steps]
        assert isinstance(step, Write)
        (out / step.path).parent.mkdir(parents=True, exist_ok=True)
        (out / temp_name(step.path)).write_bytes(step.data[: len(step.data) // 2])
    if state.then is not None:
        second = _steps(then, out)
        written = [i for i, step in enumerate(second)
                   if isinstance(step, Write) and step.path == PENDING]
        assert written, f"{state}: the second run writes no pending manifest"
        for step in second[: written[0] + 1]:
            step.apply(out)


def _rerun(specs: Specs, state: Stopped, out: Path) -> tuple[Proc, dict[str, bytes], list[str]]:
    proc = _generate(specs.folder, state.rerun, out)
    return proc, snapshot(out), _leftovers(out)


def test_a_write_stopped_after_any_step_is_repaired(specs: Specs, tmp_path: Path) -> None:
    base = _generated_with_user_files(specs, "a", tmp_path / "base")
    steps = _steps(_generated(specs, "b"), base)
    # The plan goes through every kind of step, the protocol's first and last included.
    assert isinstance(steps[0], Write) and steps[0].path == PENDING
    assert steps[-1] == Rename(PENDING, MANIFEST)
    assert {type(step) for step in steps} == {Write, Delete, Prune, Rename}
    then = _generated(specs, "c")
    folders = {}
    for state in _stopped_states(steps):
        folders[state] = tmp_path / f"{state.steps}-{state.partial}-{state.then}-{state.rerun}"
        _stop(base, steps, state, then, folders[state])
    # Steps that change nothing (a folder that is not empty yet) leave the same folder as the
    # step before: each different folder is rerun once.
    alike: dict[tuple[str, tuple[tuple[str, bytes], ...]], Stopped] = {}
    same = {state: alike.setdefault((state.rerun, tuple(sorted(snapshot(out).items()))), state)
            for state, out in folders.items()}
    results = Batch({str(state): partial(_rerun, specs, state, folders[state])
                     for state in alike.values()})
    for state in folders:
        proc, files, leftovers = results[str(same[state])]
        assert proc.returncode == EXIT_OK, f"{state}{describe(proc)}"
        assert tree_difference(files, specs.expected(state.rerun)) == "", state
        assert leftovers == [], state


def _kill_when_pending(proc: subprocess.Popen[bytes], pending: Path) -> bool:
    """SIGKILL `proc` as soon as its pending manifest appears: in the middle of its writes."""
    while proc.poll() is None:
        if pending.exists():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
    return False


def test_a_killed_write_is_repaired(specs: Specs, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    proc = _generate(specs.folder, "big-b", fresh)
    assert proc.returncode == EXIT_OK, describe(proc)
    out = _generated_with_user_files(specs, "big-a", tmp_path / "out")
    command = [sys.executable, "-m", "sdkwright", "generate", str(specs.path("big-b")),
               "--out", str(out), "--package-name", PACKAGE]
    for _ in range(5):
        child = subprocess.Popen(command, cwd=tmp_path, env=env(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        if _kill_when_pending(child, out / PENDING) and (out / PENDING).exists():
            break
    else:
        pytest.fail("the write always finished before it could be killed")
    assert child.returncode == -signal.SIGKILL
    stopped = snapshot(out)
    assert tree_difference(stopped, {**snapshot(fresh), **USER_FILES}) != "", \
        "the kill did not land in the middle of the write"

    proc = _generate(specs.folder, "big-b", out)
    assert proc.returncode == EXIT_OK, describe(proc)
    assert tree_difference(snapshot(out), {**snapshot(fresh), **USER_FILES}) == ""
    assert _leftovers(out) == []


def test_concurrent_runs_do_not_interleave(specs: Specs, tmp_path: Path) -> None:
    out = _generated_with_user_files(specs, "a", tmp_path / "out")
    commands = [[sys.executable, "-m", "sdkwright", "generate", str(specs.path(name)), "--out",
                 str(out), "--package-name", PACKAGE] for name in ("b", "c")]
    children = [subprocess.Popen(cmd, cwd=tmp_path, env=env(), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE) for cmd in commands]
    for child in children:
        _, err = child.communicate(timeout=600)
        assert child.returncode == EXIT_OK, err.decode()
    final = snapshot(out)
    assert "" in (tree_difference(final, specs.expected("b")),
                  tree_difference(final, specs.expected("c")))
    assert _leftovers(out) == []


# -- --check, adoption, refusal, damage -------------------------------------------------------


def test_check_ignores_unowned_files_and_names_edited_ones(specs: Specs,
                                                           tmp_path: Path) -> None:
    out = _generated_with_user_files(specs, "a", tmp_path / "out")
    proc = _generate(specs.folder, "a", out, "--check")
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stdout == ""
    assert proc.stderr == f"{specs.path('a')} -> {out}: up to date\n", describe(proc)

    readme = out / "README.md"
    readme.write_text(readme.read_text("utf-8") + "A hand edit.\n", encoding="utf-8")
    before = snapshot(out)
    proc = _generate(specs.folder, "a", out, "--check")
    assert proc.returncode == EXIT_DIFF, describe(proc)
    assert [line for line in proc.stdout.splitlines() if line.startswith("--- ")] == [
        "--- a/README.md"], describe(proc)
    assert "-A hand edit." in proc.stdout.splitlines()
    assert f"{out}/README.md:1: {EDITED}" in proc.stderr.splitlines(), describe(proc)
    assert tree_difference(snapshot(out), before) == ""

    # Against b: the owners files are listed as going, the user's are not mentioned.
    proc = _generate(specs.folder, "b", out, "--check")
    assert proc.returncode == EXIT_DIFF, describe(proc)
    assert "+++ /dev/null" in proc.stdout.splitlines()
    assert "--- a/tests/test_owners.py" in proc.stdout.splitlines()
    for rel in USER_FILES:
        assert rel not in proc.stdout


def test_output_without_a_manifest_is_adopted_once(specs: Specs, tmp_path: Path) -> None:
    out = _generated_with_user_files(specs, "a", tmp_path / "out")
    (out / MANIFEST).unlink()
    (out / "README.md").write_text("an older generation's README\n", encoding="utf-8")
    proc = _generate(specs.folder, "b", out)
    assert proc.returncode == EXIT_OK, describe(proc)
    # The files b produces are overwritten; the owners files and the user's stay, and are named.
    left = sorted(set(specs.fresh["a"]) - set(specs.fresh["b"]) - {MANIFEST}
                  | set(USER_FILES) - {".venv/pyvenv.cfg", ".github/workflows/ci.yml"})
    notes = [line for line in proc.stderr.splitlines() if "left in place" in line]
    assert notes == [f"{out}: adopted sdkwright output that had no {MANIFEST}; left in place, "
                     f"not generated now: {', '.join(left)}"], describe(proc)
    expected = {**specs.expected("b"), **{rel: specs.fresh["a"][rel] for rel in left
                                          if rel in specs.fresh["a"]}}
    assert tree_difference(snapshot(out), expected) == ""
    # Adopted: from now on, the manifest rules.
    proc = _generate(specs.folder, "b", out)
    assert proc.returncode == EXIT_OK, describe(proc)
    assert "left in place" not in proc.stderr


def test_a_foreign_folder_is_refused(tmp_path: Path, specs: Specs) -> None:
    out = tmp_path / "out"
    (out / "src").mkdir(parents=True)
    (out / "src" / "main.py").write_text("print('mine')\n", encoding="utf-8")
    (out / "pyproject.toml").write_text('[project]\nname = "mine"\n', encoding="utf-8")
    before = snapshot(out)
    proc = _generate(specs.folder, "a", out)
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    _no_traceback(proc)
    assert "not made by sdkwright" in proc.stderr, describe(proc)
    assert tree_difference(snapshot(out), before) == ""


CORRUPT_MANIFESTS = {
    "not-json": (b'{\n  "files": {\n    "README.md": \n', 4, "not valid JSON"),
    "not-utf8": (b"\xff\xfe{}", 1, "not UTF-8"),
    "other-generator": (b'{\n  "files": {},\n  "generator": "other"\n}\n', 3, "'generator'"),
    "files-not-object": (b'{\n  "generator": "sdkwright",\n  "files": []\n}\n', 3, "'files'"),
    "escaping-path": (b'{\n  "generator": "sdkwright",\n  "files": {\n    "../x": "sha256:'
                      + b"0" * 64 + b'"\n  }\n}\n', 4, "not a relative path"),
    "bad-digest": (b'{\n  "generator": "sdkwright",\n  "files": {\n    "README.md": "md5:1"'
                   b"\n  }\n}\n", 4, "digest"),
}


@pytest.mark.parametrize("key", sorted(CORRUPT_MANIFESTS))
def test_a_corrupt_manifest_is_a_clean_exit_2(key: str, specs: Specs, tmp_path: Path) -> None:
    data, line, phrase = CORRUPT_MANIFESTS[key]
    out = _generated_with_user_files(specs, "a", tmp_path / "out")
    (out / MANIFEST).write_bytes(data)
    before = snapshot(out)
    for extra in ((), ("--check",), ("--force",)) if key == "not-json" else ((),):
        proc = _generate(specs.folder, "b", out, *extra)
        assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
        _no_traceback(proc)
        lines = proc.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{out}/{MANIFEST}:{line}: "), \
            describe(proc)
        assert phrase in lines[0], describe(proc)
        assert tree_difference(snapshot(out), before) == ""


def test_the_manifest_is_deterministic_json(specs: Specs) -> None:
    files = specs.fresh["a"]
    text = files[MANIFEST].decode("utf-8")
    body = json.loads(text)
    assert text == json.dumps(body, indent=2, sort_keys=True) + "\n"
    assert body["generator"] == "sdkwright"
    assert set(body["files"]) == set(files) - {MANIFEST}
    assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", value) for value in body["files"].values())
    assert str(Path.cwd()) not in text and "/tmp" not in text


# -- hand-written code and re-exports ---------------------------------------------------------


HELPERS = '''\
"""Hand-written: every page of list_pets."""

from .. import PetShop


def paginate_all(client: PetShop) -> int:
    return len(client.pets.list_pets())
'''


def test_a_reexported_lib_name_is_importable_and_typed(specs: Specs, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _generate(specs.folder, "a", out, "--reexport", "lib.helpers:paginate_all")
    assert proc.returncode == EXIT_OK, describe(proc)
    init = (out / PACKAGE / "__init__.py").read_text("utf-8")
    assert "from .lib.helpers import paginate_all as paginate_all\n" in init
    assert '    "paginate_all",\n]' in init
    (out / PACKAGE / "lib").mkdir()
    (out / PACKAGE / "lib" / "__init__.py").write_text("", encoding="utf-8")
    (out / PACKAGE / "lib" / "helpers.py").write_text(HELPERS, encoding="utf-8")
    proc = python("-c", f"from {PACKAGE} import paginate_all, __all__; "
                  "print(paginate_all.__module__, 'paginate_all' in __all__)", cwd=out)
    assert proc.returncode == 0, describe(proc)
    assert proc.stdout.strip() == f"{PACKAGE}.lib.helpers True"
    proc = mypy_strict(out, tmp_path / "mypy", PACKAGE)
    assert proc.returncode == 0, describe(proc)
    # The lib folder is the user's: regeneration keeps it.
    proc = _generate(specs.folder, "b", out, "--reexport", "lib.helpers:paginate_all")
    assert proc.returncode == EXIT_OK, describe(proc)
    assert (out / PACKAGE / "lib" / "helpers.py").read_text("utf-8") == HELPERS


BAD_REEXPORTS = {
    "outside-lib": "helpers:paginate_all",
    "no-name": "lib.helpers",
    "not-identifier": "lib.helpers:not-a-name",
    "keyword": "lib.class:thing",
    "generated-name": "lib.helpers:NotGiven",
    "client-name": "lib.helpers:PetShop",
    "subpackage": "lib.helpers:resources",
}


@pytest.mark.parametrize("key", sorted(BAD_REEXPORTS))
def test_a_bad_reexport_is_a_usage_error(key: str, specs: Specs, tmp_path: Path) -> None:
    out = tmp_path / "out"
    value = BAD_REEXPORTS[key]
    proc = _generate(specs.folder, "a", out, "--reexport", value)
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    _no_traceback(proc)
    assert value.split(":")[-1] in proc.stderr, describe(proc)
    assert not out.exists()


def test_reexport_in_pyproject(specs: Specs, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(specs.path("a"), project / "api.json")
    entry = (f'[[tool.sdkwright.clients]]\nspec = "api.json"\nout = "client"\n'
             f'package = "{PACKAGE}"\n')
    (project / "pyproject.toml").write_text(
        entry + 'reexport = ["lib.helpers:paginate_all", "lib:VERSION"]\n', encoding="utf-8")
    proc = sdkwright("generate", cwd=project)
    assert proc.returncode == EXIT_OK, describe(proc)
    init = (project / "client" / PACKAGE / "__init__.py").read_text("utf-8")
    assert "from .lib.helpers import paginate_all as paginate_all\n" in init
    assert "from .lib import VERSION as VERSION\n" in init
    for bad in ('"helpers:x"', "[1]", '"lib:x y"'):
        (project / "pyproject.toml").write_text(f"{entry}reexport = [{bad}]\n",
                                                encoding="utf-8")
        proc = sdkwright("generate", cwd=project)
        assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
        _no_traceback(proc)
        assert "reexport" in proc.stderr, describe(proc)


def test_no_generated_path_is_under_lib(tmp_path: Path) -> None:
    """Names that try hard to produce `<package>/lib/`: a tag, a resource path and a schema."""
    spec = tmp_path / "lib.json"
    body = json.loads(_spec("lib"))
    body["paths"]["/lib"]["get"]["x-sdk-resource"] = "lib.lib"
    body["components"]["schemas"]["Lib"] = {"type": "object"}
    spec.write_text(json.dumps(body), encoding="utf-8")
    files, _, _ = generate_files(spec, Names(PACKAGE))
    assert files, "nothing generated"
    assert [rel for rel in files if rel.startswith(f"{PACKAGE}/lib/")] == []


# -- progress, --quiet and the summary --------------------------------------------------------


def _on_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal; its exit code and what it drew there."""
    master, slave = os.openpty()
    child = subprocess.Popen([sys.executable, "-m", "sdkwright", *args], cwd=cwd, env=env(),
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + 600
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    return child.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


@dataclass(frozen=True)
class TerminalRuns:
    folder: Path
    runs: Mapping[str, tuple[int, str]]


@pytest.fixture(scope="module")
def terminal(specs: Specs, tmp_path_factory: pytest.TempPathFactory) -> TerminalRuns:
    folder = tmp_path_factory.mktemp("terminal")

    def args(out: str, *extra: str) -> list[str]:
        return ["generate", str(specs.path("a")), "--out", out, "--package-name", PACKAGE,
                *extra]

    return TerminalRuns(folder, {"plain": _on_terminal(args("plain"), folder),
                                 "quiet": _on_terminal(args("quiet", "-q"), folder)})


def test_progress_is_drawn_on_a_terminal_and_cleared(terminal: TerminalRuns,
                                                     specs: Specs) -> None:
    code, drawn = terminal.runs["plain"]
    assert code == EXIT_OK, drawn
    frames = drawn.split("\r\x1b[K")
    stages = [re.sub(r"^.*?: (\w+).*$", r"\1", frame, flags=re.DOTALL) for frame in frames
              if frame.startswith(str(specs.path("a")) + ":")]
    for stage in ("load", "validate", "build", "render", "format", "write"):
        assert stage in stages, drawn
    assert re.search(r": format \d+/\d+ files", drawn), drawn
    assert re.search(r": write \d+/\d+ steps", drawn), drawn
    # Cleared before the summary, which is the last thing on the terminal.
    total = len(specs.fresh["a"])
    assert frames[-1] == f"{specs.path('a')} -> plain: {total} written, 0 unchanged, " \
                         "0 deleted\r\n", repr(drawn[-300:])
    assert snapshot(terminal.folder / "plain") == specs.fresh["a"]


def test_quiet_shows_neither_progress_nor_summary(terminal: TerminalRuns,
                                                  specs: Specs) -> None:
    code, drawn = terminal.runs["quiet"]
    assert code == EXIT_OK, drawn
    assert drawn == ""
    assert snapshot(terminal.folder / "quiet") == specs.fresh["a"]
    proc = _generate(specs.folder, "a", terminal.folder / "quiet", "--quiet")
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stderr == "", describe(proc)


def test_piped_output_has_the_summary_and_no_progress(specs: Specs, tmp_path: Path) -> None:
    proc = _generate(specs.folder, "a", tmp_path / "out")
    assert proc.returncode == EXIT_OK, describe(proc)
    assert "\r" not in proc.stderr and "\x1b" not in proc.stderr, repr(proc.stderr)
    total = len(specs.fresh["a"])
    assert proc.stderr == (f"{specs.path('a')} -> {tmp_path / 'out'}: {total} written, "
                           "0 unchanged, 0 deleted\n")
