"""The committed generated/ project is formatted, strictly typed, tested, importable and lean.

The slow tools (black, mypy, the generated tests) run once each, side by side, in the
module-scoped `tools` fixture, with nothing written into generated/ (caches go to tmp).
"""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from functools import partial
from pathlib import Path

import pytest
from cli_support import (
    GENERATED,
    REPO_PACKAGE,
    Batch,
    Proc,
    black_check,
    describe,
    generated_tests,
    import_all,
    module_names,
    mypy_strict,
    python,
    python_files,
    snapshot,
    tree_difference,
)

PACKAGE = GENERATED / REPO_PACKAGE
# What a generated package may import besides the standard library and itself.
ALLOWED_THIRD_PARTY = frozenset({"httpx", "pydantic", "pydantic_core", "typing_extensions"})

# Prints (as JSON) the third-party top-level modules that importing every module of a package
# brings into sys.modules, beyond what importing the allowed packages did and their declared
# dependencies (pydantic imports annotated_types lazily, when the first model is built).
NEW_MODULES = """
import importlib, importlib.metadata as md, json, pkgutil, re, sys, sysconfig
from pathlib import Path

def tops():
    return {m.split(".")[0] for m in list(sys.modules)}

allowed = sys.argv[2].split(",")
for name in allowed:
    importlib.import_module(name)
baseline = tops()
pkg = importlib.import_module(sys.argv[1])
for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
    importlib.import_module(info.name)
added = tops() - baseline - {sys.argv[1]}

stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
def third_party(name):
    file = getattr(sys.modules[name], "__file__", None)
    if name in sys.stdlib_module_names or file is None:
        return False
    path = Path(file).resolve()
    return not path.is_relative_to(stdlib) or "site-packages" in path.parts

def canon(name):
    return re.sub(r"[-_.]+", "-", name).lower()

dists = md.packages_distributions()
closure, todo = set(), [d for name in allowed for d in dists.get(name, [])]
while todo:
    dist = canon(todo.pop())
    if dist in closure:
        continue
    closure.add(dist)
    try:
        requires = md.requires(dist) or []
    except md.PackageNotFoundError:  # a requirement for another Python version
        continue
    todo += [re.match(r"[A-Za-z0-9._-]+", r).group(0) for r in requires if "extra ==" not in r]

print(json.dumps(sorted(
    name for name in added
    if third_party(name) and not {canon(d) for d in dists.get(name, [])} & closure)))
"""


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory) -> Batch[Proc]:
    before = snapshot(GENERATED)
    cache = tmp_path_factory.mktemp("mypy-cache")
    batch: Batch[Proc] = Batch({
        "black": partial(black_check, GENERATED),
        "mypy": partial(mypy_strict, GENERATED, cache, REPO_PACKAGE, "tests"),
        "pytest": partial(generated_tests, GENERATED),
        "import": partial(import_all, GENERATED, REPO_PACKAGE),
        "new-modules": partial(python, "-c", NEW_MODULES, REPO_PACKAGE,
                               ",".join(sorted(ALLOWED_THIRD_PARTY)), cwd=GENERATED),
    })
    # The tools must not leave anything in the committed folder.
    assert tree_difference(snapshot(GENERATED), before) == ""
    return batch


def test_black_check_passes(tools: Batch[Proc]) -> None:
    proc = tools["black"]
    assert proc.returncode == 0, describe(proc)


def test_mypy_strict_passes_on_package_and_tests(tools: Batch[Proc]) -> None:
    proc = tools["mypy"]
    assert proc.returncode == 0, describe(proc)


def test_generated_tests_pass(tools: Batch[Proc]) -> None:
    proc = tools["pytest"]
    assert proc.returncode == 0, describe(proc)
    assert re.search(r"\b\d+ passed\b", proc.stdout), describe(proc)
    assert not re.search(r"\b\d+ (failed|error|errors|skipped)\b", proc.stdout), describe(proc)


def test_every_module_imports(tools: Batch[Proc]) -> None:
    proc = tools["import"]
    assert proc.returncode == 0, describe(proc)
    imported = set(proc.stdout.split())
    assert imported == module_names(PACKAGE)


def test_imports_no_third_party_module_beyond_httpx_and_pydantic(tools: Batch[Proc]) -> None:
    proc = tools["new-modules"]
    assert proc.returncode == 0, describe(proc)
    assert json.loads(proc.stdout) == []


def test_import_statements_name_only_allowed_packages() -> None:
    # The static view of the same rule: it also sees imports under TYPE_CHECKING or inside
    # functions, which importing the package does not run.
    allowed = ALLOWED_THIRD_PARTY | set(sys.stdlib_module_names) | {"__future__"}
    offenders = []
    for path in python_files(PACKAGE):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                tops = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            offenders += [f"{path.relative_to(GENERATED)}:{node.lineno}: {top}"
                          for top in tops if top not in allowed]
    assert offenders == []


def test_pyproject_is_valid_toml_with_httpx_and_pydantic_only() -> None:
    data = tomllib.loads((GENERATED / "pyproject.toml").read_text("utf-8"))
    deps = data["project"]["dependencies"]
    names = []
    for requirement in deps:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        assert match, requirement
        names.append(re.sub(r"[-_.]+", "-", match.group(1)).lower())
    assert sorted(names) == ["httpx", "pydantic"]
    assert data["build-system"]["build-backend"] == "setuptools.build_meta"
    assert data["tool"]["setuptools"]["package-data"] == {REPO_PACKAGE: ["py.typed"]}


def test_project_layout() -> None:
    for rel in ("pyproject.toml", "README.md", "api.md", f"{REPO_PACKAGE}/py.typed",
                f"{REPO_PACKAGE}/__init__.py", "tests/conftest.py"):
        assert (GENERATED / rel).is_file(), rel
    docs = sorted(p.relative_to(GENERATED).as_posix() for p in (GENERATED / "docs").rglob("*.md"))
    assert docs, "no docs/<resource path>/<method>.md pages"
    assert all(re.fullmatch(r"docs(/[a-z0-9_]+)+/[a-z0-9_]+\.md", d) for d in docs), docs
    assert list((GENERATED / "tests").glob("test_*.py")), "no generated tests"


def test_every_python_file_compiles() -> None:
    files = python_files(GENERATED)
    assert files
    for path in files:
        compile(path.read_text("utf-8"), str(path), "exec", dont_inherit=True)


def test_markdown_code_fences_are_balanced() -> None:
    pages: list[Path] = [GENERATED / "README.md", GENERATED / "api.md",
                         *sorted((GENERATED / "docs").rglob("*.md"))]
    for page in pages:
        fences = [line for line in page.read_text("utf-8").splitlines()
                  if line.lstrip().startswith("```")]
        assert len(fences) % 2 == 0, f"{page}: {len(fences)} fence lines"
