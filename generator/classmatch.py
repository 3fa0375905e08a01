"""Which generated class of the old surface is which class of the new one.

A class keeps its identity under the same import path (module and name). A class that is gone
is *renamed* when a class that is new has the same shape: the same kind (model or TypedDict)
and the same fields, in order, with the same names, wire names, requiredness, nullability and
types (a field's class compared through the renames found so far, so a renamed class that
refers to another renamed class is found once that one is). The spec's schema names are not
consulted: renaming a component schema renames its class, and the shape is what users rely on.
A class that is renamed and changed at once is reported as one class removed and another added.
A class whose import path now names an alias of a class of its shape is not renamed: its name
still imports and annotates the same values.
"""

from __future__ import annotations

from .surface import Model, Slot
from .typetree import ClassRef, LiteralOf, Module, TypeNode
from .variance import added_values, leaves


class ClassMatch:
    def __init__(self, old: tuple[Model, ...], new: tuple[Model, ...],
                 new_aliases: tuple[tuple[ClassRef, TypeNode], ...] = ()) -> None:
        self.old = {m.ref: m for m in old}
        self.new = {m.ref: m for m in new}
        self.renames: dict[ClassRef, ClassRef] = {}
        # Classes whose import path now names an alias of a class of their shape (an inline
        # response schema moved into a shared one): the name still works, nothing is renamed.
        self.moved: dict[ClassRef, ClassRef] = {}
        aliased: dict[tuple[Module, str], ClassRef] = {
            (ref.module, ref.name): target for ref, target in new_aliases
            if isinstance(target, ClassRef)}
        gone = [m for m in old if m.ref not in self.new]
        fresh = [m for m in new if m.ref not in self.old]
        while self._match(gone, fresh, aliased):
            pass

    def _match(self, gone: list[Model], fresh: list[Model],
               aliased: dict[tuple[Module, str], ClassRef]) -> bool:
        """One pass over the unmatched classes; whether it matched any."""
        found = False
        taken = set(self.renames.values())
        for old in gone:
            if old.ref in self.renames or old.ref in self.moved:
                continue
            target = aliased.get((old.ref.module, old.ref.name))
            if target is not None:
                if target in self.new and self._alike(old, self.new[target]):
                    self.moved[old.ref] = target
                    found = True
                continue
            match = next((n for n in fresh if n.ref not in taken and self._alike(old, n)), None)
            if match is not None:
                self.renames[old.ref] = match.ref
                taken.add(match.ref)
                found = True
        return found

    def same(self, old: ClassRef, new: ClassRef) -> bool:
        """Whether a type naming `old` before and `new` now names the same class: the same
        path, a rename, or (the old class being gone) a class of the same shape."""
        if self.renames.get(old, old) == new or self.moved.get(old) == new:
            return True
        before, after = self.old.get(old), self.new.get(new)
        return old not in self.new and before is not None and after is not None and \
            self._alike(before, after)

    def _alike(self, old: Model, new: Model) -> bool:
        return old.ref.kind == new.ref.kind and len(old.fields) == len(new.fields) and all(
            self._same_slot(a, b) for a, b in zip(old.fields, new.fields, strict=True))

    def _same_slot(self, old: Slot, new: Slot) -> bool:
        facts = (old.name, old.wire_name, old.required, old.nullable)
        if facts != (new.name, new.wire_name, new.required, new.nullable):
            return False
        pairs = leaves(old.type, new.type)
        return pairs is not None and all(self._same_leaf(a, b) for a, b in pairs)

    def _same_leaf(self, old: object, new: object) -> bool:
        if isinstance(old, ClassRef) and isinstance(new, ClassRef):
            return self.renames.get(old, old) == new
        if isinstance(old, LiteralOf) and isinstance(new, LiteralOf):
            return not added_values(old, new) and not added_values(new, old)
        return old == new
