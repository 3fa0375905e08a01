"""Stage 1: read a YAML or JSON spec into plain data, and find where each node sits.

YAML goes through PyYAML's composer. We build the Python objects ourselves instead of using a
constructor, so that mapping keys stay the exact text the author wrote (`200:` stays the
string "200"), duplicate keys are an error, and no YAML tag can construct an arbitrary object.
JSON is read by Python's strict parser. The line of each node is only needed to report a
problem, which most runs never do: it is worked out the first time one is asked for, by
composing the text again (JSON is YAML), not kept for every node of every document.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem, SpecError
from .yamlevents import DuplicateKey, line_table, root_line, yaml_data

Pointer = tuple[str, ...]
# Where `bundle` embeds the other files of a multi-file spec (an extension key, so the
# bundled document is still valid OpenAPI).
BUNDLE_KEY = "x-sdkwright-files"

# Bounds that keep hostile documents cheap to refuse.
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 256
MAX_NODES = 2_000_000


class Lines:
    """The line each node of a document starts on (a mapping entry: its key's line), worked
    out from the text when first asked for."""

    def __init__(self, text: str = "") -> None:
        self._text = text
        self._table: dict[Pointer, int] | None = None if text else {}

    def get(self, pointer: Pointer) -> int | None:
        if self._table is None and not pointer:
            return root_line(self._text)
        if self._table is None:
            self._table = line_table(self._text)
            self._text = ""
        return self._table.get(pointer)


@dataclass(frozen=True)
class Document:
    """A loaded spec: its data, and where each of its nodes sits."""

    path: Path
    data: Any
    lines: Lines
    # Other files of a multi-file spec, embedded in `data` under BUNDLE_KEY by `bundle`.
    parts: dict[str, Document] = field(default_factory=dict)
    # How many nodes the data holds (YAML aliases counted in full): for the limits.
    nodes: int = 0

    @property
    def name(self) -> str:
        return str(self.path)

    def line_of(self, pointer: Pointer) -> int:
        """The line of `pointer`, or of its nearest ancestor the loader saw."""
        return _line(self.lines, pointer)

    def place(self, pointer: Pointer) -> tuple[Document, Pointer]:
        """The file a pointer into the bundled document lands in, and the pointer there."""
        if len(pointer) >= 2 and pointer[0] == BUNDLE_KEY and pointer[1] in self.parts:
            return self.parts[pointer[1]].place(pointer[2:])
        return self, pointer

    def problem(self, pointer: Pointer, message: str) -> Problem:
        doc, local = self.place(pointer)
        return Problem(doc.name, doc.line_of(local), message, local)


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


def _check_json(text: str, path: Path) -> tuple[Any, int]:
    """Strict JSON parsing (YAML would accept trailing commas), duplicate keys, NaN and
    infinities refused; the data and how many nodes it has."""
    name = str(path)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                raise ValueError(f"duplicate key {key!r} in object")
            result[key] = value
        return result

    def constant(word: str) -> Any:
        raise ValueError(f"{word} is not a finite number; JSON has no infinity or NaN")

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise SpecError([Problem(name, exc.lineno, f"JSON syntax error: {exc.msg}")]) from None
    except ValueError as exc:
        # json does not say where; the YAML composer refuses the same key with its line.
        try:
            _parse_yaml(text, path)
        except DuplicateKey:
            raise
        except SpecError:
            pass
        raise SpecError([Problem(name, 1, str(exc))]) from None
    except RecursionError:
        raise SpecError([Problem(name, 1, "nesting too deep; refusing it")]) from None
    return data, _json_nodes(data, path, text)


def _json_nodes(data: Any, path: Path, text: str) -> int:
    """How many nodes parsed JSON holds, refusing what YAML text is refused for: too many
    nodes, too deep a nesting, a number too large for a float (`1e400` reads as infinity)."""
    count = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
        elif isinstance(node, float) and not math.isfinite(node):
            count = MAX_NODES + 1
        if count > MAX_NODES or depth > MAX_DEPTH:
            # Walked again, in the same order, to say where: only a refused spec pays.
            _json_fault(data, path, text)
    return count


def _json_fault(data: Any, path: Path, text: str) -> None:
    """Raise the first fault _json_nodes finds, at its node."""
    count = 0
    stack: list[tuple[Any, Pointer, int]] = [(data, (), 0)]
    while stack:
        node, pointer, depth = stack.pop()
        count += 1
        fault = None
        if count > MAX_NODES:
            fault = f"document has more than {MAX_NODES} nodes; refusing it"
        elif depth > MAX_DEPTH:
            fault = f"nesting deeper than {MAX_DEPTH} levels; refusing it"
        elif isinstance(node, float) and not math.isfinite(node):
            fault = "a number too large for a float is not a finite number; JSON has no " \
                    "infinity or NaN"
        if fault is not None:
            raise SpecError([Problem(str(path), _line(Lines(text), pointer), fault)])
        if isinstance(node, dict):
            stack.extend((v, (*pointer, k), depth + 1) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, (*pointer, str(i)), depth + 1) for i, v in enumerate(node))


def _line(lines: Lines, pointer: Pointer) -> int:
    for end in range(len(pointer), -1, -1):
        line = lines.get(pointer[:end])
        if line is not None:
            return line
    return 1


def parse(text: str, path: Path) -> Document:
    if path.suffix.lower() == ".json":
        data, nodes = _check_json(text, path)
        if not isinstance(data, dict):
            raise SpecError([Problem(str(path), 1, "a spec must be a mapping at the top level")])
        return Document(path=path, data=data, lines=Lines(text), nodes=nodes)
    return _parse_yaml(text, path)


def _parse_yaml(text: str, path: Path) -> Document:
    name = str(path)
    kind = "JSON" if path.suffix.lower() == ".json" else "YAML"
    data, nodes = yaml_data(text, name, max_nodes=MAX_NODES, max_depth=MAX_DEPTH, kind=kind)
    if not isinstance(data, dict):
        raise SpecError([Problem(name, 1, "a spec must be a mapping at the top level")])
    return Document(path=path, data=data, lines=Lines(text), nodes=nodes)
