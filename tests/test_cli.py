"""The `sdkwright` command-line contract, driven through the real CLI in subprocesses.

Every scenario runs once, concurrently with the others, in the module-scoped `outcomes`
fixture; the tests then only look at what happened (exit codes, output, files on disk).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
from cli_support import (
    GENERATED,
    INVALID,
    REPO,
    REPO_CLIENT,
    REPO_NAMES,
    REPO_PACKAGE,
    SPEC,
    Batch,
    Proc,
    describe,
    run,
    sdkwright,
    snapshot,
    tree_difference,
)

EXIT_OK, EXIT_DIFF, EXIT_BAD_INPUT = 0, 1, 2
MANIFEST = "sdkwright-manifest.json"

MINIMAL_SPEC = """\
openapi: 3.0.3
info:
  title: {title}
  version: 1.2.3
servers:
  - url: https://pets.example.com/v1
security:
  - bearer: []
paths:
  /pets:
    get:
      operationId: list_pets
      tags: [pets]
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  name:
                    type: string
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
"""


# -- the broken fixtures ----------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    file: str
    line: int
    substring: str

    @property
    def arg(self) -> str:
        """The spec path exactly as passed on the command line (relative to the repo)."""
        return (INVALID / self.file).relative_to(REPO).as_posix()


def _expected_rows() -> list[Expected]:
    with (INVALID / "EXPECTED.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert rows, "EXPECTED.tsv has no rows"
    return [Expected(r["file"], int(r["line"]), r["substring"]) for r in rows]


EXPECTED = _expected_rows()

ROWS = [pytest.param(row, id=row.file) for row in EXPECTED]


# -- scenarios --------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one scenario did: its CLI runs in order, and the folder of interest around them."""

    root: Path
    procs: list[Proc] = field(default_factory=list)
    before: dict[str, bytes] = field(default_factory=dict)
    after: dict[str, bytes] = field(default_factory=dict)
    entries_before: list[str] = field(default_factory=list)

    @property
    def proc(self) -> Proc:
        return self.procs[-1]

    @property
    def out(self) -> Path:
        return self.root / "out"

    def entries(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir())


def _copy_generated(dest: Path) -> Path:
    shutil.copytree(GENERATED, dest, ignore=shutil.ignore_patterns(
        "__pycache__", ".mypy_cache", ".pytest_cache", ".benchmarks"))
    return dest


def _check_edited(o: Outcome) -> None:
    readme = _copy_generated(o.out) / "README.md"
    readme.write_text(readme.read_text("utf-8") + "A hand edit.\n", encoding="utf-8")
    o.before = snapshot(o.out)
    o.procs.append(sdkwright("generate", SPEC, "--out", o.out, *REPO_NAMES, "--check"))
    o.after = snapshot(o.out)


def _own(out: Path, rel: str) -> None:
    """List `rel` in the manifest, as if an earlier generation had written it."""
    manifest = out / MANIFEST
    body = json.loads(manifest.read_text("utf-8"))
    body["files"][rel] = "sha256:" + hashlib.sha256((out / rel).read_bytes()).hexdigest()
    manifest.write_text(json.dumps(body, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _check_stale_and_missing(o: Outcome) -> None:
    _copy_generated(o.out)
    (o.out / REPO_PACKAGE / "stale_module.py").write_text("x = 1\n", encoding="utf-8")
    _own(o.out, f"{REPO_PACKAGE}/stale_module.py")
    (o.out / "api.md").unlink()
    (o.out / "notes.md").write_text("the user's, not compared\n", encoding="utf-8")
    o.before = snapshot(o.out)
    o.procs.append(sdkwright("generate", SPEC, "--out", o.out, *REPO_NAMES, "--check"))
    o.after = snapshot(o.out)


def _invalid(row: Expected, o: Outcome) -> None:
    o.entries_before = o.entries()
    o.procs.append(sdkwright("validate", row.arg))
    o.procs.append(sdkwright("generate", row.arg, "--out", o.root / "x"))


def _invalid_over_previous_output(o: Outcome) -> None:
    _copy_generated(o.out)
    o.before = snapshot(o.out)
    o.procs.append(sdkwright("generate", INVALID / "bad_type.yaml", "--out", o.out, *REPO_NAMES))
    o.after = snapshot(o.out)


def _missing_spec(o: Outcome) -> None:
    o.procs.append(sdkwright("generate", o.root / "nope.yaml", "--out", o.root / "x"))


def _pyproject_clients(o: Outcome) -> None:
    project = o.root / "project"
    (project / "specs").mkdir(parents=True)
    shutil.copy(SPEC, project / "specs" / "livestream.yaml")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "consumer"\nversion = "0"\n\n'
        "[[tool.sdkwright.clients]]\n"
        'spec = "specs/livestream.yaml"\n'
        'out = "clients/realtime"\n'
        f'package = "{REPO_CLIENT["package"]}"\n'
        f'client = "{REPO_CLIENT["client"]}"\n'
        f'env_prefix = "{REPO_CLIENT["env_prefix"]}"\n',
        encoding="utf-8",
    )
    out = project / "clients" / "realtime"
    o.procs.append(sdkwright("generate", cwd=project))
    o.after = snapshot(out)
    if out.is_dir():
        (out / "README.md").write_text("changed\n", encoding="utf-8")
    o.procs.append(sdkwright("generate", "--check", cwd=project))


def _in_empty_cwd(args: tuple[str, ...], o: Outcome) -> None:
    o.procs.append(sdkwright(*args, cwd=o.root))


def _refuse_foreign_folder(o: Outcome) -> None:
    (o.out / "src").mkdir(parents=True)
    (o.out / "notes.txt").write_text("keep me\n", encoding="utf-8")
    (o.out / "src" / "main.py").write_text("print('mine')\n", encoding="utf-8")
    (o.out / "pyproject.toml").write_text('[project]\nname = "mine"\n', encoding="utf-8")
    o.before = snapshot(o.out)
    o.procs.append(sdkwright("generate", SPEC, "--out", o.out, *REPO_NAMES))
    o.after = snapshot(o.out)


def _regenerate_over_stale(o: Outcome) -> None:
    _copy_generated(o.out)
    (o.out / REPO_PACKAGE / "stale_module.py").write_text("x = 1\n", encoding="utf-8")
    _own(o.out, f"{REPO_PACKAGE}/stale_module.py")
    (o.out / "notes.md").write_text("keep me\n", encoding="utf-8")
    (o.out / "README.md").write_text("edited\n", encoding="utf-8")
    o.before = snapshot(o.out)
    o.procs.append(sdkwright("generate", SPEC, "--out", o.out, *REPO_NAMES))
    o.procs.append(sdkwright("generate", SPEC, "--out", o.out, *REPO_NAMES, "--force"))
    o.after = snapshot(o.out)


def _titled(names: tuple[str, ...], o: Outcome) -> None:
    spec = o.root / "pets.yaml"
    spec.write_text(MINIMAL_SPEC.format(title="My Pet Store API"), encoding="utf-8")
    o.procs.append(sdkwright("generate", spec, "--out", o.out, *names))


def _bad_name(option: str, value: str, o: Outcome) -> None:
    o.procs.append(sdkwright("generate", SPEC, "--out", o.out, option, value))
    o.after = snapshot(o.out)


def _out_is_a_file(o: Outcome) -> None:
    o.root.joinpath("out").write_text("a file\n", encoding="utf-8")
    o.procs.append(sdkwright("generate", SPEC, "--out", o.out, *REPO_NAMES))


def _templates(o: Outcome, edit: Callable[[Path], None]) -> None:
    templates = o.root / "templates"
    shutil.copytree(REPO / "templates", templates)
    edit(templates / "project" / "README.md.jinja")
    o.procs.append(sdkwright("generate", SPEC, "--out", o.out, *REPO_NAMES,
                             "--templates", templates))
    o.after = snapshot(o.out)


def _add_custom_line(readme: Path) -> None:
    readme.write_text(readme.read_text("utf-8") + "\nCustom template line.\n",
                      encoding="utf-8")


def _break_template(readme: Path) -> None:
    readme.write_text(readme.read_text("utf-8") + "\n{{ api.no_such_attribute }}\n",
                      encoding="utf-8")


BAD_COMMAND_LINES = {
    "unknown-generate-option": ("generate", str(SPEC), "--out", "x", "--no-such-option"),
    "unknown-global-option": ("--no-such-option",),
    "unknown-command": ("frobnicate",),
}
BAD_NAMES = {
    "package-not-identifier": ("--package-name", "not-an-identifier"),
    "env-prefix-lower": ("--env-prefix", "lower_case"),
    "package-keyword": ("--package-name", "class"),
    "client-None": ("--client-name", "None"),
}


def _scenarios() -> dict[str, Callable[[Outcome], None]]:
    jobs: dict[str, Callable[[Outcome], None]] = {
        "check-edited": _check_edited,
        "check-stale-missing": _check_stale_and_missing,
        "invalid-over-previous": _invalid_over_previous_output,
        "missing-spec": _missing_spec,
        "pyproject-clients": _pyproject_clients,
        "no-pyproject": partial(_in_empty_cwd, ("generate",)),
        "no-out": partial(_in_empty_cwd, ("generate", str(SPEC))),
        "no-templates": partial(_in_empty_cwd, ("generate", str(SPEC), "--out", "x",
                                                "--templates", "no-templates")),
        "refuse-foreign": _refuse_foreign_folder,
        "regenerate-over-stale": _regenerate_over_stale,
        "default-names": partial(_titled, ()),
        "explicit-names": partial(_titled, ("--package-name", "petz", "--client-name", "Petz",
                                            "--env-prefix", "PETZ")),
        "version": partial(_in_empty_cwd, ("--version",)),
        "validate-ok": partial(_in_empty_cwd, ("validate", str(SPEC))),
        "validate-directory": partial(_in_empty_cwd, ("validate", ".")),
        "out-is-a-file": _out_is_a_file,
        "custom-templates": partial(_templates, edit=_add_custom_line),
        "broken-templates": partial(_templates, edit=_break_template),
    }
    for row in EXPECTED:
        jobs[f"invalid:{row.file}"] = partial(_invalid, row)
    for key, argv in BAD_COMMAND_LINES.items():
        jobs[f"argv:{key}"] = partial(_in_empty_cwd, argv)
    for key, (option, value) in BAD_NAMES.items():
        jobs[f"name:{key}"] = partial(_bad_name, option, value)
    return jobs


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Batch[Outcome]:
    def job(outcome: Outcome, scenario: Callable[[Outcome], None]) -> Outcome:
        scenario(outcome)
        return outcome

    # Folders are made here, not in the worker threads: pytest's temp factory is not
    # thread-safe when it first creates its base folder.
    scenarios = _scenarios()
    folders = {name: tmp_path_factory.mktemp(re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-"))
               for name in scenarios}
    return Batch({name: partial(job, Outcome(folders[name]), s)
                  for name, s in scenarios.items()})


def _no_traceback(proc: Proc) -> None:
    assert "Traceback" not in proc.stdout + proc.stderr, describe(proc)


# -- --check ----------------------------------------------------------------------------------


def test_check_reports_an_edited_file_as_a_unified_diff(outcomes: Batch[Outcome]) -> None:
    o = outcomes["check-edited"]
    proc = o.proc
    assert proc.returncode == EXIT_DIFF, describe(proc)
    lines = proc.stdout.splitlines()
    assert "--- a/README.md" in lines, describe(proc)
    assert "+++ b/README.md" in lines, describe(proc)
    assert any(line.startswith("@@ -") for line in lines), describe(proc)
    assert "-A hand edit." in lines, describe(proc)
    # Only the edited file is named.
    assert {line[6:] for line in lines if line.startswith("--- a/")} == {"README.md"}
    _no_traceback(proc)
    assert tree_difference(o.after, o.before) == "", "--check changed files on disk"


def test_check_reports_stale_and_missing_files(outcomes: Batch[Outcome]) -> None:
    o = outcomes["check-stale-missing"]
    proc = o.proc
    assert proc.returncode == EXIT_DIFF, describe(proc)
    lines = proc.stdout.splitlines()
    assert f"--- a/{REPO_PACKAGE}/stale_module.py" in lines, describe(proc)
    assert "+++ b/api.md" in lines, describe(proc)
    # A file the manifest does not list is the user's, not a difference.
    assert "notes.md" not in proc.stdout, describe(proc)
    assert tree_difference(o.after, o.before) == "", "--check changed files on disk"


# -- validate and broken specs ----------------------------------------------------------------


def test_validate_accepts_the_livestream_spec(outcomes: Batch[Outcome]) -> None:
    proc = outcomes["validate-ok"].proc
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stderr.strip() == "", describe(proc)


def test_validate_a_directory_is_bad_input(outcomes: Batch[Outcome]) -> None:
    proc = outcomes["validate-directory"].proc
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    _no_traceback(proc)
    assert proc.stderr.startswith(".:1: "), describe(proc)


@pytest.mark.parametrize("row", ROWS)
def test_invalid_spec_is_refused_cleanly(row: Expected, outcomes: Batch[Outcome]) -> None:
    o = outcomes[f"invalid:{row.file}"]
    for proc in o.procs:
        assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
        _no_traceback(proc)
        # Every stderr line is a `FILE:LINE: message` about the spec as it was passed.
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert lines, describe(proc)
        for line in lines:
            assert re.match(rf"{re.escape(row.arg)}:\d+: \S", line), describe(proc)
    # No output folder, and no staging folder beside it.
    assert not (o.root / "x").exists()
    assert o.entries() == o.entries_before


@pytest.mark.parametrize("row", ROWS)
def test_invalid_spec_error_names_line_and_phrase(row: Expected,
                                                  outcomes: Batch[Outcome]) -> None:
    prefix = f"{row.arg}:{row.line}:"
    for proc in outcomes[f"invalid:{row.file}"].procs:
        assert any(line.startswith(prefix) and row.substring.lower() in line.lower()
                   for line in proc.stderr.splitlines()), (
            f"no stderr line starts with {prefix} and contains {row.substring!r}"
            + describe(proc))


def test_invalid_spec_leaves_previous_output_untouched(outcomes: Batch[Outcome]) -> None:
    o = outcomes["invalid-over-previous"]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    _no_traceback(o.proc)
    assert o.before, "the previous output was not set up"
    assert tree_difference(o.after, o.before) == ""
    assert o.entries() == ["out"]


def test_missing_spec_file_is_bad_input(outcomes: Batch[Outcome]) -> None:
    o = outcomes["missing-spec"]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    _no_traceback(o.proc)
    assert o.proc.stderr.startswith(f"{o.root / 'nope.yaml'}:1:"), describe(o.proc)
    assert not (o.root / "x").exists()


# -- generate without SPEC (pyproject clients) ------------------------------------------------


def test_generate_without_spec_uses_pyproject_clients(outcomes: Batch[Outcome]) -> None:
    o = outcomes["pyproject-clients"]
    generate, check = o.procs
    assert generate.returncode == EXIT_OK, describe(generate)
    assert tree_difference(o.after, snapshot(GENERATED)) == ""
    # --check without SPEC compares every configured client too.
    assert check.returncode == EXIT_DIFF, describe(check)
    assert "--- a/README.md" in check.stdout.splitlines(), describe(check)


def test_generate_without_spec_and_without_pyproject_is_usage_error(
        outcomes: Batch[Outcome]) -> None:
    o = outcomes["no-pyproject"]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    _no_traceback(o.proc)
    assert "pyproject.toml" in o.proc.stderr, describe(o.proc)
    assert o.entries() == []


# -- usage errors -----------------------------------------------------------------------------


def test_generate_spec_without_out_is_usage_error(outcomes: Batch[Outcome]) -> None:
    o = outcomes["no-out"]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    assert "--out" in o.proc.stderr, describe(o.proc)
    _no_traceback(o.proc)
    assert o.entries() == []


@pytest.mark.parametrize("key", sorted(BAD_COMMAND_LINES))
def test_bad_command_lines_exit_2(key: str, outcomes: Batch[Outcome]) -> None:
    o = outcomes[f"argv:{key}"]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    assert "usage:" in o.proc.stderr.lower(), describe(o.proc)
    _no_traceback(o.proc)
    assert o.entries() == []


def test_missing_templates_folder_is_usage_error(outcomes: Batch[Outcome]) -> None:
    o = outcomes["no-templates"]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    assert "no-templates" in o.proc.stderr, describe(o.proc)
    _no_traceback(o.proc)
    assert o.entries() == []


def test_refuses_to_overwrite_a_folder_not_made_by_sdkwright(outcomes: Batch[Outcome]) -> None:
    o = outcomes["refuse-foreign"]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    _no_traceback(o.proc)
    assert str(o.out) in o.proc.stderr, describe(o.proc)
    assert tree_difference(o.after, o.before) == ""
    assert o.entries() == ["out"]


def test_regeneration_restores_an_earlier_generation_and_keeps_user_files(
        outcomes: Batch[Outcome]) -> None:
    o = outcomes["regenerate-over-stale"]
    refused, forced = o.procs
    # The edited README stops the first run before it writes anything.
    assert refused.returncode == EXIT_BAD_INPUT, describe(refused)
    assert f"{o.out}/README.md:1: edited since sdkwright generated it" in refused.stderr
    _no_traceback(refused)
    assert forced.returncode == EXIT_OK, describe(forced)
    # The stale module is gone, the edit is undone, the user's notes stay; nothing is left
    # beside the folder.
    assert tree_difference(o.after, {**snapshot(GENERATED), "notes.md": b"keep me\n"}) == ""
    assert o.entries() == ["out"]


def test_out_that_is_a_file_is_usage_error(outcomes: Batch[Outcome]) -> None:
    o = outcomes["out-is-a-file"]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    _no_traceback(o.proc)
    assert o.out.read_text("utf-8") == "a file\n"
    assert o.entries() == ["out"]


def test_custom_templates_folder_is_used(outcomes: Batch[Outcome]) -> None:
    o = outcomes["custom-templates"]
    assert o.proc.returncode == EXIT_OK, describe(o.proc)
    committed = snapshot(GENERATED)
    assert o.after["README.md"].decode().endswith("\nCustom template line.\n")
    # The README differs, and so does the manifest that lists its digest.
    differ = {"README.md", MANIFEST}
    assert tree_difference({k: v for k, v in o.after.items() if k not in differ},
                           {k: v for k, v in committed.items() if k not in differ}) == ""


def test_broken_custom_template_is_bad_input_without_output(outcomes: Batch[Outcome]) -> None:
    o = outcomes["broken-templates"]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    _no_traceback(o.proc)
    assert o.proc.stderr.strip(), describe(o.proc)
    assert o.entries() == ["templates"]


def test_broken_custom_template_error_names_the_template(outcomes: Batch[Outcome]) -> None:
    o = outcomes["broken-templates"]
    assert "README.md.jinja" in o.proc.stderr, describe(o.proc)
    assert "internal error" not in o.proc.stderr, describe(o.proc)


# -- names ------------------------------------------------------------------------------------


def test_names_default_to_the_spec_title(outcomes: Batch[Outcome]) -> None:
    o = outcomes["default-names"]
    assert o.proc.returncode == EXIT_OK, describe(o.proc)
    package = o.out / "my_pet_store_api"
    assert sorted(p.parent.name for p in o.out.glob("*/py.typed")) == ["my_pet_store_api"]
    assert (package / "__init__.py").is_file()
    client = (package / "_client.py").read_text("utf-8")
    assert re.search(r"^class MyPetStoreApi\(", client, re.MULTILINE), client[:3000]
    assert re.search(r"^class AsyncMyPetStoreApi\(", client, re.MULTILINE)
    assert '"MY_PET_STORE_API_API_TOKEN"' in client
    assert '"MY_PET_STORE_API_BASE_URL"' in client
    project = tomllib.loads((o.out / "pyproject.toml").read_text("utf-8"))
    assert project["tool"]["setuptools"]["package-data"] == {"my_pet_store_api": ["py.typed"]}
    for expected in ("pyproject.toml", "README.md", "api.md", "docs/pets/list_pets.md",
                     "tests/conftest.py", "tests/test_pets.py"):
        assert (o.out / expected).is_file(), expected


def test_explicit_names_override_the_title(outcomes: Batch[Outcome]) -> None:
    o = outcomes["explicit-names"]
    assert o.proc.returncode == EXIT_OK, describe(o.proc)
    assert sorted(p.parent.name for p in o.out.glob("*/py.typed")) == ["petz"]
    client = (o.out / "petz" / "_client.py").read_text("utf-8")
    assert re.search(r"^class Petz\(", client, re.MULTILINE)
    assert '"PETZ_API_TOKEN"' in client
    assert "MY_PET_STORE" not in client


@pytest.mark.parametrize("key", sorted(BAD_NAMES))
def test_invalid_names_are_bad_input(key: str, outcomes: Batch[Outcome]) -> None:
    o = outcomes[f"name:{key}"]
    value = BAD_NAMES[key][1]
    assert o.proc.returncode == EXIT_BAD_INPUT, describe(o.proc)
    _no_traceback(o.proc)
    assert o.after == {}, "an output folder was written"
    # A clear message naming the value, not a generator crash.
    assert "internal error" not in o.proc.stderr, describe(o.proc)
    assert value in o.proc.stderr, describe(o.proc)


# -- version and the installed console script -------------------------------------------------


def _project_version() -> str:
    data = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    return str(data["project"]["version"])


def test_version(outcomes: Batch[Outcome]) -> None:
    proc = outcomes["version"].proc
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stdout.strip() == f"sdkwright {_project_version()}", describe(proc)


def _console_script() -> str:
    path = shutil.which("sdkwright")
    if path is None:
        pytest.skip("the `sdkwright` console script is not on PATH (the project is not "
                    "installed in this environment; test_install.py covers a fresh venv)")
    return path


def test_console_script_version_and_validate() -> None:
    script = _console_script()
    proc = run([script, "--version"], cwd=REPO)
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stdout.strip() == f"sdkwright {_project_version()}"
    proc = run([script, "validate", "spec/livestream.yaml"], cwd=REPO)
    assert proc.returncode == EXIT_OK, describe(proc)
    bad = (INVALID / "bad.json").relative_to(REPO).as_posix()
    proc = run([script, "validate", bad], cwd=REPO)
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    assert proc.stderr.startswith(f"{bad}:3:"), describe(proc)


def test_console_script_check_in_repo() -> None:
    proc = run([_console_script(), "generate", "--check"], cwd=REPO)
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stdout == ""
