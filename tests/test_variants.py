"""The same API written differently (OpenAPI 3.1 with $ref everywhere; JSON 3.0.3) generates a
formatted, strictly typed, working client with the same call paths.

Generation, then black, mypy, the generated tests and an introspection script, each run once
per variant, side by side, in module-scoped fixtures.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from cli_support import (
    VARIANTS,
    Batch,
    Proc,
    black_check,
    describe,
    generated_tests,
    mypy_strict,
    python,
    sdkwright,
    snapshot,
    tree_difference,
    without_inputs,
)

PACKAGE = "livestream_variant"
CLIENT = "Variant"
NAMES = ("--package-name", PACKAGE, "--client-name", CLIENT, "--env-prefix", "VARIANT")
VARIANT_FILES = {"openapi31-refs-yaml": "livestream_31_refs.yaml",
                 "openapi30-json": "livestream_json.json"}
RESOURCE = "realtime_kit_livestreams"
METHOD = "start_livestreaming_a_meeting"

# Imports the generated client and reports, as JSON, what the tests check.
INTROSPECT = """
import importlib, inspect, json, pkgutil, sys, typing
import typing_extensions

package, client_name, resource_name, method = sys.argv[1:5]
pkg = importlib.import_module(package)
client = getattr(pkg, client_name)(api_token="test-token", base_url="http://127.0.0.1:9")
aclient = getattr(pkg, "Async" + client_name)(api_token="test-token",
                                              base_url="http://127.0.0.1:9")
resource = getattr(client, resource_name, None)
aresource = getattr(aclient, resource_name, None)

def public_methods(obj):
    return sorted(n for n, _ in inspect.getmembers(type(obj), inspect.isfunction)
                  if not n.startswith("_")) if obj is not None else []

def unwrap(hint):
    # Required[...] / NotRequired[...] / Annotated[...] around the field's own type.
    while typing.get_origin(hint) in (typing_extensions.Required, typing_extensions.NotRequired,
                                      typing.Annotated):
        hint = typing.get_args(hint)[0]
    return hint

params = []
types_pkg = importlib.import_module(package + ".types")
for info in pkgutil.walk_packages(types_pkg.__path__, types_pkg.__name__ + "."):
    if not info.name.endswith(method + "_params"):
        continue
    module = importlib.import_module(info.name)
    for obj in vars(module).values():
        if typing_extensions.is_typeddict(obj) and obj.__module__ == module.__name__:
            hints = typing.get_type_hints(obj, include_extras=True)
            if "name" in hints:
                hint = unwrap(hints["name"])
                params.append({
                    "class": obj.__qualname__,
                    "name_hint": repr(hint),
                    "name_optional": type(None) in typing.get_args(hint),
                    "name_required": "name" in obj.__required_keys__,
                })
print(json.dumps({
    "has_resource": resource is not None,
    "has_method": hasattr(resource, method),
    "async_has_method": hasattr(aresource, method),
    "methods": public_methods(resource),
    "async_methods": public_methods(aresource),
    "params": params,
}))
client.close()
"""


@dataclass(frozen=True)
class Generated:
    out: Path
    proc: Proc

    def ok(self) -> Path:
        assert self.proc.returncode == 0, describe(self.proc)
        assert "Traceback" not in self.proc.stderr, describe(self.proc)
        return self.out


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Generated]:
    def job(key: str, out: Path) -> Generated:
        return Generated(out, sdkwright("generate", VARIANTS / VARIANT_FILES[key], "--out", out,
                                        *NAMES))

    # Folders are made here: pytest's temp factory is not thread-safe on first use.
    batch = Batch({key: partial(job, key, tmp_path_factory.mktemp(key) / "out")
                   for key in VARIANT_FILES})
    return {key: batch[key] for key in VARIANT_FILES}


@pytest.fixture(scope="module")
def tools(generated: dict[str, Generated],
          tmp_path_factory: pytest.TempPathFactory) -> Batch[Proc]:
    jobs = {}
    for key, gen in generated.items():
        if gen.proc.returncode != 0:
            continue
        cache = tmp_path_factory.mktemp(f"mypy-{key}")
        jobs[f"{key}:black"] = partial(black_check, gen.out)
        jobs[f"{key}:mypy"] = partial(mypy_strict, gen.out, cache, PACKAGE, "tests")
        jobs[f"{key}:pytest"] = partial(generated_tests, gen.out)
        jobs[f"{key}:introspect"] = partial(python, "-c", INTROSPECT, PACKAGE, CLIENT, RESOURCE,
                                            METHOD, cwd=gen.out)
    return Batch(jobs)


def _tool(tools: Batch[Proc], generated: dict[str, Generated], key: str, tool: str) -> Proc:
    generated[key].ok()
    return tools[f"{key}:{tool}"]


def _introspection(tools: Batch[Proc], generated: dict[str, Generated],
                   key: str) -> dict[str, Any]:
    proc = _tool(tools, generated, key, "introspect")
    assert proc.returncode == 0, describe(proc)
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


variant_keys = pytest.mark.parametrize("key", sorted(VARIANT_FILES))


@variant_keys
def test_generates(key: str, generated: dict[str, Generated]) -> None:
    out = generated[key].ok()
    for rel in ("pyproject.toml", "README.md", "api.md", f"{PACKAGE}/py.typed",
                f"docs/{RESOURCE}/{METHOD}.md"):
        assert (out / rel).is_file(), rel


@variant_keys
def test_black_check_passes(key: str, tools: Batch[Proc],
                            generated: dict[str, Generated]) -> None:
    proc = _tool(tools, generated, key, "black")
    assert proc.returncode == 0, describe(proc)


@variant_keys
def test_mypy_strict_passes(key: str, tools: Batch[Proc],
                            generated: dict[str, Generated]) -> None:
    proc = _tool(tools, generated, key, "mypy")
    assert proc.returncode == 0, describe(proc)


@variant_keys
def test_generated_tests_pass(key: str, tools: Batch[Proc],
                              generated: dict[str, Generated]) -> None:
    proc = _tool(tools, generated, key, "pytest")
    assert proc.returncode == 0, describe(proc)
    assert re.search(r"\b\d+ passed\b", proc.stdout), describe(proc)
    assert not re.search(r"\b\d+ (failed|errors?|skipped)\b", proc.stdout), describe(proc)


@variant_keys
def test_call_path_is_snake_case_tag_and_operation_id(key: str, tools: Batch[Proc],
                                                      generated: dict[str, Generated]) -> None:
    # Tag "Realtime Kit Livestreams" -> client.realtime_kit_livestreams;
    # operationId startLivestreamingAMeeting -> .start_livestreaming_a_meeting(...)
    info = _introspection(tools, generated, key)
    assert info["has_resource"], info
    assert info["has_method"], info
    assert info["async_has_method"], info
    assert info["methods"] == info["async_methods"]
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", m) for m in info["methods"]), info["methods"]
    assert (generated[key].out / "docs" / RESOURCE / f"{METHOD}.md").is_file()


@variant_keys
def test_nullable_name_is_optional_in_params_typeddict(key: str, tools: Batch[Proc],
                                                       generated: dict[str, Generated]) -> None:
    info = _introspection(tools, generated, key)
    assert info["params"], f"no params TypedDict with a `name` key for {METHOD}: {info}"
    for params in info["params"]:
        assert params["name_optional"], params
        assert not params["name_required"], params


def test_variants_have_the_same_method_names(tools: Batch[Proc],
                                             generated: dict[str, Generated]) -> None:
    methods = {key: _introspection(tools, generated, key)["methods"] for key in VARIANT_FILES}
    first, *rest = methods.values()
    assert first, methods
    assert all(other == first for other in rest), methods
    docs = {key: sorted(p.relative_to(generated[key].out).as_posix()
                        for p in (generated[key].out / "docs").rglob("*.md"))
            for key in VARIANT_FILES}
    first_docs, *rest_docs = docs.values()
    assert all(other == first_docs for other in rest_docs), docs


def test_variants_generate_identical_projects(generated: dict[str, Generated]) -> None:
    # The same API in another notation: 3.1 `type: [string, "null"]` and `examples: [...]`,
    # $ref'd components, JSON instead of YAML. Nothing of that may show in the output.
    trees = {key: without_inputs(snapshot(gen.ok())) for key, gen in generated.items()}
    first, *rest = trees.values()
    for other in rest:
        assert tree_difference(other, first) == ""
