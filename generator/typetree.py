"""Types as a tree of frozen nodes, built once per schema and direction by the IR build.

Three functions read a tree, and nothing else does: `annotation` (the Python annotation, as a
module prints it), `imports` (what that module must import for it) and `doc_type` (the type
shown in docs). Nothing parses an annotation back or guesses from text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

from .escape import PyCode, py_literal, py_str

BuiltinName = Literal["str", "int", "float", "bool", "bytes", "object", "None", "date",
                      "datetime"]
RuntimeName = Literal["FileTypes", "FileContent"]
ClassKind = Literal["model", "typeddict", "alias"]
Module = tuple[str, ...]  # a module of the generated package, relative to its root


@dataclass(frozen=True)
class Builtin:
    name: BuiltinName


@dataclass(frozen=True)
class Runtime:
    """A type the package's runtime core defines (`_types`)."""

    name: RuntimeName


@dataclass(frozen=True)
class ClassRef:
    """A class (or type alias) that the generator writes into `module`."""

    module: Module
    name: PyCode
    kind: ClassKind


@dataclass(frozen=True)
class ListOf:
    item: TypeNode
    readonly: bool = False  # `Sequence` on the request side: any sequence will do


@dataclass(frozen=True)
class DictOf:
    value: TypeNode
    readonly: bool = False  # `Mapping` on the request side


@dataclass(frozen=True)
class LiteralOf:
    values: tuple[str | int | bool, ...]
    # Open enums (response side) keep values the spec does not list.
    open: bool = False


@dataclass(frozen=True)
class Tag:
    """How a union's member is chosen: the value of `prop` names it."""

    prop: str
    choices: tuple[tuple[str, ClassRef], ...]


@dataclass(frozen=True)
class UnionOf:
    members: tuple[TypeNode, ...]
    tag: Tag | None = None


@dataclass(frozen=True)
class Nullable:
    inner: TypeNode


@dataclass(frozen=True)
class Required:
    """A TypedDict key that must be present (only ever the outermost node of a key's type)."""

    inner: TypeNode


TypeNode = Union[  # noqa: UP007 - a runtime alias: `|` cannot join forward references
    Builtin, Runtime, ClassRef, ListOf, DictOf, LiteralOf, UnionOf, Nullable, Required]

NONE = Builtin("None")
OBJECT = Builtin("object")
STR = Builtin("str")


def nullable(node: TypeNode) -> TypeNode:
    """`node` or None: never `Optional[Optional[X]]`, and `None` stays `None`."""
    if isinstance(node, Nullable) or node == NONE:
        return node
    return Nullable(node)


def union(members: list[TypeNode], tag: Tag | None = None) -> TypeNode:
    """The union of distinct members; one member is itself."""
    distinct = list(dict.fromkeys(members))
    if len(distinct) == 1:
        return distinct[0]
    return UnionOf(tuple(distinct), tag if tag and len(distinct) > 1 else None)


def strip_null(node: TypeNode) -> TypeNode:
    return node.inner if isinstance(node, Nullable) else node


def strip_required(node: TypeNode) -> TypeNode:
    return node.inner if isinstance(node, Required) else node


# -- annotations ---------------------------------------------------------------------------

class Printer:
    """How one module prints class references: a bare name for its own classes and for those
    it imports by name, else `module.Name` (the module imported)."""

    def __init__(self, here: Module, by_name: frozenset[ClassRef] = frozenset()) -> None:
        self.here = here
        self.by_name = by_name

    def ref(self, ref: ClassRef) -> str:
        if ref.module == self.here or ref in self.by_name:
            return ref.name
        return f"{ref.module[-1]}.{ref.name}"

    def annotation(self, node: TypeNode) -> PyCode:
        return PyCode(self._text(node))

    def _text(self, node: TypeNode) -> str:
        if isinstance(node, (Builtin, Runtime)):
            return node.name
        if isinstance(node, ClassRef):
            return self.ref(node)
        if isinstance(node, ListOf):
            return f"{'Sequence' if node.readonly else 'List'}[{self._text(node.item)}]"
        if isinstance(node, DictOf):
            return f"{'Mapping' if node.readonly else 'Dict'}[str, {self._text(node.value)}]"
        if isinstance(node, LiteralOf):
            literal = "Literal[" + ", ".join(py_literal(v) for v in node.values) + "]"
            if not node.open:
                return literal
            marker = "OpenIntEnum" if all(isinstance(v, int) for v in node.values) \
                else "OpenEnum"
            return f"Annotated[{literal}, {marker}]"
        if isinstance(node, UnionOf):
            plain = "Union[" + ", ".join(self._text(m) for m in node.members) + "]"
            if node.tag is None:
                return plain
            items = ", ".join(f"{py_str(tag)}: {self.ref(ref)}" for tag, ref in node.tag.choices)
            return f"Annotated[{plain}, TaggedUnion({py_str(node.tag.prop)}, {{{items}}})]"
        if isinstance(node, Required):
            return f"Required[{self._text(node.inner)}]"
        return f"Optional[{self._text(node.inner)}]"


# -- imports -------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Import:
    """`from <module> import <name>`. A `module` starting with "." is package-relative:
    ".x.y" is the generated package's module x.y, whatever module imports it."""

    module: str
    name: str
    alias: str = ""  # `from m import name as alias`


_TYPING = frozenset({"Dict", "List", "Literal", "Mapping", "Optional", "Sequence", "Union"})


def imports(node: TypeNode, printer: Printer) -> set[Import]:
    """What the module of `printer` imports to print `node`."""
    out: set[Import] = set()
    stack: list[TypeNode] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Builtin):
            if item.name in ("date", "datetime"):
                out.add(Import("datetime", item.name))
        elif isinstance(item, Runtime):
            out.add(Import("._types", item.name))
        elif isinstance(item, ClassRef):
            out.add(_ref_import(item, printer))
        elif isinstance(item, ListOf):
            out.add(Import("typing", "Sequence" if item.readonly else "List"))
            stack.append(item.item)
        elif isinstance(item, DictOf):
            out.add(Import("typing", "Mapping" if item.readonly else "Dict"))
            stack.append(item.value)
        elif isinstance(item, LiteralOf):
            out.add(Import("typing", "Literal"))
            if item.open:
                out.add(Import("typing_extensions", "Annotated"))
                marker = "OpenIntEnum" if all(isinstance(v, int) for v in item.values) \
                    else "OpenEnum"
                out.add(Import("._models", marker))
        elif isinstance(item, UnionOf):
            out.add(Import("typing", "Union"))
            if item.tag is not None:
                out.add(Import("typing_extensions", "Annotated"))
                out.add(Import("._models", "TaggedUnion"))
                stack.extend(ref for _, ref in item.tag.choices)
            stack.extend(item.members)
        elif isinstance(item, Required):
            out.add(Import("typing_extensions", "Required"))
            stack.append(item.inner)
        else:
            out.add(Import("typing", "Optional"))
            stack.append(item.inner)
    out.discard(_HERE)
    return out


_HERE = Import("", "")


def _ref_import(ref: ClassRef, printer: Printer) -> Import:
    if ref.module == printer.here:
        return _HERE
    if ref in printer.by_name:
        return Import("." + ".".join(ref.module), ref.name)
    return Import("." + ".".join(ref.module[:-1]), ref.module[-1])


# -- docs ----------------------------------------------------------------------------------

def doc_type(node: TypeNode) -> str:
    """The type as the docs show it: class names bare, open enums as their Literal."""
    if isinstance(node, (Builtin, Runtime)):
        return node.name
    if isinstance(node, ClassRef):
        return node.name
    if isinstance(node, ListOf):
        return f"List[{doc_type(node.item)}]"
    if isinstance(node, DictOf):
        return f"Dict[str, {doc_type(node.value)}]"
    if isinstance(node, LiteralOf):
        return "Literal[" + ", ".join(py_literal(v) for v in node.values) + "]"
    if isinstance(node, UnionOf):
        return "Union[" + ", ".join(doc_type(m) for m in node.members) + "]"
    if isinstance(node, Required):
        return doc_type(node.inner)
    return f"Optional[{doc_type(node.inner)}]"


def class_refs(node: TypeNode) -> list[ClassRef]:
    """The classes a type names, in the order it names them (each once)."""
    out: dict[ClassRef, None] = {}
    stack: list[TypeNode] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, ClassRef):
            out.setdefault(item)
        elif isinstance(item, ListOf):
            stack.append(item.item)
        elif isinstance(item, DictOf):
            stack.append(item.value)
        elif isinstance(item, UnionOf):
            stack.extend(reversed(item.members))
        elif isinstance(item, (Nullable, Required)):
            stack.append(item.inner)
    return list(out)
