"""Each committed golden project (generated/, generated-darkroom/) is formatted, strictly
typed, lint-clean, tested, importable and lean, and its response models read each example
answer the same from JSON text and from Python data.

The slow tools (black, mypy, ruff, the generated tests) run once each per golden, side by side,
in the module-scoped `tools` fixture, with nothing written into the golden (caches go to tmp).
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
    GOLDENS,
    Batch,
    Golden,
    Proc,
    black_check,
    describe,
    examples_black_would_change,
    generated_tests,
    import_all,
    json_and_python,
    module_names,
    mypy_strict,
    parsed_both_ways,
    python,
    python_files,
    ruff_lint,
    snapshot,
    tree_difference,
)
from sdkwright.docs import TYPES_FOLDER

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


@pytest.fixture(scope="module", params=GOLDENS, ids=lambda g: g.name)
def golden(request: pytest.FixtureRequest) -> Golden:
    found: Golden = request.param
    return found


@pytest.fixture(scope="module")
def tools(golden: Golden, tmp_path_factory: pytest.TempPathFactory) -> Batch[Proc]:
    out, package = golden.out, golden.package
    before = snapshot(out)
    cache = tmp_path_factory.mktemp("mypy-cache")
    batch: Batch[Proc] = Batch({
        "black": partial(black_check, out),
        "mypy": partial(mypy_strict, out, cache, package, "tests"),
        "ruff": partial(ruff_lint, out),
        "pytest": partial(generated_tests, out),
        "import": partial(import_all, out, package),
        "new-modules": partial(python, "-c", NEW_MODULES, package,
                               ",".join(sorted(ALLOWED_THIRD_PARTY)), cwd=out),
        "json-and-python": partial(json_and_python, out, golden.spec, golden.package,
                                   golden.client, golden.env_prefix),
    })
    # The tools must not leave anything in the committed folder.
    assert tree_difference(snapshot(out), before) == ""
    return batch


def test_black_check_passes(tools: Batch[Proc]) -> None:
    proc = tools["black"]
    assert proc.returncode == 0, describe(proc)


def test_docs_examples_are_black_clean(golden: Golden) -> None:
    assert examples_black_would_change(golden.out) == []


def test_mypy_strict_passes_on_package_and_tests(tools: Batch[Proc]) -> None:
    proc = tools["mypy"]
    assert proc.returncode == 0, describe(proc)


def test_generated_tests_pass(tools: Batch[Proc]) -> None:
    proc = tools["pytest"]
    assert proc.returncode == 0, describe(proc)
    assert re.search(r"\b\d+ passed\b", proc.stdout), describe(proc)
    assert not re.search(r"\b\d+ (failed|error|errors|skipped)\b", proc.stdout), describe(proc)


def test_ruff_finds_no_fault_and_imports_in_order(tools: Batch[Proc]) -> None:
    proc = tools["ruff"]
    assert proc.returncode == 0, describe(proc)


def test_every_example_answer_parses_the_same_from_json_and_python(
        golden: Golden, tools: Batch[Proc]) -> None:
    found = parsed_both_ways(tools["json-and-python"])
    # As many answers as the generated tests serve (one `_<method>_answer` each), all valid.
    served = sum(len(re.findall(r"^_\w+_answer = cast\(", path.read_text("utf-8"), re.M))
                 for path in (golden.out / "tests").glob("test_*.py"))
    assert len(found) == served > 0
    assert [e for e in found if "ValidationError" in e["json"]] == []


def test_every_module_imports(golden: Golden, tools: Batch[Proc]) -> None:
    proc = tools["import"]
    assert proc.returncode == 0, describe(proc)
    imported = set(proc.stdout.split())
    assert imported == module_names(golden.out / golden.package)


def test_imports_no_third_party_module_beyond_httpx_and_pydantic(tools: Batch[Proc]) -> None:
    proc = tools["new-modules"]
    assert proc.returncode == 0, describe(proc)
    assert json.loads(proc.stdout) == []


def test_import_statements_name_only_allowed_packages(golden: Golden) -> None:
    # The static view of the same rule: it also sees imports under TYPE_CHECKING or inside
    # functions, which importing the package does not run.
    allowed = ALLOWED_THIRD_PARTY | set(sys.stdlib_module_names) | {"__future__"}
    offenders = []
    for path in python_files(golden.out / golden.package):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                tops = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            offenders += [f"{path.relative_to(golden.out)}:{node.lineno}: {top}"
                          for top in tops if top not in allowed]
    assert offenders == []


def test_pyproject_is_valid_toml_with_httpx_and_pydantic_only(golden: Golden) -> None:
    data = tomllib.loads((golden.out / "pyproject.toml").read_text("utf-8"))
    deps = data["project"]["dependencies"]
    names = []
    for requirement in deps:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        assert match, requirement
        names.append(re.sub(r"[-_.]+", "-", match.group(1)).lower())
    assert sorted(names) == ["httpx", "pydantic"]
    assert data["build-system"]["build-backend"] == "setuptools.build_meta"
    assert data["tool"]["setuptools"]["package-data"] == {golden.package: ["py.typed"]}


def test_project_layout(golden: Golden) -> None:
    out, package = golden.out, golden.package
    for rel in ("pyproject.toml", "README.md", "api.md", f"{package}/py.typed",
                f"{package}/__init__.py", "tests/conftest.py"):
        assert (out / rel).is_file(), rel
    docs = sorted(p.relative_to(out).as_posix() for p in (out / "docs").rglob("*.md"))
    assert docs, "no docs/<resource path>/<method>.md pages"
    # A method's page, or a large shared schema's page (named after its class).
    assert all(re.fullmatch(r"docs(/[a-z0-9_]+)+/[a-z0-9_]+\.md", d) or
               re.fullmatch(rf"docs/{TYPES_FOLDER}/[A-Za-z0-9_]+\.md", d) for d in docs), docs
    assert list((out / "tests").glob("test_*.py")), "no generated tests"


def test_every_python_file_compiles(golden: Golden) -> None:
    files = python_files(golden.out)
    assert files
    for path in files:
        compile(path.read_text("utf-8"), str(path), "exec", dont_inherit=True)


def test_markdown_code_fences_are_balanced(golden: Golden) -> None:
    pages: list[Path] = [golden.out / "README.md", golden.out / "api.md",
                         *sorted((golden.out / "docs").rglob("*.md"))]
    for page in pages:
        fences = [line for line in page.read_text("utf-8").splitlines()
                  if line.lstrip().startswith("```")]
        assert len(fences) % 2 == 0, f"{page}: {len(fences)} fence lines"
