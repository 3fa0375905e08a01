"""Smoke test of the generation benchmark's instrument (bench/generate.py, bench/synthetic.py):
the synthetic specs are valid and have the operations asked for, and the script starts. No
timing is measured or asserted here."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_synthetic() -> ModuleType:
    # bench/ is a folder of scripts, not a package; loaded by path so that none of its module
    # names lands on sys.path for the other tests.
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "bench" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


synthetic = _load_synthetic()


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def operations(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for item in doc["paths"].values() for method, op in item.items()
            if method in synthetic.HTTP_METHODS]


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return synthetic.load_livestream()


@pytest.mark.parametrize("size", [10, 100])
def test_synthetic_spec_has_the_operations_asked_for_each_distinct(
        base: dict[str, Any], size: int) -> None:
    doc = synthetic.synthetic_spec(size, base)
    ops = operations(doc)
    assert len(ops) == size == synthetic.count_operations(doc)
    assert len({op["operationId"] for op in ops}) == size
    assert len(doc["paths"]) == size // 10 * len(base["paths"])
    copies = size // 10
    assert len({op["tags"][0] for op in ops}) == copies
    assert len(doc["components"]["schemas"]) == copies * len(base["components"]["schemas"])
    assert not any("x-sdk-resource" in op for op in ops)


def test_every_ref_of_a_copy_points_at_its_own_schemas(base: dict[str, Any]) -> None:
    doc = synthetic.synthetic_spec(20, base)
    for number in range(2):
        prefix = f"/copy{number:05d}/"
        copy_paths = {path: item for path, item in doc["paths"].items()
                      if path.startswith(prefix)}
        schema_refs = [ref for ref in refs(copy_paths) if ref.startswith(synthetic.SCHEMA_REF)]
        assert schema_refs
        assert all(ref.endswith(f"{number:05d}") for ref in schema_refs)
        # Path-item-level parameters are copied along with the operations.
        assert all("parameters" in item for item in copy_paths.values())
    defined = {f"#/components/{kind}/{name}" for kind, entries in doc["components"].items()
               for name in entries}
    assert set(refs(doc)) <= defined


def test_synthetic_specs_are_deterministic(base: dict[str, Any]) -> None:
    for fmt in synthetic.FORMATS:
        first = synthetic.dump(synthetic.synthetic_spec(20, base), fmt)
        again = synthetic.dump(synthetic.synthetic_spec(20, synthetic.load_livestream()), fmt)
        assert first == again


def test_one_summary_changed_changes_one_operation_only(base: dict[str, Any]) -> None:
    doc = synthetic.synthetic_spec(30, base)
    changed = synthetic.with_one_summary_changed(doc)
    pairs = list(zip(operations(doc), operations(changed), strict=True))
    differ = [(old, new) for old, new in pairs if old != new]
    assert len(differ) == 1
    old, new = differ[0]
    assert new["summary"] == old["summary"] + synthetic.CHANGED
    assert synthetic.synthetic_spec(30, base) == doc  # the original is left as it was


def test_operations_for_size_is_the_smallest_spec_that_reaches_it(base: dict[str, Any]) -> None:
    target = 300_000
    for fmt in synthetic.FORMATS:
        ops = synthetic.operations_for_size(target, fmt, base)
        size = len(synthetic.dump(synthetic.synthetic_spec(ops, base), fmt).encode())
        smaller = len(synthetic.dump(synthetic.synthetic_spec(ops - 10, base), fmt).encode())
        assert smaller < target <= size


@pytest.mark.parametrize("fmt", synthetic.FORMATS)
def test_the_100_operation_spec_passes_sdkwright_validate(
        base: dict[str, Any], fmt: str, tmp_path: Path) -> None:
    path = synthetic.write_spec(tmp_path, synthetic.synthetic_spec(100, base), "spec", fmt)
    result = subprocess.run([sys.executable, "-m", "sdkwright", "validate", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "100 operations" in result.stdout
    assert "0 warnings" in result.stdout


def test_bench_generate_help_runs() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--help"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    for option in ("--runs", "--format", "--large", "--split", "--json", "--python"):
        assert option in result.stdout
