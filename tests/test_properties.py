"""Property-based tests: random, hostile but valid OpenAPI documents give a sound package.

Hypothesis builds OpenAPI 3.0 and 3.1 documents as plain data (hostile text in every place a
spec string can go, names that collide after snake_case, keywords and builtins, recursive and
composed schemas), writes each one as YAML or JSON and generates it in-process. Every
generated project must then

(a) compile, every .py file;
(b) be black-clean at 88 columns (`black.format_str(text, mode=black.Mode()) == text`);
(c) import: every module of the package, in one subprocess per example;
(d) have an even number of ``` fence lines in every Markdown file;
(e) have a pyproject.toml that tomllib parses;
(f) keep every file inside the output folder.

A document the generator refuses must be refused with `FILE:LINE: message` problems. Such
refusals are accepted by the properties (they are recorded as hypothesis events), but a fixed
hostile-but-valid document must never be refused.

Generator bugs that shrinking found (and that are fixed) are pinned by the deterministic
regression tests at the end of this file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import black
import pytest
import yaml
from cli_support import IMPORT_ALL
from hypothesis import HealthCheck, currently_in_test_context, event, given, note, settings
from hypothesis import strategies as st
from sdkwright.config import Names
from sdkwright.errors import SpecError
from sdkwright.pipeline import generate
from sdkwright.write import write

Json = dict[str, Any]
Values = st.SearchStrategy[Any]

SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
IMPORT_TIMEOUT = 120.0
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# -- hostile text ------------------------------------------------------------------------------

# Any Unicode scalar value except NUL (surrogates cannot be encoded as UTF-8 and are left out).
_CHARS = st.characters(codec="utf-8", exclude_characters="\x00")
FRAGMENTS = (
    '"', "'", '"""', "'''", '\\', '\\"', "\\n", "\\x00", "\\u0041", "\n", "\r\n", "\r", "\t",
    "\x07", "\x08", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b",
    "{{ x }}", "{{", "}}", "{% if x %}", "{% endif %}", "{%", "%}", "{# c #}", "{0}", "%s", "${x}",
    "```", "```python", "````", "~~~", "`", "</script>", "<script>alert(1)</script>", "<!--",
    "-->", "&amp;", "&", "<", "#", "# comment", "*", "_", "|", "[x](y)", "    ", " ",
    "größe", "名前", "Ω", "🙂", "e\u0301", "'''\"\"\"", "\\\n", "'\\", '"\\',
)


def hostile_text(max_parts: int = 6) -> st.SearchStrategy[str]:
    """Arbitrary NUL-free text, or a concatenation of fragments that break output formats."""
    return st.one_of(
        st.text(_CHARS, max_size=20),
        st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(_CHARS, max_size=5)),
                 max_size=max_parts).map("".join),
    )


# Names that are hazards as Python identifiers, or collide with one another after snake_case.
NAME_POOL = (
    "userId", "user_id", "UserId", "user-id", "USER_ID", "user id", "userID",
    "class", "self", "cls", "def", "import", "lambda", "None", "True", "False", "return",
    "match", "case", "type", "_", "__init__", "__class__", "__dict__",
    "timeout", "extra_headers", "extra_query", "extra_body", "model_config", "model_fields",
    "model_dump", "x-y", "x_y", "xY", "123", "1st", "0", "!!!", "-", ".", "", " ",
    "größe", "grösse", "名前", "Ω", "id", "list", "dict", "str", "int", "float", "bool",
    "object", "bytes", "json", "copy", "schema", "fields", "validate", "to_dict", "body",
    "encode_path", "RequestOptions", "Optional", "Union", "Literal", "Field", "BaseModel",
    "Required", "TypedDict", "Any", "Dict", "List", "Annotated", "datetime", "date",
    "OpenEnum", "FileTypes", "schemas", "request", "client", "path", "query", "headers",
    "options", "params", "response", "a" * 100, "A" * 120 + "b", "a.b", "x[]",
    "filter[name]", "a[", "a!", "x!ab", "{0}", "%s", "$ref", "'", '"', "\\", "a\nb",
)
IDENTIFIER = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,15}", fullmatch=True)
names = st.one_of(st.sampled_from(NAME_POOL), IDENTIFIER, hostile_text(3))
# A path template cannot hold braces or a slash inside `{...}`.
path_param_names = names.map(lambda n: re.sub(r"[{}/]", "", n) or "p")
operation_ids = st.one_of(
    st.sampled_from(NAME_POOL), IDENTIFIER, hostile_text(3),
    st.sampled_from(("!!!", "123abc", "1", "getUser", "get_user", "GetUser", "get-user",
                     "x" * 200, "größe", "名前", "for", "print", "__import__")),
)
# components/schemas keys must match ^[a-zA-Z0-9.\-_]+$.
COMPONENT_NAMES = (
    "Pet", "pet", "PET", "Pets", "a-b", "a_b", "A.B", "class", "Model", "123", "_", "-", ".",
    "Item", "Items", "ItemParam", "Node", "Tree", "str", "list", "object", "None", "BaseModel",
    "Field", "Optional", "Union", "Literal", "Any", "List", "Dict", "Required", "TypedDict",
    "OpenEnum", "schemas", "datetime", "Response", "Params", "Body", "Error", "X" * 90,
)
ENUM_STRINGS = (
    "a-b", "a_b", "A_B", "a b", "aB", "", " ", '"""', "'''", "\\", "\n", "\x07", "{{ x }}",
    "{% x %}", "```", "</script>", "größe", "名前", "None", "class", "1", "true", "null",
)
STATIC_SEGMENTS = (
    "items", "users", "user", "v1", "a-b", "a_b", "123", "class", "größe", "名前", "x.y",
    "it's", 'q"q', "back\\slash", "%20", "a b", "~", "'''", '"""', "{{x", "$",
)
FORMAT_SAMPLES: dict[str, str] = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "uuid": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
    "email": "someone@example.com",
    "uri": "https://example.com/x",
    "byte": "aGVsbG8=",
}
SERVER_URLS = (
    "https://api.example.com/v1", "https://api.example.com/", "/relative/base",
    "https://example.com/\"\"\"'''{{x}}{%y%}</script>#\\", "http://localhost:8080",
)
CLIENT_NAMES = ("Client", "Acme", "API", "HTTPClient", "Api2")
HTTP_METHODS = ("get", "post", "put", "patch", "delete")
BODY_METHODS = frozenset({"post", "put", "patch"})
STATUS_CODES = ("200", "201", "202", "204", "default", "400", "404", "4XX", "5XX")


# -- schemas ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ctx:
    version: str  # "3.0" or "3.1"
    refs: tuple[str, ...]  # components/schemas names a schema may $ref


def _ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: Json, ctx: Ctx) -> Json:
    """`schema` that also accepts null, the way the document's OpenAPI version spells it."""
    out = dict(schema)
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    if ctx.version == "3.0":
        out["nullable"] = True
    elif isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    return out


@st.composite
def leaf(draw: st.DrawFn, ctx: Ctx, *, annotated: bool = True) -> tuple[Json, Values]:
    """A primitive or enum schema, with defaults/examples of its own type, and its values."""
    kind = draw(st.sampled_from(
        ("string", "string", "integer", "number", "boolean", "string-enum", "integer-enum")))
    schema: Json
    values: Values
    if kind == "string":
        fmt = draw(st.sampled_from((None, None, None, *FORMAT_SAMPLES, "binary")))
        schema = {"type": "string"}
        if fmt is not None:
            schema["format"] = fmt
        values = st.just(FORMAT_SAMPLES[fmt]) if fmt in FORMAT_SAMPLES else hostile_text(4)
    elif kind == "integer":
        schema = {"type": "integer"}
        values = st.integers()
    elif kind == "number":
        schema = {"type": "number"}
        values = st.one_of(st.floats(allow_nan=False, allow_infinity=False),
                           st.integers(-1000, 1000))
    elif kind == "boolean":
        schema = {"type": "boolean"}
        values = st.booleans()
    elif kind == "string-enum":
        options = draw(st.lists(st.one_of(st.sampled_from(ENUM_STRINGS), hostile_text(3)),
                                min_size=1, max_size=5, unique=True))
        schema = {"type": "string", "enum": options}
        values = st.sampled_from(options)
    else:
        numbers = draw(st.lists(st.integers(-3, 2**40), min_size=1, max_size=4, unique=True))
        schema = {"type": "integer", "enum": numbers}
        values = st.sampled_from(numbers)
    if annotated:
        if draw(st.booleans()):
            schema["default"] = draw(values)
        if draw(st.booleans()):
            schema["example"] = draw(values)
        if ctx.version == "3.1" and draw(st.booleans()):
            schema["examples"] = draw(st.lists(values, min_size=1, max_size=2))
        _describe(draw, schema)
    if draw(st.integers(0, 4)) == 0:
        schema = _nullable(schema, ctx)
        if annotated and draw(st.booleans()):
            schema["default"] = None
    return schema, values


def _describe(draw: st.DrawFn, schema: Json) -> None:
    if draw(st.booleans()):
        schema["description"] = draw(hostile_text())
    if draw(st.integers(0, 6)) == 0:
        schema["deprecated"] = True


@st.composite
def object_schema(draw: st.DrawFn, ctx: Ctx, depth: int) -> Json:
    props_names = draw(st.lists(names, max_size=4 if depth < 3 else 2, unique=True))
    props: Json = {}
    for name in props_names:
        prop = draw(schema_strategy(ctx, depth + 1))
        if "$ref" not in prop and draw(st.integers(0, 6)) == 0:
            prop[draw(st.sampled_from(("readOnly", "writeOnly")))] = True
        props[name] = prop
    schema: Json = {"type": "object", "properties": props}
    required = draw(st.lists(st.sampled_from(props_names), unique=True)) if props_names else []
    if required:
        schema["required"] = required
    extra = draw(st.sampled_from(("none", "none", "true", "false", "schema")))
    if extra == "true":
        schema["additionalProperties"] = True
    elif extra == "false":
        schema["additionalProperties"] = False
    elif extra == "schema":
        schema["additionalProperties"] = draw(leaf(ctx))[0]
    _describe(draw, schema)
    if draw(st.integers(0, 5)) == 0:
        schema = _nullable(schema, ctx)
    return schema


@st.composite
def array_schema(draw: st.DrawFn, ctx: Ctx, depth: int) -> Json:
    schema: Json = {"type": "array", "items": draw(schema_strategy(ctx, depth + 1))}
    _describe(draw, schema)
    if draw(st.integers(0, 5)) == 0:
        schema = _nullable(schema, ctx)
    return schema


@st.composite
def all_of_schema(draw: st.DrawFn, ctx: Ctx, depth: int) -> Json:
    use_ref = bool(ctx.refs) and draw(st.booleans())
    first = _ref(draw(st.sampled_from(ctx.refs))) if use_ref else draw(object_schema(ctx, 3))
    parts = [first, draw(object_schema(ctx, 3))]
    if draw(st.booleans()):
        parts = parts[:1]
    schema: Json = {"allOf": parts}
    _describe(draw, schema)
    return schema


@st.composite
def union_schema(draw: st.DrawFn, ctx: Ctx, depth: int) -> Json:
    key = draw(st.sampled_from(("oneOf", "anyOf")))
    variants = draw(st.lists(schema_strategy(ctx, depth + 1), min_size=1, max_size=3))
    if ctx.version == "3.1" and draw(st.booleans()):
        variants.append({"type": "null"})
    schema: Json = {key: variants}
    _describe(draw, schema)
    return schema


@st.composite
def ref_schema(draw: st.DrawFn, ctx: Ctx) -> Json:
    schema = _ref(draw(st.sampled_from(ctx.refs)))
    if ctx.version == "3.1" and draw(st.integers(0, 3)) == 0:
        # 3.1 allows keywords next to $ref.
        schema["description"] = draw(hostile_text())
    return schema


def schema_strategy(ctx: Ctx, depth: int) -> st.SearchStrategy[Json]:
    """Any schema, nested no deeper than depth 3."""
    leaves = leaf(ctx).map(lambda pair: pair[0])
    options: list[st.SearchStrategy[Json]] = [leaves, leaves]
    if ctx.refs:
        options.append(ref_schema(ctx))
    if depth < 3:
        options += [object_schema(ctx, depth), array_schema(ctx, depth),
                    all_of_schema(ctx, depth), union_schema(ctx, depth)]
    return st.one_of(options)


@st.composite
def recursive_schema(draw: st.DrawFn, ctx: Ctx, name: str) -> Json:
    """An object that refers to itself, directly and through an array."""
    schema: Json = {
        "type": "object",
        "properties": {
            draw(names): draw(leaf(ctx))[0],
            "children": {"type": "array", "items": _ref(name)},
            draw(st.sampled_from(("parent", "next", "self", "class"))): _ref(name),
        },
    }
    _describe(draw, schema)
    return schema


@st.composite
def components(draw: st.DrawFn, version: str) -> tuple[Json, tuple[str, ...]]:
    """components/schemas (possibly empty) and the names in it."""
    chosen = draw(st.lists(st.sampled_from(COMPONENT_NAMES), max_size=4, unique=True))
    has_recursive = bool(chosen) and draw(st.booleans())
    recursive = chosen[0] if has_recursive else None
    ctx = Ctx(version, tuple(chosen))
    schemas: Json = {}
    for name in chosen:
        if name == recursive:
            schemas[name] = draw(recursive_schema(ctx, name))
        else:
            # A component is never a bare $ref (a chain of bare refs could be circular).
            schemas[name] = draw(st.one_of(
                object_schema(ctx, 1), array_schema(ctx, 2), all_of_schema(ctx, 2),
                union_schema(ctx, 2), leaf(ctx).map(lambda pair: pair[0])))
    return schemas, tuple(chosen)


# -- operations and documents -------------------------------------------------------------------


@st.composite
def parameter(draw: st.DrawFn, ctx: Ctx, name: str, location: str) -> Json:
    schema, values = draw(leaf(ctx))
    if location == "query" and draw(st.integers(0, 3)) == 0:
        schema = {"type": "array", "items": schema}
        values = st.lists(values, max_size=3)
    elif location == "query" and ctx.refs and draw(st.integers(0, 5)) == 0:
        schema, values = draw(ref_schema(ctx)), st.nothing()
    param: Json = {"name": name, "in": location, "schema": schema}
    if location == "path" or draw(st.booleans()):
        param["required"] = True
    if draw(st.booleans()):
        param["description"] = draw(hostile_text())
    if draw(st.integers(0, 2)) == 0 and not values.is_empty:
        param["example"] = draw(values)
    if location != "path" and draw(st.integers(0, 6)) == 0:
        param["deprecated"] = True
    return param


@st.composite
def request_body(draw: st.DrawFn, ctx: Ctx) -> Json:
    choice = draw(st.sampled_from(("object", "object", "ref", "array", "leaf", "allOf")))
    if choice == "ref" and ctx.refs:
        schema = draw(ref_schema(ctx))
    elif choice == "array":
        schema = draw(array_schema(ctx, 1))
    elif choice == "leaf":
        schema = draw(leaf(ctx))[0]
    elif choice == "allOf":
        schema = draw(all_of_schema(ctx, 1))
    else:
        schema = draw(object_schema(ctx, 1))
    media = draw(st.sampled_from(("application/json", "application/json",
                                  "application/json; charset=utf-8",
                                  "application/vnd.api+json")))
    body: Json = {"content": {media: {"schema": schema}}}
    if draw(st.booleans()):
        body["required"] = True
    if draw(st.booleans()):
        body["description"] = draw(hostile_text())
    return body


@st.composite
def responses(draw: st.DrawFn, ctx: Ctx) -> Json:
    codes = draw(st.lists(st.sampled_from(STATUS_CODES), min_size=1, max_size=3, unique=True))
    out: Json = {}
    for code in codes:
        response: Json = {"description": draw(hostile_text())}
        shape = draw(st.integers(0, 5))
        if code != "204" and shape >= 2:
            response["content"] = {"application/json": {
                "schema": draw(schema_strategy(ctx, 1))}}
        elif code != "204" and shape == 1:
            media = draw(st.sampled_from(("text/plain", "application/octet-stream")))
            response["content"] = {media: {"schema": {"type": "string"}}}
        out[code] = response
    return out


@dataclass
class _DocState:
    """What must stay unique across one document."""

    operation_ids: set[str]
    templates: set[str]


@st.composite
def path_item(draw: st.DrawFn, ctx: Ctx, state: _DocState,
              tags: list[str]) -> tuple[str, Json] | None:
    """A path template and its item; every `{x}` is declared, with required: true."""
    parts: list[str] = []
    params: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            name = draw(path_param_names)
            if name not in params:
                params.append(name)
                parts.append("{" + name + "}")
        else:
            parts.append(draw(st.sampled_from(STATIC_SEGMENTS)))
    path = "/" + "/".join(parts)
    template = re.sub(r"\{[^{}]+\}", "{}", path)
    if template in state.templates:
        return None
    state.templates.add(template)

    path_params = [draw(parameter(ctx, p, "path")) for p in params]
    item: Json = {}
    shared = draw(st.booleans())
    if shared and path_params:
        item["parameters"] = list(path_params)
    if draw(st.integers(0, 3)) == 0:
        item.setdefault("parameters", []).append(
            draw(parameter(ctx, draw(names), "query")))
    if draw(st.integers(0, 3)) == 0:
        item["summary"] = draw(hostile_text())
    for method in draw(st.lists(st.sampled_from(HTTP_METHODS), min_size=1, max_size=2,
                                unique=True)):
        op: Json = {}
        op_id = draw(st.none() | operation_ids)
        if op_id is not None and op_id not in state.operation_ids:
            state.operation_ids.add(op_id)
            op["operationId"] = op_id
        if draw(st.booleans()):
            op["summary"] = draw(hostile_text())
        if draw(st.booleans()):
            op["description"] = draw(hostile_text(10))
        if draw(st.booleans()):
            op["tags"] = [draw(st.sampled_from(tags) if tags else names)]
        op_params: list[Json] = [] if shared else list(path_params)
        seen = {(p["in"], p["name"]) for p in op_params}
        for _ in range(draw(st.integers(0, 4))):
            location = draw(st.sampled_from(("query", "query", "header", "cookie")))
            name = draw(names)
            if (location, name) not in seen and name.strip():
                seen.add((location, name))
                op_params.append(draw(parameter(ctx, name, location)))
        if op_params:
            op["parameters"] = op_params
        if method in BODY_METHODS and draw(st.booleans()):
            op["requestBody"] = draw(request_body(ctx))
        if draw(st.integers(0, 5)) == 0:
            # The generator's own extensions: a method name, a dotted resource path.
            op["x-sdk-method"] = draw(operation_ids)
        if draw(st.integers(0, 5)) == 0:
            op["x-sdk-resource"] = ".".join(draw(st.lists(names, min_size=1, max_size=3)))
        op["responses"] = draw(responses(ctx))
        if draw(st.integers(0, 8)) == 0:
            op["deprecated"] = True
        item[method] = op
    return path, item


@st.composite
def documents(draw: st.DrawFn) -> Json:
    version = draw(st.sampled_from(("3.0", "3.1")))
    schemas, refs = draw(components(version))
    ctx = Ctx(version, refs)
    info: Json = {"title": draw(hostile_text()), "version": draw(hostile_text(3))}
    if draw(st.booleans()):
        info["description"] = draw(hostile_text(10))
    doc: Json = {"openapi": "3.0.3" if version == "3.0" else "3.1.0", "info": info}
    if draw(st.booleans()):
        doc["servers"] = [{"url": draw(st.sampled_from(SERVER_URLS)),
                           "description": draw(hostile_text())}]
    tags = draw(st.lists(names, max_size=3, unique=True))
    if tags:
        doc["tags"] = [{"name": t, "description": draw(hostile_text())} for t in tags]
    state = _DocState(set(), set())
    paths: Json = {}
    # Mostly 1-3 paths; sometimes none (such a document is refused: no operation, no client).
    for _ in range(draw(st.sampled_from((1, 2, 3, 1, 2, 3, 0)))):
        made = draw(path_item(ctx, state, tags))
        if made is not None:
            paths[made[0]] = made[1]
    doc["paths"] = paths
    if schemas:
        doc["components"] = {"schemas": schemas}
    return doc


@st.composite
def colliding_documents(draw: st.DrawFn) -> Json:
    """One resource crowded with names that collide: operationIds, parameters, properties."""
    version = draw(st.sampled_from(("3.0", "3.1")))
    ctx = Ctx(version, ())
    clash = st.sampled_from(NAME_POOL)
    tag = draw(names)
    path_param = draw(path_param_names)
    path_param_2 = draw(path_param_names)
    if path_param_2 == path_param:
        path_param_2 += "2"
    paths: Json = {}
    ids: set[str] = set()
    templates = (f"/things/{{{path_param}}}", f"/things/{{{path_param}}}/x/{{{path_param_2}}}",
                 "/things")
    for path in templates[:draw(st.integers(1, len(templates)))]:
        declared = re.findall(r"\{([^{}]+)\}", path)
        item: Json = {}
        for method in draw(st.lists(st.sampled_from(HTTP_METHODS), min_size=1, max_size=2,
                                    unique=True)):
            params = [draw(parameter(ctx, p, "path")) for p in declared]
            seen = {("path", p) for p in declared}
            for name in draw(st.lists(clash, min_size=1, max_size=6)):
                location = draw(st.sampled_from(("query", "header")))
                if (location, name) not in seen and name.strip():
                    seen.add((location, name))
                    params.append(draw(parameter(ctx, name, location)))
            op: Json = {"tags": [tag], "parameters": params,
                        "responses": {"200": {"description": "ok", "content": {
                            "application/json": {"schema": draw(object_schema(ctx, 2))}}}}}
            op_id = draw(st.one_of(clash, operation_ids))
            if op_id not in ids:
                ids.add(op_id)
                op["operationId"] = op_id
            if method in BODY_METHODS:
                props = {n: draw(leaf(ctx))[0] for n in draw(st.lists(clash, max_size=6,
                                                                       unique=True))}
                op["requestBody"] = {"required": True, "content": {"application/json": {
                    "schema": {"type": "object", "properties": props,
                               **({"required": list(props)} if props else {})}}}}
            item[method] = op
        paths[path] = item
    return {"openapi": "3.0.3" if version == "3.0" else "3.1.0",
            "info": {"title": draw(hostile_text()), "version": "1.0.0"}, "paths": paths}


# -- writing specs and checking output ----------------------------------------------------------


def write_spec(doc: Json, folder: Path, fmt: str, *, ascii_json: bool = True) -> Path:
    """`doc` as a YAML or JSON file. YAML that PyYAML cannot read back exactly is written as
    JSON instead (then the YAML emitter, not the generator, is at fault)."""
    if fmt == "yaml":
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=80)
        if yaml.load(text, Loader=_YAML_LOADER) == doc:
            spec = folder / "spec.yaml"
            spec.write_text(text, encoding="utf-8")
            return spec
        _event("YAML did not round-trip; written as JSON")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(doc, ensure_ascii=ascii_json, indent=2), encoding="utf-8")
    return spec


_PROBLEM = re.compile(r"(?P<file>[^\n]+?):(?P<line>[1-9][0-9]*): (?P<message>\S.*)")


def assert_clean_refusal(exc: SpecError, spec: Path) -> None:
    """A refusal names the spec file and a line for every problem: `FILE:LINE: message`."""
    assert exc.problems, "SpecError without problems"
    for problem in exc.problems:
        text = str(problem)
        assert text.startswith(f"{spec}:"), text
        match = _PROBLEM.match(text.split("\n", 1)[0])
        assert match is not None, f"not FILE:LINE: message: {text!r}"
        assert match["file"] == str(spec)
        assert problem.line >= 1
    assert str(exc).startswith(f"{spec}:")


def _event(text: str) -> None:
    """A hypothesis event (statistics), when running inside a property."""
    if currently_in_test_context():
        event(text)


def unique_package() -> str:
    return f"hyp_{uuid.uuid4().hex[:12]}"


_BLACK_MODE = black.Mode()
_black_clean: dict[str, bool] = {}


def is_black_clean(text: str) -> bool:
    """Whether black leaves `text` as it is (cached by content: runtime files repeat)."""
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if key not in _black_clean:
        _black_clean[key] = black.format_str(text, mode=_BLACK_MODE) == text
    return _black_clean[key]


def fence_lines(text: str) -> int:
    """Lines that open or close a backtick fence, as CommonMark reads them: up to three spaces,
    three or more backticks, and no backtick after them (a line that starts with a longer
    backtick run and holds more backticks is an inline code span, like a docs signature
    whose enum values hold backticks)."""
    return sum(1 for line in text.splitlines()
               if re.match(r" {0,3}(`{3,})(?!.*`)", line) or
               re.fullmatch(r" {0,3}`{3,}", line))


def check_paths(files: Mapping[str, str]) -> None:
    """(f), before writing: every key is a plain relative POSIX path."""
    for rel in files:
        path = PurePosixPath(rel)
        assert rel and not path.is_absolute(), rel
        assert ".." not in path.parts and "." not in rel.split("/"), rel
        assert "\\" not in rel and "\x00" not in rel and "" not in rel.split("/"), rel
        assert not re.match(r"[A-Za-z]:", rel), rel
    # Two files that differ only in case would overwrite each other on macOS and Windows.
    folded = [rel.casefold() for rel in files]
    assert len(set(folded)) == len(folded), sorted(files)


def check_written(files: Mapping[str, str], out: Path) -> None:
    """(f), after writing: exactly these files and the manifest, all inside `out`."""
    root = out.resolve()
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert on_disk == set(files) | {"sdkwright-manifest.json"}
    for rel in files:
        assert (root / rel).resolve().is_relative_to(root), rel




def _environ(out: Path) -> dict[str, str]:
    """A subprocess environment that finds the generated project in `out`, and nothing of
    this checkout."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environ.update(PYTHONPATH=str(out), PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    return environ


def start_import(out: Path, package: str) -> subprocess.Popen[str]:
    """(c) in a subprocess: import every module of the package (runs while black checks)."""
    return subprocess.Popen([sys.executable, "-c", IMPORT_ALL, package], cwd=out, env=_environ(out),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")


def package_modules(files: Mapping[str, str], package: str) -> set[str]:
    modules = set()
    for rel in files:
        path = PurePosixPath(rel)
        if path.parts[0] == package and path.suffix == ".py":
            parts = path.with_suffix("").parts
            modules.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


def check_project(files: Mapping[str, str], out: Path, package: str) -> None:
    """Properties (a) to (f) for one generated project."""
    check_paths(files)
    write(dict(files), out)
    check_written(files, out)
    proc = start_import(out, package)
    try:
        for rel, text in sorted(files.items()):
            if rel.endswith(".py"):
                compile(text, rel, "exec", dont_inherit=True)
                assert is_black_clean(text), f"{rel} is not black-formatted"
            elif rel.endswith(".md"):
                assert fence_lines(text) % 2 == 0, f"{rel}: odd number of ``` fence lines"
        project = tomllib.loads(files["pyproject.toml"])
        assert isinstance(project.get("project"), dict)
    finally:
        stdout, stderr = proc.communicate(timeout=IMPORT_TIMEOUT)
    assert proc.returncode == 0, f"importing {package} failed:\n{stderr}"
    assert set(stdout.split()) == package_modules(files, package), stdout


def generate_and_check(doc: Json, folder: Path, fmt: str, client: str = "Client") -> bool:
    """Generate `doc`; check the project, or that a refusal is clean. True when generated."""
    spec = write_spec(doc, folder, fmt)
    if currently_in_test_context():
        note(f"spec ({spec.name}):\n{spec.read_text('utf-8')}")
    package = unique_package()
    try:
        files, _warnings, _ = generate(spec, Names(package, client, "HYP"))
    except SpecError as exc:
        assert_clean_refusal(exc, spec)
        _event(f"refused: {exc.problems[0].message[:60]}")
        return False
    _event("generated")
    check_project(files, folder / "out", package)
    return True


# -- properties ---------------------------------------------------------------------------------


@SETTINGS
@given(doc=documents(), fmt=st.sampled_from(("yaml", "json")),
       client=st.sampled_from(CLIENT_NAMES))
def test_random_document_gives_sound_package(doc: Json, fmt: str, client: str,
                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    generate_and_check(doc, tmp_path_factory.mktemp("prop"), fmt, client)


@SETTINGS
@given(doc=colliding_documents(), fmt=st.sampled_from(("yaml", "json")))
def test_colliding_names_give_sound_package(doc: Json, fmt: str,
                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    generate_and_check(doc, tmp_path_factory.mktemp("collide"), fmt)


# -- deterministic tests ------------------------------------------------------------------------

HOSTILE = 'q " \'\'\' """ \\ {{ x }} {% y %} ``` </script> \u0007 größe 名前\nline 2 \\'


def _hostile_but_valid(version: str) -> Json:
    """Every hazard the strategies draw from, in one document that must be generated."""
    nullable_str: Json = ({"type": "string", "nullable": True} if version == "3.0"
                          else {"type": ["string", "null"]})
    enum: Json = {"type": "string", "enum": ["a-b", "a_b", "A_B", '"""', "\\", "{{ x }}", "```"],
                  "default": "a_b", "description": HOSTILE}
    props: Json = {n: {"type": "string", "description": HOSTILE}
                   for n in ("class", "self", "model_config", "x-y", "123", "userId", "user_id",
                             "größe", "名前", "timeout", "json", "schema", "Optional")}
    props["mode"] = enum
    props["count"] = {"type": "integer", "enum": [1, 2, 30], "default": 2, "example": 30}
    props["maybe"] = nullable_str
    props["tree"] = _ref("Node")
    props["when"] = {"type": "string", "format": "date-time", "default": FORMAT_SAMPLES[
        "date-time"]}
    params = [
        {"name": "userId", "in": "path", "required": True, "schema": {"type": "string"},
         "description": HOSTILE, "example": '"""'},
        {"name": "user_id", "in": "path", "required": True, "schema": {"type": "integer"}},
        *({"name": n, "in": "query", "schema": {"type": "string", "default": HOSTILE}}
          for n in ("class", "self", "timeout", "extra_headers", "model_config", "x-y", "123",
                    "userId", "größe")),
        {"name": "x-y", "in": "header", "schema": enum},
        {"name": "list", "in": "query", "schema": {"type": "array", "items": enum}},
    ]
    responses: Json = {
        "200": {"description": HOSTILE, "content": {"application/json": {
            "schema": {"allOf": [_ref("a-b"), {"type": "object", "properties": props}]}}}},
        "default": {"description": HOSTILE},
    }
    op_ids = ("!!!", "123start", "class", "größe", "名前", "list", "x" * 150)
    paths: Json = {
        "/things/{userId}/{user_id}": {
            method: {"operationId": op_id, "summary": HOSTILE, "description": HOSTILE,
                     "tags": [HOSTILE], "parameters": params, "responses": responses,
                     **({"requestBody": {"required": True, "content": {"application/json": {
                         "schema": {"type": "object", "properties": props,
                                    "required": ["class", "mode"]}}}}}
                        if method in BODY_METHODS else {})}
            for method, op_id in zip(HTTP_METHODS, op_ids, strict=False)
        },
        "/größe/名前": {"get": {"operationId": op_ids[-2], "tags": ["class"],
                               "responses": {"201": {"description": HOSTILE, "content": {
                                   "application/json": {"schema": {
                                       "oneOf": [_ref("Node"), _ref("a_b"), nullable_str]}}}}}}},
    }
    return {
        "openapi": "3.0.3" if version == "3.0" else "3.1.0",
        "info": {"title": HOSTILE, "version": HOSTILE, "description": HOSTILE},
        "servers": [{"url": SERVER_URLS[3], "description": HOSTILE}],
        "tags": [{"name": HOSTILE, "description": HOSTILE}, {"name": "class"}],
        "paths": paths,
        "components": {"schemas": {
            "Node": {"type": "object", "description": HOSTILE, "properties": {
                "value": enum, "children": {"type": "array", "items": _ref("Node")},
                "parent": _ref("Node")}},
            "a-b": {"type": "object", "properties": props, "required": ["class"]},
            "a_b": {"type": "object", "properties": {"a-b": _ref("a-b"), "a_b": enum}},
        }},
    }


@pytest.mark.parametrize(("version", "fmt"), [("3.0", "yaml"), ("3.1", "json")])
def test_hostile_but_valid_document_is_generated(version: str, fmt: str,
                                                 tmp_path: Path) -> None:
    doc = _hostile_but_valid(version)
    spec = write_spec(doc, tmp_path, fmt)
    package = unique_package()
    files, warnings, _ = generate(spec, Names(package, "Client", "HYP"))  # never a SpecError
    assert warnings == [], [str(w) for w in warnings]
    check_project(files, tmp_path / "out", package)


def test_refusals_are_file_line_messages(tmp_path: Path) -> None:
    """The refusal check itself: an undeclared path parameter is refused as FILE:LINE."""
    doc = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
           "paths": {"/a/{b}": {"get": {"responses": {"200": {"description": "ok"}}}}}}
    spec = write_spec(doc, tmp_path, "yaml")
    with pytest.raises(SpecError) as caught:
        generate(spec, Names(unique_package(), "Client", "HYP"))
    assert_clean_refusal(caught.value, spec)


# -- regressions: generator bugs found by the properties ----------------------------------------


def _minimal(schemas: Json, body: Json | None = None, response: Json | None = None) -> Json:
    """A one-operation document: POST /a with `body` as its JSON request body schema."""
    op: Json = {"responses": {"200": {"description": "ok"}}}
    if body is not None:
        op["requestBody"] = {"content": {"application/json": {"schema": body}}}
    if response is not None:
        op["responses"]["200"]["content"] = {"application/json": {"schema": response}}
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"post": op}}, "components": {"schemas": schemas}}


def test_regression_recursive_typeddict_functional_form(tmp_path: Path) -> None:
    doc = _minimal({"Node": {"type": "object", "properties": {
        "x-y": {"type": "string"}, "next": _ref("Node")}}}, body=_ref("Node"))
    assert generate_and_check(doc, tmp_path, "yaml")


def test_regression_component_named_optional(tmp_path: Path) -> None:
    doc = _minimal({"Optional": {"type": "object", "properties": {"x": {"type": "string"}}},
                    "Wrap": {"type": "object", "properties": {"o": _ref("Optional")}}},
                   response=_ref("Wrap"))
    assert generate_and_check(doc, tmp_path, "yaml")


def test_regression_allof_including_itself(tmp_path: Path) -> None:
    doc = _minimal({"A": {"allOf": [_ref("A"), {"type": "string"}]}}, response=_ref("A"))
    generate_and_check(doc, tmp_path, "yaml")  # a package, or a clean refusal


@pytest.mark.parametrize("name", ["a[", "a!", "x!ab"])
def test_regression_path_parameter_name_breaks_validator(name: str, tmp_path: Path) -> None:
    doc: Json = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/a/{" + name + "}": {"get": {
            "parameters": [{"name": name, "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok"}}}}}}
    generate_and_check(doc, tmp_path, "yaml")  # a package, or a clean refusal


def test_regression_document_without_operations(tmp_path: Path) -> None:
    doc = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    assert not generate_and_check(doc, tmp_path, "yaml")  # a clean refusal


# What the generated model `Wrap` must do, whatever its neighbours in types/schemas.py are named.
_WRAP_CHECK = """
import sys
from importlib import import_module
Wrap = import_module(sys.argv[1] + ".types.schemas").Wrap
assert set(Wrap.model_fields) == {"o", "x_y"}, sorted(Wrap.model_fields)
assert Wrap.model_validate({"x-y": "a"}).x_y == "a", Wrap.model_validate({"x-y": "a"})
"""


@pytest.mark.parametrize("shadow", ["Field", "BaseModel"])
def test_regression_component_named_field_or_basemodel(shadow: str, tmp_path: Path) -> None:
    doc = _minimal({shadow: {"type": "object", "properties": {"x": {"type": "string"}}},
                    "Wrap": {"type": "object", "properties": {
                        "o": _ref(shadow), "x-y": {"type": "string"}}}},
                   response=_ref("Wrap"))
    spec = write_spec(doc, tmp_path, "yaml")
    package = unique_package()
    files, _, _ = generate(spec, Names(package, "Client", "HYP"))
    check_project(files, tmp_path / "out", package)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-c", _WRAP_CHECK, package], cwd=out,
                          env=_environ(out),
                          capture_output=True, text=True, timeout=IMPORT_TIMEOUT, check=False)
    assert proc.returncode == 0, proc.stderr
