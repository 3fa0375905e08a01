"""`sdkwright diff`: the changes between two specs' clients, each with the verdict a careful
maintainer would give, as a list or JSON, the exit codes, and the comparison with git HEAD.

Every case edits one small spec (`BASE`) and runs the real CLI on the pair; all runs happen
once, concurrently, in module-scoped fixtures. Each case lists every change it must report
(impact, kind, where), so a change reported twice, or noise, fails it too.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import Batch, Proc, describe, env, run, sdkwright

EXIT_OK, EXIT_BREAKING, EXIT_BAD_INPUT = 0, 1, 2

BASE = """\
openapi: 3.0.3
info: {title: Pet Shop, version: "1"}
paths:
  /pets:
    get:
      tags: [pets]
      operationId: list_pets
      summary: List pets
      parameters:
        - name: limit
          in: query
          description: How many to list.
          schema: {type: integer, default: 20}
        - name: status
          in: query
          schema: {type: string, enum: [available, sold]}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "#/components/schemas/Pet"}
    post:
      tags: [pets]
      operationId: create_pet
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string}
                tag: {type: string, description: A tag.}
      responses:
        "201":
          description: Created
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Pet"}
  /pets/{pet_id}:
    get:
      tags: [pets]
      operationId: get_pet
      parameters:
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [id, name]
                properties:
                  id: {type: integer}
                  name: {type: string}
                  status: {type: string, enum: ["available", "sold"]}
  /stores:
    get:
      tags: [stores]
      operationId: list_stores
      responses:
        "204": {description: No content}
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: {type: integer}
        name: {type: string, description: The pet's name.}
        tag: {type: string}
"""

DELETE_PET = """\
    delete:
      tags: [pets]
      operationId: delete_pet
      parameters:
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: Deleted}
  /stores:
"""

GET_PET = BASE[BASE.index("  /pets/{pet_id}:"):BASE.index("  /stores:")]
# get_pet's inline response schema, and the same schema as a shared one.
INLINE = GET_PET[GET_PET.index("schema:\n                type: object"):]
SHARED = "    PetStatus:\n" + "".join(line[10:] + "\n" for line in INLINE.splitlines()[1:])
STORES = BASE[BASE.index("  /stores:"):BASE.index("components:")]

Expected = tuple[tuple[str, str, str], ...]  # (impact, kind, where), in report order


@dataclass(frozen=True)
class Case:
    edits: tuple[tuple[str, str], ...]  # (text of BASE, its replacement): each occurs once
    verdict: str
    changes: Expected


LIST = "client.pets.list_pets"
CREATE = "client.pets.create_pet"
GET = "client.pets.get_pet"
PET = "types.schemas.Pet"
GET_RESPONSE = "types.pet_get_pet_response.PetGetPetResponse"

CASES: dict[str, Case] = {
    "unchanged": Case((), "none", ()),
    "description-edited": Case(
        (("The pet's name.", "What the pet answers to."),), "patch",
        (("docs", "field-docs", f"{PET}.name"),)),
    "summary-edited": Case(
        (("summary: List pets", "summary: List the shop's pets"),), "patch",
        (("docs", "method-docs", LIST),)),
    "default-changed": Case(
        (("default: 20", "default: 50"),), "patch",
        (("docs", "param-default", f"{LIST}(limit)"),)),
    "optional-param-added": Case(
        (("      parameters:\n        - name: limit",
          "      parameters:\n        - {name: q, in: query, schema: {type: string}}\n"
          "        - name: limit"),), "minor",
        (("compatible", "param-added", f"{LIST}(q)"),)),
    "required-param-added": Case(
        (("      parameters:\n        - name: limit",
          "      parameters:\n        - {name: shop, in: query, required: true, "
          "schema: {type: string}}\n        - name: limit"),), "major",
        (("breaking", "param-added", f"{LIST}(shop)"),)),
    "param-removed": Case(
        (("        - name: status\n          in: query\n"
          "          schema: {type: string, enum: [available, sold]}\n", ""),), "major",
        (("breaking", "param-removed", f"{LIST}(status)"),)),
    "param-made-required": Case(
        (("          in: query\n          description: How many",
          "          in: query\n          required: true\n          description: How many"),),
        "major", (("breaking", "param-required", f"{LIST}(limit)"),)),
    "param-made-optional": Case(
        (("required: [name]\n              properties:",
          "properties:"),), "minor",
        (("compatible", "param-optional", f"{CREATE}(name)"),)),
    "param-widened-to-a-union": Case(
        (("required: true, schema: {type: string}}",
          "required: true, schema: {oneOf: [{type: string}, {type: integer}]}}"),), "minor",
        (("compatible", "param-type", f"{GET}(pet_id)"),)),
    "param-int-to-float": Case(
        (("{type: integer, default: 20}", "{type: number, default: 20}"),), "minor",
        (("compatible", "param-type", f"{LIST}(limit)"),)),
    "param-narrowed-to-an-enum": Case(
        (("{type: string, description: A tag.}",
          "{type: string, enum: [cat, dog], description: A tag.}"),), "major",
        (("breaking", "param-type", f"{CREATE}(tag)"),)),
    "request-enum-value-added": Case(
        (("enum: [available, sold]", "enum: [available, sold, pending]"),), "minor",
        (("compatible", "param-enum-added", f"{LIST}(status)"),)),
    "request-enum-value-removed": Case(
        (("enum: [available, sold]", "enum: [available]"),), "major",
        (("breaking", "param-enum-removed", f"{LIST}(status)"),)),
    "request-field-made-nullable": Case(
        (("{type: string, description: A tag.}",
          "{type: string, nullable: true, description: A tag.}"),), "minor",
        (("compatible", "param-nullable", f"{CREATE}(tag)"),)),
    "required-body-field-added": Case(
        (("required: [name]\n              properties:",
          "required: [name, species]\n              properties:\n"
          "                species: {type: string}"),), "major",
        (("breaking", "param-added", f"{CREATE}(species)"),)),
    "wire-name-changed": Case(
        (("/pets/{pet_id}:", "/pets/{petId}:"),
         ("{name: pet_id, in: path", "{name: petId, in: path"),), "patch",
        (("docs", "method-endpoint", GET), ("docs", "param-wire", f"{GET}(pet_id)"))),
    "method-added": Case(
        (("  /stores:\n", DELETE_PET),), "minor",
        (("compatible", "method-added", "client.pets.delete_pet"),)),
    "method-removed": Case(
        ((GET_PET, ""),), "major",
        (("breaking", "method-removed", GET),)),
    "method-deprecated": Case(
        (("summary: List pets", "summary: List pets\n      deprecated: true"),), "minor",
        (("compatible", "method-deprecated", LIST),)),
    "resource-removed": Case(
        ((STORES, ""),), "major",
        (("breaking", "resource-removed", "client.stores"),
         ("breaking", "method-removed", "client.stores.list_stores"))),
    "operation-id-renamed": Case(
        (("operationId: get_pet", "operationId: fetch_pet"),), "major",
        (("breaking", "method-renamed", GET),
         ("breaking", "class-renamed", GET_RESPONSE))),
    "path-changed-same-operation-id": Case(
        (("  /stores:", "  /shops:"),), "patch",
        (("docs", "method-endpoint", "client.stores.list_stores"),)),
    "response-now-returned": Case(
        (('"204": {description: No content}',
          '"200":\n          description: OK\n          content:\n'
          '            application/json:\n'
          '              schema: {type: array, items: {type: string}}'),), "minor",
        (("compatible", "return-type", "client.stores.list_stores"),)),
    "response-field-added": Case(
        (("        tag: {type: string}\n",
          "        tag: {type: string}\n        age: {type: integer}\n"),), "minor",
        (("compatible", "field-added", f"{PET}.age"),)),
    "response-field-removed": Case(
        (("        tag: {type: string}\n", ""),), "major",
        (("breaking", "field-removed", f"{PET}.tag"),)),
    "response-field-made-optional": Case(
        (("      required: [id, name]\n      properties:\n        id",
          "      required: [id]\n      properties:\n        id"),), "major",
        (("breaking", "field-optional", f"{PET}.name"),)),
    "response-field-made-nullable": Case(
        (("{type: string, description: The pet's name.}",
          "{type: string, nullable: true, description: The pet's name.}"),), "major",
        (("breaking", "field-nullable", f"{PET}.name"),)),
    "response-field-widened": Case(
        (("        id: {type: integer}\n        name: {type: string, description",
          "        id: {type: number}\n        name: {type: string, description"),), "major",
        (("breaking", "field-type", f"{PET}.id"),)),
    "response-enum-value-added": Case(
        (('enum: ["available", "sold"]', 'enum: ["available", "sold", "pending"]'),), "minor",
        (("compatible", "field-enum-added", f"{GET_RESPONSE}.status"),)),
    "response-field-made-required": Case(
        (("      required: [id, name]\n      properties:\n        id",
          "      required: [id, name, tag]\n      properties:\n        id"),), "minor",
        (("compatible", "field-required", f"{PET}.tag"),)),
    "response-type-changed": Case(
        (('              schema: {$ref: "#/components/schemas/Pet"}',
          '              schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}'),),
        "major", (("breaking", "return-type", CREATE),)),
    "inline-response-moved-to-a-schema": Case(
        ((INLINE, 'schema: {$ref: "#/components/schemas/PetStatus"}\n'),
         ("  schemas:\n", "  schemas:\n" + SHARED)), "minor",
        (("compatible", "class-added", "types.schemas.PetStatus"),)),
    "title-changed": Case(
        (("title: Pet Shop", "title: Pet Store"),), "major",
        (("breaking", "client-renamed", "package"), ("breaking", "client-renamed", "client"),
         ("breaking", "client-renamed", "client"), ("breaking", "client-renamed", "client"))),
    "credential-required": Case(
        (("components:\n", "security: [{bearer: []}]\ncomponents:\n  securitySchemes:\n"
          "    bearer: {type: http, scheme: bearer}\n"),), "major",
        (("breaking", "client-auth", "client"),
         ("compatible", "client-credential", "client(api_token)"))),
    "model-renamed": Case(
        (("    Pet:\n", "    Animal:\n"),
         ('items: {$ref: "#/components/schemas/Pet"}',
          'items: {$ref: "#/components/schemas/Animal"}'),
         ('schema: {$ref: "#/components/schemas/Pet"}',
          'schema: {$ref: "#/components/schemas/Animal"}')), "major",
        (("breaking", "class-renamed", PET),)),
}


def _edited(case: Case) -> str:
    text = BASE
    for old, new in case.edits:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in BASE"
        text = text.replace(old, new)
    return text


def _compare(folder: Path, case: Case) -> Proc:
    (folder / "old.yaml").write_text(BASE, encoding="utf-8")
    (folder / "new.yaml").write_text(_edited(case), encoding="utf-8")
    return sdkwright("diff", "old.yaml", "new.yaml", "--format", "json", cwd=folder)


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Batch[Proc]:
    folders = {name: tmp_path_factory.mktemp(name) for name in CASES}
    return Batch({name: (lambda n=name: _compare(folders[n], CASES[n])) for name in CASES})


def _report(proc: Proc) -> dict[str, object]:
    assert "Traceback" not in proc.stderr, describe(proc)
    assert proc.stderr == "", describe(proc)
    data = json.loads(proc.stdout)
    assert isinstance(data, dict), describe(proc)
    return data


@pytest.mark.parametrize("name", list(CASES))
def test_each_change_gets_the_maintainers_verdict(name: str, cases: Batch[Proc]) -> None:
    proc, case = cases[name], CASES[name]
    data = _report(proc)
    changes = data["changes"]
    assert isinstance(changes, list)
    found = tuple((c["impact"], c["kind"], c["where"]) for c in changes)
    assert found == case.changes, describe(proc)
    assert data["verdict"] == case.verdict, describe(proc)
    expected_code = EXIT_BREAKING if case.verdict == "major" else EXIT_OK
    assert proc.returncode == expected_code, describe(proc)


def test_json_shape(cases: Batch[Proc]) -> None:
    data = _report(cases["resource-removed"])
    assert set(data) == {"verdict", "changes"}
    changes = data["changes"]
    assert isinstance(changes, list)
    assert changes[0] == {
        "kind": "resource-removed", "impact": "breaking", "where": "client.stores",
        "message": "resource removed", "spec": "new.yaml",
    }


# -- the readable list, and bad input ---------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    old: str
    new: str
    args: tuple[str, ...] = ()


BROKEN = BASE.replace('"204": {description: No content}', '"2x4": {description: No content}')

PAIRS = {
    "mixed": Pair(BASE, _edited(Case((*CASES["default-changed"].edits,
                                      *CASES["param-removed"].edits,
                                      *CASES["method-added"].edits), "", ()))),
    "unchanged": Pair(BASE, BASE),
    "broken-new": Pair(BASE, BROKEN),
    "broken-both": Pair(BROKEN, BROKEN),
    "one-spec": Pair(BASE, BASE, ("old.yaml",)),
}


def _pair(folder: Path, pair: Pair) -> Proc:
    (folder / "old.yaml").write_text(pair.old, encoding="utf-8")
    (folder / "new.yaml").write_text(pair.new, encoding="utf-8")
    return sdkwright("diff", *(pair.args or ("old.yaml", "new.yaml")), cwd=folder)


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> Batch[Proc]:
    folders = {name: tmp_path_factory.mktemp(name) for name in PAIRS}
    return Batch({name: (lambda n=name: _pair(folders[n], PAIRS[n])) for name in PAIRS})


def test_the_list_puts_breaking_first_and_the_verdict_last(pairs: Batch[Proc]) -> None:
    proc = pairs["mixed"]
    assert proc.returncode == EXIT_BREAKING, describe(proc)
    assert proc.stdout == (
        "breaking (1):\n"
        "  client.pets.list_pets(status): parameter removed\n"
        "compatible (1):\n"
        "  client.pets.delete_pet: method added (DELETE /pets/{pet_id})\n"
        "docs and defaults (1):\n"
        "  client.pets.list_pets(limit): default changed from 20 to 50\n"
        "verdict: major\n"), describe(proc)


def test_no_change_says_so(pairs: Batch[Proc]) -> None:
    proc = pairs["unchanged"]
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stdout == "no changes\nverdict: none\n", describe(proc)


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(("name", "files"), [("broken-new", ("new.yaml",)),
                                             ("broken-both", ("old.yaml", "new.yaml"))])
def test_a_broken_spec_is_bad_input_at_its_line(name: str, files: tuple[str, ...],
                                                pairs: Batch[Proc]) -> None:
    proc = pairs[name]
    line = _line_of(BROKEN, '"2x4"')
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    assert proc.stdout == "", describe(proc)
    assert proc.stderr.splitlines() == [
        f"{file}:{line}: response status code '2x4' is not an HTTP status, a range like 4XX, "
        "or default" for file in files], describe(proc)


def test_one_spec_alone_is_a_usage_error(pairs: Batch[Proc]) -> None:
    proc = pairs["one-spec"]
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    assert proc.stderr == "sdkwright: diff takes OLD_SPEC and NEW_SPEC, or neither\n", \
        describe(proc)


# -- without arguments: each configured spec at git HEAD against the working copy --------------

PYPROJECT = """\
[[tool.sdkwright.clients]]
spec = "spec/pets.yaml"
out = "client"
package = "pet_shop"
"""

# A two-file spec: the Pet schema lives in its own file beside the root document.
ROOT_FILE = BASE[:BASE.index("components:")].replace(
    "#/components/schemas/Pet", "schemas/pet.yaml")
PET_FILE = """\
type: object
required: [id, name]
properties:
  id: {type: integer}
  name: {type: string}
  tag: {type: string}
"""
PET_FILE_WITHOUT_TAG = PET_FILE.replace("  tag: {type: string}\n", "")
IDENTITY = ("-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false")


@dataclass(frozen=True)
class Repo:
    committed: dict[str, str] | None  # files of the one commit; None for no repository
    working: dict[str, str]  # files written (over the committed ones) after the commit


def _git(folder: Path, *args: str) -> None:
    git = shutil.which("git")
    assert git is not None
    proc = run([git, *IDENTITY, *args], cwd=folder)
    assert proc.returncode == 0, describe(proc)


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def _in_repo(folder: Path, repo: Repo) -> Proc:
    if repo.committed is not None:
        _git(folder, "init", "-q")
        _write(folder, repo.committed)
        _git(folder, "add", "-A")
        _git(folder, "commit", "-qm", "first", "--allow-empty")
    _write(folder, repo.working)
    # Git looks no higher than the test's folder, whatever holds the temporary folders.
    return sdkwright("diff", cwd=folder, environ=env(GIT_CEILING_DIRECTORIES=str(folder.parent)))


COMMITTED = {"pyproject.toml": PYPROJECT, "spec/pets.yaml": ROOT_FILE,
             "spec/schemas/pet.yaml": PET_FILE}
REPOS = {
    "edited": Repo(COMMITTED, {"spec/schemas/pet.yaml": PET_FILE_WITHOUT_TAG}),
    "clean": Repo(COMMITTED, {}),
    "new-spec": Repo({"pyproject.toml": PYPROJECT},
                     {"spec/pets.yaml": ROOT_FILE, "spec/schemas/pet.yaml": PET_FILE}),
    "broken-at-head": Repo({**COMMITTED, "spec/pets.yaml": ROOT_FILE.replace('"204"', '"2x4"')},
                           {"spec/pets.yaml": ROOT_FILE}),
    "no-repository": Repo(None, COMMITTED),
}


@pytest.fixture(scope="module")
def repos(tmp_path_factory: pytest.TempPathFactory) -> Batch[Proc]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folders = {name: tmp_path_factory.mktemp(name) for name in REPOS}
    return Batch({name: (lambda n=name: _in_repo(folders[n], REPOS[n])) for name in REPOS})


def test_a_field_removed_in_another_file_since_head_breaks(repos: Batch[Proc]) -> None:
    proc = repos["edited"]
    assert proc.returncode == EXIT_BREAKING, describe(proc)
    assert proc.stdout == (
        "spec/pets.yaml: HEAD -> working copy:\n"
        "breaking (1):\n"
        "  types.schemas.Pet.tag: field removed\n"
        "verdict: major\n"), describe(proc)


def test_a_clean_working_copy_has_no_changes(repos: Batch[Proc]) -> None:
    proc = repos["clean"]
    assert proc.returncode == EXIT_OK, describe(proc)
    assert proc.stdout == "spec/pets.yaml: HEAD -> working copy:\nno changes\nverdict: none\n", \
        describe(proc)


def test_a_spec_new_since_head_adds_everything(repos: Batch[Proc]) -> None:
    proc = repos["new-spec"]
    assert proc.returncode == EXIT_OK, describe(proc)
    lines = proc.stdout.splitlines()
    assert lines[:2] == ["spec/pets.yaml: new since HEAD:", "compatible (7):"], describe(proc)
    assert "  client.pets: resource added" in lines, describe(proc)
    assert "  client.stores.list_stores: method added (GET /stores)" in lines, describe(proc)
    assert "  types.schemas.Pet: class added" in lines, describe(proc)
    assert lines[-1] == "verdict: minor", describe(proc)


def test_a_broken_spec_at_head_is_named_as_git_names_it(repos: Batch[Proc]) -> None:
    proc = repos["broken-at-head"]
    line = _line_of(ROOT_FILE, '"204"')
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    assert proc.stderr == (f"HEAD:spec/pets.yaml:{line}: response status code '2x4' is not an "
                           "HTTP status, a range like 4XX, or default\n"), describe(proc)


def test_outside_a_git_repository_is_a_usage_error(repos: Batch[Proc]) -> None:
    proc = repos["no-repository"]
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    assert proc.stdout == "", describe(proc)
    assert "not inside a git repository" in proc.stderr, describe(proc)
    assert "Traceback" not in proc.stderr, describe(proc)
