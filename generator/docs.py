"""The Parameters and Returns trees of a docs page, read from the IR's types and classes.

A class is expanded where a page first shows it; where it shows up again on that page (a
recursive schema, or one used twice) its row names it and is not expanded again. A shared
schema with more than `SMALL_CLASS` fields is not expanded at all: it has a page of its own
(`docs/shared-types/<Class>.md`), which rows link to, so a large schema is written once, not
on every page that reaches it. A page stops expanding after `PAGE_ROWS` rows. A union of
classes lists each member class with its own fields.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .escape import py_literal
from .ir import Alias, Api, ClassDef, Doc, Field, Operation, Param
from .schemas import COMPONENTS_MODULE
from .typetree import (
    ClassRef,
    DictOf,
    ListOf,
    LiteralOf,
    Nullable,
    Required,
    Runtime,
    TypeNode,
    UnionOf,
    doc_type,
    nullable,
    strip_null,
    strip_required,
)

FILE_NOTE = "bytes, a binary file object, or a tuple (file name, content[, content type])"
# Shared schemas with more fields than this get a page of their own.
SMALL_CLASS = 10
# Rows a page lists before it stops expanding classes.
PAGE_ROWS = 300
TYPES_FOLDER = "shared-types"  # not an identifier: no resource's docs folder can take it


@dataclass(frozen=True)
class DocRow:
    name: str
    type: str
    required: bool
    doc: Doc
    enum_values: tuple[str, ...] = ()
    note: str | None = None  # what the type means, where its name does not say
    children: tuple[DocRow, ...] = ()
    # A class shown already on this page: named here, expanded there.
    shown_above: bool = False
    # A shared schema with a page of its own (its class), or a class the page had no room for.
    linked: ClassRef | None = None
    omitted: bool = False

    @property
    def signature(self) -> str:
        return f"{self.name}: {self.type}"


class DocsBuilder:
    """Builds the trees of every page of one API."""

    def __init__(self, api: Api) -> None:
        self.classes: dict[ClassRef, ClassDef] = api.classes()
        self.aliases: dict[ClassRef, Alias] = {
            a.ref: a for m in api.type_modules for a in m.aliases}
        # Shared schemas linked from a page so far, in the order first linked.
        self.linked: dict[ClassRef, None] = {}

    def has_page(self, ref: ClassRef) -> bool:
        cls = self.classes.get(ref)
        return cls is not None and ref.module == COMPONENTS_MODULE and \
            len(cls.fields) > SMALL_CLASS

    def type_page(self, ref: ClassRef) -> tuple[DocRow, ...]:
        """The fields of a shared schema's own page."""
        page = _Page()
        page.seen.add(ref)
        return self._fields(ref, page)

    def signature(self, op: Operation) -> str:
        """`client.a.b.method(positional: T, **kwargs: XParams) -> R`, as the docs show it."""
        args = [f"{p.name}: {doc_type(p.type)}" for p in op.params if p.positional]
        if op.params_class is not None:
            args.append(f"**kwargs: {op.params_class.name}")
        return f"client.{op.call_path}({', '.join(args)}) -> {doc_type(op.response.type)}"

    def parameters(self, op: Operation) -> tuple[DocRow, ...]:
        """Path parameters in the order the path shows them, then the rest."""
        page = _Page()
        order = {name: i for i, name in enumerate(_path_names(op.path))}
        params = sorted((p for p in op.params if p.location == "path"),
                        key=lambda p: order.get(p.wire_name, len(order)))
        params += [p for p in op.params if p.location != "path"]
        return tuple(self._param_row(p, page) for p in params)

    def returns(self, op: Operation) -> tuple[DocRow, ...]:
        if op.response.kind in ("none", "text", "bytes"):
            return ()
        return self._children(self._unaliased(op.response.type), _Page())

    def returns_page(self, op: Operation) -> ClassRef | None:
        """The shared schema an operation returns (or a list of), when it has its own page."""
        if op.response.kind in ("none", "text", "bytes"):
            return None
        refs = _expandable(self._unaliased(op.response.type))
        return refs[0] if len(refs) == 1 and self.has_page(refs[0]) else None

    # -- rows -----------------------------------------------------------------------------

    def _param_row(self, param: Param, page: _Page) -> DocRow:
        return self._row(param.name, param.type, param.required, param.doc, page)

    def _field_row(self, field: Field, page: _Page) -> DocRow:
        return self._row(field.name, field.type, field.required, field.doc, page)

    def _row(self, name: str, node: TypeNode, required: bool, doc: Doc,
             page: _Page) -> DocRow:
        # What a caller may leave out, or may get back as nothing, is shown as Optional.
        node = strip_required(node) if required else nullable(strip_required(node))
        core = self._unaliased(strip_null(node))
        refs = _expandable(core)
        page.rows += 1
        if len(refs) == 1:
            return self._class_row(DocRow(name, doc_type(node), required, doc,
                                          _enum_values(core)), refs[0], page)
        return DocRow(name, doc_type(node), required, doc, _enum_values(core),
                      FILE_NOTE if _is_file(core) else None,
                      children=tuple(self._member_row(r, page) for r in refs))

    def _class_row(self, row: DocRow, ref: ClassRef, page: _Page) -> DocRow:
        """`row`, for a type that is (a list, dict or optional of) class `ref`: its fields
        beneath it, or a link to its own page, or why they are not listed."""
        if self.has_page(ref):
            self.linked.setdefault(ref)
            return replace(row, linked=ref)
        if ref in page.seen:
            return replace(row, shown_above=True)
        if page.rows >= PAGE_ROWS:
            return replace(row, omitted=True)
        page.seen.add(ref)
        return replace(row, children=self._fields(ref, page))

    def _member_row(self, ref: ClassRef, page: _Page) -> DocRow:
        """A member of a union of classes, its fields beneath it."""
        page.rows += 1
        cls = self.classes.get(ref)
        return self._class_row(DocRow(ref.name, ref.name, False, cls.doc if cls else Doc()),
                               ref, page)

    def _children(self, node: TypeNode, page: _Page) -> tuple[DocRow, ...]:
        """The rows under a returned type: the fields of its class, or one row per class of
        a union."""
        refs = _expandable(node)
        if len(refs) == 1:
            return self._class_row(DocRow("", "", True, Doc()), refs[0], page).children
        return tuple(self._member_row(r, page) for r in refs)

    def _fields(self, ref: ClassRef, page: _Page) -> tuple[DocRow, ...]:
        cls = self.classes.get(ref)
        return tuple(self._field_row(f, page) for f in cls.fields) if cls else ()

    def _unaliased(self, node: TypeNode) -> TypeNode:
        seen: set[ClassRef] = set()
        while isinstance(node, ClassRef) and node in self.aliases and node not in seen:
            seen.add(node)
            node = self.aliases[node].type
        return node


class _Page:
    """The classes a page has shown so far."""

    def __init__(self) -> None:
        self.seen: set[ClassRef] = set()
        self.rows = 0


def _expandable(node: TypeNode) -> list[ClassRef]:
    """The classes whose fields a row of this type lists: through lists, dicts and
    nullability, one class, or each class of a union of classes."""
    while isinstance(node, (ListOf, DictOf, Nullable, Required)):
        node = node.item if isinstance(node, ListOf) else \
            node.value if isinstance(node, DictOf) else node.inner
    if isinstance(node, ClassRef):
        return [node] if node.kind != "alias" else []
    if isinstance(node, UnionOf):
        return [m for m in node.members if isinstance(m, ClassRef) and m.kind != "alias"]
    return []


def _enum_values(node: TypeNode) -> tuple[str, ...]:
    while isinstance(node, (ListOf, Nullable)):
        node = node.item if isinstance(node, ListOf) else node.inner
    if isinstance(node, LiteralOf):
        return tuple(py_literal(v) for v in node.values)
    return ()


def _is_file(node: TypeNode) -> bool:
    while isinstance(node, (ListOf, Nullable)):
        node = node.item if isinstance(node, ListOf) else node.inner
    return node == Runtime("FileTypes")


def _path_names(path: str) -> list[str]:
    return [part[1:-1] for part in path.replace("}", "}/").split("/")
            if part.startswith("{") and part.endswith("}")]

