"""OpenAPI `discriminator` on oneOf/anyOf: response models pick the member the tag names.

The fixture spec is generated once with the real CLI; black, mypy (with a typing probe), the
generated tests and a behaviour script then run against that package side by side. The
script parses JSON through the generated types and client (a real local HTTP server) and
reports, as JSON, which class each value became.
"""

from __future__ import annotations

import json
import re
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
)

SPEC = VARIANTS / "discriminator.yaml"
PACKAGE = "shelter"
NAMES = ("--package-name", PACKAGE, "--client-name", "Shelter", "--env-prefix", "SHELTER")
# The hostile tag values of `Odd.thing` in the fixture, and the member each one names.
HOSTILE_PROP = "we\"ird\\prop\nname'"
HOSTILE_TAGS = {'quote"s': "Cat", "back\\slash": "Dog", "new\nline": "Cat", '"""': "Dog",
                "'''": "Cat", "{}": "Dog"}

# mypy sees the members' plain Union: the runtime metadata rides in Annotated.
TYPING_PROBE = """\
from typing import List, Optional, Union

from typing_extensions import assert_type

from shelter import Shelter
from shelter.types import schemas

Pet = Union[schemas.Cat, schemas.Dog, schemas.Lizard]


def probe(client: Shelter, shelter: schemas.Shelter, odd: schemas.Odd) -> None:
    assert_type(client.pets.get_pet(), Pet)
    assert_type(client.pets.list_animals(), List[Union[schemas.Cat, schemas.Dog]])
    assert_type(shelter.favourite, Optional[Pet])
    assert_type(shelter.pets, Optional[List[Pet]])
    assert_type(shelter.newest, Optional[Union[schemas.Cat, schemas.Dog]])
    assert_type(odd.thing, Optional[Union[schemas.Cat, schemas.Dog]])
"""

BEHAVIOUR = """
import json, sys, typing
from pydantic import TypeAdapter, ValidationError
from shelter import APIResponseValidationError, Shelter
from shelter._models import TaggedUnion
from shelter.resources.pets import PetsResource
from shelter.types import schemas
from shelter.types.pet_get_pet_response import PetGetPetResponse
from shelter.types.pet_list_animals_response import PetListAnimalsResponse
from tests.conftest import MockServer

HOSTILE_PROP = sys.argv[1]
HOSTILE_TAGS = json.loads(sys.argv[2])
pet = TypeAdapter(PetGetPetResponse)
animals = TypeAdapter(PetListAnimalsResponse)
plain = TypeAdapter(typing.Union[schemas.Cat, schemas.Dog, schemas.Lizard])


def names(value):
    if isinstance(value, list):
        return [names(v) for v in value]
    return None if value is None else type(value).__name__


def parse(adapter, data):
    # From JSON bytes (as responses are parsed) and from Python data; both must agree.
    from_json = names(adapter.validate_json(json.dumps(data)))
    from_python = names(adapter.validate_python(data))
    return from_json if from_json == from_python else [from_json, from_python]


def errors(adapter, data, from_json=True):
    try:
        if from_json:
            adapter.validate_json(json.dumps(data))
        else:
            adapter.validate_python(data)
    except ValidationError as exc:
        return sorted({e["type"] for e in exc.errors()})
    return "parsed"


def tagged_union(hint):
    # The TaggedUnion metadata inside Optional[Annotated[Union[...], TaggedUnion(...)]].
    for arg in typing.get_args(hint):
        for meta in getattr(arg, "__metadata__", ()):
            if isinstance(meta, TaggedUnion):
                return meta
    return None


def hints(cls):
    return typing.get_type_hints(cls, include_extras=True)


out = {}
out["explicit"] = {tag: parse(pet, data) for tag, data in {
    "cat": {"petType": "cat"}, "dog": {"petType": "dog"}, "puppy": {"petType": "puppy"},
    "lizard": {"petType": "lizard", "scales": 3}}.items()}
out["plain_dog"] = parse(plain, {"petType": "dog"})
out["implicit"] = parse(animals, [{"kind": "Dog"}, {"kind": "Cat"}, {"kind": "Dog"}])
out["plain_implicit_dog"] = parse(plain, {"kind": "Dog"})
fallback_cases = [{"petType": "hamster"}, {"petType": "hamster", "lives": "nine"},
                  {"lives": "nine"}, {}, {"petType": "Cat", "lives": "nine"}]
out["fallback"] = [[parse(pet, data), parse(plain, data)] for data in fallback_cases]
out["known_tag_rejected"] = {
    "lizard without scales": errors(pet, {"petType": "lizard"}),
    "cat with bad lives": errors(pet, {"petType": "cat", "lives": "nine"}),
}
out["plain_accepts_bad_cat"] = parse(plain, {"petType": "cat", "lives": "nine"})
shelter = schemas.Shelter.model_validate_json(json.dumps({
    "pets": [{"petType": "dog"}, {"petType": "lizard", "scales": 1}, {"petType": "hamster"},
             {"petType": "puppy"}],
    "favourite": {"petType": "puppy", "name": "Rex"},
    "newest": {"kind": "Dog"},
}))
out["nested"] = {"pets": names(shelter.pets), "favourite": names(shelter.favourite),
                 "newest": names(shelter.newest),
                 "null_newest": names(schemas.Shelter.model_validate({"newest": None}).newest)}
built = schemas.Shelter(favourite=schemas.Dog(pet_type="dog"),
                        pets=[schemas.Lizard(pet_type="lizard", scales=2), schemas.Cat()])
out["instances"] = {
    "favourite": names(built.favourite), "pets": names(built.pets),
    "round_trip": names(schemas.Shelter.model_validate(built.to_dict()).pets),
    "to_dict": built.to_dict(),
    "untagged_dog": names(pet.validate_python(schemas.Dog(name="Rex"))),
    "dog_tagged_cat": errors(pet, schemas.Dog(pet_type="cat"), from_json=False),
}
odd = tagged_union(hints(schemas.Odd)["thing"])
out["hostile"] = {
    "prop": odd.prop,
    "tags": {tag: member.__name__ for tag, member in odd.members.items()},
    "parsed": {tag: names(schemas.Odd.model_validate({"thing": {HOSTILE_PROP: tag}}).thing)
               for tag in HOSTILE_TAGS},
}
out["broken_fields_tagged"] = {name: tagged_union(hint) is not None
                               for name, hint in hints(schemas.Broken).items()}
body = typing.get_type_hints(PetsResource.add_animal, include_extras=True)["body"]
out["request_body"] = {"tagged": tagged_union(body) is not None or "TaggedUnion" in repr(body),
                       "members": sorted(a.__name__ for a in typing.get_args(body))}

server = MockServer()
client = Shelter(base_url=server.url, max_retries=0)
calls = {}
for label, call, reply in [
    ("get_pet puppy", client.pets.get_pet, {"petType": "puppy"}),
    ("get_pet unknown", client.pets.get_pet, {"petType": "hamster", "name": "Hammy"}),
    ("list_animals", client.pets.list_animals, [{"kind": "Dog"}, {"kind": "Cat"}]),
    ("list_pets", client.pets.list_pets, {"pets": [{"petType": "dog"}],
                                          "favourite": {"petType": "lizard", "scales": 1}}),
]:
    server.respond(200, reply)
    result = call()
    calls[label] = names(result) if label != "list_pets" else {
        "pets": names(result.pets), "favourite": names(result.favourite)}
server.respond(200, {"petType": "lizard"})
try:
    client.pets.get_pet()
    calls["get_pet invalid lizard"] = "parsed"
except APIResponseValidationError:
    calls["get_pet invalid lizard"] = "APIResponseValidationError"
client.close()
server.close()
out["client"] = calls
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Proc]:
    out = tmp_path_factory.mktemp("discriminator") / "out"
    proc = sdkwright("generate", SPEC, "--out", out, *NAMES)
    assert proc.returncode == 0, describe(proc)
    assert "Traceback" not in proc.stderr, describe(proc)
    (out / "typing_probe.py").write_text(TYPING_PROBE, encoding="utf-8")
    return out, proc


@pytest.fixture(scope="module")
def tools(generated: tuple[Path, Proc], tmp_path_factory: pytest.TempPathFactory) -> Batch[Proc]:
    out, _ = generated
    cache = tmp_path_factory.mktemp("mypy-discriminator")
    return Batch({
        "black": partial(black_check, out),
        "mypy": partial(mypy_strict, out, cache, PACKAGE, "tests", "typing_probe.py"),
        "pytest": partial(generated_tests, out),
        "behaviour": partial(python, "-c", BEHAVIOUR, HOSTILE_PROP, json.dumps(HOSTILE_TAGS),
                             cwd=out),
    })


@pytest.fixture(scope="module")
def behaviour(tools: Batch[Proc]) -> dict[str, Any]:
    proc = tools["behaviour"]
    assert proc.returncode == 0, describe(proc)
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def test_black_check_passes(tools: Batch[Proc]) -> None:
    assert tools["black"].returncode == 0, describe(tools["black"])


def test_mypy_strict_passes_and_sees_plain_unions(tools: Batch[Proc]) -> None:
    assert tools["mypy"].returncode == 0, describe(tools["mypy"])


def test_generated_tests_pass(tools: Batch[Proc]) -> None:
    proc = tools["pytest"]
    assert proc.returncode == 0, describe(proc)
    assert re.search(r"\b\d+ passed\b", proc.stdout), describe(proc)
    assert not re.search(r"\b\d+ (failed|errors?|skipped)\b", proc.stdout), describe(proc)


def test_explicit_mapping_full_refs_and_bare_names(behaviour: dict[str, Any]) -> None:
    # cat and puppy are `#/components/schemas/...` refs, dog and lizard bare names; dog and
    # puppy both name Dog.
    assert behaviour["explicit"] == {"cat": "Cat", "dog": "Dog", "puppy": "Dog",
                                     "lizard": "Lizard"}


def test_tag_wins_over_an_earlier_member_that_also_accepts(behaviour: dict[str, Any]) -> None:
    # Cat and Dog have only optional properties: without the tag, Cat (first) takes everything.
    assert behaviour["plain_dog"] == "Cat"
    assert behaviour["explicit"]["dog"] == "Dog"


def test_implicit_mapping_uses_schema_names(behaviour: dict[str, Any]) -> None:
    assert behaviour["plain_implicit_dog"] == "Cat"
    assert behaviour["implicit"] == ["Dog", "Cat", "Dog"]


def test_unknown_or_missing_tag_falls_back_to_the_untagged_union(
        behaviour: dict[str, Any]) -> None:
    for tagged, plain in behaviour["fallback"]:
        assert tagged == plain
    # An unknown tag still parses; data only Dog accepts (Cat rejects `lives`) becomes Dog.
    # "Cat" is no tag: the mapping names Cat, so its schema name is not added.
    assert [tagged for tagged, _ in behaviour["fallback"]] == ["Cat", "Dog", "Dog", "Cat", "Dog"]


def test_known_tag_is_bound_to_its_member(behaviour: dict[str, Any]) -> None:
    # The plain union would take the bad cat as a Dog; with the tag it is an error.
    assert behaviour["plain_accepts_bad_cat"] == "Dog"
    rejected = behaviour["known_tag_rejected"]
    assert "missing" in rejected["lizard without scales"], rejected
    assert "int_parsing" in rejected["cat with bad lives"], rejected
    assert all("union_tag_member" in types for types in rejected.values()), rejected


def test_tagged_unions_nested_in_arrays_and_properties(behaviour: dict[str, Any]) -> None:
    assert behaviour["nested"] == {
        "pets": ["Dog", "Lizard", "Cat", "Dog"],
        "favourite": "Dog",
        "newest": "Dog",
        "null_newest": None,
    }


def test_model_instances_pass_through(behaviour: dict[str, Any]) -> None:
    instances = behaviour["instances"]
    assert instances["favourite"] == "Dog"
    assert instances["pets"] == ["Lizard", "Cat"]
    assert instances["round_trip"] == ["Lizard", "Cat"]
    assert instances["to_dict"] == {"favourite": {"petType": "dog"},
                                    "pets": [{"petType": "lizard", "scales": 2}, {}]}
    assert instances["untagged_dog"] == "Dog"
    # A Dog that says it is a cat contradicts its own tag.
    assert "union_tag_member" in instances["dog_tagged_cat"]


def test_hostile_tag_values_round_trip(behaviour: dict[str, Any]) -> None:
    hostile = behaviour["hostile"]
    assert hostile["prop"] == HOSTILE_PROP
    assert hostile["tags"] == HOSTILE_TAGS
    assert hostile["parsed"] == HOSTILE_TAGS


def test_client_parses_tagged_responses_over_http(behaviour: dict[str, Any]) -> None:
    assert behaviour["client"] == {
        "get_pet puppy": "Dog",
        "get_pet unknown": "Cat",
        "list_animals": ["Dog", "Cat"],
        "list_pets": {"pets": ["Dog"], "favourite": "Lizard"},
        "get_pet invalid lizard": "APIResponseValidationError",
    }


def test_request_side_keeps_the_plain_union(behaviour: dict[str, Any]) -> None:
    assert behaviour["request_body"] == {"tagged": False,
                                         "members": ["CatParam", "DogParam", "LizardParam"]}


def _line_of(text: str, needle: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text[:text.index(needle, start)].count("\n") + 1


def test_unusable_discriminators_warn_and_stay_plain(generated: tuple[Path, Proc],
                                                     behaviour: dict[str, Any]) -> None:
    _, proc = generated
    text = SPEC.read_text(encoding="utf-8")
    expected = [
        (_line_of(text, "- type: string", "scalars:"), "this member is not an object schema"),
        (_line_of(text, "lizard: '#/components/schemas/Lizard'"),
         "mapping value '#/components/schemas/Lizard' names no member of the union"),
        (_line_of(text, "discriminator:", "noProperty:"), "it has no propertyName"),
    ]
    lines = proc.stderr.splitlines()
    for line, message in expected:
        found = [w for w in lines if w.startswith(f"{SPEC}:{line}: warning: discriminator "
                                                  "ignored") and message in w]
        assert len(found) == 1, (line, message, proc.stderr)
    assert sum("discriminator ignored" in w for w in lines) == len(expected), proc.stderr
    assert behaviour["broken_fields_tagged"] == {"scalars": False, "unknown_target": False,
                                                 "no_property": False}


MULTIFILE_ROOT = """\
openapi: 3.0.3
info: {title: Zoo, version: '1'}
paths:
  /animal:
    get:
      operationId: getAnimal
      tags: [zoo]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  implicit:
                    oneOf:
                      - $ref: 'animals.yaml#/Cat'
                      - $ref: 'animals.yaml#/Dog'
                    discriminator: {propertyName: kind}
                  other_file_mapping:
                    oneOf:
                      - $ref: 'animals.yaml#/Cat'
                      - $ref: 'animals.yaml#/Dog'
                    discriminator:
                      propertyName: kind
                      mapping: {dog: 'animals.yaml#/Dog'}
"""
MULTIFILE_ANIMALS = """\
Cat:
  type: object
  properties: {kind: {type: string}, name: {type: string}}
Dog:
  type: object
  properties: {kind: {type: string}, name: {type: string}}
"""


def test_members_in_other_files_are_tagged_by_schema_name(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(MULTIFILE_ROOT, encoding="utf-8")
    (tmp_path / "animals.yaml").write_text(MULTIFILE_ANIMALS, encoding="utf-8")
    proc = sdkwright("generate", spec, "--out", tmp_path / "out", "--package-name", "zoo")
    assert proc.returncode == 0, describe(proc)
    # A mapping value naming another file is not followed: said, and the union stays plain.
    warnings = [w for w in proc.stderr.splitlines() if "discriminator ignored" in w]
    assert len(warnings) == 1, proc.stderr
    line = _line_of(MULTIFILE_ROOT, "mapping: {dog:")
    assert warnings[0].startswith(f"{spec}:{line}: warning:"), proc.stderr
    assert "'animals.yaml#/Dog' names no member" in warnings[0], proc.stderr
    check = python("-c", "from zoo.types.zoo_get_animal_response import ZooGetAnimalResponse as R\n"
                   "r = R.model_validate({'implicit': {'kind': 'Dog'},"
                   " 'other_file_mapping': {'kind': 'dog'}})\n"
                   "print(type(r.implicit).__name__, type(r.other_file_mapping).__name__)",
                   cwd=tmp_path / "out")
    assert check.returncode == 0, describe(check)
    assert check.stdout.split() == ["Dog", "Cat"]


# Members that fix the tag themselves (an enum of one), with no mapping: a common shape (most
# of OpenAI's discriminators). Open enums accept unknown strings, so the plain union would take
# every event as its first member.
FIXED_TAGS_SPEC = """\
openapi: 3.0.3
info: {title: Events, version: "1"}
paths:
  /event:
    get:
      operationId: getEvent
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                oneOf:
                  - $ref: "#/components/schemas/ClickEvent"
                  - $ref: "#/components/schemas/ViewEvent"
                discriminator: {propertyName: type}
components:
  schemas:
    ClickEvent:
      type: object
      required: [type]
      properties:
        type: {type: string, enum: [click]}
        x: {type: integer}
    ViewEvent:
      type: object
      required: [type]
      properties:
        type: {type: string, enum: [view]}
        url: {type: string}
"""

FIXED_TAGS_PROBE = """
import json
from pydantic import TypeAdapter
from events.types.event_get_event_response import EventGetEventResponse
adapter = TypeAdapter(EventGetEventResponse)
print(json.dumps([type(adapter.validate_python(v)).__name__ for v in (
    {"type": "view", "url": "/"}, {"type": "click"}, {"type": "ViewEvent"}, {"type": "new"})]))
"""


def test_members_that_fix_the_tag_are_tagged_by_that_value(tmp_path: Path) -> None:
    spec = tmp_path / "events.yaml"
    spec.write_text(FIXED_TAGS_SPEC, "utf-8")
    out = tmp_path / "out"
    proc = sdkwright("generate", spec, "--out", out)
    assert proc.returncode == 0, describe(proc)
    assert ": warning:" not in proc.stderr, describe(proc)
    proc = python("-c", FIXED_TAGS_PROBE, cwd=out)
    assert proc.returncode == 0, describe(proc)
    # Known values pick their member, the schema name still works, anything else falls back.
    assert json.loads(proc.stdout) == ["ViewEvent", "ClickEvent", "ViewEvent", "ClickEvent"]
    proc = generated_tests(out)
    assert proc.returncode == 0, describe(proc)


IMPLICIT_PROBE = """
import json
from pydantic import TypeAdapter
from events.types.event_get_event_response import EventGetEventResponse
adapter = TypeAdapter(EventGetEventResponse)
values = ({"type": "view", "url": "/"}, {"type": "click"})
print(json.dumps([type(adapter.validate_python(v)).__name__ for v in values]
                 + [type(adapter.validate_json(json.dumps(v))).__name__ for v in values]))
"""


def test_members_that_fix_a_property_are_tagged_without_a_discriminator(tmp_path: Path) -> None:
    # Without the keyword the plain union's choice was an accident of pydantic's smart mode,
    # and differed between JSON and Python input (open enums accept every value).
    spec = tmp_path / "events.yaml"
    spec.write_text(FIXED_TAGS_SPEC.replace("                discriminator: {propertyName: type}\n",
                                            ""), "utf-8")
    assert "discriminator" not in spec.read_text("utf-8")
    out = tmp_path / "out"
    proc = sdkwright("generate", spec, "--out", out)
    assert proc.returncode == 0, describe(proc)
    proc = python("-c", IMPLICIT_PROBE, cwd=out)
    assert proc.returncode == 0, describe(proc)
    assert json.loads(proc.stdout) == ["ViewEvent", "ClickEvent"] * 2
