"""Whether an example value fits its schema, remembered between runs.

Checking examples against their schemas (samples.Sampler.fits) was a third of a
one-operation regeneration of a large API, with jsonschema imported for it alone. A
generation's verdicts are kept in the cache (cache.py), one entry per spec file, each verdict
under a digest of everything it depends on: the value; the schema with every schema it
refers to, however deep; the OpenAPI version; and the code that decides (Python, sdkwright's
own code, and the installed packages, by the modification times of the folders they are
imported from, which an install or removal changes). A remembered verdict is the one the
validator would give again, so the output does not depend on the cache.

A schema whose references are not plain `#/...` pointers into the document, or that names
a base of its own (`$id`, `$anchor`, `$dynamicRef`, ...), is not remembered: where its
references lead is then the validator's to work out.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import cache
from .inputs import generator_digest
from .load import Pointer
from .refs import node_at, parse_ref

_NAMESPACE = "verdicts"
# Keys that give a schema a base URI or a dynamic scope: references then resolve by rules
# the plain pointer walk below does not follow.
_OWN_BASE = frozenset({"$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef",
                       "$recursiveAnchor", "$schema"})
_KEY_HEX = 32  # 128 bits of a SHA-256


class Verdicts:
    """The verdicts a run has reached or found remembered; `keep` stores those it used."""

    def __init__(self, known: dict[str, bool], tag: bytes, entry: str | None) -> None:
        self._known = known
        self._stored = frozenset(known)
        self._used: dict[str, bool] = {}
        self._tag = tag
        self._entry = entry  # the cache entry they are kept in; None: not kept
        self._schemas: dict[Pointer, bytes | None] = {}

    @classmethod
    def remembered(cls, spec: Path, version: str) -> Verdicts:
        """The verdicts kept for `spec` (any spec's verdicts would do: each is keyed by
        what it depends on; the spec's path only finds the entry)."""
        if cache.cache_root() is None:
            return FORGETFUL
        entry = hashlib.sha256(str(spec.resolve()).encode()).hexdigest()
        text = cache.lookup(_NAMESPACE, entry)
        known = dict(_lines(text)) if text is not None else {}
        return cls(known, _tag(version), entry)

    def key(self, data: Any, pointer: Pointer, value: Any) -> str | None:
        """The key of the verdict on `value` against the schema at `pointer` of `data`;
        None where it cannot be remembered."""
        if self._entry is None:
            return None
        if pointer not in self._schemas:
            self._schemas[pointer] = _schema_digest(data, pointer)
        schema = self._schemas[pointer]
        if schema is None:
            return None
        try:
            shown = json.dumps(value, sort_keys=True, allow_nan=False).encode()
        except (TypeError, ValueError, RecursionError):
            return None
        return hashlib.sha256(self._tag + schema + shown).hexdigest()[:_KEY_HEX]

    def get(self, key: str) -> bool | None:
        verdict = self._known.get(key)
        if verdict is not None:
            self._used[key] = verdict
        return verdict

    def put(self, key: str, verdict: bool) -> None:
        self._known[key] = verdict
        self._used[key] = verdict

    def keep(self) -> None:
        """Store the verdicts this run used, when they are not what was stored already."""
        if self._entry is None or self._used.keys() == self._stored:
            return
        text = "".join(f"{key} {int(verdict)}\n" for key, verdict in sorted(self._used.items()))
        cache.store(_NAMESPACE, self._entry, text)


# Nothing remembered, nothing kept: every example is checked.
FORGETFUL = Verdicts({}, b"", None)


def _lines(text: str) -> Iterator[tuple[str, bool]]:
    for line in text.splitlines():
        key, _, verdict = line.partition(" ")
        if len(key) == _KEY_HEX and verdict in ("0", "1"):
            yield key, verdict == "1"


def _tag(version: str) -> bytes:
    """What every verdict depends on besides the value and the schema."""
    digest = hashlib.sha256()
    for part in ("sdkwright fits 1", sys.version, generator_digest(), version):
        digest.update(part.encode() + b"\0")
    # The first entry is the running script's folder (or, with -m, the working folder),
    # not where packages are installed; a file saved there must not forget every verdict.
    for folder in sys.path[1:]:
        try:
            stamp = os.stat(folder or ".").st_mtime_ns
        except OSError:
            stamp = -1
        digest.update(f"{folder}\0{stamp}\0".encode())
    return digest.digest()


def _schema_digest(data: Any, pointer: Pointer) -> bytes | None:
    """A digest of the schema at `pointer` with every schema its references reach."""
    try:
        node = node_at(data, pointer)
    except KeyError:
        return None
    reached = _reached(data, node)
    if reached is None:
        return None
    try:
        text = json.dumps([node, reached], sort_keys=True, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return None
    return hashlib.sha256(text.encode()).digest()


def _reached(data: Any, node: Any) -> dict[str, Any] | None:
    """Each `$ref` in `node`, or in what the references reach, with its target; None if a
    reference is not a plain pointer into `data` or a schema names its own base. Examples,
    enums and the like are walked too: a `$ref` key there only adds to the digest."""
    targets: dict[str, Any] = {}
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        if not _OWN_BASE.isdisjoint(item):
            return None
        if "$ref" in item:
            ref = item["$ref"]
            pointer = parse_ref(ref) if isinstance(ref, str) and "%" not in ref else None
            if pointer is None:
                return None
            if ref not in targets:
                try:
                    targets[ref] = node_at(data, pointer)
                except KeyError:
                    return None
                stack.append(targets[ref])
        stack.extend(item.values())
    return targets
