"""The committed golden projects are exactly what the CLI makes from spec/, every time, anywhere.

Each `[[tool.sdkwright.clients]]` entry of pyproject.toml is a golden: `spec/livestream.yaml`
makes `generated/`, and `spec/darkroom.yaml`, a small invented photo-hosting API, makes
`generated-darkroom/`. The second covers what the livestream spec does not: HTTP basic auth,
apiKey auth in a header, the query and a cookie, per-operation `security` (public operations
among them), multipart bodies with files, form bodies, tagged unions with and without a
discriminator mapping, a redirect as the only outcome, bytes, text and 204 answers, open
string and integer enums, nullable fields, a recursive schema and a shared schema large
enough for its own docs page (`test_darkroom_covers_what_livestream_does_not` keeps it so).
tests/test_generated_quality.py checks both with black, mypy, ruff and their own tests.

After a deliberate change to the generator, its templates or a spec, update the goldens with

    SDKWRIGHT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

which first regenerates every golden folder in place (`sdkwright generate --force` in the
repository, the same as `sdkwright generate`, hand edits overwritten) and then runs the
comparisons; review the change with `git diff` and commit it with the change that caused it.

The CLI runs happen once, side by side, in the module-scoped `runs` fixture.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
from cli_support import (
    DARKROOM,
    GOLDENS,
    REPO,
    Batch,
    Golden,
    Proc,
    describe,
    env,
    ok,
    sdkwright,
    snapshot,
    tree_difference,
)
from sdkwright.config import Names
from sdkwright.docs import SMALL_CLASS, TYPES_FOLDER
from sdkwright.pipeline import build_api
from sdkwright.typetree import (
    DictOf,
    ListOf,
    LiteralOf,
    Nullable,
    Required,
    Runtime,
    TypeNode,
    UnionOf,
)

UPDATE = os.environ.get("SDKWRIGHT_UPDATE_GOLDEN") == "1"
HOW_TO_UPDATE = ("if the change is deliberate, update the goldens: "
                 "SDKWRIGHT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py")


@dataclass
class Run:
    root: Path
    procs: list[Proc] = field(default_factory=list)
    # Output folder name -> its files.
    files: dict[str, dict[str, bytes]] = field(default_factory=dict)

    def entries(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir())


def _check_in_repo(r: Run) -> None:
    r.procs.append(sdkwright("generate", "--check"))
    r.files = {g.name: snapshot(g.out) for g in GOLDENS}


def _fresh(golden: Golden, r: Run) -> None:
    r.procs.append(sdkwright("generate", golden.spec, "--out", r.root / "out", *golden.names))
    r.files = {golden.name: snapshot(r.root / "out")}


def _other_seed_and_cwd(golden: Golden, r: Run) -> None:
    # Another hash seed, another working folder, a relative spec path and a relative --out.
    cwd = r.root / "elsewhere"
    cwd.mkdir()
    shutil.copy(golden.spec, cwd / "api.yaml")
    r.procs.append(sdkwright("generate", "api.yaml", "--out", "../out", *golden.names, cwd=cwd,
                             environ=env(PYTHONHASHSEED="12345")))
    r.files = {golden.name: snapshot(r.root / "out")}


JOBS: dict[str, Callable[[Run], None]] = {
    "check-in-repo": _check_in_repo,
    **{f"fresh:{g.name}": partial(_fresh, g) for g in GOLDENS},
    **{f"other-seed-and-cwd:{g.name}": partial(_other_seed_and_cwd, g) for g in GOLDENS},
}


@pytest.fixture(scope="module")
def committed() -> dict[str, dict[str, bytes]]:
    """Each golden's committed files (regenerated in place first, with the update switch)."""
    if UPDATE:
        ok(sdkwright("generate", "--force", "--quiet"))
    files = {g.name: snapshot(g.out) for g in GOLDENS}
    for name, found in files.items():
        assert found, f"{name} is empty"
    return files


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory,
         committed: dict[str, dict[str, bytes]]) -> Batch[Run]:
    def job(r: Run, action: Callable[[Run], None]) -> Run:
        action(r)
        for proc in r.procs:
            assert "Traceback" not in proc.stderr, describe(proc)
        return r

    # Folders are made here: pytest's temp factory is not thread-safe on first use.
    return Batch({name: partial(job, Run(tmp_path_factory.mktemp(name.replace(":", "-"))),
                                action)
                  for name, action in JOBS.items()})


def _ok(r: Run) -> None:
    for proc in r.procs:
        assert proc.returncode == 0, describe(proc) + "\n" + HOW_TO_UPDATE


def test_pyproject_lists_both_goldens() -> None:
    assert [(g.spec.relative_to(REPO).as_posix(), g.name) for g in GOLDENS] == [
        ("spec/livestream.yaml", "generated"), ("spec/darkroom.yaml", "generated-darkroom")]


def test_check_in_repo_reports_every_golden_up_to_date(
        runs: Batch[Run], committed: dict[str, dict[str, bytes]]) -> None:
    r = runs["check-in-repo"]
    _ok(r)
    assert r.procs[0].stdout == "", describe(r.procs[0])
    assert all(f"-> {g.out.relative_to(REPO)}: up to date" in r.procs[0].stderr
               for g in GOLDENS), describe(r.procs[0])
    # --check wrote nothing.
    for golden in GOLDENS:
        assert tree_difference(r.files[golden.name], committed[golden.name]) == ""


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda g: g.name)
def test_fresh_generation_equals_committed_output(
        golden: Golden, runs: Batch[Run], committed: dict[str, dict[str, bytes]]) -> None:
    r = runs[f"fresh:{golden.name}"]
    _ok(r)
    difference = tree_difference(r.files[golden.name], committed[golden.name])
    assert difference == "", f"{golden.name}: {difference}; {HOW_TO_UPDATE}"
    # Nothing but the output folder: no staging or backup folder left beside it.
    assert r.entries() == ["out"]


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda g: g.name)
def test_generation_is_deterministic_across_hash_seeds_and_cwd(golden: Golden,
                                                               runs: Batch[Run]) -> None:
    fresh, other = runs[f"fresh:{golden.name}"], runs[f"other-seed-and-cwd:{golden.name}"]
    _ok(other)
    assert other.files[golden.name], "nothing was generated"
    assert tree_difference(other.files[golden.name], fresh.files[golden.name]) == ""


def _nodes(node: TypeNode) -> list[TypeNode]:
    """`node` and every node inside it."""
    out, stack = [], [node]
    while stack:
        item = stack.pop()
        out.append(item)
        if isinstance(item, UnionOf):
            stack.extend(item.members)
        elif isinstance(item, ListOf):
            stack.append(item.item)
        elif isinstance(item, DictOf):
            stack.append(item.value)
        elif isinstance(item, (Nullable, Required)):
            stack.append(item.inner)
    return out


def test_darkroom_covers_what_livestream_does_not() -> None:
    built, warnings = build_api(DARKROOM.spec, Names(DARKROOM.package, DARKROOM.client,
                                                     DARKROOM.env_prefix), strict=True)
    assert warnings == []
    api = built.api
    ops = {op.call_path: op for op in api.operations}
    # Security: basic, and apiKey in each place; public operations and optional credentials.
    assert {(s.kind, s.location) for s in api.schemes} == {
        ("basic", "header"), ("api_key", "header"), ("api_key", "query"), ("api_key", "cookie")}
    assert ops["system.get_health"].requirements == ()
    assert ops["photos.get_photo"].requirements == ((), ("api_key",), ("session_cookie",))
    assert ops["photos.download_photo"].requirements == (("download_key",),)
    assert ops["auth.create_token"].requirements == (("basic",),)
    assert not api.auth_required
    # Bodies: multipart with a file, form, JSON.
    upload = ops["photos.upload_photo"]
    assert upload.body is not None and upload.body.encoding == "multipart"
    assert any(p.type == Runtime("FileTypes") for p in upload.params)
    assert {op.body.encoding for op in api.operations if op.body} == {"multipart", "form", "json"}
    # Answers: JSON models and adapters, bytes, text, 204, and a redirect as the only outcome.
    assert {op.response.kind for op in api.operations} == {"model", "adapter", "bytes", "text",
                                                           "none"}
    assert ops["photos.delete_photo"].response.status == "204"
    assert ops["photos.download_photo"].response.is_redirect
    # Types: tagged unions (with a mapping on `type`, by schema name on `kind`), open enums of
    # strings and integers, nullable fields, a recursive schema.
    types = [f.type for m in api.type_modules for c in m.classes for f in c.fields] + [
        a.type for m in api.type_modules for a in m.aliases]
    nodes = [n for t in types for n in _nodes(t)]
    tags = {n.tag.prop: dict(n.tag.choices) for n in nodes if isinstance(n, UnionOf) and n.tag}
    assert set(tags) == {"type", "kind"}
    assert set(tags["type"]) == {"photo.uploaded", "comment.added", "album.shared"}
    assert set(tags["kind"]) == {"Crop", "Rotate", "Filter"}
    enums = [n for n in nodes if isinstance(n, LiteralOf) and n.open]
    assert any(all(isinstance(v, int) for v in n.values) for n in enums)
    assert any(all(isinstance(v, str) for v in n.values) for n in enums)
    assert any(isinstance(t, Nullable) for t in types)
    assert any(m.recursive for m in api.type_modules)
    # A shared schema large enough for a docs page of its own.
    photo = next(c for c in api.classes().values() if c.name == "Photo")
    assert len(photo.fields) > SMALL_CLASS
    assert (DARKROOM.out / "docs" / TYPES_FOLDER / "Photo.md").is_file()
