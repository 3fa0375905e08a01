"""Generated tests against Prism for a spec whose requests are easy to get wrong.

tests/fixtures/prism/edge_requests.yaml holds what real specs showed: identifiers with patterns
and exact lengths, arrays with `minItems` and `uniqueItems`, a body whose `anyOf` only says
which of its fields is required, a JSON answer with an example but no schema, a vendor JSON
media type that must be asked for by name, an operation whose documented outcome is a
redirect, two requests that no client can make valid (a `oneOf` every object matches twice, a
`required` name that no property declares) and an operation that documents only failures.
The generated package's own tests must pass against the local server and against `prism mock
--dynamic`, skipping (with a reason) exactly those three.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import FIXTURES, describe, env, generate, generated_tests, python
from prism import require_prism, run_prism

SPEC = FIXTURES / "prism" / "edge_requests.yaml"
# Tests that cannot pass against a server following the spec, and why they skip there.
IMPOSSIBLE = {
    "test_subscribe": "no example request satisfies the spec's schemas for this operation",
    "test_create_folder": "no example request satisfies the spec's schemas for this operation",
    "test_get_legacy": "the spec declares no success response for this operation",
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(SPEC, tmp_path_factory.mktemp("edge") / "out")


def test_examples_follow_patterns_lengths_and_unique_items(out: Path) -> None:
    test_file = (out / "tests" / "test_services.py").read_text("utf-8")
    assert 'service_sid="ZS00000000000000000000000000000000"' in test_file
    assert 'versions=cast(Any, ["0", "2"])' in test_file  # minItems: 2, uniqueItems
    assert 'label="stringst"' in test_file  # minLength: 8
    assert "count=3" in test_file  # minimum: 3


def test_generated_tests_pass_against_the_local_server(out: Path) -> None:
    proc = generated_tests(out)
    assert proc.returncode == 0, describe(proc)
    assert "skipped" not in proc.stdout, describe(proc)


def test_generated_tests_pass_against_prism_skipping_impossible_requests(out: Path) -> None:
    require_prism()
    with run_prism(SPEC, dynamic=True) as url:
        proc = python("-m", "pytest", "-v", "-rs", "-p", "no:cacheprovider", cwd=out,
                      environ=env(SDKWRIGHT_TEST_BASE_URL=url))
    assert proc.returncode == 0, describe(proc)
    lines = proc.stdout.splitlines()
    skipped = {line.split("::")[1].split()[0] for line in lines if " SKIPPED " in line}
    expected = {f"{name}{suffix}" for name in IMPOSSIBLE for suffix in ("", "_async")}
    assert skipped == expected, describe(proc)
    reasons = {line.split(": ", 1)[1] for line in lines if line.startswith("SKIPPED [")}
    assert reasons == set(IMPOSSIBLE.values()), describe(proc)
