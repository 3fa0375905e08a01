"""Stage 1: read a YAML or JSON spec into plain data, remembering where each node sits.

Parsing goes through PyYAML's composer (JSON is YAML), so every mapping and sequence keeps the
line it started on. We build the Python objects ourselves instead of using a constructor so
that mapping keys stay the exact text the author wrote (`200:` stays the string "200"),
duplicate keys are an error, and no YAML tag can construct an arbitrary object.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, SpecError

Pointer = tuple[str, ...]
# Where `bundle` embeds the other files of a multi-file spec (an extension key, so the
# bundled document is still valid OpenAPI).
BUNDLE_KEY = "x-sdkwright-files"

# Bounds that keep hostile documents cheap to refuse.
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 256
MAX_NODES = 2_000_000

# libyaml's parser when PyYAML was built with it: several times faster on big specs.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
}
# Scalars YAML would build a non-JSON value from (a datetime, bytes).
_TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"}


@dataclass(frozen=True)
class Document:
    """A loaded spec: its data and the source line of every mapping/sequence entry."""

    path: Path
    data: Any
    lines: dict[Pointer, int]
    # Other files of a multi-file spec, embedded in `data` under BUNDLE_KEY by `bundle`.
    parts: dict[str, Document] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.path)

    def line_of(self, pointer: Pointer) -> int:
        """The line of `pointer`, or of its nearest ancestor the loader saw."""
        for end in range(len(pointer), -1, -1):
            line = self.lines.get(pointer[:end])
            if line is not None:
                return line
        return 1

    def place(self, pointer: Pointer) -> tuple[Document, Pointer]:
        """The file a pointer into the bundled document lands in, and the pointer there."""
        if len(pointer) >= 2 and pointer[0] == BUNDLE_KEY and pointer[1] in self.parts:
            return self.parts[pointer[1]].place(pointer[2:])
        return self, pointer

    def problem(self, pointer: Pointer, message: str) -> Problem:
        doc, local = self.place(pointer)
        return Problem(doc.name, doc.line_of(local), message, local)


class _DuplicateKey(SpecError):
    """A key that occurs twice in one mapping."""


class _Builder:
    def __init__(self, doc_name: str, loader: yaml.SafeLoader) -> None:
        self.doc_name = doc_name
        self.loader = loader
        self.lines: dict[Pointer, int] = {}
        self.nodes = 0

    def fail(self, node: yaml.Node, message: str) -> SpecError:
        return SpecError([Problem(self.doc_name, node.start_mark.line + 1, message)])

    def build(self, node: yaml.Node, pointer: Pointer, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(node, f"document has more than {MAX_NODES} nodes; refusing it")
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels; refusing it")
        self.lines.setdefault(pointer, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, pointer, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, f"YAML tag {node.tag!r} is not allowed in a spec")
            return [
                self.build(item, (*pointer, str(i)), depth + 1) for i, item in enumerate(node.value)
            ]
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(node, f"YAML tag {node.tag!r} is not allowed in a spec")
        value = self.loader.construct_object(node)
        if node.tag in _TEXT_TAGS:
            # OpenAPI values are JSON: a date, or base64 data, stays the text the author wrote.
            return str(node.value)
        if isinstance(value, float) and not math.isfinite(value):
            # YAML's .inf and .nan, or a number too large for a float: JSON has neither.
            raise self.fail(node, f"{node.value} is not a finite number; JSON has no infinity "
                                  "or NaN")
        return value

    def build_mapping(self, node: yaml.MappingNode, pointer: Pointer, depth: int) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            raise self.fail(node, f"YAML tag {node.tag!r} is not allowed in a spec")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "YAML merge keys (<<) are not supported in a spec")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "mapping keys must be plain strings")
            key = str(key_node.value)
            if key in result:
                line = key_node.start_mark.line + 1
                raise _DuplicateKey([Problem(self.doc_name, line,
                                             f"duplicate key {key!r} in mapping")])
            child = (*pointer, key)
            self.lines[child] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, child, depth + 1)
        return result


def load(path: Path) -> Document:
    """Read and parse `path`; raise SpecError with the line of any syntax fault."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SpecError([Problem(name, 1, f"file is {size} bytes; the limit is {MAX_BYTES}")])
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError([Problem(name, 1, "no such file")]) from None
    except IsADirectoryError:
        raise SpecError([Problem(name, 1, "is a directory, not a spec file")]) from None
    except UnicodeDecodeError as exc:
        raise SpecError([Problem(name, 1, f"not UTF-8 text: {exc.reason}")]) from None
    except OSError as exc:
        raise SpecError([Problem(name, 1, f"cannot read: {exc.strerror}")]) from None
    return parse(text, path)


def _expanded_size(root: yaml.Node, name: str) -> int:
    """How many nodes building `root` would create, counting every alias use in full.

    Computed once per distinct node, so an alias bomb is measured in linear time and refused
    before it is expanded. Nesting is bounded here too (iterative: no recursion limit).
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if depth > MAX_DEPTH:
            line = node.start_mark.line + 1
            raise SpecError([Problem(name, line, f"nesting deeper than {MAX_DEPTH} levels; "
                                     "refusing it")])
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        if children_done:
            sizes[id(node)] = min(1 + sum(sizes.get(id(c), 0) for c in children),
                                  MAX_NODES + 1)
        else:
            stack.append((node, depth, True))
            stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


def _check_json(text: str, path: Path) -> Any:
    """Strict JSON parsing (YAML would accept trailing commas), duplicate keys refused."""
    name = str(path)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                raise ValueError(f"duplicate key {key!r} in object")
            result[key] = value
        return result

    try:
        return json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise SpecError([Problem(name, exc.lineno, f"JSON syntax error: {exc.msg}")]) from None
    except ValueError as exc:
        # json does not say where; the YAML composer refuses the same key with its line.
        try:
            _parse_yaml(text, path)
        except _DuplicateKey:
            raise
        except SpecError:
            pass
        raise SpecError([Problem(name, 1, str(exc))]) from None
    except RecursionError:
        raise SpecError([Problem(name, 1, "nesting too deep; refusing it")]) from None


def parse(text: str, path: Path) -> Document:
    if path.suffix.lower() == ".json":
        data = _check_json(text, path)
        try:
            return _parse_yaml(text, path)
        except SpecError:
            # Valid JSON that YAML cannot read (rare): keep the data, lose the lines.
            return Document(path=path, data=data, lines={})
    return _parse_yaml(text, path)


def _parse_yaml(text: str, path: Path) -> Document:
    name = str(path)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise SpecError([Problem(name, 1, "the file is empty")])
        if _expanded_size(root, name) > MAX_NODES:
            raise SpecError([Problem(name, 1, f"the document expands to more than {MAX_NODES} "
                                     "nodes (YAML aliases included); refusing it")])
        builder = _Builder(name, loader)
        data = builder.build(root, (), 0)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or exc.context or "invalid syntax"
        kind = "JSON" if path.suffix.lower() == ".json" else "YAML"
        raise SpecError([Problem(name, line, f"{kind} syntax error: {what}")]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(name, 1, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise SpecError([Problem(name, 1, "a spec must be a mapping at the top level")])
    return Document(path=path, data=data, lines=builder.lines)
