"""Contract test: Prism serves each spec and validates every request the generated client sends.

Every operation is called with the example arguments the generator chose (the ones its docs
show), through the real generated client, against `prism mock`. Prism answers an invalid
request with a 4xx, which the client raises, so a 2xx for every operation means every request
matched the spec.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prism import require_prism, run_prism
from sdkwright.build import Built
from sdkwright.config import Names
from sdkwright.ir import Operation
from sdkwright.pipeline import build_api, generate
from sdkwright.write import write

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "livestream.yaml"
VARIANT = ROOT / "tests" / "fixtures" / "variants" / "livestream_31_refs.yaml"


def _call(client: Any, built: Built, op: Operation) -> Any:
    target = client
    for part in op.resource_path:
        target = getattr(target, part)
    kwargs = {a.name: a.example.value for a in built.fixtures[op.pointer].args}
    return getattr(target, op.name)(**kwargs)


@pytest.fixture(scope="module")
def prism_url() -> Iterator[str]:
    require_prism()
    with run_prism(SPEC) as url:
        yield url


@pytest.fixture(scope="module")
def generated_client(prism_url: str) -> Iterator[Any]:
    sys.path.insert(0, str(ROOT / "generated"))
    try:
        package = importlib.import_module("cloudflare_realtime")
        with package.Cloudflare(api_token="test-token", base_url=prism_url, max_retries=0,
                                timeout=10) as client:
            yield client
    finally:
        sys.path.remove(str(ROOT / "generated"))


REPO, _ = build_api(SPEC, Names("cloudflare_realtime", "Cloudflare", "CLOUDFLARE"), strict=True)


@pytest.mark.parametrize("op", REPO.api.operations, ids=lambda op: op.name)
def test_every_operation_gets_2xx_from_prism(generated_client: Any, op: Operation) -> None:
    result = _call(generated_client, REPO, op)
    if op.response.kind != "none":
        assert result is not None


def test_prism_rejects_a_request_off_the_spec(generated_client: Any) -> None:
    """The contract is live: a value the spec forbids is refused, and the client raises."""
    package = sys.modules["cloudflare_realtime"]
    with pytest.raises(package.APIStatusError) as caught:
        generated_client.realtime_kit.livestreams.get_all_livestreams(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", app_id="app_id", per_page="many"
        )
    assert 400 <= caught.value.status_code < 500


def test_variant_spec_operations_get_2xx_from_prism(tmp_path: Path) -> None:
    """The 3.1, all-$ref, camelCase-operationId variant passes the same contract."""
    require_prism()
    names = Names("livestream_contract_variant", "Variant", "VARIANT")
    files, _, _ = generate(VARIANT, names)
    write(files, tmp_path / "out")
    built, _ = build_api(VARIANT, names, strict=True)
    sys.path.insert(0, str(tmp_path / "out"))
    try:
        package = importlib.import_module(names.package or "")
        with run_prism(VARIANT) as url, package.Variant(
            api_token="test-token", base_url=url, max_retries=0, timeout=10
        ) as client:
            for op in built.api.operations:
                _call(client, built, op)
    finally:
        sys.path.remove(str(tmp_path / "out"))
