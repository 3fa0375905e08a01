"""Hostile documents are refused quickly and cleanly; no spec name can place a file outside
the output folder. (Hostile *text* inside valid specs is covered by test_escaping.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sdkwright.load import MAX_BYTES, load

ROOT = Path(__file__).resolve().parent.parent
HEAD = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n'


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sdkwright", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)


def _alias_bomb() -> str:
    lines = [HEAD + 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"x-{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


CASES = {
    "alias_bomb": (_alias_bomb(), "expands to more than"),
    # libyaml builds may stop this themselves ("exceeded maximum nesting depth").
    "deep_nesting": (HEAD + "x-deep: " + "[" * 1000 + "]" * 1000 + "\n", "nesting"),
    "recursive_alias": (HEAD + "x-r: &r [*r]\n", "nesting deeper"),
    "python_tag": (HEAD + "x-evil: !!python/object/apply:os.system ['echo pwned']\n",
                   "not allowed"),
    "merge_key": (HEAD + "x-a: &a {k: 1}\nx-b:\n  <<: *a\n", "merge keys"),
    "duplicate_key": (HEAD + "info: {title: again, version: '2'}\n", "duplicate key 'info'"),
    # Not JSON values: the build ended in an internal error (OverflowError) on them.
    "infinity": (HEAD + "x-bound: .inf\n", ".inf is not a finite number"),
    "not_a_number": (HEAD + "x-bound: .nan\n", ".nan is not a finite number"),
    "float_overflow": (HEAD + "x-bound: 1.0e+400\n", "1.0e+400 is not a finite number"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_yaml_is_refused(case: str, tmp_path: Path) -> None:
    text, phrase = CASES[case]
    spec = tmp_path / f"{case}.yaml"
    spec.write_text(text)
    out = tmp_path / "out"
    result = _cli("generate", str(spec), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{spec}:"), result.stderr
    assert phrase in result.stderr
    assert "Traceback" not in result.stderr and "pwned" not in result.stdout
    assert not out.exists()


def test_oversized_file_is_refused_without_being_read(tmp_path: Path) -> None:
    spec = tmp_path / "huge.yaml"
    with spec.open("wb") as handle:  # sparse: nothing is really written
        handle.truncate(MAX_BYTES + 1)
    result = _cli("validate", str(spec))
    assert result.returncode == 2
    assert f"{spec}:1: file is {MAX_BYTES + 1} bytes" in result.stderr


def test_spec_names_cannot_leave_the_output_folder(tmp_path: Path) -> None:
    spec = tmp_path / "names.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: '../../escape', version: '1'}\npaths:\n"
        "  /a:\n    get:\n      operationId: '../../../etc/passwd'\n"
        "      tags: ['/abs/../..']\n      responses:\n        '200': {description: ok}\n"
        "  /b:\n    get:\n      x-sdk-resource: '/etc/passwd'\n      x-sdk-method: '/etc/y'\n"
        "      responses:\n        '200': {description: ok}\n"
        "  /c:\n    get:\n      tags: ['!!!']\n      responses:\n        '200': {description: ok}\n"
    )
    out = tmp_path / "nested" / "out"
    result = _cli("generate", str(spec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    written = {p.resolve() for p in tmp_path.rglob("*") if p.is_file()} - {spec.resolve()}
    assert written and all(out.resolve() in p.parents for p in written)


def test_resource_path_with_an_empty_part_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "empty.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      x-sdk-resource: 'a..b'\n      responses:\n        '200': {description: ok}\n"
    )
    result = _cli("generate", str(spec), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"{spec}:6: resource path 'a..b' has an empty part" in result.stderr


def test_huge_bounds_cost_only_the_example(tmp_path: Path) -> None:
    """Bounds no example can meet cheaply are not met: the build ended in an internal error
    (OverflowError, MemoryError) on them."""
    spec = tmp_path / "bounds.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      parameters:\n"
        "        - {name: big, in: query, required: true,\n"
        f"           schema: {{type: number, minimum: 1{'0' * 400}}}}}\n"
        "        - {name: long, in: query, required: true,\n"
        "           schema: {type: string, minLength: 3000000000}}\n"
        "        - {name: nested, in: query, required: true,\n"
        "           schema: {type: string, pattern: '^(((a{200}){200}){200}){200}$'}}\n"
        "      responses:\n        '200': {description: ok}\n")
    result = _cli("validate", str(spec))
    assert result.returncode == 0, result.stderr


def test_yaml_binary_stays_the_text_written(tmp_path: Path) -> None:
    """JSON has no bytes: a `!!binary` scalar is its base64 text, as a date is its text."""
    spec = tmp_path / "binary.yaml"
    spec.write_text(HEAD.replace("title: t", "title: !!binary UGV0cw=="))
    assert load(spec).data["info"]["title"] == "UGV0cw=="
