"""The fast validity check (generator/fastvalidate.py) agrees with openapi-spec-validator.

At generation time sdkwright runs openapi-spec-validator only on documents the fast check
finds not clean. That is sound only if the check never calls a document clean that the
library would fault: here both judge every spec of the corpus and of the repository, and
broken variants of a few of them (a wrong type, a bad pattern, a default of the wrong type,
an unknown key, a required name no property defines, a parameter in the wrong place, ...).
Where the library does run in a generation, it skips what the fast check vouches for (the
document pass, each schema's check against its dialect): here it finds the same faults
either way.
"""

from __future__ import annotations

import copy
import os
import random
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sdkwright.bundle import bundle
from sdkwright.fastvalidate import clean, document_clean
from sdkwright.load import Document, load
from sdkwright.pipeline import readable_document
from sdkwright.schemafaults import _schema_faults, document_faults
from sdkwright.validate import check_version

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "specs"
OWN = sorted([*ROOT.glob("spec/*.yaml"), *ROOT.glob("tests/fixtures/*/*.yaml"),
              *ROOT.glob("tests/fixtures/*/*.json")])
CORPUS_SPECS = sorted([*CORPUS.glob("*.yaml"), *CORPUS.glob("*.json")]) if CORPUS.is_dir() \
    else []
# Small enough to validate many times over with the library.
MUTATED = ("spec/livestream.yaml", "tests/fixtures/variants/livestream_31_refs.yaml",
           "tests/fixtures/variants/discriminator.yaml", "tests/fixtures/bodies/uploads.yaml")
MUTATIONS_PER_SPEC = 24

Json = Any
Mutation = Callable[[dict[str, Any], random.Random], None]


def _document(path: Path) -> Document | None:
    """The bundled document, or None when it is refused before validation."""
    try:
        readable = readable_document(bundle(load(path)))
    except Exception:  # the loader's refusals: nothing for the validators to judge
        return None
    return None if readable.errors else readable.doc


Verdicts = tuple[tuple[bool, bool], tuple[bool, bool], bool]


def _agree(doc: Document) -> Verdicts:
    """(fast, library) on the whole; (fast, library) on the document check alone, which a
    generation skips where the fast check finds the document valid; and whether the library
    finds the same faults when the fast check vouches for schemas against their dialect, as
    in a generation."""
    version = check_version(doc)
    faults = _faults(doc, version)
    library_document = next(iter(document_faults(doc, version)), None) is None
    same = _faults(doc, version, fast_dialect=True) == faults
    return ((clean(doc, version), not faults),
            (document_clean(doc, version), library_document), same)


def _faults(doc: Document, version: str, *, fast_dialect: bool = False) -> list[object]:
    """The library's faults in order, and the name of the exception it stopped with, if any
    (a generation reports that as a fault of its own)."""
    found: list[object] = []
    try:
        found.extend(_schema_faults(doc, version, fast_dialect=fast_dialect))
    except Exception as exc:  # the library's own crashes on broken documents
        found.append(type(exc).__name__)
    return found


def _verdicts(path: Path) -> Verdicts | None:
    doc = _document(path)
    return None if doc is None else _agree(doc)


@pytest.fixture(scope="module")
def corpus_verdicts() -> dict[Path, Verdicts | None]:
    """Both verdicts for every corpus spec, on every core (the library takes seconds on the
    big ones)."""
    with ProcessPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip(CORPUS_SPECS, pool.map(_verdicts, CORPUS_SPECS), strict=True))


@pytest.mark.parametrize("path", OWN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_verdicts_agree_on_the_repositorys_specs(path: Path) -> None:
    doc = _document(path)
    if doc is None:
        pytest.skip("refused before validation")
    whole, document, same_faults = _agree(doc)
    assert whole[0] == whole[1]
    assert document[0] == document[1]
    assert same_faults


@pytest.mark.skipif(not CORPUS_SPECS, reason=f"the compatibility corpus {CORPUS} is not present")
@pytest.mark.parametrize("path", CORPUS_SPECS, ids=lambda p: p.name)
def test_verdicts_agree_on_the_corpus(
        path: Path, corpus_verdicts: dict[Path, Verdicts | None]) -> None:
    verdicts = corpus_verdicts[path]
    if verdicts is None:
        pytest.skip("refused before validation")
    whole, document, same_faults = verdicts
    assert whole[0] == whole[1]
    assert document[0] == document[1]
    assert same_faults


# -- broken variants -------------------------------------------------------------------------

def _schemas(node: Json) -> Iterator[dict[str, Any]]:
    """Every mapping that looks like a schema (has a type or properties)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "type" in item or "properties" in item:
                yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _operations(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for item in (data.get("paths") or {}).values() if isinstance(item, dict)
            for key, op in item.items() if key in ("get", "post", "put", "delete", "patch")
            and isinstance(op, dict)]


def _pick_schema(data: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
    found = list(_schemas(data))
    return rng.choice(found) if found else None


def _bad_type(data: dict[str, Any], rng: random.Random) -> None:
    if (schema := _pick_schema(data, rng)) is not None:
        schema["type"] = rng.choice(["strnig", ["string", "nope"], 3])


def _bad_pattern(data: dict[str, Any], rng: random.Random) -> None:
    if (schema := _pick_schema(data, rng)) is not None:
        schema["type"] = "string"
        schema["pattern"] = rng.choice(["[a-", "(?P<x", r"\p{L}+", "ok+", 7])


def _bad_default(data: dict[str, Any], rng: random.Random) -> None:
    if (schema := _pick_schema(data, rng)) is not None:
        schema["default"] = rng.choice(["text", 12, None, [1], {"a": 1}, True])


def _unknown_key(data: dict[str, Any], rng: random.Random) -> None:
    target: dict[str, Any] | None = rng.choice(
        [_pick_schema(data, rng), *(_operations(data) or [None]), data.get("info")])
    if target is not None:
        target[rng.choice(["nullabel", "descripton", "x-fine", "summery"])] = True


def _required_undefined(data: dict[str, Any], rng: random.Random) -> None:
    if (schema := _pick_schema(data, rng)) is not None:
        schema.setdefault("allOf", [{"type": "object"}])
        schema["required"] = ["no_such_property"]


def _bad_parameter(data: dict[str, Any], rng: random.Random) -> None:
    operations = _operations(data)
    if operations:
        op = rng.choice(operations)
        op.setdefault("parameters", []).append(
            rng.choice([{"name": "x", "in": "body", "schema": {"type": "string"}},
                        {"name": "y", "in": "query"},
                        {"name": "z", "in": "query", "schema": {"type": "integer",
                                                                 "default": "two"}}]))


def _bad_response(data: dict[str, Any], rng: random.Random) -> None:
    operations = _operations(data)
    if operations:
        rng.choice(operations)["responses"] = rng.choice(
            [{}, {"abc": {"description": "x"}}, {"200": {}}, "ok"])


def _items_list(data: dict[str, Any], rng: random.Random) -> None:
    if (schema := _pick_schema(data, rng)) is not None:
        schema["type"] = "array"
        schema["items"] = rng.choice([[{"type": "string"}], {"type": "string"}, "x"])


MUTATIONS: tuple[Mutation, ...] = (_bad_type, _bad_pattern, _bad_default, _unknown_key,
                                   _required_undefined, _bad_parameter, _bad_response,
                                   _items_list)


@pytest.mark.parametrize("spec", MUTATED)
def test_verdicts_agree_on_broken_variants(spec: str) -> None:
    doc = _document(ROOT / spec)
    assert doc is not None
    rng = random.Random(f"fastvalidate {spec}")  # the same variants on every run
    disagreements = []
    for i in range(MUTATIONS_PER_SPEC):
        data = copy.deepcopy(doc.data)
        mutation = MUTATIONS[i % len(MUTATIONS)]
        mutation(data, rng)
        whole, document, same_faults = _agree(Document(doc.path, data, doc.lines, doc.parts))
        if whole[0] != whole[1] or document[0] != document[1] or not same_faults:
            disagreements.append((mutation.__name__, whole, document, same_faults))
    assert disagreements == []
