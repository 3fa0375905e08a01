"""Installing sdkwright (non-editable) into a fresh venv gives a working CLI whose output is
byte-for-byte the committed generated/: the templates must come from the wheel.

The slowest test in the suite (a venv, a wheel build, two generations): about 15-40 s.
The project is built from a copy of the work tree, so that setuptools' build/ and *.egg-info
folders never land in the checkout, and the copy is deleted before the CLI runs.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tomllib
from functools import partial
from pathlib import Path

import pytest
from cli_support import (
    GENERATED,
    REPO,
    REPO_NAMES,
    SPEC,
    Batch,
    Proc,
    describe,
    env,
    lend_dependencies,
    ok,
    run,
    snapshot,
    tree_difference,
)

# Not part of the project: VCS data, caches, tool folders and build leftovers.
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".tools", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".benchmarks", "generated",
)

# Prints the build-system requirements (argv[1], JSON) that this interpreter lacks.
MISSING_REQUIREMENTS = """
import importlib.metadata as md, json, re, sys
missing = []
for req in json.loads(sys.argv[1]):
    m = re.match(r"\\s*([A-Za-z0-9._-]+)\\s*(?:>=\\s*([0-9.]+))?", req)
    try:
        have = md.version(m.group(1))
    except md.PackageNotFoundError:
        missing.append(req)
        continue
    if m.group(2):
        as_tuple = lambda v: tuple(int(x) for x in re.findall(r"\\d+", v)[:3])
        if as_tuple(have) < as_tuple(m.group(2)):
            missing.append(req)
print(json.dumps(missing))
"""

WHERE = """
import json, sdkwright, sdkwright.assets as assets
print(json.dumps({"module": sdkwright.__file__, "templates": str(assets.default_templates())}))
"""


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("install")
    source = root / "src"
    shutil.copytree(REPO, source, ignore=COPY_IGNORE)
    venv = root / "venv"
    ok(run([sys.executable, "-m", "venv", venv], cwd=root, environ=env()))
    py, pip = venv / "bin" / "python", venv / "bin" / "pip"
    clean = env(PIP_DISABLE_PIP_VERSION_CHECK="1")
    lend_dependencies(py, root, clean)

    # --no-build-isolation builds with what the venv has: it must meet [build-system].
    requires = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["build-system"][
        "requires"]
    missing = json.loads(ok(run([py, "-c", MISSING_REQUIREMENTS, json.dumps(requires)],
                                cwd=root, environ=clean)).stdout)
    if missing:
        got = run([pip, "install", "--quiet", *missing], cwd=root, environ=clean)
        if got.returncode != 0:
            pytest.skip(f"build requirements {missing} are not installed and could not be "
                        f"installed into the test venv (offline?){describe(got)}")

    ok(run([pip, "install", "--no-deps", "--no-build-isolation", source], cwd=root,
           environ=clean))
    shutil.rmtree(source)  # whatever the CLI needs must now come from the installed wheel
    return venv


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working folder for the installed CLI: neither the repo nor the venv."""
    return tmp_path_factory.mktemp("elsewhere")


@pytest.fixture(scope="module")
def runs(venv: Path, elsewhere: Path) -> Batch[Proc]:
    clean = env()
    bin_dir = venv / "bin"
    return Batch({
        "script": partial(run, [bin_dir / "sdkwright", "generate", SPEC, "--out",
                                elsewhere / "out-script", *REPO_NAMES], cwd=elsewhere,
                          environ=clean),
        "module": partial(run, [bin_dir / "python", "-m", "sdkwright", "generate", SPEC,
                                "--out", elsewhere / "out-module", *REPO_NAMES], cwd=elsewhere,
                          environ=clean),
        "version": partial(run, [bin_dir / "sdkwright", "--version"], cwd=elsewhere,
                           environ=clean),
        "where": partial(run, [bin_dir / "python", "-c", WHERE], cwd=elsewhere, environ=clean),
    })


def test_install_into_fresh_venv_runs_from_the_wheel(venv: Path, runs: Batch[Proc]) -> None:
    where = json.loads(ok(runs["where"]).stdout)
    site = venv.resolve()
    assert Path(where["module"]).resolve().is_relative_to(site), where
    templates = Path(where["templates"]).resolve()
    assert templates.is_relative_to(site), where
    shipped = sorted(p.relative_to(templates).as_posix() for p in templates.rglob("*.jinja"))
    source = sorted(p.relative_to(REPO / "templates").as_posix()
                    for p in (REPO / "templates").rglob("*.jinja"))
    assert shipped == source
    version = ok(runs["version"]).stdout.strip()
    assert re.fullmatch(r"sdkwright \d+\.\d+\.\d+\S*", version), version


@pytest.mark.parametrize("how", ["script", "module"])
def test_install_into_fresh_venv_generates_committed_output(how: str, runs: Batch[Proc],
                                                            elsewhere: Path) -> None:
    ok(runs[how])
    out = elsewhere / f"out-{how}"
    assert tree_difference(snapshot(out), snapshot(GENERATED)) == ""
