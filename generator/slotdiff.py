"""The rules for one parameter, field or return type that exists in both surfaces.

What breaks depends on the side (`surface.Side`). For what the caller *writes* (arguments,
request TypedDicts) a new requirement, a narrower type or a lost enum value breaks, and the
opposite is compatible. For what the caller *reads* (response models, return types) it is
mirrored: a field that may now be missing or None, or a wider type, breaks. One exception: a
response enum gaining values is compatible, because generated response enums are open (the
client already keeps values the spec does not list, so code reading them must expect others).
Descriptions, constraints and defaults only change the docs; deprecating something is
compatible (semver's minor release that announces a later removal).
"""

from __future__ import annotations

from .changes import Change, Impact
from .classmatch import ClassMatch
from .escape import py_literal
from .ir import Doc
from .surface import Side, Slot
from .typetree import NONE, ClassRef, LiteralOf, TypeNode, doc_type
from .variance import LiteralValue, Relation, added_values, leaves, relation

_TYPE_IMPACT: dict[Side, dict[Relation, Impact]] = {
    "writes": {"wider": "compatible", "narrower": "breaking", "other": "breaking"},
    "reads": {"wider": "breaking", "narrower": "compatible", "other": "breaking"},
}
_TYPE_VERB: dict[Relation, str] = {"wider": "widened", "narrower": "narrowed",
                                   "other": "changed"}


def slot_changes(subject: str, where: str, old: Slot, new: Slot, side: Side,
                 classes: ClassMatch) -> list[Change]:
    """Changes to a parameter or field that both surfaces have (matched by the caller)."""
    return [
        *_requirement(subject, where, old, new, side),
        *_nullability(subject, where, old, new, side),
        *type_changes(subject, where, old.type, new.type, side, classes),
        *_wire(subject, where, old, new),
        *_positional(subject, where, old, new),
        *default_changes(subject, where, old.default, new.default),
        *doc_changes(subject, where, old.doc, new.doc),
    ]


def _requirement(subject: str, where: str, old: Slot, new: Slot, side: Side) -> list[Change]:
    if old.required == new.required:
        return []
    if side == "writes":
        return [Change(f"{subject}-required", "breaking", where, "now required")
                if new.required else
                Change(f"{subject}-optional", "compatible", where, "now optional")]
    return [Change(f"{subject}-required", "compatible", where, "now always present")
            if new.required else
            Change(f"{subject}-optional", "breaking", where,
                   "now optional: it may be missing (None)")]


def _nullability(subject: str, where: str, old: Slot, new: Slot, side: Side) -> list[Change]:
    # An optional response field is Optional already: its requiredness said it all.
    if old.nullable == new.nullable or (side == "reads" and old.required != new.required):
        return []
    if side == "writes":
        return [Change(f"{subject}-nullable", "compatible", where, "now accepts None")
                if new.nullable else
                Change(f"{subject}-nullable", "breaking", where, "no longer accepts None")]
    return [Change(f"{subject}-nullable", "breaking", where, "may now be None")
            if new.nullable else
            Change(f"{subject}-nullable", "compatible", where, "is never None now")]


def type_changes(subject: str, where: str, old: TypeNode, new: TypeNode, side: Side,
                 classes: ClassMatch) -> list[Change]:
    """An enum's values added or removed when nothing else in the type changed; else the
    type widened, narrowed or changed, decided on the trees (`variance.relation`)."""
    pairs = leaves(old, new)
    if pairs is not None and all(_same_leaf(a, b, classes) for a, b in pairs
                                 if not isinstance(a, LiteralOf)):
        return [change for a, b in pairs if isinstance(a, LiteralOf) and isinstance(b, LiteralOf)
                for change in _enum_changes(subject, where, a, b, side)]
    found = relation(old, new, classes.same)
    if found == "same":
        return []
    what = "return type" if subject == "return" else "type"
    return [Change(f"{subject}-type", _TYPE_IMPACT[side][found], where,
                   f"{what} {_TYPE_VERB[found]} from {doc_type(old)} to {doc_type(new)}")]


def return_changes(where: str, old: TypeNode, new: TypeNode,
                   classes: ClassMatch) -> list[Change]:
    """A method's return type: read by the caller, except that a method which returned
    None can return something now (no caller used its None)."""
    if old == NONE and new != NONE:
        return [Change("return-type", "compatible", where,
                       f"now returns {doc_type(new)} (returned None)")]
    return type_changes("return", where, old, new, "reads", classes)


def _same_leaf(old: TypeNode, new: TypeNode, classes: ClassMatch) -> bool:
    if isinstance(old, ClassRef) and isinstance(new, ClassRef):
        return classes.same(old, new)
    return old == new


def _enum_changes(subject: str, where: str, old: LiteralOf, new: LiteralOf,
                  side: Side) -> list[Change]:
    out = []
    removed, added = added_values(new, old), added_values(old, new)
    if removed:
        out.append(Change(f"{subject}-enum-removed",
                          "breaking" if side == "writes" else "compatible", where,
                          f"enum values removed: {_values(removed)}"))
    if added and side == "writes":
        out.append(Change(f"{subject}-enum-added", "compatible", where,
                          f"enum values added: {_values(added)}"))
    elif added:
        note = " (the enum is open: unknown values were kept already)" if new.open else ""
        out.append(Change(f"{subject}-enum-added", "compatible" if new.open else "breaking",
                          where, f"enum values added: {_values(added)}{note}"))
    return out


def _values(values: list[LiteralValue]) -> str:
    return ", ".join(py_literal(v) for v in values)


def _wire(subject: str, where: str, old: Slot, new: Slot) -> list[Change]:
    """The same Python name sent under another wire name or in another place: the request
    changes, the caller's code does not."""
    if (old.wire_name, old.location) == (new.wire_name, new.location):
        return []
    return [Change(f"{subject}-wire", "docs", where,
                   f"sent as {new.place} now (was {old.place}); calls are unchanged")]


def _positional(subject: str, where: str, old: Slot, new: Slot) -> list[Change]:
    if old.positional == new.positional:
        return []
    if new.positional:
        return [Change(f"{subject}-positional", "compatible", where,
                       "may now be passed positionally too")]
    return [Change(f"{subject}-positional", "breaking", where,
                   "can no longer be passed positionally")]


def default_changes(subject: str, where: str, old: str | None,
                    new: str | None) -> list[Change]:
    if old == new:
        return []
    if old is None:
        message = f"default added: {new}"
    elif new is None:
        message = f"default removed (was {old})"
    else:
        message = f"default changed from {old} to {new}"
    return [Change(f"{subject}-default", "docs", where, message)]


def doc_changes(subject: str, where: str, old: Doc, new: Doc) -> list[Change]:
    out = []
    if old.description != new.description:
        out.append(Change(f"{subject}-docs", "docs", where, _edited("description",
                                                                    old.description,
                                                                    new.description)))
    if old.constraints != new.constraints:
        out.append(Change(f"{subject}-docs", "docs", where,
                          f"constraints changed from {_constraints(old)} to "
                          f"{_constraints(new)}"))
    if old.deprecated != new.deprecated:
        out.append(Change(f"{subject}-deprecated", "compatible", where, "deprecated")
                   if new.deprecated else
                   Change(f"{subject}-deprecated", "docs", where, "no longer deprecated"))
    return out


def _edited(what: str, old: str | None, new: str | None) -> str:
    if old is None:
        return f"{what} added"
    return f"{what} removed" if new is None else f"{what} changed"


def _constraints(doc: Doc) -> str:
    return ", ".join(f"{key}={text}" for key, text in doc.constraints) or "none"
