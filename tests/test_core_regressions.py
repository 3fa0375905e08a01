"""Regression tests for the faults of issue 8 that the generator core's redesign addresses.

Each fault is reproduced on a small spec written here and generated through the real CLI:
security schemes, client names, tags, parameters and properties named like what the templates
define; the compile gate; docs of unions, files and hostile enum values; unused imports; spec
faults that are read past; names that must not depend on the order of component schemas; and
query strings against OpenAPI's own table of parameter styles.

Every generation runs once, concurrently, in the module-scoped `built` fixture; one mypy run
and one ruff run then check every package together (`checks`), and the tests read the output
and call the packages, imported here, against a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import ast
import asyncio
import base64
import importlib
import importlib.util
import inspect
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from cli_support import (
    Batch,
    Proc,
    describe,
    env,
    generated_tests,
    python,
    sdkwright,
    snapshot,
    tree_difference,
)
from conftest import RecordingServer
from sdkwright.assets import default_templates
from sdkwright.fixtures import query_items

pytestmark = pytest.mark.usefixtures("clean_env")

EXIT_BAD_INPUT = 2


def ok_json(schema: str) -> str:
    """A `200` response of a JSON schema (inline YAML flow text)."""
    return ("{'200': {description: ok, content: {application/json: {schema: " + schema
            + "}}}}")


NO_CONTENT = "{'204': {description: ok}}"

# -- the specs ------------------------------------------------------------------------------

# apiKey schemes keyed like the client constructor's own options. Every request needs them
# all. The first apiKey scheme's argument is `api_key`, so a first scheme not named like an
# option lets each option name become an argument.
SEC_KEYS_SPEC = f"""\
openapi: 3.0.3
info: {{title: Sec Keys, version: '1'}}
servers: [{{url: 'https://keys.example.com'}}]
security:
  - {{partner: [], timeout: [], base_url: [], max_retries: [], http_client: [],
      default_headers: []}}
paths:
  /ping:
    get:
      operationId: ping
      tags: [health]
      responses: {ok_json("{type: object, properties: {ok: {type: boolean}}}")}
components:
  securitySchemes:
    partner: {{type: apiKey, in: header, name: X-Partner}}
    timeout: {{type: apiKey, in: header, name: X-Timeout}}
    base_url: {{type: apiKey, in: query, name: base_url}}
    max_retries: {{type: apiKey, in: cookie, name: max_retries}}
    http_client: {{type: apiKey, in: header, name: X-Http-Client}}
    default_headers: {{type: apiKey, in: header, name: X-Default-Headers}}
"""

# HTTP basic and bearer schemes keyed like options: their arguments are named by kind.
SEC_HTTP_SPEC = f"""\
openapi: 3.0.3
info: {{title: Sec Http, version: '1'}}
servers: [{{url: 'https://http.example.com'}}]
paths:
  /basic:
    get: {{operationId: with_basic, tags: [health], security: [{{timeout: []}}],
           responses: {NO_CONTENT}}}
  /bearer:
    get: {{operationId: with_bearer, tags: [health], security: [{{base_url: []}}],
           responses: {NO_CONTENT}}}
components:
  securitySchemes:
    timeout: {{type: http, scheme: basic}}
    base_url: {{type: http, scheme: bearer}}
"""

NAMES_SPEC = f"""\
openapi: 3.0.3
info: {{title: Names, version: '1'}}
servers: [{{url: 'https://names.example.com'}}]
paths:
  /pets:
    get:
      operationId: list
      tags: [pets]
      responses: {ok_json("{type: object, properties: {name: {type: string}}}")}
"""

# Tags named like the client's own attributes, a resource attribute and a method of one
# resource with the same name, and methods named like a resource's own attributes.
RESOURCES_SPEC = "\n".join([
    "openapi: 3.0.3",
    "info: {title: Res, version: '1'}",
    "servers: [{url: 'https://res.example.com'}]",
    "paths:",
    *(f"  {path}: {{get: {{operationId: {op}, {where}, responses: {NO_CONTENT}}}}}"
      for path, op, where in (
          ("/close", "shut", "tags: [close]"),
          ("/request", "send", "tags: [request]"),
          ("/with_options", "opts", "tags: [with_options]"),
          ("/copy", "dup", "tags: [copy]"),
          ("/client", "own", "tags: [_client]"),
          ("/build", "build", "tags: [build_request]"),
          ("/process", "handle", "tags: [process]"),
          ("/timeout", "wait", "tags: [timeout]"),
          ("/pets/owners", "list_owners", "x-sdk-resource: pets.owners"),
          ("/pets/o", "owners", "tags: [pets]"),
          ("/pets/c", "close", "tags: [pets]"),
          ("/pets/i", "__init__", "tags: [pets]"),
          ("/pets/w", "with_raw_response", "tags: [pets]"),
      )),
]) + "\n"

# Parameters named like what a method's signature and body use, in every location, two
# parameters that snake-case alike, and properties named like a model's own attributes.
PARAMS_SPEC = f"""\
openapi: 3.0.3
info: {{title: Params, version: '1'}}
servers: [{{url: 'https://params.example.com'}}]
paths:
  /pets/{{petId}}/{{timeout}}/{{self}}:
    post:
      operationId: update
      tags: [pets]
      parameters:
        - {{name: petId, in: path, required: true, schema: {{type: string}}}}
        - {{name: timeout, in: path, required: true, schema: {{type: string}}}}
        - {{name: self, in: path, required: true, schema: {{type: string}}}}
        - {{name: pet_id, in: query, schema: {{type: string}}}}
        - {{name: extra_headers, in: query, schema: {{type: string}}}}
        - {{name: timeout, in: query, schema: {{type: integer}}}}
        - {{name: RequestOptions, in: query, schema: {{type: string}}}}
        - {{name: encode_path, in: query, schema: {{type: string}}}}
        - {{name: Styled, in: query, style: pipeDelimited, explode: false,
            schema: {{type: array, items: {{type: string}}}}}}
        - {{name: body, in: query, schema: {{type: string}}}}
        - {{name: timeout, in: header, schema: {{type: string}}}}
        - {{name: self, in: header, schema: {{type: string}}}}
        - {{name: body, in: header, schema: {{type: string}}}}
        - {{name: extra_query, in: cookie, schema: {{type: string}}}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                self: {{type: string}}
                body: {{type: string}}
                extra_body: {{type: string}}
                timeout: {{type: number}}
                weird: {{$ref: '#/components/schemas/Weird'}}
      responses: {ok_json("{$ref: '#/components/schemas/Weird'}")}
  /things:
    put:
      operationId: put_thing
      tags: [things]
      parameters:
        - {{name: body, in: query, schema: {{type: string}}}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {{type: array, items: {{$ref: '#/components/schemas/Weird'}}}}
      responses: {ok_json("{type: object, properties: {str: {type: string}, "
                          "name: {type: string}}}")}
components:
  schemas:
    Weird:
      type: object
      properties:
        model_config: {{type: string}}
        model_dump: {{type: integer}}
        schema: {{type: string}}
        str: {{type: string}}
        schemas: {{type: string}}
        name: {{type: string}}
        int: {{type: integer}}
        count: {{type: integer}}
"""
WEIRD = {"model_config": "mc", "model_dump": 3, "schema": "sc", "str": "st", "schemas": "ss",
         "name": "nm", "int": 4, "count": 5}

HOSTILE_ENUM = "a`b <img src=x onerror=alert(1)>"
DOCS_SPEC = f"""\
openapi: 3.0.3
info: {{title: Docs, version: '1'}}
servers: [{{url: 'https://docs.example.com'}}]
paths:
  /pets/{{pet_id}}:
    get:
      operationId: get
      tags: [pets]
      parameters:
        - {{name: pet_id, in: path, required: true, schema: {{type: string}}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                oneOf: [{{$ref: '#/components/schemas/Cat'}}, {{$ref: '#/components/schemas/Dog'}}]
                discriminator: {{propertyName: kind}}
  /kinds/{{kind}}:
    get:
      operationId: by_kind
      tags: [pets]
      parameters:
        - name: kind
          in: path
          required: true
          schema: {{type: string, enum: [{json.dumps(HOSTILE_ENUM)}, plain]}}
      responses: {NO_CONTENT}
  /uploads:
    post:
      operationId: upload
      tags: [pets]
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [photo]
              properties:
                photo: {{type: string, format: binary, description: The photo.}}
                caption: {{type: string}}
      responses: {NO_CONTENT}
components:
  schemas:
    Cat:
      type: object
      required: [kind]
      properties:
        kind: {{type: string, enum: [cat]}}
        meows: {{type: boolean}}
    Dog:
      type: object
      required: [kind]
      properties:
        kind: {{type: string, enum: [dog]}}
        barks: {{type: integer}}
"""

# Each resource module needs only some of the runtime's helpers: `store` has no operation of
# its own, only children; nothing takes a path parameter but `store.files`; nothing uses a
# styled query; answers are text, bytes, nothing, or JSON.
HELPERS_SPEC = f"""\
openapi: 3.0.3
info: {{title: Helpers, version: '1'}}
servers: [{{url: 'https://helpers.example.com'}}]
paths:
  /notes:
    get:
      operationId: read_notes
      tags: [notes]
      responses:
        '200': {{description: ok, content: {{text/plain: {{schema: {{type: string}}}}}}}}
  /store/files/{{file_id}}:
    get:
      operationId: download
      x-sdk-resource: store.files
      parameters: [{{name: file_id, in: path, required: true, schema: {{type: string}}}}]
      responses:
        '200': {{description: ok, content: {{application/octet-stream: {{schema: {{type: string,
                 format: binary}}}}}}}}
  /store/status:
    get: {{operationId: status, x-sdk-resource: store.status, responses: {NO_CONTENT}}}
  /search:
    get:
      operationId: search
      tags: [search]
      parameters: [{{name: q, in: query, schema: {{type: array, items: {{type: string}}}}}}]
      responses: {ok_json("{type: array, items: {type: string}}")}
"""

# Faults a real spec has that generation reads past, under a title that starts with a digit.
FAULTS_SPEC = """\
openapi: 3.0.3
info: {title: 1Password Connect, version: '1'}
servers: [{url: 'https://faults.example.com'}]
paths:
  /livestreams:
    post:
      operationId: start
      tags: [livestreams]
      requestBody:
        content: {}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  owner:
                    anyOf:
                      - $ref: '#/components/schemas/Owner'
                      - nullable: true
                  ends_at:
                    type: string
                    format: date-time
                    default: 'Now + 30 minutes'
components:
  schemas:
    Owner:
      type: object
      properties:
        name: {type: string}
        since: {type: string, format: date-time}
"""


def _object(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


STRING = {"type": "string"}
# Component schemas whose names collide after PascalCase (`pet`/`Pet`, `user_name`/`UserName`)
# and a nested class (`Pet.tag`) whose name a component (`PetTag`) takes.
DET_SCHEMAS: dict[str, Any] = {
    "pet": _object(name=STRING, tag=_object(v=STRING)),
    "Pet": _object(id={"type": "integer"}, tag=_object(w=STRING),
                   owner={"$ref": "#/components/schemas/user_name"}),
    "user_name": _object(first=STRING),
    "UserName": _object(last=STRING, tag=_object(x=STRING)),
    "PetTag": _object(y=STRING),
}


def det_spec(order: list[str]) -> str:
    def answer(name: str) -> dict[str, Any]:
        schema = {"$ref": f"#/components/schemas/{name}"}
        return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}

    paths: dict[str, Any] = {
        f"/things/{i}": {"get": {"operationId": f"get_{i}", "tags": ["things"],
                                 "responses": answer(name)}}
        for i, name in enumerate(DET_SCHEMAS)}
    paths["/pets"] = {"post": {
        "operationId": "create", "tags": ["pets"], "responses": answer("Pet"),
        "requestBody": {"content": {"application/json": {
            "schema": _object(small={"$ref": "#/components/schemas/pet"},
                              big={"$ref": "#/components/schemas/Pet"})}}}}}
    return json.dumps({
        "openapi": "3.0.3", "info": {"title": "Det", "version": "1"},
        "servers": [{"url": "https://det.example.com"}], "paths": paths,
        "components": {"schemas": {name: DET_SCHEMAS[name] for name in order}},
    }, indent=2)


# -- generation -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Generated:
    spec: Path
    out: Path
    package: str
    proc: Proc  # the last `sdkwright generate`


def _generate(root: Path, text: str, package: str | None, *options: str,
              suffix: str = ".yaml") -> Generated:
    root.mkdir(parents=True, exist_ok=True)
    spec = root / f"spec{suffix}"
    spec.write_text(text, encoding="utf-8")
    names = ("--package-name", package) if package else ()
    out = root / "out"
    proc = sdkwright("generate", spec, "--out", out, *names, *options, cwd=root)
    marked = sorted(p.parent.name for p in out.glob("*/py.typed"))
    return Generated(spec, out, marked[0] if marked else "", proc)


# --client-name -> (client, async client, error base): the names the exports namespace gives.
# A name the package already exports, or that `_client.py` or `_exceptions.py` defines or
# imports, is reserved: a claim of it gets a `_` suffix.
CLIENT_NAMES = {
    "API": ("API", "AsyncAPI", "APIError_"),
    "APIError": ("APIError_", "AsyncAPIError_", "APIError_Error"),
    "NotGiven": ("NotGiven_", "AsyncNotGiven_", "NotGiven_Error"),
    "Client": ("Client", "AsyncClient", "ClientError"),
    "Timeout": ("Timeout_", "AsyncTimeout_", "Timeout_Error"),
    "SyncAPIClient": ("SyncAPIClient_", "AsyncSyncAPIClient_", "SyncAPIClient_Error"),
}


def _gate(root: Path) -> tuple[Generated, Generated, dict[str, bytes], dict[str, bytes]]:
    """A good generation, then one whose custom resource template emits a function with a
    duplicate argument (it parses, and black formats it, but it does not compile)."""
    good = _generate(root, NAMES_SPEC, "regress_gate")
    templates = root / "templates"
    shutil.copytree(default_templates(), templates)
    resource = templates / "package" / "resource.py.jinja"
    resource.write_text(resource.read_text("utf-8") + "\n\ndef _twice(a: int, a: int) -> None:"
                        "\n    pass\n", encoding="utf-8")
    before = snapshot(good.out)
    bad = _generate(root, NAMES_SPEC, "regress_gate", "--templates", str(templates))
    return good, bad, before, snapshot(good.out)


def _jobs(root: Path) -> dict[str, Callable[[], Any]]:
    jobs: dict[str, Callable[[], Any]] = {
        "sec_keys": partial(_generate, root / "sec_keys", SEC_KEYS_SPEC, "regress_sec_keys",
                            "--env-prefix", "KEYS"),
        "sec_http": partial(_generate, root / "sec_http", SEC_HTTP_SPEC, "regress_sec_http",
                            "--env-prefix", "HTTP"),
        "resources": partial(_generate, root / "resources", RESOURCES_SPEC, "regress_res"),
        "params": partial(_generate, root / "params", PARAMS_SPEC, "regress_params"),
        "docs": partial(_generate, root / "docs", DOCS_SPEC, "regress_docs"),
        "helpers": partial(_generate, root / "helpers", HELPERS_SPEC, "regress_helpers"),
        "faults": partial(_generate, root / "faults", FAULTS_SPEC, None),
        "det_a": partial(_generate, root / "det_a", det_spec(list(DET_SCHEMAS)), "regress_det",
                         suffix=".json"),
        "det_b": partial(_generate, root / "det_b", det_spec(list(reversed(DET_SCHEMAS))),
                         "regress_det", suffix=".json"),
        "gate": partial(_gate, root / "gate"),
    }
    for name in CLIENT_NAMES:
        jobs[f"client:{name}"] = partial(_generate, root / f"client_{name}", NAMES_SPEC,
                                         f"regress_names_{name.lower()}", "--client-name", name)
    return jobs


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("regressions")


@pytest.fixture(scope="module")
def built(root: Path) -> Batch[Any]:
    return Batch(_jobs(root))


# Packages checked by mypy and imported here (one package name each: not det_b, not gate).
CHECKED = ("sec_keys", "sec_http", "resources", "params", "docs", "helpers", "faults", "det_a",
           *(f"client:{name}" for name in CLIENT_NAMES))
# Projects whose own generated tests run too: the shapes a name collision would break.
TESTED = ("sec_keys", "resources", "params", "helpers")


def _generated(built: Batch[Any], name: str) -> Generated:
    result = built[name]
    assert isinstance(result, Generated)
    assert result.proc.returncode == 0, describe(result.proc)
    assert "Traceback" not in result.proc.stderr, describe(result.proc)
    return result


def _mypy(root: Path, outs: list[Generated]) -> Proc:
    """One `mypy --strict` over every package (they have distinct names)."""
    path = os.pathsep.join(str(g.out.relative_to(root)) for g in outs)
    targets = [arg for g in outs for arg in ("-p", g.package)]
    return python("-m", "mypy", "--strict", "--cache-dir", str(root / ".mypy"),
                  "--no-error-summary", *targets, cwd=root, environ=env(MYPYPATH=path))


@pytest.fixture(scope="module")
def checks(root: Path, built: Batch[Any]) -> Batch[Proc]:
    outs = [_generated(built, name) for name in CHECKED]
    everything = [*outs, _generated(built, "det_b")]
    jobs: dict[str, Callable[[], Proc]] = {
        "mypy": partial(_mypy, root, outs),
        # One run: each project's own pyproject.toml tells ruff its first-party package.
        "ruff": partial(python, "-m", "ruff", "check", "--select", "F,I", "--no-cache",
                        "--output-format", "concise", *(str(g.out) for g in everything),
                        cwd=root),
    }
    for name in TESTED:
        jobs[f"tests:{name}"] = partial(generated_tests, _generated(built, name).out)
    return Batch(jobs)


def assert_type_checks(checks: Batch[Proc], generated: Generated) -> None:
    proc = checks["mypy"]
    assert proc.returncode in (0, 1), describe(proc)
    mine = [line for line in proc.stdout.splitlines()
            if line.startswith(f"{generated.out.parent.name}/")]
    assert mine == [], describe(proc)


@pytest.fixture(scope="module")
def packages(built: Batch[Any]) -> Iterator[Callable[[str], ModuleType]]:
    """Imports a generated package (its project folder put on sys.path first)."""
    added: list[str] = []

    def load(name: str) -> ModuleType:
        generated = _generated(built, name)
        if str(generated.out) not in sys.path:
            sys.path.insert(0, str(generated.out))
            added.append(str(generated.out))
        return importlib.import_module(generated.package)

    yield load
    for folder in added:
        sys.path.remove(folder)
        for module in [m for m, mod in sys.modules.items()
                       if (getattr(mod, "__file__", None) or "").startswith(folder)]:
            del sys.modules[module]


def submodule(package: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.{name}")


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the one line of `text` holding `needle`."""
    found = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found}"
    return found[0]


# -- every package ----------------------------------------------------------------------------


def test_every_package_passes_mypy_strict(checks: Batch[Proc]) -> None:
    proc = checks["mypy"]
    assert proc.returncode == 0, describe(proc)


@pytest.mark.parametrize("name", TESTED)
def test_generated_tests_pass(name: str, checks: Batch[Proc]) -> None:
    proc = checks[f"tests:{name}"]
    assert proc.returncode == 0, describe(proc)


def test_generated_code_has_no_unused_or_unsorted_imports(checks: Batch[Proc]) -> None:
    """`ruff check --select F,I` on every project of this module, package and tests: the
    `helpers` spec's modules each need only some runtime helpers, the `resources` spec's
    client imports its resources' classes in an order of their own."""
    proc = checks["ruff"]
    assert proc.returncode == 0, describe(proc)


# -- 1. security schemes named like the client's options --------------------------------------


def test_security_schemes_named_like_options_give_suffixed_arguments(
        built: Batch[Any], checks: Batch[Proc], packages: Callable[[str], ModuleType]) -> None:
    keys = packages("sec_keys")
    assert_type_checks(checks, _generated(built, "sec_keys"))
    assert_type_checks(checks, _generated(built, "sec_http"))
    signature = inspect.signature(keys.SecKeys)
    assert list(signature.parameters) == [
        "api_key", "timeout_", "base_url_", "max_retries_", "http_client_", "default_headers_",
        "base_url", "timeout", "max_retries", "http_client", "default_headers"]
    assert submodule(keys, "_client").ENV_VARS == {
        "api_key": "KEYS_API_KEY", "timeout_": "KEYS_TIMEOUT_", "base_url_": "KEYS_BASE_URL_",
        "max_retries_": "KEYS_MAX_RETRIES_", "http_client_": "KEYS_HTTP_CLIENT_",
        "default_headers_": "KEYS_DEFAULT_HEADERS_"}
    assert list(inspect.signature(packages("sec_http").SecHttp).parameters) == [
        "username", "password", "api_token",
        "base_url", "timeout", "max_retries", "http_client", "default_headers"]


def test_credentials_named_like_options_are_sent_and_options_keep_their_meaning(
        server: RecordingServer, packages: Callable[[str], ModuleType]) -> None:
    keys = packages("sec_keys")
    with httpx.Client() as http:
        client = keys.SecKeys(
            api_key="k-partner", timeout_="k-timeout", base_url_="k-base",
            max_retries_="k-retries", http_client_="k-http", default_headers_="k-headers",
            base_url=server.url, timeout=7.5, max_retries=0, http_client=http,
            default_headers={"X-Extra": "extra"})
        assert client.health.ping().ok is None
        client.close()
        assert not http.is_closed, "the user's http_client was closed"
    request = server.last
    assert request.target == "/ping?base_url=k-base"
    assert request.header("X-Partner") == "k-partner"
    assert request.header("X-Timeout") == "k-timeout"
    assert request.header("Cookie") == "max_retries=k-retries"
    assert request.header("X-Http-Client") == "k-http"
    assert request.header("X-Default-Headers") == "k-headers"
    assert request.header("X-Extra") == "extra"
    assert client.timeout == 7.5
    assert client.max_retries == 0
    assert client._client is http


def test_credential_named_base_url_reads_its_own_variable(
        server: RecordingServer, packages: Callable[[str], ModuleType],
        monkeypatch: pytest.MonkeyPatch) -> None:
    keys = packages("sec_keys")
    for name, value in submodule(keys, "_client").ENV_VARS.items():
        monkeypatch.setenv(value, f"env-{name}")
    monkeypatch.setenv("KEYS_BASE_URL", server.url)
    with keys.SecKeys(max_retries=0) as client:
        client.health.ping()
    assert server.last.target == "/ping?base_url=env-base_url_"
    assert server.last.header("X-Timeout") == "env-timeout_"


def test_basic_and_bearer_schemes_named_like_options_are_sent(
        server: RecordingServer, packages: Callable[[str], ModuleType]) -> None:
    http_auth = packages("sec_http")
    with http_auth.SecHttp(username="user", password="pw", api_token="tok",
                           base_url=server.url, timeout=3.0, max_retries=0) as client:
        client.health.with_basic()
        client.health.with_bearer()
        assert client.timeout == 3.0
    basic, bearer = server.requests
    assert basic.target == "/basic"
    assert basic.header("Authorization") == "Basic " + base64.b64encode(b"user:pw").decode()
    assert bearer.target == "/bearer"
    assert bearer.header("Authorization") == "Bearer tok"


# -- 2. client names that the package's own names take ----------------------------------------


@pytest.mark.parametrize("option", sorted(CLIENT_NAMES))
def test_client_name_never_shadows_the_package_names(
        option: str, built: Batch[Any], checks: Batch[Proc], server: RecordingServer,
        packages: Callable[[str], ModuleType]) -> None:
    name = f"client:{option}"
    assert_type_checks(checks, _generated(built, name))
    pkg = packages(name)
    client_name, async_name, error_name = CLIENT_NAMES[option]
    assert {client_name, async_name, error_name, "APIError", "NotGiven"} <= set(pkg.__all__)
    client_cls, error = getattr(pkg, client_name), getattr(pkg, error_name)
    base, types = submodule(pkg, "_base_client"), submodule(pkg, "_types")
    assert issubclass(client_cls, base.SyncAPIClient)
    assert issubclass(getattr(pkg, async_name), base.AsyncAPIClient)
    # The error base is its own class, the root of the package's errors.
    assert error.__bases__ == (Exception,)
    assert pkg.APIError.__bases__ == (error,)
    assert pkg.NotGiven is types.NotGiven
    # What `_client.py` imports is still what it imported.
    client_module = submodule(pkg, "_client")
    for imported in ("Timeout", "Headers", "NotGiven", "NOT_GIVEN"):
        assert getattr(client_module, imported) is getattr(types, imported)
    assert client_module.SyncAPIClient is base.SyncAPIClient
    server.enqueue(404, body={"error": "no"})
    with client_cls(base_url=server.url, max_retries=0) as client, \
            pytest.raises(pkg.NotFoundError) as caught:
        client.pets.list()
    assert isinstance(caught.value, error)


# -- 3. tags and methods named like the client's and the resources' own attributes ------------

# Resource attribute -> its method and path: a tag named like one of the client's attributes
# gets a `_` suffix; `_client` snake-cases to `client`, which is free.
RESOURCE_ATTRS = {"close_": ("shut", "/close"), "request_": ("send", "/request"),
                  "with_options_": ("opts", "/with_options"), "copy_": ("dup", "/copy"),
                  "client": ("own", "/client"), "build_request_": ("build", "/build"),
                  "process_": ("handle", "/process"), "timeout_": ("wait", "/timeout")}
# Methods of `pets`: `owners` is taken by the child resource `pets.owners`, so the method is
# `owners2`; `__init__` snake-cases to `init`; `with_raw_response` is reserved for the runtime.
PETS_METHODS = {"owners2": "/pets/o", "close": "/pets/c", "init": "/pets/i",
                "with_raw_response_": "/pets/w"}


def test_tags_named_like_client_attributes_keep_the_client_working(
        built: Batch[Any], checks: Batch[Proc], server: RecordingServer,
        packages: Callable[[str], ModuleType]) -> None:
    assert_type_checks(checks, _generated(built, "resources"))
    res = packages("resources")
    base = submodule(res, "_base_client")
    for attr in ("close", "request", "build_request", "process"):
        assert getattr(res.Res, attr) is getattr(base.SyncAPIClient, attr), attr
    client = res.Res(base_url=server.url, max_retries=0)
    for attr, (method, _) in RESOURCE_ATTRS.items():
        getattr(getattr(client, attr), method)()
    client.pets.owners.list_owners()
    for method in PETS_METHODS:
        getattr(client.pets, method)()
    assert [r.target for r in server.requests] == [
        *(path for _, path in RESOURCE_ATTRS.values()), "/pets/owners", *PETS_METHODS.values()]
    client.close()
    assert client._client.is_closed


def test_async_client_close_still_closes(server: RecordingServer,
                                         packages: Callable[[str], ModuleType]) -> None:
    res = packages("resources")

    async def main() -> bool:
        client = res.AsyncRes(base_url=server.url, max_retries=0)
        await client.close_.shut()
        await client.pets.owners2()
        await client.close()
        closed: bool = client._client.is_closed
        return closed

    assert asyncio.run(main())
    assert [r.target for r in server.requests] == ["/close", "/pets/o"]


# -- 4. parameters and properties named like what the generated code uses ---------------------


def test_parameter_names_are_suffixed_and_wire_names_kept(
        built: Batch[Any], checks: Batch[Proc], server: RecordingServer,
        packages: Callable[[str], ModuleType]) -> None:
    assert_type_checks(checks, _generated(built, "params"))
    params = packages("params")
    method = submodule(params, "resources.pets").PetsResource.update
    # Claimed in the method's namespace in spec order (parameters, then body properties),
    # after the names the signature and body use; then ordered: the last path parameter
    # (positional), the other path parameters, required ones, the rest.
    assert list(inspect.signature(method).parameters) == [
        "self", "self_", "pet_id", "timeout_", "pet_id2", "extra_headers_", "timeout_2",
        "request_options", "encode_path_", "styled", "body", "timeout_3", "self_2", "body2",
        "extra_query_", "self_3", "body3", "extra_body_", "timeout_4", "weird",
        "extra_headers", "extra_query", "extra_body", "timeout"]
    server.enqueue(200, body=WEIRD)
    with params.Params(base_url=server.url, max_retries=0) as client:
        answer = client.pets.update(
            "s/1", pet_id="P1", timeout_="T1", pet_id2="q-pet", extra_headers_="eh",
            timeout_2=5, request_options="ro", encode_path_="ep", styled=["a", "b"],
            body="qb", timeout_3="ht", self_2="hs", body2="hb", extra_query_="cq",
            self_3="bs", body3="bb", extra_body_="beb", timeout_4=1.5, weird=WEIRD,
            extra_headers={"X-Extra": "1"}, timeout=10.0)
    request = server.last
    assert request.path == "/pets/P1/T1/s%2F1"
    assert request.query == [("pet_id", "q-pet"), ("extra_headers", "eh"), ("timeout", "5"),
                             ("RequestOptions", "ro"), ("encode_path", "ep"),
                             ("Styled", "a|b"), ("body", "qb")]
    assert request.header("timeout") == "ht"
    assert request.header("self") == "hs"
    assert request.header("body") == "hb"
    assert request.header("X-Extra") == "1"
    assert request.header("Cookie") == "extra_query=cq"
    assert request.json() == {"self": "bs", "body": "bb", "extra_body": "beb", "timeout": 1.5,
                              "weird": WEIRD}
    assert answer.model_dump(by_alias=True) == WEIRD


def test_properties_named_like_model_attributes_and_types_parse(
        server: RecordingServer, packages: Callable[[str], ModuleType]) -> None:
    params = packages("params")
    weird = submodule(params, "types.schemas").Weird
    # Renamed: pydantic's `model_` prefix, its reserved `schema`, the class body's `schemas`,
    # and the builtins annotations print (`str`, `int`); `name` and `count` stay.
    assert {name: field.alias for name, field in weird.model_fields.items()} == {
        "model_config_": "model_config", "model_dump_": "model_dump", "schema_": "schema",
        "str_": "str", "schemas_": "schemas", "name": None, "int_": "int", "count": None}
    parsed = weird.model_validate_json(json.dumps(WEIRD))
    assert (parsed.str_, parsed.name, parsed.int_, parsed.count) == ("st", "nm", 4, 5)
    assert weird.model_validate(WEIRD) == parsed
    server.enqueue(200, body={"str": "s", "name": "n"})
    with params.Params(base_url=server.url, max_retries=0) as client:
        # The query parameter `body` is claimed before the request body, which gets `body2`.
        answer = client.things.put_thing(body2=[WEIRD], body="q")
    assert (answer.str_, answer.name) == ("s", "n")
    assert server.last.target == "/things?body=q"
    assert server.last.json() == [WEIRD]


# -- 5. the compile gate ----------------------------------------------------------------------


def test_code_that_does_not_compile_is_an_internal_error_and_nothing_is_written(
        built: Batch[Any]) -> None:
    good, bad, before, after = built["gate"]
    assert good.proc.returncode == 0, describe(good.proc)
    assert bad.proc.returncode == EXIT_BAD_INPUT, describe(bad.proc)
    module = good.out / "regress_gate" / "resources" / "pets" / "__init__.py"
    # black puts two blank lines before the function appended to the template.
    line = len(module.read_text("utf-8").splitlines()) + 3
    assert bad.proc.stderr.splitlines() == [
        f"{module}:{line}: internal error: generated code does not compile: duplicate "
        "argument 'a' in function definition"], describe(bad.proc)
    assert before, "the first generation wrote nothing"
    assert tree_difference(after, before) == ""
    assert sorted(p.name for p in good.out.parent.iterdir()) == ["out", "spec.yaml",
                                                                 "templates"]


# -- 6. docs ----------------------------------------------------------------------------------


def _page(built: Batch[Any], *parts: str) -> str:
    return _generated(built, "docs").out.joinpath("docs", *parts).read_text("utf-8")


def _section(page: str, heading: str) -> list[str]:
    """The non-blank lines of a page's `## heading` section."""
    lines = page.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0].splitlines()
    return [line for line in lines if line.strip()]


def test_docs_list_each_union_member_with_its_own_fields(built: Batch[Any]) -> None:
    rows = [line for line in _section(_page(built, "pets", "get.md"), "Returns")
            if line.lstrip().startswith("- ")]
    assert rows == [
        "- `Cat: Cat` (optional)",
        "  - `kind: Literal[\"cat\"]` (required)",
        "  - `meows: Optional[bool]` (optional)",
        "- `Dog: Dog` (optional)",
        "  - `kind: Literal[\"dog\"]` (required)",
        "  - `barks: Optional[int]` (optional)",
    ]


def test_docs_show_a_multipart_file_as_a_file(built: Batch[Any]) -> None:
    lines = _section(_page(built, "pets", "upload.md"), "Parameters")
    assert lines[:3] == [
        "- `photo: FileTypes` (required)",
        "  The photo.",
        "  bytes, a binary file object, or a tuple \\(file name, content\\[, content type\\]\\)",
    ]


def test_docs_signature_with_only_a_positional_argument(built: Batch[Any]) -> None:
    assert _page(built, "pets", "get.md").splitlines()[2] == \
        "`client.pets.get(pet_id: str) -> PetGetResponse`"
    for page in _generated(built, "docs").out.joinpath("docs").rglob("*.md"):
        assert ", )" not in page.read_text("utf-8"), page


def code_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each code span of a line, as CommonMark reads them: a backtick run
    opens a span that the next run of the same length closes; a run with none is text."""
    runs = [m.span() for m in re.finditer(r"`+", line)]
    spans, i = [], 0
    while i < len(runs):
        length = runs[i][1] - runs[i][0]
        close = next((j for j in range(i + 1, len(runs))
                      if runs[j][1] - runs[j][0] == length), None)
        if close is None:
            i += 1
            continue
        spans.append((runs[i][0], runs[close][1]))
        i = close + 1
    return spans


def test_hostile_enum_value_stays_inside_one_code_span(built: Batch[Any]) -> None:
    page = _page(built, "pets", "by_kind.md")
    line = page.splitlines()[2]
    assert code_spans(line) == [(0, len(line))], line
    fence = len(line) - len(line.lstrip("`"))
    content = line[fence:-fence]
    if content.startswith(" ") and content.endswith(" ") and content.strip():
        content = content[1:-1]
    assert content == f"client.pets.by_kind(kind: Literal[{json.dumps(HOSTILE_ENUM)}, " \
        '"plain"]) -> None'
    if importlib.util.find_spec("markdown_it") is not None:
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark", {"html": True}).render(page)
        assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


# -- 8. spec faults read past -----------------------------------------------------------------


def test_spec_faults_are_warnings_at_their_lines(built: Batch[Any]) -> None:
    faults = _generated(built, "faults")
    spec = faults.spec.read_text("utf-8")
    where = str(faults.spec)
    warnings = [line for line in faults.proc.stderr.splitlines() if ": warning: " in line]
    assert warnings == [
        f"{where}:{line_of(spec, 'content: {}')}: warning: request body lists no media type; "
        "the operation is generated without a body",
        f"{where}:{line_of(spec, '- nullable: true')}: warning: a member that only says "
        "`nullable: true` is read as null: the union is optional",
        f"{where}:{line_of(spec, 'Now + 30 minutes')}: warning: default 'Now + 30 minutes' "
        "is not a valid date-time; the default is left out",
    ], describe(faults.proc)


def test_title_starting_with_a_digit_gives_valid_default_names(
        built: Batch[Any], checks: Batch[Proc], packages: Callable[[str], ModuleType]) -> None:
    faults = _generated(built, "faults")
    assert faults.package == "client_1_password_connect"
    assert_type_checks(checks, faults)
    pkg = packages("faults")
    assert "Client1PasswordConnect" in pkg.__all__
    assert submodule(pkg, "_client").BASE_URL_ENV == "CLIENT_1_PASSWORD_CONNECT_BASE_URL"


def test_empty_request_content_gives_an_operation_without_a_body(
        server: RecordingServer, packages: Callable[[str], ModuleType]) -> None:
    pkg = packages("faults")
    resource = submodule(pkg, "resources.livestreams").LivestreamsResource
    assert list(inspect.signature(resource.start).parameters) == [
        "self", "extra_headers", "extra_query", "extra_body", "timeout"]
    with pkg.Client1PasswordConnect(base_url=server.url, max_retries=0) as client:
        client.livestreams.start()
    assert server.last.method == "POST"
    assert server.last.body == b""
    assert server.last.header("Content-Type") is None


def test_default_that_breaks_its_format_is_left_out_of_the_docs(built: Batch[Any]) -> None:
    out = _generated(built, "faults").out
    for page in [*out.joinpath("docs").rglob("*.md"), out / "README.md", out / "api.md"]:
        assert "Now + 30 minutes" not in page.read_text("utf-8"), page
    page = out.joinpath("docs", "livestreams", "start.md").read_text("utf-8")
    row = page.split("- `ends_at: Optional[datetime]` (optional)\n", 1)[1]
    assert row.split("\n## ", 1)[0].strip() == "format: `date-time`"


ANSWERS = [
    {"owner": {"name": "ann", "since": "2024-05-01T10:00:00Z"}, "ends_at": None},
    {"owner": None, "ends_at": "2024-05-01T10:30:00+02:00"},
    {"owner": {}},
]


@pytest.mark.parametrize("answer", ANSWERS)
def test_optional_written_as_any_of_parses_alike_from_json_and_python(
        answer: dict[str, Any], server: RecordingServer,
        packages: Callable[[str], ModuleType]) -> None:
    pkg = packages("faults")
    model = submodule(pkg, "types.livestream_start_response").LivestreamStartResponse
    owner = submodule(pkg, "types.schemas").Owner
    assert model.model_fields["owner"].annotation == owner | None
    from_json = model.model_validate_json(json.dumps(answer))
    from_python = model.model_validate(answer)
    assert from_json == from_python
    assert type(from_json.owner) is type(from_python.owner)
    assert isinstance(from_json.owner, owner) == (answer["owner"] is not None)
    server.enqueue(200, body=answer)
    with pkg.Client1PasswordConnect(base_url=server.url, max_retries=0) as client:
        assert client.livestreams.start() == from_python


# -- 9. names do not depend on the order of component schemas ---------------------------------


def _class_names(out: Path) -> set[str]:
    tree = ast.parse(out.joinpath("regress_det", "types", "schemas.py").read_text("utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.ClassDef)}


def test_class_names_do_not_depend_on_component_order(built: Batch[Any]) -> None:
    a, b = _generated(built, "det_a"), _generated(built, "det_b")
    # Claimed in the order of the schemas' names (uppercase first), each before any use:
    # `Pet` before `pet`, `UserName` before `user_name`, and the component `PetTag` before
    # the class of `Pet.tag`. A request-side class is its model's name with `Param`.
    expected = {"Pet", "Pet2", "PetTag", "PetTag2", "Pet2Tag", "UserName", "UserName2",
                "UserNameTag", "PetParam", "PetParamTag", "Pet2Param", "Pet2ParamTag",
                "UserName2Param"}
    assert _class_names(a.out) == _class_names(b.out) == expected
    schemas = "regress_det/types/schemas.py"
    first, second = snapshot(a.out), snapshot(b.out)
    manifests = [json.loads(files.pop("sdkwright-manifest.json")) for files in (first, second)]
    for manifest in manifests:
        manifest["files"].pop(schemas)
        del manifest["inputs"]  # the two specs differ (in order only), and so do their digests
    assert manifests[0] == manifests[1]
    del first[schemas], second[schemas]
    assert tree_difference(second, first) == ""


# -- 10. query strings against OpenAPI's table of styles --------------------------------------

# The "Style Examples" table of the OpenAPI Specification, for a parameter `color` and the
# values "" (3.0's "empty" column), "blue", ["blue", "black", "brown"] and {"R": 100, "G":
# 200, "B": 150}, as 3.1.1 prints it (3.0's table leaves `color=` out of the delimited rows).
# Only query styles; the delimited styles and deepObject have no primitive forms.
STYLE_VALUES: dict[str, Any] = {"empty": "", "string": "blue",
                                "array": ["blue", "black", "brown"],
                                "object": {"R": 100, "G": 200, "B": 150}}
STYLE_TABLE: list[tuple[str, bool, str, str]] = [
    ("form", False, "empty", "color="),
    ("form", False, "string", "color=blue"),
    ("form", False, "array", "color=blue,black,brown"),
    ("form", False, "object", "color=R,100,G,200,B,150"),
    ("form", True, "empty", "color="),
    ("form", True, "string", "color=blue"),
    ("form", True, "array", "color=blue&color=black&color=brown"),
    ("form", True, "object", "R=100&G=200&B=150"),
    ("spaceDelimited", False, "array", "color=blue%20black%20brown"),
    ("spaceDelimited", False, "object", "color=R%20100%20G%20200%20B%20150"),
    ("pipeDelimited", False, "array", "color=blue%7Cblack%7Cbrown"),
    ("pipeDelimited", False, "object", "color=R%7C100%7CG%7C200%7CB%7C150"),
    ("deepObject", True, "object", "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
]
STYLE_ROWS = [pytest.param(*row, id=f"{row[0]}-{row[1]}-{row[2]}") for row in STYLE_TABLE]


def _decoded(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query, keep_blank_values=True)


@pytest.mark.parametrize(("style", "explode", "kind", "expected"), STYLE_ROWS)
def test_fixture_query_items_follow_the_style_table(style: str, explode: bool, kind: str,
                                                    expected: str) -> None:
    """The generated tests' expectation, worked out apart from the runtime."""
    assert query_items("color", STYLE_VALUES[kind], style, explode) == _decoded(expected)


@pytest.mark.parametrize(("style", "explode", "kind", "expected"), STYLE_ROWS)
def test_runtime_query_items_follow_the_style_table(style: str, explode: bool, kind: str,
                                                    expected: str) -> None:
    """The committed generated package's serializer (the runtime every package ships)."""
    from cloudflare_realtime._base_client import Styled
    from cloudflare_realtime._base_client import query_items as runtime_query_items

    value = Styled(STYLE_VALUES[kind], style, explode)
    assert runtime_query_items({"color": value}) == _decoded(expected)


def test_styled_query_reaches_the_wire_as_the_table_says(
        server: RecordingServer, packages: Callable[[str], ModuleType]) -> None:
    """A pipeDelimited array through a real request: the runtime sends `%7C`, as the table."""
    with packages("params").Params(base_url=server.url, max_retries=0) as client:
        client.pets.update("s", pet_id="p", timeout_="t", styled=["blue", "black", "brown"])
    assert server.last.raw_query == "Styled=blue%7Cblack%7Cbrown"



# -- the reserved names cover what the templates define ---------------------------------------


def _bound(tree: ast.Module) -> dict[str, str]:
    """Each module-level name (under `if TYPE_CHECKING:` too) -> the module it is imported
    from, or "" when the module itself defines it."""
    names: dict[str, str] = {}
    nodes: list[ast.stmt] = list(tree.body)
    while nodes:
        node = nodes.pop()
        if isinstance(node, ast.If):
            nodes.extend(node.body)
        elif isinstance(node, ast.ImportFrom):
            source = "." * node.level + (node.module or "")
            names.update({(a.asname or a.name): source for a in node.names})
        elif isinstance(node, ast.Import):
            names.update({(a.asname or a.name).split(".")[0]: a.name for a in node.names})
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] = ""
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update({t.id: "" for t in targets if isinstance(t, ast.Name)})
    return names


def _exported(tree: ast.Module) -> set[str]:
    """The names a module's `__all__` lists (none in an empty `__init__.py`)."""
    return next((set(ast.literal_eval(node.value)) for node in tree.body
                 if isinstance(node, ast.Assign) and any(
                     isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)),
                set())


@pytest.mark.parametrize("name", ["resources", "params", "helpers", "sec_keys"])
def test_reserved_names_cover_what_the_templates_define(name: str, built: Batch[Any]) -> None:
    """The registry reserves, by hand-written sets, the names each template puts in a scope;
    the spec's names (classes, builders, parsers, imported response types) aside, every
    module-level name of the generated modules must be in its set, or a spec name could
    take it."""
    from sdkwright.runtime_names import (
        CLIENT_MODULE_NAMES,
        EXCEPTIONS_MODULE_NAMES,
        PACKAGE_EXPORTS,
        RESOURCE_MODULE_NAMES,
    )
    from sdkwright.schemas import TYPES_MODULE_IMPORTS

    generated = _generated(built, name)
    package = generated.out / generated.package

    def tree(path: Path) -> ast.Module:
        return ast.parse(path.read_text("utf-8"))

    client = tree(package / "_client.py")
    bound = _bound(client)
    error = next(n for n, source in bound.items() if source == "._exceptions")
    spec_names = _exported(client) | {error} | {
        n for n, source in bound.items() if source.startswith(".resources.")}
    assert set(bound) - spec_names <= CLIENT_MODULE_NAMES
    exceptions = tree(package / "_exceptions.py")
    assert set(_bound(exceptions)) - {error} <= EXCEPTIONS_MODULE_NAMES | PACKAGE_EXPORTS
    for path in package.joinpath("resources").rglob("__init__.py"):
        module = tree(path)
        bound = _bound(module)
        # The module's resource classes and its children's (claimed among resource
        # classes), request builders and parsers, and response classes imported by name from
        # their own module (claimed in the module's namespace).
        spec_names = _exported(module) | {
            n for n, source in bound.items() if (source == "" and n.startswith("_"))
            or re.match(r"\.\w", source) or re.search(r"\.types\.\w", source)}
        assert set(bound) - spec_names <= RESOURCE_MODULE_NAMES, path
    for path in package.joinpath("types").rglob("*.py"):
        module = tree(path)
        imported = {n for n, source in _bound(module).items() if source}
        assert imported <= TYPES_MODULE_IMPORTS, path
