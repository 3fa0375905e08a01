"""Faults common in real specs: what generation reads past with a warning, and what it refuses.

- A document without a single operation (no `paths`, `info` or not; a 3.1 document of only
  `webhooks` or `components`; `paths: {}`) is refused: there is no client to make.
- A `$ref` to an example that is not there costs that example only (a warning); the client
  is generated from the others.
- `$ref: '#/$defs/X'` inside a schema pasted in with its own `$defs` (pydantic writes them so)
  means that schema's entry when the document root has none (a warning).

Every case runs once through the real CLI, `validate` and `generate`, concurrently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import Batch, Proc, describe, sdkwright
from sdkwright.bundle import bundle
from sdkwright.load import load
from sdkwright.refs import check_refs

EXIT_OK, EXIT_BAD_INPUT = 0, 2

NO_INFO_NO_PATHS = """\
openapi: 3.1.0
components:
  schemas:
    Pet: {type: object}
"""

ONLY_WEBHOOKS = """\
openapi: 3.1.0
info: {title: Pets, version: "1"}
webhooks:
  newPet:
    post:
      responses:
        "200": {description: OK}
"""

EMPTY_PATHS = """\
openapi: 3.0.3
info: {title: Pets, version: "1"}
paths: {}
"""

MISSING_EXAMPLES = """\
openapi: 3.0.3
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      operationId: list_pets
      parameters:
        - name: kind
          in: query
          required: true
          schema: {type: string}
          examples:
            gone: {$ref: "#/components/examples/no-such-kind"}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  name: {type: string}
              examples:
                gone: {$ref: "#/components/examples/no-such-pet"}
                kept: {value: {name: the-kept-example}}
components:
  examples:
    chained: {$ref: "#/components/examples/no-such-example"}
"""

NESTED_DEFS = """\
openapi: 3.1.0
info: {title: Pets, version: "1"}
paths:
  /pets:
    post:
      operationId: create_pet
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                owner: {$ref: "#/$defs/Owner"}
              required: [owner]
              $defs:
                Owner:
                  type: object
                  properties:
                    nickname: {type: string}
      responses:
        "204": {description: Created}
"""


@dataclass(frozen=True)
class Case:
    text: str


CASES = {
    "no-info-no-paths": Case(NO_INFO_NO_PATHS),
    "only-webhooks": Case(ONLY_WEBHOOKS),
    "empty-paths": Case(EMPTY_PATHS),
    "missing-examples": Case(MISSING_EXAMPLES),
    "nested-defs": Case(NESTED_DEFS),
}


@dataclass(frozen=True)
class Run:
    folder: Path
    text: str
    validate: Proc
    generate: Proc

    def at(self, needle: str) -> str:
        """`spec.yaml:LINE` of the first line holding `needle`."""
        line = next(i for i, row in enumerate(self.text.splitlines(), 1) if needle in row)
        return f"spec.yaml:{line}"


def _run(folder: Path, case: Case) -> Run:
    (folder / "spec.yaml").write_text(case.text, encoding="utf-8")
    return Run(folder, case.text, sdkwright("validate", "spec.yaml", cwd=folder),
               sdkwright("generate", "spec.yaml", "--out", "out", "-q", cwd=folder))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Batch[Run]:
    folders = {key: tmp_path_factory.mktemp(key) for key in CASES}
    return Batch({key: (lambda k=key: _run(folders[k], CASES[k])) for key in CASES})


def _lines(proc: Proc) -> list[str]:
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, describe(proc)
    return [line for line in proc.stderr.splitlines() if re.match(r"[^\s:]+:\d+: ", line)]


# -- no operation, no client --------------------------------------------------------------------


@pytest.mark.parametrize(("key", "needle", "message"), [
    ("no-info-no-paths", "openapi:", "the document has no paths, so no operation to make a "
                                     "client of"),
    ("only-webhooks", "openapi:", "the document has no paths, so no operation to make a client "
                                  "of (webhooks are not generated)"),
    ("empty-paths", "paths:", "paths lists no operation; a client needs at least one"),
])
def test_a_document_without_operations_is_refused(key: str, needle: str, message: str,
                                                  runs: Batch[Run]) -> None:
    run = runs[key]
    expected = [f"{run.at(needle)}: {message}"]
    for proc in (run.validate, run.generate):
        assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
        assert _lines(proc) == expected, describe(proc)
    assert not (run.folder / "out").exists()


# -- examples never decide whether a client can be built ----------------------------------------


def test_a_missing_example_is_a_warning_and_left_out(runs: Batch[Run]) -> None:
    run = runs["missing-examples"]
    expected = [
        f"{run.at('no-such-kind')}: warning: $ref '#/components/examples/no-such-kind' points "
        "to nothing; the example is left out",
        f"{run.at('no-such-pet')}: warning: $ref '#/components/examples/no-such-pet' points to "
        "nothing; the example is left out",
        f"{run.at('no-such-example')}: warning: $ref '#/components/examples/no-such-example' "
        "points to nothing; the example is left out",
    ]
    assert run.validate.returncode == EXIT_BAD_INPUT, describe(run.validate)
    assert _lines(run.validate) == expected, describe(run.validate)
    assert run.generate.returncode == EXIT_OK, describe(run.generate)
    assert _lines(run.generate) == expected, describe(run.generate)
    # The example that is there is the one the docs and tests show.
    docs = (run.folder / "out" / "api.md").read_text("utf-8") + "".join(
        p.read_text("utf-8") for p in (run.folder / "out").rglob("*.py"))
    assert "the-kept-example" in docs


# -- a schema's own $defs -------------------------------------------------------------------------


def test_a_reference_to_the_enclosing_defs_is_followed_with_a_warning(runs: Batch[Run]) -> None:
    run = runs["nested-defs"]
    expected = [f"{run.at('$ref')}: warning: $ref '#/$defs/Owner' points to nothing at the "
                "document root; it is read as the entry of the enclosing $defs at line "
                f"{run.at('Owner:').split(':')[1]}"]
    assert _lines(run.validate) == expected, describe(run.validate)
    assert run.generate.returncode == EXIT_OK, describe(run.generate)
    assert _lines(run.generate) == expected, describe(run.generate)
    params = next((run.folder / "out").rglob("*create_pet_params.py")).read_text("utf-8")
    assert re.search(r"class Owner\(TypedDict, total=False\):\n    nickname: str\n", params), \
        params


def test_an_example_that_uses_one_left_out_is_left_out_too(tmp_path: Path) -> None:
    """Leaving out an example can break a reference to it: that example goes as well."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(MISSING_EXAMPLES.replace(
        "    chained: {$ref: \"#/components/examples/no-such-example\"}",
        "    broken: {value: {$ref: \"#/nowhere\"}}").replace(
        "kept: {value: {name: the-kept-example}}",
        "kept: {$ref: \"#/components/examples/broken\"}"), encoding="utf-8")
    checked = check_refs(bundle(load(spec)))
    assert checked.errors == []
    media = checked.doc.data["paths"]["/pets"]["get"]["responses"]["200"]["content"][
        "application/json"]
    assert media["examples"] == {}
    assert "broken" not in checked.doc.data["components"]["examples"]
