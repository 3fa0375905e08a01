"""Object schemas that also carry `oneOf`: the generated client parses their answers.

tests/fixtures/variants/object_unions.yaml has an object whose `oneOf` members only list
required names (the object stays one model) and an object whose members are models of their
own (the answer is the union of those models). Both packages pass mypy --strict and their
own tests, which parse an example answer over HTTP.
"""

from __future__ import annotations

from pathlib import Path

from cli_support import VARIANTS, describe, generate, generated_tests, mypy_strict

SPEC = VARIANTS / "object_unions.yaml"


def test_object_with_oneof_answers_parse(tmp_path: Path) -> None:
    out = generate(SPEC, tmp_path / "out")
    constrained = (out / "object_unions" / "types" / "constrained_get_constrained_response.py")
    assert "class ConstrainedGetConstrainedResponse(BaseModel):" in constrained.read_text("utf-8")
    proc = generated_tests(out)
    assert proc.returncode == 0, describe(proc)
    proc = mypy_strict(out, tmp_path / "mypy", "object_unions", "tests")
    assert proc.returncode == 0, describe(proc)
