"""A quick subset of the real-world corpus in ../shared/specs (the full run is bench/compat.py).

The specs are chosen for feature coverage: the openapi-python-client baseline (form, multipart,
octet-stream, cookies, allOf/oneOf/anyOf, recursion, invalid examples), a 3.1 spec with basic
auth and webhooks, multipart uploads with OAuth2, and nullable fields with basic auth. For
each: the CLI generates it, the package passes black, mypy --strict and ruff's pyflakes and
import-order rules, its response models read each example answer the same from JSON text and
from Python data, and its own tests pass against the local server and, except where Prism 5
misreads the requests, against Prism serving the spec. Every document in `invalid/` is refused
cleanly.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import (
    describe,
    examples_black_would_change,
    json_and_python,
    parsed_both_ways,
    ruff_lint,
)
from prism import require_prism, run_prism

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "specs"
SUBSET = (
    "opc-baseline_openapi_3.0.json",
    "redocly-museum.yaml",
    "xero-files.yaml",
    "twilio-lookups-v2.json",
)
# Specs with requests Prism 5 misreads, whatever a client sends; the full picture is
# bench/compat.py's. (Requests that no client can make valid are skipped by the generated tests
# themselves, with a reason.)
PRISM_MISREADS = {
    "opc-baseline_openapi_3.0.json": "query names with spaces, objects exploded into the "
    "query, JSON parts of multipart bodies and an unregistered media type",
}

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the compatibility corpus {CORPUS} is not present"
)


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None,
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, check=False)


@pytest.fixture(scope="module", params=SUBSET)
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[Path, Path]:
    spec = CORPUS / request.param
    out = tmp_path_factory.mktemp("corpus") / "out"
    result = _run([sys.executable, "-m", "sdkwright", "generate", str(spec), "--out", str(out)],
                  cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return spec, out


def _package(out: Path) -> str:
    return next(p.parent.name for p in out.glob("*/_client.py"))


def test_corpus_package_passes_black_and_mypy(generated: tuple[Path, Path],
                                              tmp_path: Path) -> None:
    _, out = generated
    black = _run([sys.executable, "-m", "black", "--check", "-q", "."], cwd=out)
    assert black.returncode == 0, black.stderr
    mypy = _run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path),
                 _package(out), "tests"], cwd=out)
    assert mypy.returncode == 0, mypy.stdout[-3000:]


def test_corpus_docs_examples_are_black_clean(generated: tuple[Path, Path]) -> None:
    _, out = generated
    assert examples_black_would_change(out) == []


def test_corpus_package_passes_ruff(generated: tuple[Path, Path]) -> None:
    _, out = generated
    proc = ruff_lint(out)
    assert proc.returncode == 0, describe(proc)


def test_corpus_answers_parse_the_same_from_json_and_python(generated: tuple[Path, Path]
                                                            ) -> None:
    spec, out = generated
    assert parsed_both_ways(json_and_python(out, spec)), "no example answer was checked"


def test_corpus_package_tests_pass_locally(generated: tuple[Path, Path]) -> None:
    _, out = generated
    result = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=out)
    assert result.returncode == 0, result.stdout[-3000:]


def test_corpus_package_tests_pass_against_prism(generated: tuple[Path, Path]) -> None:
    require_prism()
    spec, out = generated
    if spec.name in PRISM_MISREADS:
        pytest.skip(f"Prism 5 misreads {PRISM_MISREADS[spec.name]} in {spec.name}")
    with run_prism(spec, dynamic=True) as url:
        result = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                      cwd=out, env={"SDKWRIGHT_TEST_BASE_URL": url})
    assert result.returncode == 0, result.stdout[-3000:]


# Faults that only touch the docs are warnings: the client is generated without them.
WARNED = {"opc-invalid-uuid-defaults.yaml": "is not a valid uuid; the default is left out"}


@pytest.mark.parametrize("spec", sorted((CORPUS / "invalid").glob("*.y*ml"))
                         if CORPUS.is_dir() else [], ids=lambda p: p.name)
def test_invalid_corpus_documents_are_refused_or_warned(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run([sys.executable, "-m", "sdkwright", "generate", str(spec), "--out", str(out)],
                  cwd=ROOT)
    assert "Traceback" not in result.stderr
    if spec.name in WARNED:
        assert result.returncode == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
        assert all(line.startswith(f"{spec}:") for line in warnings), result.stderr
        assert any(WARNED[spec.name] in line for line in warnings), result.stderr
        return
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert errors and all(line.startswith(f"{spec}:") for line in errors), result.stderr
    assert not out.exists()
