"""Multi-file specs: `$ref`s to other files in the spec's folder are followed; others refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sdkwright import bundle
from sdkwright.load import MAX_BYTES
from sdkwright.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _generate(spec: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sdkwright", "generate", str(spec), "--out",
                           str(out)], cwd=ROOT, capture_output=True, text=True, check=False)


def test_refs_to_other_files_become_shared_models(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _generate(FIXTURES / "multifile" / "api.yaml", out)
    assert result.returncode == 0, result.stderr
    schemas = (out / "multi_file_pets" / "types" / "schemas.py").read_text()
    # Named after the referenced entry, or the file's stem for a whole-file reference.
    for name in ("class Pet(BaseModel)", "class Owner(BaseModel)", "class Address(BaseModel)"):
        assert name in schemas
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir",
                           str(tmp_path / "cache"), "multi_file_pets", "tests"], cwd=out,
                          capture_output=True, text=True, check=False)
    assert mypy.returncode == 0, mypy.stdout
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                           cwd=out, capture_output=True, text=True, check=False)
    assert tests.returncode == 0, tests.stdout
    check = subprocess.run(
        [sys.executable, "-c", "from multi_file_pets.types.schemas import Pet\n"
         "p = Pet.model_validate({'id': 'a', 'name': 'b', 'siblings': [{'id': 'c', 'name': 'd'}],"
         " 'owner': {'id': 1, 'pets': [{'id': 'e', 'name': 'f'}]}})\n"
         "assert p.siblings and p.siblings[0].name == 'd'\n"
         "assert p.owner and p.owner.pets and p.owner.pets[0].id == 'e'\n"],
        cwd=out, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr


def test_refs_outside_the_folder_or_remote_are_refused_unread(tmp_path: Path) -> None:
    spec = FIXTURES / "multifile_escape" / "api.yaml"
    out = tmp_path / "out"
    result = _generate(spec, out)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{spec}:14:") and "leaves the spec's folder" in line
               for line in lines), result.stderr
    assert any(line.startswith(f"{spec}:23:") and "remote" in line for line in lines)
    assert not out.exists()


def test_a_fault_inside_a_referenced_file_names_that_file(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n              schema: {$ref: 'other.yaml#/Thing'}\n"
    )
    (tmp_path / "other.yaml").write_text(
        "Thing:\n  type: object\n  properties:\n    x:\n      $ref: '#/Missing'\n")
    result = _generate(tmp_path / "api.yaml", tmp_path / "out")
    assert result.returncode == 2
    assert f"{tmp_path / 'other.yaml'}:5:" in result.stderr, result.stderr


def test_a_missing_file_is_reported_where_a_ref_names_it(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n"
        "              schema: {$ref: 'schemas/does-not-exist.yaml'}\n"
        "  /b:\n    get:\n      parameters:\n        - $ref: 'schemas/does-not-exist.yaml#/P'\n"
        "        - $ref: 'schemas'\n      responses:\n        '200': {description: ok}\n")
    (tmp_path / "schemas").mkdir()
    result = _generate(spec, tmp_path / "out")
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        f"{spec}:11: $ref 'schemas/does-not-exist.yaml' names a file that does not exist",
        f"{spec}:15: $ref 'schemas/does-not-exist.yaml#/P' names a file that does not exist",
        f"{spec}:16: $ref 'schemas' names a folder, not a file",
    ], result.stderr
    assert not (tmp_path / "out").exists()


def _many_files(folder: Path, count: int) -> Path:
    """A spec whose one response refers to `count` files, one schema each."""
    props = "".join(f"                  p{i}: {{$ref: 'schemas/s{i}.yaml'}}\n"
                    for i in range(count))
    (folder / "schemas").mkdir()
    for i in range(count):
        (folder / "schemas" / f"s{i}.yaml").write_text(
            f"type: object\nproperties:\n  v{i}: {{type: integer}}\n")
    spec = folder / "api.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n              schema:\n                type: object\n"
        "                properties:\n" + props)
    return spec


def test_a_spec_of_many_files_is_read(tmp_path: Path) -> None:
    """The number of files is not bounded, only what they hold together (and the time)."""
    spec = _many_files(tmp_path, 600)
    result = subprocess.run([sys.executable, "-m", "sdkwright", "validate", str(spec)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "1 operation" in result.stdout


def test_files_over_the_size_limit_together_are_refused_unread(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n              schema: {$ref: 'big.yaml'}\n")
    with (tmp_path / "big.yaml").open("wb") as handle:  # sparse: nothing is really written
        handle.truncate(MAX_BYTES - 10)  # under the limit alone, over it with api.yaml
    result = _generate(spec, tmp_path / "out")
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        f"{spec}:11: the spec's files hold more than {MAX_BYTES} bytes together; refusing "
        "the spec"], result.stderr


@pytest.mark.parametrize(("bound", "value", "message"), [
    ("MAX_NODES", 100, "the spec's files hold more than 100 nodes together"),
    ("MAX_SECONDS", 0.0, "reading the spec's files took more than 0 seconds"),
])
def test_the_other_bounds_on_a_multi_file_spec(bound: str, value: float, message: str,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Nodes and time, with the bounds lowered (in-process) so a small spec passes them."""
    monkeypatch.setattr(bundle, bound, value)
    spec = _many_files(tmp_path, 30)
    report = check(spec)
    assert [(p.file, p.message) for p in report.errors] == [
        (str(spec), f"{message}; refusing the spec")]
    # At the reference to the file that went over.
    assert "$ref" in spec.read_text().splitlines()[report.errors[0].line - 1]


def test_a_long_chain_of_files_is_read(tmp_path: Path) -> None:
    """Each file refers to the next: files are read one after another, so a chain of any
    length cannot exhaust the stack (it ended in an internal error: RecursionError)."""
    count = 400
    for i in range(count):
        nxt = f"\n  next: {{$ref: 's{i + 1}.yaml'}}" if i + 1 < count else ""
        (tmp_path / f"s{i}.yaml").write_text(
            f"type: object\nproperties:\n  v: {{type: integer}}{nxt}\n")
    spec = tmp_path / "api.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n              schema: {$ref: 's0.yaml'}\n")
    result = _generate(spec, tmp_path / "out")
    assert result.returncode == 0, result.stderr
