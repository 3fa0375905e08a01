"""Example verdicts remembered between runs (generator/verdicts.py) are the validator's: a
generation that remembers them writes the same files as one that checks every example, a
change anywhere a verdict depends on is checked again, and a run whose verdicts are all
remembered does without the validator. The real CLI and a real cache folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from cli_support import describe, env, run, sdkwright, snapshot, tree_difference
from sdkwright.verdicts import Verdicts

SPEC = """\
openapi: 3.0.3
info: {{title: Pets, version: "1"}}
paths:
  /pets/{{pet_id}}:
    get:
      operationId: get_pet
      parameters:
        - {{name: pet_id, in: path, required: true, schema: {{type: string}}, example: rex}}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/Pet"}}
              example: {{name: Rex, owner: {{nickname: somebody}}}}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {{type: string}}
        owner: {{$ref: "#/components/schemas/Owner"}}
    Owner:
      type: object
      properties:
        nickname: {{$ref: "#/components/schemas/Nickname"}}
    Nickname: {{type: string, maxLength: {longest}}}
"""
PAGE = "docs/pets/get_pet.md"


def _generate(spec: Path, out: Path, cache: str) -> None:
    proc = sdkwright("generate", spec, "--out", out, "-q", environ=env(SDKWRIGHT_CACHE_DIR=cache))
    assert proc.returncode == 0, describe(proc)


def test_remembered_verdicts_give_the_files_every_check_gives(tmp_path: Path) -> None:
    spec, cache = tmp_path / "pets.yaml", str(tmp_path / "cache")
    spec.write_text(SPEC.format(longest=20))
    _generate(spec, tmp_path / "first", cache)
    assert list(Path(cache, "verdicts").rglob("*")), "no verdicts were kept"
    # A schema two references away from the example now refuses it.
    spec.write_text(SPEC.format(longest=4))
    _generate(spec, tmp_path / "remembered", cache)
    _generate(spec, tmp_path / "checked", "off")
    changed = snapshot(tmp_path / "remembered")
    assert changed == snapshot(tmp_path / "checked"), \
        tree_difference(changed, snapshot(tmp_path / "checked"))
    assert "somebody" in snapshot(tmp_path / "first")[PAGE].decode()
    assert "somebody" not in changed[PAGE].decode()
    # And back: the first verdict is worked out again, to the first files.
    spec.write_text(SPEC.format(longest=20))
    _generate(spec, tmp_path / "again", cache)
    assert snapshot(tmp_path / "again") == snapshot(tmp_path / "first")


def test_a_run_with_every_verdict_remembered_does_without_the_validator(
        tmp_path: Path) -> None:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("with one core the schema check runs in this process, and imports it")
    spec = tmp_path / "pets.yaml"
    spec.write_text(SPEC.format(longest=20))
    probe = ("import sys; from sdkwright.cli import main; main(sys.argv[1:]); "
             "print('openapi_schema_validator' in sys.modules)")
    environ = env(SDKWRIGHT_CACHE_DIR=str(tmp_path / "cache"))
    imported = []
    for out in ("first", "second"):
        proc = run([sys.executable, "-c", probe, "generate", spec, "--out", tmp_path / out,
                    "-q"], cwd=tmp_path, environ=environ)
        assert proc.returncode == 0, describe(proc)
        imported.append(proc.stdout.strip())
    assert imported == ["True", "False"]


@pytest.mark.parametrize("schema", [
    {"$id": "https://example.com/pet", "type": "string"},
    {"type": "object", "properties": {"a": {"$anchor": "here"}}},
    {"$ref": "other.yaml#/Pet"},
    {"$ref": "#/components/schemas/Pet%20Food"},
    {"$ref": "#/components/schemas/Missing"},
    {"items": {"$dynamicRef": "#meta"}},
])
def test_a_schema_whose_references_are_the_validators_to_resolve_is_not_remembered(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, schema: dict[str, object]) -> None:
    monkeypatch.setenv("SDKWRIGHT_CACHE_DIR", str(tmp_path))
    data = {"components": {"schemas": {"Pet": schema, "Pet Food": {"type": "string"}}}}
    pet = ("components", "schemas", "Pet")
    assert Verdicts.remembered(tmp_path / "spec.yaml", "3.1").key(data, pet, "rex") is None
    data["components"]["schemas"]["Pet"] = {"type": "string"}  # type: ignore[index]
    assert Verdicts.remembered(tmp_path / "spec.yaml", "3.1").key(data, pet, "rex") is not None
