"""How a type changed between two versions of an API, read off the type trees.

A type is a set of values. The new type is *wider* when it accepts every value the old one
accepted and more, *narrower* in the opposite case, the *same* when each accepts the other's
values, and *other* when neither holds. Which of these breaks user code depends on who makes
the values: a caller writes arguments (wider is compatible), and reads responses (narrower is
compatible). Classes are compared by identity, through a function the caller supplies (which
knows renamed classes); their fields are compared where the classes themselves are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from .typetree import (
    NONE,
    OBJECT,
    Builtin,
    ClassRef,
    DictOf,
    ListOf,
    LiteralOf,
    Nullable,
    Required,
    TypeNode,
    UnionOf,
)

Relation = Literal["same", "wider", "narrower", "other"]
# Whether the class in the old tree is the class in the new tree.
SameClass = Callable[[ClassRef, ClassRef], bool]
# Whether a (wide side, narrow side) pair of classes is one class.
_Classes = Callable[[ClassRef, ClassRef], bool]

LiteralValue = str | int | bool


def relation(old: TypeNode, new: TypeNode, same_class: SameClass) -> Relation:
    """How `new` relates to `old` as a set of values."""
    widens = accepts(new, old, lambda wide, narrow: same_class(narrow, wide))
    narrows = accepts(old, new, lambda wide, narrow: same_class(wide, narrow))
    if widens and narrows:
        return "same"
    return "wider" if widens else "narrower" if narrows else "other"


def accepts(wide: TypeNode, narrow: TypeNode, classes: _Classes) -> bool:
    """Whether every value of `narrow` is a value of `wide`. `object` (free-form data)
    accepts anything; an int is a float, as for type checkers."""
    if wide in (narrow, OBJECT):
        return True
    if isinstance(narrow, Required) or isinstance(wide, Required):
        return accepts(_unrequired(wide), _unrequired(narrow), classes)
    if isinstance(narrow, Nullable):
        return accepts(wide, NONE, classes) and accepts(wide, narrow.inner, classes)
    if isinstance(narrow, UnionOf):
        return all(accepts(wide, member, classes) for member in narrow.members)
    if isinstance(wide, Nullable):
        return narrow == NONE or accepts(wide.inner, narrow, classes)
    if isinstance(narrow, LiteralOf):
        return all(_accepts_value(wide, value, classes) for value in narrow.values)
    if isinstance(wide, UnionOf):
        return any(accepts(member, narrow, classes) for member in wide.members)
    return _accepts_same_kind(wide, narrow, classes)


def _accepts_same_kind(wide: TypeNode, narrow: TypeNode, classes: _Classes) -> bool:
    """`accepts` for two nodes that are neither unions, nullables nor literals."""
    if isinstance(wide, ListOf) and isinstance(narrow, ListOf):
        return accepts(wide.item, narrow.item, classes)
    if isinstance(wide, DictOf) and isinstance(narrow, DictOf):
        return accepts(wide.value, narrow.value, classes)
    if isinstance(wide, ClassRef) and isinstance(narrow, ClassRef):
        return classes(wide, narrow)
    return wide == Builtin("float") and narrow == Builtin("int")


def _accepts_value(wide: TypeNode, value: LiteralValue, classes: _Classes) -> bool:
    """Whether one literal value is a value of `wide`."""
    if isinstance(wide, LiteralOf):
        return _key(value) in {_key(v) for v in wide.values}
    if isinstance(wide, (UnionOf, Nullable)):
        members = wide.members if isinstance(wide, UnionOf) else (wide.inner,)
        return any(_accepts_value(m, value, classes) for m in members)
    if isinstance(value, bool):
        return wide == Builtin("bool")
    if isinstance(value, int):
        return wide in (Builtin("int"), Builtin("float"))
    return wide == Builtin("str")


def _unrequired(node: TypeNode) -> TypeNode:
    return node.inner if isinstance(node, Required) else node


def _key(value: LiteralValue) -> tuple[str, LiteralValue]:
    """A literal value with its type: `1`, `True` and `"1"` are three values."""
    return type(value).__name__, value


def added_values(old: LiteralOf, new: LiteralOf) -> list[LiteralValue]:
    """Values of `new` that `old` does not list, in `new`'s order."""
    known = {_key(v) for v in old.values}
    return [v for v in new.values if _key(v) not in known]


def leaves(old: TypeNode, new: TypeNode) -> list[tuple[TypeNode, TypeNode]] | None:
    """The corresponding leaves (classes, literals, builtins) of two trees of one shape, in
    order; None when the shapes differ. Two trees whose leaves only differ in literal values
    differ only in an enum's values."""
    if isinstance(old, (ListOf, DictOf, Nullable, Required, UnionOf)):
        kids_old, kids_new = _children(old), _children(new)
        if type(old) is not type(new) or len(kids_old) != len(kids_new):
            return None
        out: list[tuple[TypeNode, TypeNode]] = []
        for a, b in zip(kids_old, kids_new, strict=True):
            below = leaves(a, b)
            if below is None:
                return None
            out.extend(below)
        return out
    return [(old, new)] if type(old) is type(new) else None


def _children(node: TypeNode) -> tuple[TypeNode, ...]:
    if isinstance(node, ListOf):
        return (node.item,)
    if isinstance(node, DictOf):
        return (node.value,)
    if isinstance(node, (Nullable, Required)):
        return (node.inner,)
    if isinstance(node, UnionOf):
        return node.members
    return ()
