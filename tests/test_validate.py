"""`sdkwright validate`: a summary line for a valid spec, and each problem once, at its own line.

Every case is a small spec written here, run once through the real CLI (concurrently, in the
module-scoped `runs` fixture); the tests compare exact `FILE:LINE: message` lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import Batch, Proc, describe, sdkwright

EXIT_OK, EXIT_BAD_INPUT = 0, 2
# A `FILE:LINE: message` line (FILE may be an absolute path to another file of the spec).
_PROBLEM = re.compile(r"[^\s:]+:\d+: ")

HEAD = """\
openapi: {version}
info:
  title: Pets
  version: "1"
"""

VALID = HEAD + """\
paths:
  /pets/{pet_id}:
    get:
      operationId: get_pet
      parameters:
        - name: pet_id
          in: path
          required: true
          schema: {type: string}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
"""

DUPLICATE_OPERATION_ID = HEAD + """\
paths:
  /pets:
    get:
      operationId: list_pets
      responses:
        "200": {description: OK}
  /cats:
    get:
      operationId: list_pets
      responses:
        "200": {description: OK}
"""

DUPLICATES = HEAD + """\
tags:
  - name: pets
  - name: pets
paths:
  /pets:
    parameters:
      - {name: limit, in: query, schema: {type: integer}}
    get:
      tags: [pets]
      parameters:
        - {name: q, in: query, schema: {type: string}}
        - {name: q, in: query, schema: {type: string}}
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: OK}
"""

UNEXPECTED_KEYS = HEAD + """\
paths:
  /pets:
    get:
      descriptin: a typo
      summry: another
      responses:
        "200": {description: OK}
"""

# Faults that openapi-spec-validator and the generator both see: reported once each.
SEEN_TWICE = HEAD + """\
paths:
  /pets/{pet_id}:
    get:
      responses:
        "200": {description: OK}
  /cats:
    get:
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  age:
                    type: integer
                    default: "old"
"""

BAD_TYPE = HEAD + """\
paths:
  /pets:
    get:
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: strin
"""

BAD_STATUS = HEAD + """\
paths:
  /pets:
    get:
      responses:
        "abcdef":
          description: OK
"""

# A fault in a component is reported there, not where an operation refers to it.
IN_A_COMPONENT = HEAD + """\
paths:
  /pets:
    get:
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
components:
  schemas:
    Pet:
      required: [name, nickname]
      allOf:
        - type: object
          properties:
            name: {type: string}
      properties:
        kind:
          enum: [cat, dog]
          default: fish
"""

MULTI_FILE_ROOT = HEAD + """\
paths:
  /pets:
    get:
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                $ref: "pet.yaml"
"""

MULTI_FILE_PET = """\
type: object
properties:
  name:
    type: string
    maxLength: -1
"""

DUPLICATE_KEY_JSON = """\
{
  "openapi": "3.0.3",
  "info": {"title": "Pets", "version": "1"},
  "paths": {},
  "info": {"title": "Again", "version": "2"}
}
"""


@dataclass(frozen=True)
class Case:
    files: dict[str, str]  # file name -> text; the first is the spec to validate
    version: str = "3.0.3"

    @property
    def spec(self) -> str:
        return next(iter(self.files))


CASES = {
    "valid-3.0": Case({"pets.yaml": VALID}),
    "valid-3.1": Case({"pets.yaml": VALID}, "3.1.0"),
    "duplicate-operation-id-3.0": Case({"pets.yaml": DUPLICATE_OPERATION_ID}),
    "duplicate-operation-id-3.1": Case({"pets.yaml": DUPLICATE_OPERATION_ID}, "3.1.0"),
    "duplicates": Case({"pets.yaml": DUPLICATES}),
    "unexpected-keys-3.0": Case({"pets.yaml": UNEXPECTED_KEYS}),
    "unexpected-keys-3.1": Case({"pets.yaml": UNEXPECTED_KEYS}, "3.1.0"),
    "seen-twice": Case({"pets.yaml": SEEN_TWICE}),
    "bad-type": Case({"pets.yaml": BAD_TYPE}),
    "bad-status-3.1": Case({"pets.yaml": BAD_STATUS}, "3.1.0"),
    "in-a-component": Case({"pets.yaml": IN_A_COMPONENT}),
    "multi-file": Case({"pets.yaml": MULTI_FILE_ROOT, "pet.yaml": MULTI_FILE_PET}),
    "duplicate-key-json": Case({"pets.json": DUPLICATE_KEY_JSON}),
}


@dataclass(frozen=True)
class Run:
    folder: Path
    case: Case
    validate: Proc
    generate: Proc

    def text(self, name: str | None = None) -> str:
        return _versioned(self.case.files[name or self.case.spec], self.case.version)

    def line(self, needle: str, nth: int = 1, name: str | None = None) -> int:
        """The line number of the `nth` line of a file that contains `needle`."""
        hits = [i for i, text in enumerate(self.text(name).splitlines(), 1) if needle in text]
        assert len(hits) >= nth, f"{needle!r} occurs {len(hits)} times"
        return hits[nth - 1]

    def where(self, line: int, name: str | None = None) -> str:
        return f"{name or self.case.spec}:{line}"


def _versioned(text: str, version: str) -> str:
    return text.replace("{version}", version)


def _run(folder: Path, case: Case) -> Run:
    for name, text in case.files.items():
        (folder / name).write_text(_versioned(text, case.version), encoding="utf-8")
    return Run(folder, case, sdkwright("validate", case.spec, cwd=folder),
               sdkwright("generate", case.spec, "--out", "out", cwd=folder))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Batch[Run]:
    folders = {key: tmp_path_factory.mktemp(key) for key in CASES}
    return Batch({key: (lambda k=key: _run(folders[k], CASES[k])) for key in CASES})


def _stderr(proc: Proc) -> list[str]:
    assert "Traceback" not in proc.stderr, describe(proc)
    return proc.stderr.splitlines()


def _problems(proc: Proc) -> list[str]:
    """`generate`'s problem lines, without its account of what it wrote."""
    return [line for line in _stderr(proc) if _PROBLEM.match(line)]


# -- the summary ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["valid-3.0", "valid-3.1"])
def test_valid_spec_prints_one_summary_line(key: str, runs: Batch[Run]) -> None:
    run = runs[key]
    proc = run.validate
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stdout == (f"pets.yaml: valid OpenAPI {run.case.version}: 1 operation, "
                           "1 schema, 0 warnings\n"), describe(proc)
    assert proc.stderr == "", describe(proc)


def test_warnings_only_exit_2_with_counts(runs: Batch[Run]) -> None:
    run = runs["duplicates"]
    assert run.validate.returncode == EXIT_BAD_INPUT, describe(run.validate)
    assert run.validate.stdout == ("pets.yaml: invalid OpenAPI 3.0.3: 1 operation, 0 schemas, "
                                   "0 errors, 3 warnings\n"), describe(run.validate)


def test_errors_are_counted_apart_from_warnings(runs: Batch[Run]) -> None:
    run = runs["seen-twice"]
    assert run.validate.returncode == EXIT_BAD_INPUT, describe(run.validate)
    assert run.validate.stdout == ("pets.yaml: invalid OpenAPI 3.0.3: 2 operations, 0 schemas, "
                                   "1 error, 1 warning\n"), describe(run.validate)


def test_unreadable_spec_has_no_summary(runs: Batch[Run]) -> None:
    run = runs["duplicate-key-json"]
    assert run.validate.returncode == EXIT_BAD_INPUT, describe(run.validate)
    assert run.validate.stdout == "", describe(run.validate)


# -- each problem at its own line -------------------------------------------------------------


@pytest.mark.parametrize("key", ["duplicate-operation-id-3.0", "duplicate-operation-id-3.1"])
def test_duplicate_operation_id_is_reported_at_the_duplicate(key: str,
                                                             runs: Batch[Run]) -> None:
    run = runs[key]
    first, second = (run.line("operationId: list_pets", n) for n in (1, 2))
    assert _stderr(run.validate) == [
        f"{run.where(second)}: warning: operationId 'list_pets' is already used at line {first}",
    ], describe(run.validate)
    assert run.validate.returncode == EXIT_BAD_INPUT


def test_duplicate_tags_and_parameters_and_stray_path_parameter(runs: Batch[Run]) -> None:
    run = runs["duplicates"]
    assert _stderr(run.validate) == [
        f"{run.where(run.line('- name: pets', 2))}: warning: tag 'pets' is already declared at "
        f"line {run.line('- name: pets')}",
        f"{run.where(run.line('name: q', 2))}: warning: parameter 'q' in query is already "
        f"declared at line {run.line('name: q')}",
        f"{run.where(run.line('name: pet_id'))}: warning: path parameter 'pet_id' is not in "
        "the path '/pets'",
    ], describe(run.validate)
    # Warnings only: validate fails, generate reads past them.
    assert run.validate.returncode == EXIT_BAD_INPUT, describe(run.validate)
    assert run.generate.returncode == EXIT_OK, describe(run.generate)


@pytest.mark.parametrize("key", ["unexpected-keys-3.0", "unexpected-keys-3.1"])
def test_each_unexpected_key_at_its_own_line(key: str, runs: Batch[Run]) -> None:
    run = runs[key]
    assert _stderr(run.validate) == [
        f"{run.where(run.line('descriptin'))}: warning: unexpected key 'descriptin' "
        "(at /paths/~1pets/get/descriptin)",
        f"{run.where(run.line('summry'))}: warning: unexpected key 'summry' "
        "(at /paths/~1pets/get/summry)",
    ], describe(run.validate)


def test_a_fault_in_a_component_is_reported_in_the_component(runs: Batch[Run]) -> None:
    run = runs["in-a-component"]
    assert _stderr(run.validate) == [
        f"{run.where(run.line('required: [name, nickname]'))}: warning: Required list has not "
        "defined properties: ['nickname'] (at /components/schemas/Pet/required)",
        f"{run.where(run.line('default: fish'))}: warning: 'fish' is not one of ['cat', 'dog'] "
        "(at /components/schemas/Pet/properties/kind/default)",
    ], describe(run.validate)


def test_a_fault_in_another_file_names_that_file_and_line(runs: Batch[Run]) -> None:
    run = runs["multi-file"]
    pet = run.folder.resolve() / "pet.yaml"
    line = run.line("maxLength: -1", name="pet.yaml")
    expected = [f"{pet}:{line}: warning: -1 is less than the minimum of 0 "
                "(at /properties/name/maxLength)"]
    assert _stderr(run.validate) == expected, describe(run.validate)
    assert _problems(run.generate) == expected, describe(run.generate)


def test_a_duplicate_json_key_is_reported_at_its_line(runs: Batch[Run]) -> None:
    run = runs["duplicate-key-json"]
    line = run.line('"info"', 2)
    assert _stderr(run.validate) == [f"{run.where(line)}: duplicate key 'info' in mapping"], \
        describe(run.validate)


# -- one fault, one report --------------------------------------------------------------------


def test_faults_both_checks_see_are_reported_once(runs: Batch[Run]) -> None:
    run = runs["seen-twice"]
    template, default = run.line("/pets/{pet_id}:"), run.line('default: "old"')
    expected = [
        f"{run.where(template)}: path parameter {{pet_id}} in '/pets/{{pet_id}}' is never "
        "declared",
        f"{run.where(default)}: warning: default 'old' is not of type integer; the default is "
        "left out",
    ]
    assert _stderr(run.validate) == expected, describe(run.validate)


def test_a_bad_schema_type_is_reported_once(runs: Batch[Run]) -> None:
    run = runs["bad-type"]
    line = run.line("type: strin")
    expected = [f"{run.where(line)}: schema type 'strin' is not one of array, boolean, "
                "integer, null, number, object, string"]
    assert _stderr(run.validate) == expected, describe(run.validate)
    assert _problems(run.generate) == expected, describe(run.generate)
    assert run.generate.returncode == EXIT_BAD_INPUT


def test_a_bad_status_code_is_reported_once(runs: Batch[Run]) -> None:
    run = runs["bad-status-3.1"]
    line = run.line('"abcdef":')
    assert _stderr(run.validate) == [
        f"{run.where(line)}: response status code 'abcdef' is not an HTTP status, a range "
        "like 4XX, or default",
    ], describe(run.validate)


def test_generate_reports_a_shared_warning_once(runs: Batch[Run]) -> None:
    run = runs["in-a-component"]
    assert run.generate.returncode == EXIT_OK, describe(run.generate)
    assert _problems(run.generate) == _stderr(run.validate), describe(run.generate)
