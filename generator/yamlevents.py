"""YAML text into plain JSON data, built from the parser's events, and the line of each node.

PyYAML's composer would first build a node object (with its marks) for every value, which
for a large spec takes ten times as long as parsing and holds hundreds of megabytes at once.
The data is built from the event stream instead. The rules are the loader's: mapping keys
stay the text the author wrote (`200:` is the string "200"), a repeated key is an error at
its line, only JSON's kinds of value are allowed (no tag that constructs an object, no merge
key, no infinity or NaN), a date or base64 text stays the text written, and an alias is a
copy of what its anchor names, counted in full against the node limit before it is copied,
so an alias bomb is refused in linear time.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Problem, SpecError

Pointer = tuple[str, ...]

# libyaml's parser when PyYAML was built with it: several times faster on big specs.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = frozenset({
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
})
# Scalars YAML would build a non-JSON value from (a datetime, bytes): kept as written.
_TEXT_TAGS = frozenset({"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"})


class DuplicateKey(SpecError):
    """A key that occurs twice in one mapping."""


@dataclass
class _Frame:
    """A mapping or sequence being built."""

    value: dict[str, Any] | list[Any]
    anchor: str | None
    nodes: int = 1  # this node and every node in it
    depth: int = 1  # levels of nesting from it down
    key: str | None = None  # a mapping's key waiting for its value
    keys: set[str] = field(default_factory=set)


class _Builder:
    def __init__(self, name: str, loader: Any, max_nodes: int, max_depth: int) -> None:
        self.name = name
        self.loader = loader
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.stack: list[_Frame] = []
        # Each anchor's value, how many nodes it holds and how deep it goes.
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.nodes = 0
        self.root: Any = None
        self.documents = 0

    def fail(self, event: Any, message: str) -> SpecError:
        return SpecError([Problem(self.name, event.start_mark.line + 1, message)])

    def run(self) -> tuple[Any, int]:
        while self.loader.check_event():
            self.step(self.loader.get_event())
        if self.documents == 0 or self.root is None:
            raise SpecError([Problem(self.name, 1, "the file is empty")])
        return self.root, self.nodes

    def step(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event, "expected one document in the file, found more")
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.start(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            self.place(event, frame.value, frame.anchor, frame.nodes, frame.depth)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)

    def start(self, event: Any) -> None:
        mapping = isinstance(event, yaml.MappingStartEvent)
        self.expect_value(event)
        if event.tag not in (None, "!", _MAP if mapping else _SEQ):
            raise self.fail(event, f"YAML tag {event.tag!r} is not allowed in a spec")
        self.depth_at(event)
        self.count(event, 1)
        self.stack.append(_Frame({} if mapping else [], event.anchor))

    def scalar(self, event: Any) -> None:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            self.key(event, tag, top)
            return
        if tag not in _SCALAR_TAGS:
            raise self.fail(event, f"YAML tag {tag!r} is not allowed in a spec")
        self.depth_at(event)
        self.count(event, 1)
        self.place(event, self.construct(event, tag), event.anchor, 1, 0)

    def key(self, event: Any, tag: str, frame: _Frame) -> None:
        if tag == _MERGE:
            raise self.fail(event, "YAML merge keys (<<) are not supported in a spec")
        key = str(event.value)
        if key in frame.keys:
            raise DuplicateKey([Problem(self.name, event.start_mark.line + 1,
                                        f"duplicate key {key!r} in mapping")])
        frame.keys.add(key)
        frame.key = key
        self.count(event, 1)
        frame.nodes += 1

    def construct(self, event: Any, tag: str) -> Any:
        if tag in _TEXT_TAGS:
            # OpenAPI values are JSON: a date, or base64 data, stays the text the author wrote.
            return str(event.value)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        value = self.loader.yaml_constructors[tag](self.loader, node)
        if isinstance(value, float) and not math.isfinite(value):
            # YAML's .inf and .nan, or a number too large for a float: JSON has neither.
            raise self.fail(event, f"{event.value} is not a finite number; JSON has no infinity "
                                   "or NaN")
        return value

    def alias(self, event: Any) -> None:
        self.expect_value(event)
        if any(frame.anchor == event.anchor for frame in self.stack):
            raise self.fail(event, f"nesting deeper than {self.max_depth} levels: alias "
                                   f"*{event.anchor} is inside the value it names; refusing it")
        if event.anchor not in self.anchors:
            raise self.fail(event, f"found undefined alias {event.anchor!r}")
        value, nodes, depth = self.anchors[event.anchor]
        # Counted before it is copied: an alias bomb stops here, in linear time.
        self.count(event, nodes)
        if len(self.stack) + depth > self.max_depth:
            raise self.fail(event, f"nesting deeper than {self.max_depth} levels; refusing it")
        self.place(event, copy.deepcopy(value), None, nodes, depth)

    def expect_value(self, event: Any) -> None:
        """Refuse anything but a plain scalar where a mapping key is due."""
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            raise self.fail(event, "mapping keys must be plain strings")

    def depth_at(self, event: Any) -> None:
        if len(self.stack) > self.max_depth:
            raise self.fail(event, f"nesting deeper than {self.max_depth} levels; refusing it")

    def count(self, event: Any, nodes: int) -> None:
        self.nodes += nodes
        if self.nodes > self.max_nodes:
            raise self.fail(event, f"the document expands to more than {self.max_nodes} "
                                   "nodes (YAML aliases included); refusing it")

    def place(self, event: Any, value: Any, anchor: str | None, nodes: int,
              depth: int) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, nodes, depth)
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        top.nodes += nodes
        top.depth = max(top.depth, depth + 1)
        if isinstance(top.value, dict):
            assert top.key is not None
            top.value[top.key] = value
            top.key = None
        else:
            top.value.append(value)


def yaml_data(text: str, name: str, *, max_nodes: int, max_depth: int,
              kind: str = "YAML") -> tuple[Any, int]:
    """The data of a YAML text, and how many nodes it holds (aliases counted in full);
    `kind` names the syntax in messages (JSON is read this way too, for its lines)."""
    loader = _Loader(text)
    try:
        return _Builder(name, loader, max_nodes, max_depth).run()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or exc.context or "invalid syntax"
        raise SpecError([Problem(name, line, f"{kind} syntax error: {what}")]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(name, 1, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()


def line_table(text: str) -> dict[Pointer, int]:
    """The line of every node of a YAML (or JSON) text, by pointer: an entry of a mapping is
    where its key is, an item of a list where it starts. An alias's nodes are where the
    alias is."""
    loader = _Loader(text)
    table: dict[Pointer, int] = {}
    # Each open container: its pointer, whether a mapping, its next key or index.
    stack: list[list[Any]] = []
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent,
                                  yaml.SequenceStartEvent)):
                _record(event, stack, table)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                _advance(stack)
    except yaml.YAMLError:
        pass  # JSON that YAML cannot read (rare): the lines found so far are kept
    finally:
        loader.dispose()
    return table


def root_line(text: str) -> int | None:
    """The line the document's top node starts on, as line_table has it, read from the
    first events alone (a run that must name the whole document need not map every node)."""
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent,
                                  yaml.SequenceStartEvent)):
                return _line(event)
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return None


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def _record(event: Any, stack: list[list[Any]], table: dict[Pointer, int]) -> None:
    line = _line(event)
    top = stack[-1] if stack else None
    if top is not None and top[1] and top[2] is None:
        # A mapping's key: its entry is on the key's line.
        key = str(getattr(event, "value", ""))
        top[2] = key
        table[(*top[0], key)] = line
        return
    pointer: Pointer = () if top is None else (*top[0], str(top[2]))
    table.setdefault(pointer, line)
    if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
        stack.append([pointer, isinstance(event, yaml.MappingStartEvent),
                      None if isinstance(event, yaml.MappingStartEvent) else 0])
    else:
        _advance(stack)


def _advance(stack: list[list[Any]]) -> None:
    """The container on top has its value: a mapping waits for its next key, a list moves on
    to its next index."""
    if stack:
        stack[-1][2] = None if stack[-1][1] else stack[-1][2] + 1
