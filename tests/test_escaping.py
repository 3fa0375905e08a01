"""Spec text that is hostile to every output format comes out exactly, and harms nothing.

A spec full of quotes, backslashes, control characters, HTML, Markdown fences, Jinja syntax
and awkward property names is written to tmp (YAML, every string double-quoted with JSON-style
escapes such as "\\u0007"), generated once, and the output read back: compiled, formatted,
imported, its docstrings and Literal values compared with the spec's text.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import re
import tomllib
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from cli_support import (
    Batch,
    Proc,
    black_check,
    describe,
    generated_tests,
    json_and_python,
    package_dir,
    parsed_both_ways,
    python,
    python_files,
    ruff_lint,
    sdkwright,
)
from markdown_it import MarkdownIt
from markdown_it.token import Token

# -- the hostile spec -------------------------------------------------------------------------

NASTY = (
    'triple """ and \'\'\' quotes, an escaped \\" quote, a lone " and \' '
    "</script><script>alert(1)</script> <!-- html --> & "
    "{{ api.title }} {% if true %}jinja{% endif %} {# jinja comment #} {{ '}}' }} "
    "# not a comment "
    "controls \u0007 \u0000 \u001b \u007f \u2028 end"
)
JINJA_MARKERS = ("{{ api.title }}", "{% if true %}jinja{% endif %}", "{# jinja comment #}")


def nasty(label: str, ending: str = "\\") -> str:
    """A multi-line description: a fenced block, a tilde fence, and an awkward last char."""
    return (f"{label}: {NASTY}\n"
            "second line with ``` inside\n"
            "```python\n"
            "print('fenced')\n"
            "```\n"
            "~~~\n"
            f"last line ends with {ending}")


TITLE = 'Hostile """ \'\'\' {{ title }} {% raw %} </script> # API\nsecond \u0007 line \\'
SUMMARY = 'Create """ \'\'\' {{ s }} {% s %} </script> # thing \\'
SERVER = "https://example.com/v1/\"\"\"'''{{ x }}{% y %}</script>#\\"
TAG = 'Things """ \'\'\' \\ {{ t }} {% t %}'
ENUM = ['"""', "'''", "back\\", 'q\\"q', "{{ x }}", "{% y %}", "{# z #}", "# hash",
        "</script>", "```", "`tick`", "line\nbreak", "bell\u0007", "nul\u0000"]
CLASS_EXAMPLE = 'ex """ \'\'\' \\ {{ e }} {% e %} ``` </script> # \u0007'
MODE_EXAMPLE = "{{ x }}"
RESPONSE_EXAMPLE = {"class": 'c"""\\', "model_config": "m", "schema": "s", "123abc": 1,
                    "x-y": "{{ x }}", "note": "```\n~~~\n</script>"}
HOSTILE_NAMES = ("class", "model_config", "schema", "123abc", "x-y")

# Where each description goes; `ending` varies the last character before the closing quotes.
DESCRIPTIONS = {
    "info": nasty("info"),
    "operation": nasty("operation", ending='"'),
    "path param": nasty("path param"),
    "query param": nasty("query param", ending="'''"),
    "response schema": nasty("response schema", ending='"""'),
    **{f"body {n}": nasty(f"body {n}", ending="\\" if i % 2 else '"')
       for i, n in enumerate(HOSTILE_NAMES)},
    **{f"response {n}": nasty(f"response {n}") for n in HOSTILE_NAMES},
}


def _properties(prefix: str) -> dict[str, dict[str, Any]]:
    props: dict[str, dict[str, Any]] = {
        n: {"type": "string", "description": DESCRIPTIONS[f"{prefix} {n}"]}
        for n in HOSTILE_NAMES}
    props["123abc"]["type"] = "integer"
    props["x-y"]["enum"] = ENUM
    return props


def hostile_spec() -> dict[str, Any]:
    body_properties = _properties("body")
    body_properties["class"]["example"] = CLASS_EXAMPLE
    body = {"type": "object", "required": ["class"], "properties": body_properties}
    response = {"type": "object", "description": DESCRIPTIONS["response schema"],
                "properties": {**_properties("response"), "note": {"type": "string"}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": TITLE, "version": "1.0.0", "description": DESCRIPTIONS["info"]},
        "servers": [{"url": SERVER}],
        "tags": [{"name": TAG, "description": nasty("tag")}],
        "paths": {"/things/{thing_id}": {"post": {
            "operationId": "create_thing",
            "tags": [TAG],
            "summary": SUMMARY,
            "description": DESCRIPTIONS["operation"],
            "parameters": [
                {"name": "thing_id", "in": "path", "required": True,
                 "description": DESCRIPTIONS["path param"], "schema": {"type": "string"},
                 "example": 'id """ \'\'\' \\ / {{ i }}'},
                {"name": "mode", "in": "query", "description": DESCRIPTIONS["query param"],
                 "schema": {"type": "string", "enum": ENUM}, "example": MODE_EXAMPLE},
            ],
            "requestBody": {"required": True,
                            "content": {"application/json": {"schema": body}}},
            "responses": {"200": {"description": nasty("response"), "content": {
                "application/json": {"schema": response, "example": RESPONSE_EXAMPLE}}}},
        }}},
    }


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block-style YAML with every scalar, and every empty list or mapping, as JSON (valid
    YAML flow style)."""
    pad = "  " * indent
    if isinstance(value, (dict, list)) and not value:
        return json.dumps(value)
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            head = f"{pad}{json.dumps(str(key))}:"
            nested = isinstance(item, (dict, list)) and item
            lines.append(f"{head}\n{to_yaml(item, indent + 1)}" if nested
                         else f"{head} {to_yaml(item)}")
        return "\n".join(lines)
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}- {to_yaml(item, indent + 1).lstrip()}")
            else:
                lines.append(f"{pad}- {to_yaml(item)}")
        return "\n".join(lines)
    return json.dumps(value)  # ensure_ascii: "\u0007", "\u2028" stay escapes in the file


def norm(text: str) -> str:
    """Text with each line stripped of surrounding whitespace (docstrings indent lines)."""
    return "\n".join(line.strip() for line in text.strip().split("\n"))


# -- reading the output back ------------------------------------------------------------------

# Imports the package and prints, as JSON, its docstrings and the Literal values of every
# field of every TypedDict and model it defines.
READ_BACK = """
import importlib, inspect, json, pkgutil, sys, typing
import pydantic, typing_extensions

pkg = importlib.import_module(sys.argv[1])
modules = [pkg] + [importlib.import_module(i.name)
                   for i in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
docs, literals, constants = {}, {}, {}

def literal_values(hint):
    if typing.get_origin(hint) is typing.Literal:
        return list(typing.get_args(hint))
    return [v for arg in typing.get_args(hint) for v in literal_values(arg)]

for module in modules:
    docs[module.__name__] = inspect.getdoc(module)
    for name, obj in vars(module).items():
        if getattr(obj, "__module__", None) != module.__name__ or not inspect.isclass(obj):
            continue
        docs[f"{module.__name__}.{name}"] = inspect.getdoc(obj)
        for attr, member in vars(obj).items():
            if inspect.isfunction(member) and not attr.startswith("__"):
                docs[f"{module.__name__}.{name}.{attr}"] = inspect.getdoc(member)
        if typing_extensions.is_typeddict(obj) or issubclass(obj, pydantic.BaseModel):
            hints = typing.get_type_hints(obj, include_extras=True)
            for field, hint in hints.items():
                values = literal_values(hint)
                if values:
                    literals[f"{module.__name__}.{name}.{field}"] = values

client_module = importlib.import_module(sys.argv[1] + "._client")
constants["DEFAULT_BASE_URL"] = client_module.DEFAULT_BASE_URL
print(json.dumps({"docs": docs, "literals": literals, "constants": constants}))
"""

# Builds every response model from the spec's example and sends one request with every
# parameter, through httpx.MockTransport, reporting what went over the wire.
ROUND_TRIP = """
import importlib, json, pkgutil, sys, typing
import httpx, pydantic, typing_extensions

package, client_name = sys.argv[1:3]
pkg = importlib.import_module(package)
sent = {}

def handler(request):
    sent["query"] = dict(request.url.params)
    sent["path"] = request.url.raw_path.decode().split("?")[0]
    sent["body"] = json.loads(request.content)
    return httpx.Response(200, json=json.loads(sys.argv[3]))

client = getattr(pkg, client_name)(base_url="http://api.test",
                                   http_client=httpx.Client(transport=httpx.MockTransport(handler)))
(resource_name,) = [n for n in dir(client)
                    if not n.startswith("_") and hasattr(getattr(client, n), "create_thing")]
resource = getattr(client, resource_name)

params = None
for info in pkgutil.walk_packages(importlib.import_module(package + ".types").__path__,
                                  package + ".types."):
    module = importlib.import_module(info.name)
    for obj in vars(module).values():
        if typing_extensions.is_typeddict(obj) and obj.__module__ == module.__name__:
            params = obj

def value_for(hint):
    args = typing.get_args(hint)
    if typing.get_origin(hint) is typing.Literal:
        return args[0]
    if args:
        return value_for(next(a for a in args if a is not type(None)))
    return 7 if hint is int else "v"

kwargs = {k: value_for(h) for k, h in typing.get_type_hints(params).items()}
result = resource.create_thing("id/1", **kwargs)
print(json.dumps({"resource": resource_name, "kwargs": sorted(kwargs), "sent": sent,
                  "dumped": result.model_dump(mode="json", by_alias=True, exclude_unset=True)}))
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    spec = root / "hostile.yaml"
    spec.write_text(to_yaml(hostile_spec()) + "\n", encoding="utf-8")
    proc = sdkwright("generate", spec, "--out", root / "out")
    assert proc.returncode == 0, describe(proc)
    assert "Traceback" not in proc.stderr, describe(proc)
    return root / "out"


@pytest.fixture(scope="module")
def package(out: Path) -> str:
    return package_dir(out).name


@pytest.fixture(scope="module")
def client_name(out: Path, package: str) -> str:
    init = ast.parse((out / package / "__init__.py").read_text("utf-8"))
    names = [a.name for node in ast.walk(init) if isinstance(node, ast.ImportFrom)
             and node.module == "_client" for a in node.names]
    sync = [n for n in names if not n.startswith("Async")]
    assert len(sync) == 1, names
    return sync[0]


@pytest.fixture(scope="module")
def tools(out: Path, package: str, client_name: str) -> Batch[Proc]:
    return Batch({
        "black": partial(black_check, out),
        "read-back": partial(python, "-c", READ_BACK, package, cwd=out),
        "round-trip": partial(python, "-c", ROUND_TRIP, package, client_name,
                              json.dumps(RESPONSE_EXAMPLE), cwd=out),
        "pytest": partial(generated_tests, out),
        "ruff": partial(ruff_lint, out),
        "json-and-python": partial(json_and_python, out, out.parent / "hostile.yaml"),
    })


@pytest.fixture(scope="module")
def read_back(tools: Batch[Proc]) -> dict[str, Any]:
    proc = tools["read-back"]
    assert proc.returncode == 0, describe(proc)
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _attribute_docs(path: Path) -> dict[str, str]:
    """`Class.field` -> the docstring under the field, as the compiler reads it."""
    found: dict[str, str] = {}
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if not isinstance(node, ast.ClassDef):
            continue
        for stmt, after in zip(node.body, node.body[1:], strict=False):
            if (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
                    and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)):
                found[f"{node.name}.{stmt.target.id}"] = inspect.cleandoc(after.value.value)
    return found


def _markdown_pages(out: Path) -> list[Path]:
    return [out / "README.md", out / "api.md", *sorted((out / "docs").rglob("*.md"))]


def _python_blocks(text: str) -> list[str]:
    # A fence is as long as the code needs (```` when the code holds ```).
    return [m.group(2) for m in re.finditer(r"^(`{3,})python\n(.*?)^\1$", text,
                                            re.DOTALL | re.MULTILINE)]


# -- tests ------------------------------------------------------------------------------------


def test_every_python_file_compiles(out: Path) -> None:
    files = python_files(out)
    assert len(files) > 5
    for path in files:
        compile(path.read_text("utf-8"), str(path), "exec", dont_inherit=True)


def test_black_check_passes(tools: Batch[Proc]) -> None:
    proc = tools["black"]
    assert proc.returncode == 0, describe(proc)


def test_ruff_finds_no_fault_and_imports_in_order(tools: Batch[Proc]) -> None:
    proc = tools["ruff"]
    assert proc.returncode == 0, describe(proc)


def test_awkward_names_parse_the_same_from_json_and_python(tools: Batch[Proc]) -> None:
    (found,) = parsed_both_ways(tools["json-and-python"])
    assert found["answer"] == RESPONSE_EXAMPLE
    assert "ValidationError" not in found["json"]


def test_package_imports_and_generated_tests_pass(tools: Batch[Proc]) -> None:
    proc = tools["pytest"]
    assert proc.returncode == 0, describe(proc)
    assert re.search(r"\b\d+ passed\b", proc.stdout), describe(proc)


def test_docstrings_hold_the_exact_descriptions(read_back: dict[str, Any], package: str) -> None:
    docs = {k: norm(v) for k, v in read_back["docs"].items() if v}
    everything = "\n\n".join(docs.values())
    # The method's docstring: summary, description, and every parameter's description.
    methods = [k for k in docs if k.endswith(".create_thing")]
    assert methods, sorted(docs)
    for key in methods:
        for label in ("operation", "path param", "query param",
                      *(f"body {n}" for n in HOSTILE_NAMES)):
            assert norm(DESCRIPTIONS[label]) in docs[key], (key, label, docs[key])
        assert norm(SUMMARY) in docs[key], docs[key]
    assert norm(DESCRIPTIONS["response schema"]) in everything
    # The title, in the package's and the clients' docstrings.
    assert norm(TITLE) in docs[package], docs[package]
    assert sum(norm(TITLE) in doc for doc in docs.values()) >= 3


def test_field_docstrings_hold_the_exact_descriptions(out: Path, package: str) -> None:
    fields: dict[str, str] = {}
    for path in python_files(out / package / "types"):
        fields.update(_attribute_docs(path))
    texts = [norm(doc) for doc in fields.values()]
    for label in ("query param", *(f"body {n}" for n in HOSTILE_NAMES),
                  *(f"response {n}" for n in HOSTILE_NAMES)):
        assert norm(DESCRIPTIONS[label]) in texts, (label, sorted(fields))


def test_enum_literals_equal_the_spec_values(read_back: dict[str, Any]) -> None:
    literals: dict[str, list[object]] = read_back["literals"]
    # mode and x-y in the request's TypedDict, x-y in the response model.
    assert len(literals) >= 3, literals
    for key, values in literals.items():
        assert values == ENUM, key


def test_server_url_is_kept_exactly(read_back: dict[str, Any]) -> None:
    assert read_back["constants"]["DEFAULT_BASE_URL"] == SERVER


def test_awkward_property_names_reach_the_wire(tools: Batch[Proc]) -> None:
    proc = tools["round-trip"]
    assert proc.returncode == 0, describe(proc)
    result = json.loads(proc.stdout)
    sent = result["sent"]
    # Whatever Python names the generator chose, the wire names are the spec's.
    assert set(sent["body"]) == set(HOSTILE_NAMES), result
    assert set(sent["query"]) == {"mode"}
    assert sent["query"]["mode"] == ENUM[0]
    assert sent["path"] == "/things/id%2F1", sent
    assert all(name.isidentifier() for name in result["kwargs"]), result["kwargs"]
    # The response model reads every awkward wire name and writes it back the same.
    assert result["dumped"] == RESPONSE_EXAMPLE


def test_examples_are_exact_python_literals(out: Path) -> None:
    pages = [out / "README.md", *sorted((out / "docs").rglob("*.md"))]
    calls = 0
    for page in pages:
        for block in _python_blocks(page.read_text("utf-8")):
            for node in ast.walk(ast.parse(block)):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "create_thing"):
                    continue
                calls += 1
                values = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords}
                assert values.get("mode") == MODE_EXAMPLE, (page, values)
                assert CLASS_EXAMPLE in values.values(), (page, values)
    assert calls >= 2, "no example call found in README.md and docs/"


def test_example_response_is_exact_json(out: Path) -> None:
    blocks = []
    for page in sorted((out / "docs").rglob("*.md")):
        text = page.read_text("utf-8")
        blocks += re.findall(r"^(`{3,})json\n(.*?)^\1$", text, re.DOTALL | re.MULTILINE)
    assert blocks, "no json block in docs/"
    assert [json.loads(body) for _, body in blocks] == [RESPONSE_EXAMPLE]


def test_jinja_syntax_is_never_interpreted(out: Path, read_back: dict[str, Any]) -> None:
    readme = (out / "README.md").read_text("utf-8")
    for marker in JINJA_MARKERS:
        assert marker in readme, marker  # from info.description, rendered as Markdown
    sources = "\n".join(p.read_text("utf-8") for p in python_files(out))
    for marker in JINJA_MARKERS:
        assert marker in sources, marker
    assert "{% raw %}" in "\n".join(v for v in read_back["docs"].values() if v)


@pytest.mark.parametrize("fence", ["```", "~~~"])
def test_markdown_code_fences_are_balanced(out: Path, fence: str) -> None:
    for page in _markdown_pages(out):
        lines = page.read_text("utf-8").splitlines()
        fences = [line for line in lines if line.lstrip().startswith(fence)]
        assert len(fences) % 2 == 0, (page, fences)
        # Fences the generator opened are the only ones: descriptions' are neutralised.
        assert not any(line.strip() == f"{fence}python" and "fenced" in later
                       for line, later in itertools.pairwise(lines)), page


def test_no_raw_html_reaches_markdown(out: Path) -> None:
    for page in _markdown_pages(out):
        text = page.read_text("utf-8")
        outside_code = re.sub(r"^(`{3,}).*?^\1$", "", text, flags=re.DOTALL | re.MULTILINE)
        outside_code = re.sub(r"`+[^`\n]*`+", "", outside_code)
        assert "<script>" not in outside_code, page
        assert "</script>" not in outside_code, page


def test_pyproject_parses_and_keeps_the_title(out: Path, package: str) -> None:
    data = tomllib.loads((out / "pyproject.toml").read_text("utf-8"))
    assert data["project"]["description"] == f"Python client for {TITLE}"
    assert data["tool"]["setuptools"]["package-data"] == {package: ["py.typed"]}


def test_resource_and_doc_paths_are_identifiers(out: Path, package: str) -> None:
    resources = [p for p in (out / package / "resources").iterdir() if p.is_dir()]
    assert resources
    for folder in [*resources, *(p for p in (out / "docs").rglob("*") if p.is_dir())]:
        assert folder.name.isidentifier(), folder


# -- names that collide with what the generated code itself uses ------------------------------

SELF_SPEC = """\
openapi: 3.0.3
info: {title: Selfish, version: 1.0.0}
paths:
  /items/{self}:
    get:
      operationId: get_item
      parameters:
        - {name: self, in: path, required: true, schema: {type: string}}
      responses:
        '204': {description: done}
"""

RUNTIME_NAMES_SPEC = """\
openapi: 3.0.3
info: {title: Shadowing, version: 1.0.0}
paths:
  /items:
    post:
      operationId: make_item
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                x-y: {type: string}
                x_y: {type: string}
                X Y: {type: string}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  to_dict: {type: string}
                  to_json: {type: string}
                  x-y: {type: string}
                  x_y: {type: string}
                  X Y: {type: string}
"""
COLLIDING = ("x-y", "x_y", "X Y")

# Sends one request with a distinct value for every body field (whatever the Python names),
# and reads a response holding every property back; prints JSON, with any warning raised.
NAMES_ROUND_TRIP = """
import inspect, json, sys, warnings
import httpx

sent = {}
reply = json.loads(sys.argv[1])

def handler(request):
    sent.update(json.loads(request.content))
    return httpx.Response(200, json=reply)

def attempt(call):
    try:
        return call()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import shadowing
    client = shadowing.Shadowing(
        base_url="http://api.test",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    method = client.items.make_item
    names = [n for n, p in inspect.signature(method).parameters.items()
             if p.kind is p.KEYWORD_ONLY and not n.startswith("extra_") and n != "timeout"]
    result = method(**{n: f"value-of-{n}" for n in names})
    print(json.dumps({
        "names": names, "sent": sent,
        "dumped": result.model_dump(mode="json", by_alias=True, exclude_unset=True),
        "to_dict": attempt(lambda: result.to_dict()),
        "to_json": attempt(lambda: json.loads(result.to_json())),
        "warnings": [str(w.message) for w in caught],
    }))
"""
SHADOWING_REPLY = {"to_dict": "d", "to_json": "j", "x-y": "1", "x_y": "2", "X Y": "3"}


# Names whose import order isort decides in ways a plain sort gets wrong: the client's error
# class `AcmeError` sorts before `APIError` (case-insensitively), and resources come in an
# order that is not alphabetical, nested ones too (imported under `if TYPE_CHECKING:`).
ORDERING_SPEC = """\
openapi: 3.0.3
info: {title: Acme, version: 1.0.0}
paths:
""" + "".join(f"""\
  /{name}:
    get:
      operationId: list_{name}
      x-sdk-resource: {resource}
      responses:
        '204': {{description: done}}
""" for name, resource in (("zebras", "zoo.zebras"), ("aardvarks", "zoo.aardvarks"),
                           ("beavers", "Beavers"), ("apes", "apes")))


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("awkward-names")
    specs = {"selfish": SELF_SPEC, "shadowing": RUNTIME_NAMES_SPEC, "ordering": ORDERING_SPEC}

    def job(name: str) -> Path:
        (root / f"{name}.yaml").write_text(specs[name], encoding="utf-8")
        out = root / name
        proc = sdkwright("generate", root / f"{name}.yaml", "--out", out)
        assert proc.returncode == 0, describe(proc)
        return out

    batch = Batch({name: partial(job, name) for name in specs})
    return {name: batch[name] for name in specs}


@pytest.fixture(scope="module")
def shadowing_tools(awkward: dict[str, Path]) -> Batch[Proc]:
    out = awkward["shadowing"]
    return Batch({
        "round-trip": partial(python, "-c", NAMES_ROUND_TRIP, json.dumps(SHADOWING_REPLY),
                              cwd=out),
    })


def test_parameter_named_self_compiles(awkward: dict[str, Path]) -> None:
    for path in python_files(awkward["selfish"]):
        compile(path.read_text("utf-8"), str(path), "exec", dont_inherit=True)


def _round_trip(shadowing_tools: Batch[Proc]) -> dict[str, Any]:
    proc = shadowing_tools["round-trip"]
    assert proc.returncode == 0, describe(proc)
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def test_colliding_property_names_reach_the_wire(shadowing_tools: Batch[Proc]) -> None:
    result = _round_trip(shadowing_tools)
    # Three distinct Python names, three distinct wire names, no value lost or swapped.
    assert len(set(result["names"])) == len(COLLIDING), result
    assert sorted(result["sent"]) == sorted(COLLIDING), result
    assert len(set(result["sent"].values())) == len(COLLIDING), result
    for wire in COLLIDING:
        assert result["dumped"][wire] == SHADOWING_REPLY[wire], result


def test_fields_never_shadow_the_runtime_model_methods(shadowing_tools: Batch[Proc]) -> None:
    result = _round_trip(shadowing_tools)
    assert result["warnings"] == [], result["warnings"]
    assert result["dumped"] == SHADOWING_REPLY
    assert result["to_dict"] == SHADOWING_REPLY
    assert result["to_json"] == SHADOWING_REPLY


@pytest.mark.parametrize("name", ["selfish", "shadowing", "ordering"])
def test_awkward_names_are_lint_clean(awkward: dict[str, Path], name: str) -> None:
    proc = ruff_lint(awkward[name])
    assert proc.returncode == 0, describe(proc)


# -- Markdown, rendered with HTML on ----------------------------------------------------------
#
# A second hostile spec puts Markdown and HTML attacks everywhere spec text reaches a Markdown
# file: titles, descriptions, summaries, enum values, parameter and property names, examples,
# server URLs, security scheme names, examples and headers, permissions. Every generated page
# is rendered by a CommonMark renderer with raw HTML on and its own link filter off (so that
# only the generator's escaping stands between the spec and the page), and the HTML may hold
# only what the generator's own Markdown makes.

BACKTICKS = "one ` two `` three ``` four ```` five ````` end"
HTML = ('<script>alert(1)</script> <img src=x onerror=alert(2)> <iframe src="https://evil/">'
        '</iframe> <svg onload=alert(3)> <a href="javascript:alert(4)">a</a> <!-- c -->')
LINKS = ("[x](javascript:alert(5)) [y]( JavaScript:alert(6) ) [z](<javascript:alert(7)>) "
         "[w](\njavascript:alert(8)) ![i](http://evil/i.png) ![j][ref] [ok](https://example.com/ok)")
DEFINITIONS = ("[ref]: javascript:alert(9)\n"
               "> [quoted]: javascript:alert(10)\n"
               "- [listed]: javascript:alert(11)\n"
               "[split]:\n  javascript:alert(12)\n"
               "   [indented]: <javascript:alert(13)>\n\n"
               "See [ref], [quoted], [listed], [split] and [indented][].")
ENTITIES = ("&lt;script&gt;alert(14)&lt;/script&gt; &#60;img src=x onerror=alert(15)&#62; "
            "[e](&#106;avascript:alert(16)) &amp;")
FENCES = "```\n<script>fenced()</script>\n~~~\n<img src=x onerror=alert(17)>\n    <b>indented</b>"
PIPES = "a | b || c \\| d |"
CONTROLS = "nul \x00 bell \x07 esc \x1b del \x7f vt \x0b ls \u2028 ps \u2029 nel \x85 end"
ONE_LINE = f"{HTML} {BACKTICKS} {LINKS} {ENTITIES} ``` ~~~ {PIPES} {CONTROLS} \\"
# A path parameter's enum value that would close a one-backtick code span and open an <img>.
SPAN_BREAKER = "a`b <img src=x onerror=alert(18)>"


def hostile_md(label: str) -> str:
    """A description: every attack, on lines of its own, ending in a backslash."""
    return "\n".join([label, HTML, BACKTICKS, LINKS, DEFINITIONS, ENTITIES, FENCES, PIPES,
                      CONTROLS]) + " \\"


def _md_properties(prefix: str) -> dict[str, dict[str, Any]]:
    return {
        f"{prefix}<b>|`": {"type": "string", "description": hostile_md(f"{prefix} b"),
                           "enum": [BACKTICKS, HTML, "x|y", "```"], "example": "```"},
        f"{prefix} plain": {"type": "string", "pattern": "^a`b|<i>$", "default": "a`b",
                            "maxLength": 10, "description": hostile_md(f"{prefix} plain"),
                            "example": "a`b"},
        "nested": {"type": "object", "description": hostile_md(f"{prefix} nested"),
                   "properties": {"<img src=x onerror=alert(19)>": {
                       "type": "string", "description": hostile_md(f"{prefix} deep")}}},
    }


def markdown_spec() -> dict[str, Any]:
    big = {f"field_{i}": {"type": "string", "description": hostile_md(f"big {i}")}
           for i in range(12)}
    schemes = {
        f"header {ONE_LINE}": {"type": "apiKey", "in": "header",
                               "name": "X-Key<img src=x onerror=alert(20)>|`",
                               "description": hostile_md("header scheme"),
                               "x-display-name": ONE_LINE, "x-example": ONE_LINE},
        f"query {ONE_LINE}": {"type": "apiKey", "in": "query", "name": f"k|`{HTML}",
                              "description": hostile_md("query scheme")},
        f"cookie {ONE_LINE}": {"type": "apiKey", "in": "cookie", "name": "c<svg onload=x>|",
                               "description": hostile_md("cookie scheme")},
        f"basic {ONE_LINE}": {"type": "http", "scheme": "basic",
                              "description": hostile_md("basic scheme")},
    }
    header, query = list(schemes)[:2]
    return {
        "openapi": "3.0.3",
        "info": {"title": f"Evil {ONE_LINE}", "version": f"1.0 `<b>` | {BACKTICKS}",
                 "description": hostile_md("info")},
        "servers": [{"url": "https://example.com/{v}/<script>|`s`|",
                     "variables": {"v": {"default": f"v1`|{HTML}"}}}],
        "security": [{header: []}, {query: []}],
        "tags": [{"name": f"Things {ONE_LINE}", "description": hostile_md("tag")}],
        "paths": {
            "/things/{thing_id}/<script>|`p`": {"post": {
                "operationId": "make_thing",
                "tags": [f"Things {ONE_LINE}"],
                "summary": ONE_LINE,
                "description": hostile_md("operation"),
                "x-api-token-group": [ONE_LINE, "`x`|<b>"],
                "parameters": [
                    {"name": "thing_id", "in": "path", "required": True,
                     "description": hostile_md("path param"),
                     "schema": {"type": "string", "enum": [SPAN_BREAKER, BACKTICKS, "x|y"]},
                     "example": SPAN_BREAKER},
                    {"name": "q<img src=x onerror=alert(21)>|`", "in": "query",
                     "description": hostile_md("query param"),
                     "schema": {"type": "string", "enum": [HTML, "```", "|"]},
                     "example": HTML},
                    {"name": f"X-H {ONE_LINE}", "in": "header",
                     "description": hostile_md("header param"), "schema": {"type": "string"},
                     "example": ONE_LINE},
                    {"name": "c<b>|`", "in": "cookie", "description": hostile_md("cookie param"),
                     "schema": {"type": "integer", "default": 3, "maximum": 9}},
                ],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"type": "object", "properties": _md_properties("body")}}}},
                "responses": {"200": {"description": hostile_md("response"), "content": {
                    "application/json": {
                        "schema": {"type": "object", "description": hostile_md("answer"),
                                   "properties": {**_md_properties("answer"),
                                                  "big": {"$ref": "#/components/schemas/Big"}}},
                        "example": {"answer plain": "a`b", "note": ONE_LINE}}}}},
            }},
            "/public/{ONE}": {"get": {
                "operationId": "public_thing", "summary": f"Public {ONE_LINE}",
                "security": [], "tags": [f"Things {ONE_LINE}"],
                "parameters": [{"name": "ONE", "in": "path", "required": True,
                                "schema": {"type": "string"}, "example": ONE_LINE}],
                "responses": {"200": {"description": "text", "content": {
                    "text/plain": {"schema": {"type": "string"}, "example": ONE_LINE}}}},
            }},
        },
        "components": {
            "securitySchemes": schemes,
            "schemas": {"Big": {"type": "object", "description": hostile_md("big schema"),
                                "properties": big}},
        },
    }


@pytest.fixture(scope="module")
def markdown_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-markdown")
    spec = root / "markdown.yaml"
    spec.write_text(to_yaml(markdown_spec()) + "\n", encoding="utf-8")
    proc = sdkwright("generate", spec, "--out", root / "out")
    assert proc.returncode == 0, describe(proc)
    assert "Traceback" not in proc.stderr, describe(proc)
    return root / "out"


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Off: markdown-it refuses javascript: links by itself; the generator must not need it.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


# What the generator's own Markdown makes (and what CommonMark makes of the Markdown that spec
# descriptions may use): element -> the attributes it may carry.
ALLOWED: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in (
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "li", "strong", "em",
        "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td")},
    "ol": frozenset({"start"}), "code": frozenset({"class"}), "a": frozenset({"href"}),
}
# The info strings of the generator's own fences.
_FENCE_CLASSES = frozenset({"language-python", "language-json", "language-sh"})
_SAFE_HREF = re.compile(r"(https?://|mailto:)[^\s]*|(\.\./)*[a-z0-9_-]+(/[A-Za-z0-9_-]+)*"
                        r"(\.md|/)", re.IGNORECASE)


class _Elements(HTMLParser):
    """Every element and attribute of an HTML text, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _faults(html: str) -> list[str]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    faults = []
    for tag, attrs in parser.found:
        if tag not in ALLOWED:
            faults.append(f"<{tag}>")
        for name, value in attrs:
            ok = name in ALLOWED.get(tag, ()) and value is not None and (
                (name == "href" and _SAFE_HREF.fullmatch(value)) or
                (name == "class" and value in _FENCE_CLASSES) or
                (name == "start" and value.isdigit()))
            if not ok:
                faults.append(f"<{tag} {name}={value!r}>")
    return faults


def _tokens(tokens: list[Token]) -> list[Token]:
    """Every token, inline children included."""
    out = []
    for token in tokens:
        out.append(token)
        out.extend(token.children or ())
    return out


@pytest.mark.parametrize("which", ["hostile", "markdown"])
def test_rendered_markdown_holds_only_the_generators_elements(
        which: str, out: Path, markdown_out: Path) -> None:
    md = _renderer()
    pages = _markdown_pages({"hostile": out, "markdown": markdown_out}[which])
    assert len(pages) >= 3
    for page in pages:
        text = page.read_text("utf-8")
        tokens = _tokens(md.parse(text))
        # Raw HTML would pass through as these tokens, whatever its element.
        raw = [t.content for t in tokens if t.type in ("html_block", "html_inline")]
        assert raw == [], (page, raw)
        assert [t.attrGet("src") for t in tokens if t.type == "image"] == [], page
        assert _faults(md.render(text)) == [], page


def test_docs_signature_line_is_one_code_span(markdown_out: Path) -> None:
    md = _renderer()
    pages = sorted(p for p in (markdown_out / "docs").rglob("*.md")
                   if "shared-types" not in p.parts)
    assert len(pages) == 2
    spans = []
    for page in pages:
        signature = page.read_text("utf-8").split("\n")[2]
        (inline,) = md.parseInline(signature)
        assert [t.type for t in inline.children or ()] == ["code_inline"], (page, signature)
        spans.append(inline.children[0].content)
    # The enum values, backticks and all, are inside the one span.
    assert any(SPAN_BREAKER in span and BACKTICKS in span for span in spans), spans


def _table_cells(md: MarkdownIt, text: str) -> list[list[str]]:
    """The text of each body row's cells, of every table in `text`."""
    rows: list[list[str]] = []
    in_body = False
    tokens = md.parse(text)
    for i, token in enumerate(tokens):
        if token.type in ("tbody_open", "tbody_close"):
            in_body = token.type == "tbody_open"
        elif token.type == "tr_open" and in_body:
            rows.append([])
        elif token.type == "td_open":
            rows[-1].append("".join(c.content for c in tokens[i + 1].children or ()))
    return rows


def test_pipes_do_not_split_table_cells(markdown_out: Path) -> None:
    md = _renderer()
    api = _table_cells(md, (markdown_out / "api.md").read_text("utf-8"))
    # Method | HTTP | Returns: the path, pipes and all, is one cell.
    assert [len(row) for row in api] == [3, 3], api
    assert api[0][1] == "POST " + "/things/{thing_id}/<script>|`p`", api
    readme = _table_cells(md, (markdown_out / "README.md").read_text("utf-8"))
    assert all(len(row) == 3 for row in readme), readme
    base_url = next(row for row in readme if row[0] == "base_url")
    assert base_url[2] == "https://example.com/" + " ".join(
        f"v1`|{HTML}".split()) + "/<script>|`s`|", readme
    query_key = next(row for row in readme if "query" in row[2])
    assert " ".join(f"k|`{HTML}".split()) in query_key[2], readme
