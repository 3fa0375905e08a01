"""Build-time generation for real: a sample project whose wheel is generated from its spec, built
by `python -m build` (an sdist, then the wheel from that sdist) with the hatchling plugin and with
the setuptools command, installed into a fresh venv and called against a local HTTP server.

Builds run with --no-isolation in this interpreter, which has hatchling, setuptools, build and
this checkout's sdkwright (the test extra), and the venvs borrow httpx and pydantic from it:
nothing is downloaded. The spec is the multi-file fixture, so the sdist must carry the files it
references. Every build runs once, side by side: about 10-15 s in all.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from cli_support import FIXTURES, Batch, Proc, describe, env, lend_dependencies, ok, run
from conftest import RecordingServer

BACKENDS = ("hatchling", "setuptools")
PACKAGE = "petstore"  # the generated client's import name, from the build settings
SPEC_FILES = ["spec/api.yaml", "spec/parameters.yaml", "spec/schemas/owner.yaml",
              "spec/schemas/pet.yaml"]

SETTINGS = f"""\
spec = "spec/api.yaml"
package = "{PACKAGE}"
client = "Pets"
env_prefix = "PETS"
"""

PROJECT = """\
[project]
name = "pets-app"
version = "1.0"
dependencies = ["httpx>=0.23,<1", "pydantic>=2.7,<3"]
"""

PYPROJECT = {
    "hatchling": f"""\
[build-system]
requires = ["hatchling", "sdkwright"]
build-backend = "hatchling.build"

{PROJECT}
[tool.hatch.build.targets.wheel]
packages = ["pets_app"]

[tool.hatch.build.hooks.sdkwright]
{SETTINGS}""",
    "setuptools": f"""\
[build-system]
requires = ["setuptools>=64", "sdkwright"]
build-backend = "setuptools.build_meta"

{PROJECT}
[tool.setuptools]
packages = ["pets_app"]

[tool.setuptools.cmdclass]
build_py = "sdkwright.setuptools_build.BuildPy"

[tool.sdkwright.build]
{SETTINGS}""",
}

# The sample project's own module: it uses the client that only exists once built.
APP = f'''\
"""A project whose API client is generated when its wheel is built."""

from {PACKAGE} import Pets


def pet_name(base_url: str, pet_id: str) -> str:
    with Pets(base_url=base_url) as client:
        return client.pets.get_pet(pet_id).name
'''

# Run in the installed project's venv: call the API, and say where things were imported from.
CALL = """
import importlib.util, json, sys
import pets_app, petstore
print(json.dumps({"name": pets_app.pet_name(sys.argv[1], "rex"),
                  "client": petstore.__file__,
                  "sdkwright": importlib.util.find_spec("sdkwright") is not None}))
"""

# Builds an editable wheel as pip does (PEP 660, through build's frontend API); argv: project,
# output folder, then config settings as KEY=VALUE. A failed build exits 1 with the backend's
# output alone.
EDITABLE = """
import sys, build
settings = dict(arg.split("=", 1) for arg in sys.argv[3:])
try:
    print(build.ProjectBuilder(sys.argv[1]).build("editable", sys.argv[2], settings))
except build.BuildBackendException:
    sys.exit(1)
"""


def sample_project(root: Path, backend: str) -> Path:
    shutil.copytree(FIXTURES / "multifile", root / "spec")
    (root / "pyproject.toml").write_text(PYPROJECT[backend], "utf-8")
    (root / "pets_app").mkdir()
    (root / "pets_app" / "__init__.py").write_text(APP, "utf-8")
    return root


def fresh_venv(folder: Path) -> Path:
    """A venv without pip (this interpreter's pip installs into it) that borrows httpx and
    pydantic from this interpreter; its python."""
    ok(run([sys.executable, "-m", "venv", "--without-pip", folder], cwd=folder.parent,
           environ=env()))
    python = folder / "bin" / "python"
    lend_dependencies(python, folder.parent, env())
    return python


def install(python: Path, wheel: Path) -> None:
    ok(run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
            "--no-index", wheel], cwd=wheel.parent, environ=env()))


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path
    python: Path  # a fresh venv's, with the wheel installed


def build_and_install(root: Path, backend: str) -> Built:
    project = sample_project(root / "project", backend)
    dist = root / "dist"
    ok(run([sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, project],
           cwd=root, environ=env()))
    (sdist,), (wheel,) = dist.glob("*.tar.gz"), dist.glob("*.whl")
    python = fresh_venv(root / "venv")
    install(python, wheel)
    return Built(sdist, wheel, python)


def build_editable(root: Path, backend: str, *settings: str) -> tuple[Proc, Path]:
    """An editable wheel of the sample project, and a fresh venv that has it installed."""
    project = sample_project(root / "project", backend)
    dist = root / "dist"
    proc = run([sys.executable, "-c", EDITABLE, project, dist, *settings], cwd=root,
               environ=env())
    python = fresh_venv(root / "venv")
    if proc.returncode == 0:
        install(python, dist / proc.stdout.strip().splitlines()[-1])
    return proc, python


def broken_build(root: Path, backend: str, fault: str) -> Proc:
    """A wheel build of the sample project with a fault in a file the spec references, or in
    the build settings."""
    project = sample_project(root / "project", backend)
    if fault == "spec":
        edited, old, new = project / "spec" / "parameters.yaml", "required: true", \
            "required: false"
    else:
        edited, old, new = project / "pyproject.toml", "env_prefix", 'out = "client"\nenv_prefix'
    edited.write_text(edited.read_text("utf-8").replace(old, new), "utf-8")
    return run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir",
                root / "dist", project], cwd=root, environ=env())


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Batch[Built]:
    return Batch({backend: partial(build_and_install, tmp_path_factory.mktemp(backend), backend)
                  for backend in BACKENDS})


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Batch[Proc]:
    return Batch({f"{fault}-{backend}": partial(broken_build, tmp_path_factory.mktemp(
        f"{fault}-{backend}"), backend, fault) for backend in BACKENDS
        for fault in ("spec", "settings")})


# name -> backend and config settings
EDITABLE_BUILDS = {
    "hatchling": ("hatchling",),
    "setuptools-strict": ("setuptools", "editable_mode=strict"),
    "setuptools-default": ("setuptools",),
}


@pytest.fixture(scope="module")
def editables(tmp_path_factory: pytest.TempPathFactory) -> Batch[tuple[Proc, Path]]:
    return Batch({name: partial(build_editable, tmp_path_factory.mktemp(f"editable-{name}"),
                                *how) for name, how in EDITABLE_BUILDS.items()})


def call(python: Path, server: RecordingServer) -> dict[str, object]:
    """The installed sample project's call of the API, answered by `server`."""
    server.enqueue(200, body={"id": "rex", "name": "Rex"})
    proc = ok(run([python, "-c", CALL, server.url], cwd=python.parent, environ=env()))
    assert server.last.method == "GET" and server.last.path == "/pets/rex"
    result: dict[str, object] = json.loads(proc.stdout)
    return result


@pytest.mark.parametrize("backend", BACKENDS)
def test_wheel_built_from_the_spec_calls_the_api(backend: str, builds: Batch[Built],
                                                 server: RecordingServer,
                                                 clean_env: None) -> None:
    built = builds[backend]
    result = call(built.python, server)
    assert result["name"] == "Rex"
    # The client is the wheel's, and needs nothing of sdkwright at run time.
    assert Path(str(result["client"])).is_relative_to(built.python.parents[1])
    assert result["sdkwright"] is False


@pytest.mark.parametrize("backend", BACKENDS)
def test_wheel_holds_the_client_package_alone(backend: str, builds: Batch[Built]) -> None:
    names = zipfile.ZipFile(builds[backend].wheel).namelist()
    client = sorted(n for n in names if n.startswith(f"{PACKAGE}/"))
    assert f"{PACKAGE}/__init__.py" in client and f"{PACKAGE}/py.typed" in client
    assert f"{PACKAGE}/resources/pets/__init__.py" in client
    assert "pets_app/__init__.py" in names
    # The generated project around the package (its tests, docs, README) stays out.
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {PACKAGE, "pets_app"}, names


@pytest.mark.parametrize("backend", BACKENDS)
def test_sdist_carries_the_spec_and_no_generated_code(backend: str,
                                                      builds: Batch[Built]) -> None:
    with tarfile.open(builds[backend].sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert set(SPEC_FILES) <= names, sorted(names)
    assert not [n for n in names if n.startswith(f"{PACKAGE}/")], sorted(names)


@pytest.mark.parametrize("backend", BACKENDS)
def test_spec_error_fails_the_build_with_file_and_line(backend: str,
                                                       broken: Batch[Proc]) -> None:
    proc = broken[f"spec-{backend}"]
    assert proc.returncode != 0, describe(proc)
    output = proc.stdout + proc.stderr
    line = r"^\S*spec/parameters\.yaml:\d+: path parameter 'pet_id' must have required: true$"
    assert re.search(line, output, re.MULTILINE), describe(proc)
    assert "Traceback" not in output, describe(proc)


@pytest.mark.parametrize("backend", BACKENDS)
def test_settings_error_fails_the_build_with_one_line(backend: str,
                                                      broken: Batch[Proc]) -> None:
    proc = broken[f"settings-{backend}"]
    assert proc.returncode != 0, describe(proc)
    output = proc.stdout + proc.stderr
    table = r"tool\.hatch\.build\.hooks\.sdkwright" if backend == "hatchling" else \
        r"tool\.sdkwright\.build"
    line = rf"^sdkwright: \S*pyproject\.toml: \[{table}\]: 'out' does not apply"
    assert re.search(line, output, re.MULTILINE), describe(proc)
    assert "Traceback" not in output, describe(proc)


@pytest.mark.parametrize("name", ["hatchling", "setuptools-strict"])
def test_editable_install_has_the_client(name: str, editables: Batch[tuple[Proc, Path]],
                                         server: RecordingServer, clean_env: None) -> None:
    proc, python = editables[name]
    ok(proc)
    assert call(python, server)["name"] == "Rex"


def test_default_editable_setuptools_install_is_refused_with_the_way_out(
        editables: Batch[tuple[Proc, Path]]) -> None:
    proc, _ = editables["setuptools-default"]
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, describe(proc)
    assert "--config-settings editable_mode=strict" in output, describe(proc)
    assert "Traceback" not in output, describe(proc)
