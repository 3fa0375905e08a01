"""Stage 2: check a loaded document against the OpenAPI 3.0/3.1 schema (openapi-spec-validator)
and the rules the schema cannot express (spec_rules), each fault at the node it is about
(schemafaults.py).

The validators are imported only where they run: a generation runs them in a child process
(problems_soon), and its own process, which does not need them, is spared the fifth of a
second their import takes.
"""

from __future__ import annotations

from functools import partial

from .background import Pending, in_background
from .errors import Problem, SpecError
from .load import Document


def check_version(doc: Document) -> str:
    """The document's OpenAPI minor version ("3.0" or "3.1"); refuse anything else."""
    data = doc.data
    if "swagger" in data:
        raise SpecError([doc.problem(("swagger",), "Swagger 2.0 documents are not supported; "
                                     "convert to OpenAPI 3 first (e.g. with swagger2openapi)")])
    version = data.get("openapi")
    if version is None:
        raise SpecError([doc.problem((), "not an OpenAPI document: no 'openapi' version field")])
    text = str(version)
    if text.startswith("3.0"):
        return "3.0"
    if text.startswith("3.1"):
        return "3.1"
    raise SpecError([doc.problem(("openapi",), f"OpenAPI version {text!r} is not supported "
                                 "(3.0.x and 3.1.x are)")])


def problems(doc: Document) -> list[Problem]:
    """Every violation, at most one per node, each with the line it sits on, with
    openapi-spec-validator as the authority (validate, --strict)."""
    from .schemafaults import located_problems

    return located_problems(doc, check_version(doc), library=True)


def problems_soon(doc: Document) -> Pending[list[Problem]]:
    """The same violations for a generation that reads past them: openapi-spec-validator
    runs only when a fast check of the same schemas (fastvalidate) finds the document not
    clean, and all of it in a child process while this one builds and renders, which need
    none of it: on a large spec the checks take a second when the document is clean, and
    seconds more when the library must word its faults."""
    # If the child is lost (killed for memory, say), say so rather than keep the whole
    # document in this process until the end, to check it again.
    lost = doc.problem((), "the check against the OpenAPI schema ended before it finished; "
                       "run `sdkwright validate` for its findings")
    return in_background(partial(_generation_problems, doc, check_version(doc)),
                         lambda: [lost])


def _generation_problems(doc: Document, version: str) -> list[Problem]:
    from .fastvalidate import document_clean, schemas_clean
    from .schemafaults import located_problems

    whole = document_clean(doc, version)
    if whole and schemas_clean(doc, version):
        return located_problems(doc, version, library=False)
    # Where the fast check finds the whole document valid, so does the library's first part
    # (tests/test_fastvalidate.py checks both agree), which need not run. The same holds for
    # each schema's check against its dialect (the same test checks that the faults found
    # are the same): only the library's wording is wanted.
    return located_problems(doc, version, library=True, check_document=not whole,
                            fast_dialect=True)
