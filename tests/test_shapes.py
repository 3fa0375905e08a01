"""Nodes of the wrong JSON kind: `FILE:LINE: <where>: expected <kind>, found <kind>`, exit 2.

Every case is a small spec written here and run once through the real CLI, `validate` and
`generate` (concurrently, in the module-scoped `runs` fixture). Each fault is reported once,
at the line of its own node, by both commands, and nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import Batch, Proc, describe, sdkwright

EXIT_BAD_INPUT = 2

HEAD = """\
openapi: {version}
info: {{title: Pets, version: "1"}}
"""

OPERATION = HEAD + """\
paths:
  /pets:
    get:
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
{schema}
"""


@dataclass(frozen=True)
class Case:
    text: str
    # Each expected problem: a needle naming its line (the first line holding it) and what
    # follows `FILE:LINE: `.
    expected: tuple[tuple[str, str], ...]
    version: str = "3.0.3"
    files: tuple[tuple[str, str], ...] = ()  # other files of a multi-file spec

    @property
    def spec(self) -> str:
        return self.text.format(version=self.version)


def _schema(body: str) -> str:
    return OPERATION.replace("{schema}", "\n".join("                " + line
                                                     for line in body.splitlines()))


WHERE = "paths./pets.get.responses.200.content.application/json.schema"

CASES = {
    "info-is-a-string": Case(
        "openapi: {version}\ninfo: Pets API\npaths:\n  /pets:\n    get:\n"
        "      responses: {{'200': {{description: OK}}}}\n",
        (("info: Pets API", "info: expected a mapping, found a string"),)),
    "paths-is-a-list": Case(
        HEAD + "paths:\n  - /pets\n",
        (("paths:", "paths: expected a mapping, found a list"),)),
    "parameters-is-a-mapping": Case(
        HEAD + "paths:\n  /pets:\n    get:\n      parameters:\n        limit: {{in: query}}\n"
        "      responses: {{'200': {{description: OK}}}}\n",
        (("parameters:", "paths./pets.get.parameters: expected a list, found a mapping"),)),
    "responses-is-a-string": Case(
        HEAD + "paths:\n  /pets:\n    get:\n      responses: OK\n",
        (("responses: OK", "paths./pets.get.responses: expected a mapping, found a string"),)),
    # Several faults, each once at its own line; nothing inside a wrong node is looked at.
    "schema-keywords": Case(_schema(
        "type: object\n"
        "required: true\n"
        "properties:\n"
        "  tags:\n"
        "    type: array\n"
        "    items: [{{type: string}}]\n"
        "  kind:\n"
        "    enum: cat\n"
        "  age:\n"
        "    type: 7\n"
        "  size:\n"
        "    type: {{string: true}}\n"
        "  both:\n"
        "    allOf: {{a: 1}}\n"
        "  extra:\n"
        "    additionalProperties: yes please\n"
        "  names:\n"
        "    type: object\n"
        "    required: [1, first]\n"
        "    properties: [first, {{type: [1, 2]}}]\n"),
        (("required: true", f"{WHERE}.required: expected a list, found a boolean"),
         ("items: [", f"{WHERE}.properties.tags.items: expected a mapping, found a list"),
         ("enum: cat", f"{WHERE}.properties.kind.enum: expected a list, found a string"),
         ("type: 7", f"{WHERE}.properties.age.type: expected a string or a list, found a "
                     "number"),
         ("type: {", f"{WHERE}.properties.size.type: expected a string or a list, found a "
                     "mapping"),
         ("allOf: {", f"{WHERE}.properties.both.allOf: expected a list, found a mapping"),
         ("additionalProperties: yes", f"{WHERE}.properties.extra.additionalProperties: "
                                       "expected a mapping or a boolean, found a string"),
         ("required: [1, first]", f"{WHERE}.properties.names.required.0: expected a string, "
                                  "found a number"),
         ("properties: [first", f"{WHERE}.properties.names.properties: expected a mapping, "
                                "found a list"))),
    # Each of these crashed the build (an internal error) before the shape check: found by
    # test_shape_mutations.py.
    "servers-is-a-mapping": Case(
        HEAD + "servers: {{url: 'https://pets.example.com'}}\n"
        "paths:\n  /pets:\n    get:\n      responses: {{'200': {{description: OK}}}}\n",
        (("servers:", "servers: expected a list, found a mapping"),)),
    "components-is-a-list": Case(
        HEAD + "paths:\n  /pets:\n    get:\n      responses: {{'200': {{description: OK}}}}\n"
        "components: [schemas]\n",
        (("components:", "components: expected a mapping, found a list"),)),
    "operation-parts": Case(
        HEAD + "paths:\n  /pets:\n    post:\n      parameters:\n        - limit\n"
        "      requestBody: [application/json]\n"
        "      responses:\n        '200': true\n        default: {{description: error}}\n"
        "components:\n  securitySchemes: [bearer]\n",
        (("- limit", "paths./pets.post.parameters.0: expected a mapping, found a string"),
         ("requestBody", "paths./pets.post.requestBody: expected a mapping, found a list"),
         ("'200': true", "paths./pets.post.responses.200: expected a mapping, found a boolean"),
         ("securitySchemes", "components.securitySchemes: expected a mapping, found a list"))),
    "an-operation-that-is-a-list": Case(
        HEAD + "paths:\n  /pets:\n    get:\n      - responses: 5\n",
        (("get:", "paths./pets.get: expected a mapping, found a list"),)),
    "reference-to-a-string": Case(
        _schema("$ref: '#/info/title'"),
        (("$ref", f"{WHERE}: expected a mapping, found a string (the target of $ref "
                  "'#/info/title')"),)),
    "reference-that-is-not-text": Case(
        _schema("$ref: 5"),
        (("$ref", f"{WHERE}.$ref: expected a string, found a number"),)),
    "generator-extensions-security-tags": Case(
        HEAD + "security:\n  - bearer\n"
        "paths:\n  /pets:\n    get:\n      tags: pets\n      x-sdk-method: 12\n"
        "      responses: {{'200': {{description: OK}}}}\n"
        "components:\n  securitySchemes:\n    bearer:\n      type: [http]\n",
        (("- bearer", "security.0: expected a mapping, found a string"),
         ("tags: pets", "paths./pets.get.tags: expected a list, found a string"),
         ("x-sdk-method", "paths./pets.get.x-sdk-method: expected a string, found a number"),
         ("type: [http]", "components.securitySchemes.bearer.type: expected a string, found "
                          "a list"))),
    "a-media-type-with-dots-is-quoted": Case(
        HEAD + "paths:\n  /pets:\n    get:\n      responses:\n        '200':\n"
        "          description: OK\n          content:\n"
        "            application/vnd.api+json: [schema]\n",
        (("vnd.api", "paths./pets.get.responses.200.content['application/vnd.api+json']: "
                     "expected a mapping, found a list"),)),
    # Keys that would read as several steps, or break the line, are quoted as Python would.
    "hostile-keys-stay-on-one-line": Case(_schema(
        "properties:\n"
        "  a.b: 1\n"
        "  \"line\\u2028break\": 2\n"
        "  \"\": 3\n"),
        (("a.b: 1", f"{WHERE}.properties['a.b']: expected a mapping, found a number"),
         ("break", f"{WHERE}.properties['line\\u2028break']: expected a mapping, found a "
                   "number"),
         ('"": 3', f"{WHERE}.properties['']: expected a mapping, found a number"))),
    "components-in-3.1": Case(
        HEAD + "paths:\n  /pets:\n    get:\n      responses: {{'200': {{description: OK}}}}\n"
        "components:\n  schemas:\n    Pet:\n      $defs: [a]\n",
        (("$defs", "components.schemas.Pet.$defs: expected a mapping, found a list"),),
        version="3.1.0"),
    "in-another-file": Case(
        _schema("$ref: pet.yaml"),
        (("properties: 5", "properties: expected a mapping, found a number"),),
        files=(("pet.yaml", "type: object\nproperties: 5\n"),)),
}


@dataclass(frozen=True)
class Run:
    folder: Path
    case: Case
    validate: Proc
    generate: Proc

    def expected(self) -> list[str]:
        """The problem lines, in line order, with the file each needle is found in."""
        lines = []
        texts = {"spec.yaml": self.case.spec, **dict(self.case.files)}
        for needle, message in self.case.expected:
            name, line = next((name, i) for name, text in texts.items()
                              for i, row in enumerate(text.splitlines(), 1) if needle in row)
            shown = name if name == "spec.yaml" else str(self.folder.resolve() / name)
            lines.append((line, f"{shown}:{line}: {message}"))
        return [text for _, text in sorted(lines)]


def _run(folder: Path, case: Case) -> Run:
    (folder / "spec.yaml").write_text(case.spec, encoding="utf-8")
    for name, text in case.files:
        (folder / name).write_text(text, encoding="utf-8")
    return Run(folder, case, sdkwright("validate", "spec.yaml", cwd=folder),
               sdkwright("generate", "spec.yaml", "--out", "out", cwd=folder))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Batch[Run]:
    folders = {key: tmp_path_factory.mktemp(key) for key in CASES}
    return Batch({key: (lambda k=key: _run(folders[k], CASES[k])) for key in CASES})


def _problems(proc: Proc) -> list[str]:
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, describe(proc)
    return [line for line in proc.stderr.splitlines() if re.match(r"[^\s:]+:\d+: ", line)]


@pytest.mark.parametrize("key", sorted(CASES))
def test_each_wrong_kind_is_reported_at_its_line(key: str, runs: Batch[Run]) -> None:
    run = runs[key]
    proc = run.validate
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    # The validator's report of the same node is not added: each fault once.
    assert proc.stderr.splitlines() == run.expected(), describe(proc)


@pytest.mark.parametrize("key", sorted(CASES))
def test_generate_refuses_with_the_same_lines_and_writes_nothing(key: str,
                                                                 runs: Batch[Run]) -> None:
    run = runs[key]
    proc = run.generate
    assert proc.returncode == EXIT_BAD_INPUT, describe(proc)
    assert _problems(proc) == run.expected(), describe(proc)
    assert not (run.folder / "out").exists()
