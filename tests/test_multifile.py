"""Multi-file specs: `$ref`s to other files in the spec's folder are followed; others refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
