"""Two client surfaces compared: every change a user of the generated package can notice.

What is matched with what:
- the client: its package and class names, and its credentials by constructor argument (a
  credential read from another environment variable breaks deployments; the default base URL
  is a default, patch-level);
- resources by attribute path (`client.realtime_kit.livestreams`); methods by call path, and a
  method whose call path is gone is *renamed* when a new method sends the same request (the
  same HTTP method and path). A method whose request line changed under the same name is the
  same method: calls are unchanged, only its docs (and the wire) differ.
- parameters by Python name, the name calls use; one that is gone is *renamed* when a new one
  has its wire name and location. Class fields likewise.
- classes by import path, or renamed (`classmatch`). A method's own classes (those of its
  params and response modules) come and go with it and are not listed apart.

A removal or rename breaks user code; an addition is compatible, except a required parameter
or request field. The rules for a parameter, field or return type are in `slotdiff`.
"""

from __future__ import annotations

from .changes import Change
from .classmatch import ClassMatch
from .slotdiff import doc_changes, return_changes, slot_changes
from .surface import Client, Method, Model, Slot, Surface

SlotPairs = tuple[list[tuple[Slot, Slot]], list[Slot], list[Slot]]


def compare(old: Surface, new: Surface) -> list[Change]:
    """Every change from `old` to `new`, in spec order (the report orders them by impact)."""
    classes = ClassMatch(old.models, new.models, new.aliases)
    pairs, removed, added = _match_methods(old.methods, new.methods)
    return [
        *_client_changes(old.client, new.client),
        *_resource_changes(old.resources, new.resources),
        *_method_changes(pairs, removed, added, classes),
        *_model_changes(old.models, new.models, classes,
                        {m.path for m in removed}, {m.path for m in added}),
    ]


# -- the client ------------------------------------------------------------------------------

def _client_changes(old: Client | None, new: Client | None) -> list[Change]:
    if old is None or new is None:
        return []
    out = []
    if old.package != new.package:
        out.append(Change("client-renamed", "breaking", "package",
                          f"renamed from {old.package} to {new.package}: imports change"))
    for (role, before), (_, after) in zip(old.classes, new.classes, strict=True):
        if before != after:
            out.append(Change("client-renamed", "breaking", "client",
                              f"{role} class renamed from {before} to {after}"))
    out += _credential_changes(dict(old.credentials), dict(new.credentials))
    if old.auth_required != new.auth_required:
        out.append(Change("client-auth", "breaking", "client",
                          "a credential is now required to create the client")
                   if new.auth_required else
                   Change("client-auth", "compatible", "client",
                          "a credential is no longer required to create the client"))
    if old.base_url != new.base_url:
        out.append(Change("client-default", "docs", "client",
                          f"default base URL changed from {old.base_url} to {new.base_url}"))
    if old.description != new.description:
        out.append(Change("client-docs", "docs", "client", "API description changed"))
    return out


def _credential_changes(old: dict[str, str], new: dict[str, str]) -> list[Change]:
    out = [Change("client-credential", "breaking", f"client({kwarg})",
                  f"credential removed (was read from {env})")
           for kwarg, env in old.items() if kwarg not in new]
    out += [Change("client-credential", "breaking", f"client({kwarg})",
                   f"now read from {new[kwarg]} instead of {env}")
            for kwarg, env in old.items() if kwarg in new and new[kwarg] != env]
    out += [Change("client-credential", "compatible", f"client({kwarg})",
                   f"credential added (read from {env})")
            for kwarg, env in new.items() if kwarg not in old]
    return out


# -- resources and methods -------------------------------------------------------------------

def _resource_changes(old: tuple[str, ...], new: tuple[str, ...]) -> list[Change]:
    return [Change("resource-removed", "breaking", f"client.{path}", "resource removed")
            for path in old if path not in new] + \
        [Change("resource-added", "compatible", f"client.{path}", "resource added")
         for path in new if path not in old]


def _match_methods(old: tuple[Method, ...], new: tuple[Method, ...]
                   ) -> tuple[list[tuple[Method, Method]], list[Method], list[Method]]:
    """Pairs of one method in both (same call path, or renamed), then the removed and the
    added methods."""
    by_path = {m.path: m for m in old}
    pairs = [(by_path[m.path], m) for m in new if m.path in by_path]
    new_paths = {m.path for m in new}
    gone = {m.endpoint: m for m in reversed(old) if m.path not in new_paths}
    for method in new:
        if method.path not in by_path and method.endpoint in gone:
            pairs.append((gone.pop(method.endpoint), method))
    paired = {id(m) for pair in pairs for m in pair}
    return pairs, [m for m in old if id(m) not in paired], \
        [m for m in new if id(m) not in paired]


def _method_changes(pairs: list[tuple[Method, Method]], removed: list[Method],
                    added: list[Method], classes: ClassMatch) -> list[Change]:
    out = [Change("method-removed", "breaking", m.where, f"method removed ({m.endpoint})")
           for m in removed]
    for old, new in pairs:
        if old.path != new.path:
            out.append(Change("method-renamed", "breaking", old.where,
                              f"method renamed to {new.where} (the same {new.endpoint})"))
        out += _one_method(old, new, classes)
    out += [Change("method-added", "compatible", m.where, f"method added ({m.endpoint})")
            for m in added]
    return out


def _one_method(old: Method, new: Method, classes: ClassMatch) -> list[Change]:
    where = new.where
    out = []
    if old.endpoint != new.endpoint:
        out.append(Change("method-endpoint", "docs", where, f"request line changed from "
                          f"{old.endpoint} to {new.endpoint}; calls are unchanged"))
    if old.summary != new.summary:
        out.append(Change("method-docs", "docs", where, "summary changed"))
    out += doc_changes("method", where, old.doc, new.doc)
    out += _param_changes(new, old.params, new.params, classes)
    out += return_changes(where, old.returns, new.returns, classes)
    return out


def _param_changes(method: Method, old: tuple[Slot, ...], new: tuple[Slot, ...],
                   classes: ClassMatch) -> list[Change]:
    pairs, removed, added = _match_slots(old, new)
    out = [Change("param-removed", "breaking", f"{method.where}({p.name})",
                  "parameter removed") for p in removed]
    for before, after in pairs:
        where = f"{method.where}({after.name})"
        if before.name != after.name:
            out.append(Change("param-renamed", "breaking", f"{method.where}({before.name})",
                              f"parameter renamed to {after.name} (the same {after.place})"))
        out += slot_changes("param", where, before, after, "writes", classes)
    for p in added:
        out.append(Change("param-added", "breaking", f"{method.where}({p.name})",
                          "required parameter added") if p.required else
                   Change("param-added", "compatible", f"{method.where}({p.name})",
                          "optional parameter added"))
    return out


def _match_slots(old: tuple[Slot, ...], new: tuple[Slot, ...]) -> SlotPairs:
    """Pairs of one parameter or field in both (same Python name, or renamed: the same wire
    name and location under another name), then the removed and the added ones."""
    by_name = {s.name: s for s in old}
    pairs = [(by_name[s.name], s) for s in new if s.name in by_name]
    new_names = {s.name for s in new}
    gone = {(s.wire_name, s.location): s for s in reversed(old) if s.name not in new_names}
    for slot in new:
        if slot.name not in by_name and (slot.wire_name, slot.location) in gone:
            pairs.append((gone.pop((slot.wire_name, slot.location)), slot))
    paired = {id(s) for pair in pairs for s in pair}
    return pairs, [s for s in old if id(s) not in paired], \
        [s for s in new if id(s) not in paired]


# -- classes ---------------------------------------------------------------------------------

def _model_changes(old: tuple[Model, ...], new: tuple[Model, ...], classes: ClassMatch,
                   removed_methods: set[str], added_methods: set[str]) -> list[Change]:
    new_by_ref = {m.ref: m for m in new}
    renamed_to = set(classes.renames.values())
    out: list[Change] = []
    for model in old:
        target = classes.renames.get(model.ref, model.ref)
        if target in new_by_ref:
            out += _one_model(model, new_by_ref[target], classes)
        elif (model.owner is None or model.owner not in removed_methods) and \
                model.ref not in classes.moved:
            out.append(Change("class-removed", "breaking", model.where, "class removed"))
    out += [Change("class-added", "compatible", m.where, "class added") for m in new
            if m.ref not in classes.old and m.ref not in renamed_to
            and (m.owner is None or m.owner not in added_methods)]
    return out


def _one_model(old: Model, new: Model, classes: ClassMatch) -> list[Change]:
    out = []
    if old.ref != new.ref:
        out.append(Change("class-renamed", "breaking", old.where,
                          f"class renamed to {new.where} (the same fields): imports change"))
    out += doc_changes("class", new.where, old.doc, new.doc)
    pairs, removed, added = _match_slots(old.fields, new.fields)
    out += [Change("field-removed", "breaking", f"{new.where}.{f.name}", "field removed")
            for f in removed]
    for before, after in pairs:
        if before.name != after.name:
            out.append(Change("field-renamed", "breaking", f"{new.where}.{before.name}",
                              f"field renamed to {after.name} (the same {after.place})"))
        out += slot_changes("field", f"{new.where}.{after.name}", before, after, new.side,
                            classes)
    out += [_field_added(new, f) for f in added]
    return out


def _field_added(model: Model, field: Slot) -> Change:
    where = f"{model.where}.{field.name}"
    if model.side == "reads":
        return Change("field-added", "compatible", where, "field added")
    return Change("field-added", "breaking", where, "required field added") if field.required \
        else Change("field-added", "compatible", where, "optional field added")
