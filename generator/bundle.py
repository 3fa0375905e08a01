"""Multi-file specs: embed every file a `$ref` names into the root document.

A `$ref` to `other.yaml#/Pet` becomes `#/x-sdkwright-files/other.yaml/Pet`, and the embedded
file's own references are rewritten the same way, so every later stage sees one document. Only
files inside the root spec's folder are read; URLs and paths that leave the folder are refused
without being fetched or opened. Problems inside an embedded file keep that file's name and lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .errors import Problem, SpecError
from .load import BUNDLE_KEY, Document, Pointer, load

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
MAX_FILES = 500


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


class _Bundler:
    def __init__(self, root: Document) -> None:
        self.root = root
        self.folder = root.path.resolve().parent
        self.parts: dict[str, Document] = {}
        self.problems: list[Problem] = []

    def key_for(self, path: Path) -> str:
        return path.relative_to(self.folder).as_posix()

    def target(self, ref: str, doc: Document, where: Pointer) -> str | None:
        """The bundled form of a reference to another file, loading that file if needed."""
        file_part, _, fragment = ref.partition("#")
        if _URL.match(file_part) or file_part.startswith("//"):
            self.problems.append(doc.problem(where, f"$ref {ref!r} is refused: remote "
                                             "references are never fetched"))
            return None
        path = (doc.path.resolve().parent / unquote(file_part)).resolve()
        if not path.is_relative_to(self.folder):
            self.problems.append(doc.problem(where, f"$ref {ref!r} is refused: it leaves the "
                                             "spec's folder, which is never read outside"))
            return None
        key = self.key_for(path)
        if key not in self.parts and path != self.root.path.resolve():
            if len(self.parts) >= MAX_FILES:
                self.problems.append(doc.problem(where, f"more than {MAX_FILES} referenced "
                                                 "files; refusing the spec"))
                return None
            try:
                part = load(path)
            except SpecError as exc:
                self.problems.extend(exc.problems)
                return None
            self.parts[key] = part  # before rewriting, so cycles between files terminate
            self.parts[key] = Document(part.path, self.rewrite(part.data, part, ()), part.lines)
        prefix = "" if path == self.root.path.resolve() else f"/{BUNDLE_KEY}/{_escape(key)}"
        return f"#{prefix}{fragment}"

    def rewrite(self, node: Any, doc: Document, pointer: Pointer) -> Any:
        """`node` with every reference made local to the bundled root document."""
        if isinstance(node, list):
            return [self.rewrite(v, doc, (*pointer, str(i))) for i, v in enumerate(node)]
        if not isinstance(node, dict):
            return node
        out = {k: self.rewrite(v, doc, (*pointer, k)) for k, v in node.items()}
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref.startswith("#"):
                if doc is not self.root:
                    out["$ref"] = f"#/{BUNDLE_KEY}/{_escape(self.key_for(doc.path.resolve()))}" \
                                  f"{ref[1:]}"
            else:
                target = self.target(ref, doc, (*pointer, "$ref"))
                if target is not None:
                    out["$ref"] = target
        return out


def bundle(root: Document) -> Document:
    """The root document with every referenced file embedded (itself when there are none)."""
    bundler = _Bundler(root)
    data = bundler.rewrite(root.data, root, ())
    if bundler.problems:
        raise SpecError(list(dict.fromkeys(bundler.problems)))
    if not bundler.parts:
        return root
    if BUNDLE_KEY in data:
        raise SpecError([root.problem((BUNDLE_KEY,), f"{BUNDLE_KEY} is reserved by sdkwright")])
    data[BUNDLE_KEY] = {key: part.data for key, part in bundler.parts.items()}
    return Document(root.path, data, root.lines, dict(bundler.parts))
