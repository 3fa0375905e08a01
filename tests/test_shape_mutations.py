"""Property: whatever node of a valid spec takes a value of another JSON kind, the CLI exits 0,
or exits 2 with only `FILE:LINE: ...` lines: never an internal error, never a traceback.

Hypothesis takes valid specs (spec/livestream.yaml, the fixtures, one of them a multi-file
spec, and small documents drawn by test_properties' strategy) and replaces one to three nodes
with a string, a number, a list, a mapping, null or a boolean. Nodes are picked by a walk from
the root that may stop at any level, so the structural nodes near the top are picked about as
often as the leaves below them. (The root's `openapi` field is left alone: the version check
is tested on its own.) Each mutated spec is run through `validate` and `generate`.

The CLI runs in-process (`sdkwright.cli.main`, the console script's entry point, its output
captured): a subprocess per example would spend most of the time starting Python. The run is
derandomized, so every run tries the same examples.

Before the shape check, this property found internal errors wherever the build read a node
of the wrong kind: `info`, `servers`, `components`, `securitySchemes`, parameters, request
bodies, responses, schema keywords (`type`, `required`, `properties`, `allOf`). Each is pinned
by a case of test_shapes.py.
"""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from sdkwright.cli import main
from test_properties import documents

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SETTINGS = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.data_too_large],
)
# A problem line: the file (one of the spec's), its line, and a message.
_PROBLEM = re.compile(r"(?P<file>.+?):(?P<line>[1-9][0-9]*): \S")


@dataclass(frozen=True)
class Source:
    """A valid spec: its files (POSIX path in the spec's folder -> data), the first the root."""

    name: str
    files: dict[str, Any]


def _load(folder: Path, names: list[str]) -> dict[str, Any]:
    return {name: yaml.load((folder / name).read_text("utf-8"), Loader=_LOADER)
            for name in names}


def _sources() -> list[Source]:
    single = [ROOT / "spec" / "livestream.yaml", *sorted((FIXTURES / "variants").glob("*.yaml")),
              FIXTURES / "bodies" / "uploads.yaml", FIXTURES / "prism" / "edge_requests.yaml"]
    multifile = FIXTURES / "multifile"
    parts = sorted(p.relative_to(multifile).as_posix() for p in multifile.rglob("*.yaml"))
    return [Source(path.name, _load(path.parent, [path.name])) for path in single] + [
        Source("multifile", _load(multifile, ["api.yaml", *(p for p in parts
                                                            if p != "api.yaml")]))]


SOURCES = _sources()

REPLACEMENTS: dict[str, st.SearchStrategy[Any]] = {
    "a string": st.sampled_from(["", "x", "#/components/schemas/Pet", "{x}", "3.0.3"]),
    "a number": st.sampled_from([0, -1, 2.5, 10**20, 10**400, 1e308]),
    "a list": st.sampled_from([[], ["x"], [{}], [[]], [None], [{"$ref": "#/info"}]]),
    "a mapping": st.sampled_from([{}, {"x": 1}, {"type": "object"}, {"$ref": "#/info"},
                                  {"$ref": "#/nothing"}, {"in": "query"}]),
    "null": st.none(),
    "a boolean": st.booleans(),
}


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    return "null" if value is None else "a number"


@st.composite
def node_paths(draw: st.DrawFn, doc: Any) -> list[Any]:
    """The keys (and list indexes) of a node, walking down from the root of `doc`."""
    path: list[Any] = []
    node = doc
    while True:
        keys: list[Any] = list(node) if isinstance(node, dict) else \
            list(range(len(node))) if isinstance(node, list) else []
        if not path:
            keys = [k for k in keys if k != "openapi"]
        if not keys or (path and draw(st.integers(0, 3)) == 0):
            return path
        key = draw(st.sampled_from(keys))
        path.append(key)
        node = node[key]


@st.composite
def mutated(draw: st.DrawFn, doc: Any) -> Any:
    """`doc` with one to three nodes replaced by values of another kind."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(node_paths(doc))
        if not path:
            continue
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        old = parent[path[-1]]
        kind = draw(st.sampled_from([k for k in REPLACEMENTS if k != _kind(old)]))
        parent[path[-1]] = copy.deepcopy(draw(REPLACEMENTS[kind]))
        note(f"{'/'.join(map(str, path))}: {_kind(old)} -> {parent[path[-1]]!r}")
    return doc


@st.composite
def mutated_specs(draw: st.DrawFn) -> Source:
    """A source with one of its files mutated (the root, mostly)."""
    if draw(st.integers(0, 4)) == 0:
        source = Source("generated", {"spec.yaml": draw(documents())})
    else:
        source = draw(st.sampled_from(SOURCES))
    names = list(source.files)
    name = names[0] if draw(st.booleans()) else draw(st.sampled_from(names))
    return Source(source.name, {**source.files, name: draw(mutated(source.files[name]))})


def _write(source: Source, folder: Path) -> set[str]:
    """The spec's files in `folder`, as JSON text (which YAML reads too, so `.yaml` names
    that references use still work), one key a line; their resolved paths."""
    written = set()
    for name, data in source.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
        written.add(str(path.resolve()))
    return written


def _cli(*argv: str) -> tuple[int, str]:
    """Exit code and stderr of `sdkwright ARGV`."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(list(argv))
    return code, stderr.getvalue()


def _assert_clean(code: int, stderr: str, files: set[str]) -> None:
    assert code in (0, 2), stderr
    assert "internal error" not in stderr and "Traceback" not in stderr, stderr
    for line in stderr.splitlines():
        match = _PROBLEM.match(line)
        assert match is not None and match["file"] in files, f"not FILE:LINE: {line!r}"
    assert code == 0 or stderr, "exit 2 without a reason"


def check_mutated(source: Source, folder: Path) -> None:
    files = _write(source, folder)
    spec = str((folder / next(iter(source.files))).resolve())
    code, stderr = _cli("validate", spec)
    _assert_clean(code, stderr, files)
    code, stderr = _cli("generate", spec, "--out", str(folder / "out"), "-q")
    _assert_clean(code, stderr, files)
    event(f"{source.name}: {'generated' if code == 0 else 'refused'}")


@SETTINGS
@given(source=mutated_specs())
def test_mutated_specs_end_cleanly(source: Source,
                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("mutated")
    try:
        check_mutated(source, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
