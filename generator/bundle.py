"""Multi-file specs: embed every file a `$ref` names into the root document.

A `$ref` to `other.yaml#/Pet` becomes `#/x-sdkwright-files/other.yaml/Pet`, and the embedded
file's own references are rewritten the same way, so every later stage sees one document. Only
files inside the root spec's folder are read; URLs and paths that leave the folder are refused
without being fetched or opened. Problems inside an embedded file keep that file's name and lines.
"""

from __future__ import annotations

import re
import time
from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .errors import Problem, SpecError
from .load import BUNDLE_KEY, MAX_BYTES, MAX_NODES, Document, Pointer, load

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Bounds on a multi-file spec as a whole: the same as on one document (load.py) for what is
# read over all its files, and a time limit, so that any number of files stays cheap to refuse.
MAX_SECONDS = 60.0
# A reference to another file: its text, the file it is in, and where there.
_Site = tuple[str, Document, Pointer]


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


class _Bundler:
    def __init__(self, root: Document) -> None:
        self.root = root
        self.folder = root.path.resolve().parent
        self.parts: dict[str, Document] = {}
        self.problems: list[Problem] = []
        self.bytes = root.path.stat().st_size
        self.nodes = root.nodes
        self.deadline = time.monotonic() + MAX_SECONDS
        self.refused = False  # a limit was reached: the spec is refused, nothing more is read
        # Files referred to and not read yet: read one after another, not while the file
        # that names them is rewritten, so that a long chain of files cannot deepen the stack.
        self.pending: deque[Path] = deque()
        # Every reference to each other file.
        self.sites: dict[str, list[_Site]] = {}
        self.missing: set[str] = set()

    def key_for(self, path: Path) -> str:
        return path.relative_to(self.folder).as_posix()

    def target(self, ref: str, doc: Document, where: Pointer) -> str | None:
        """The bundled form of a reference to another file (read later, if it is new)."""
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
        if path != self.root.path.resolve():
            self.refer(path, key, (ref, doc, where))
        prefix = "" if path == self.root.path.resolve() else f"/{BUNDLE_KEY}/{_escape(key)}"
        return f"#{prefix}{fragment}"

    def refer(self, path: Path, key: str, site: _Site) -> None:
        """Note a reference to the file at `path`, reading it later if it is new."""
        if key not in self.sites:
            self.sites[key] = []
            self.pending.append(path)
        self.sites[key].append(site)
        if key in self.missing:
            self.report_missing(path, key, [site])

    def report_missing(self, path: Path, key: str, sites: list[_Site]) -> None:
        """A file that is not there is the fault of each line that names it."""
        self.missing.add(key)
        missing = "a folder, not a file" if path.is_dir() else "a file that does not exist"
        self.problems.extend(doc.problem(where, f"$ref {ref!r} names {missing}")
                             for ref, doc, where in sites)

    def read_pending(self) -> None:
        """Read every file referred to, and the files those refer to, until none is left or
        a bound is passed."""
        while self.pending and not self.refused:
            self.read(self.pending.popleft())

    def read(self, path: Path) -> None:
        """Read the file at `path` into the parts (a fault inside it is the file's own)."""
        key = self.key_for(path)
        if not path.is_file():
            self.report_missing(path, key, self.sites[key])
            return
        _, doc, where = self.sites[key][0]
        self.bytes += path.stat().st_size
        if self.over_limit(doc, where):
            return
        try:
            part = load(path)
        except SpecError as exc:
            self.problems.extend(exc.problems)
            return
        self.nodes += part.nodes
        if not self.over_limit(doc, where):
            self.parts[key] = Document(part.path, self.rewrite(part.data, part, ()), part.lines,
                                       nodes=part.nodes)

    def over_limit(self, doc: Document, where: Pointer) -> bool:
        """Whether the files read so far pass a bound (then the spec is refused at the
        reference that went over, and no other file is read)."""
        if self.bytes > MAX_BYTES:
            limit = f"the spec's files hold more than {MAX_BYTES} bytes together"
        elif self.nodes > MAX_NODES:
            limit = f"the spec's files hold more than {MAX_NODES} nodes together"
        elif time.monotonic() > self.deadline:
            limit = f"reading the spec's files took more than {MAX_SECONDS:g} seconds"
        else:
            return False
        self.refused = True
        self.problems.append(doc.problem(where, f"{limit}; refusing the spec"))
        return True

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
    if not _leaves_the_file(root.data):
        return root  # nothing to embed, and the rewrite would only copy it
    bundler = _Bundler(root)
    data = bundler.rewrite(root.data, root, ())
    bundler.read_pending()
    if bundler.problems:
        raise SpecError(list(dict.fromkeys(bundler.problems)))
    if not bundler.parts:
        return root
    if BUNDLE_KEY in data:
        raise SpecError([root.problem((BUNDLE_KEY,), f"{BUNDLE_KEY} is reserved by sdkwright")])
    data[BUNDLE_KEY] = {key: part.data for key, part in bundler.parts.items()}
    return Document(root.path, data, root.lines, dict(bundler.parts), bundler.nodes)


def _leaves_the_file(data: Any) -> bool:
    """Whether any `$ref` string in `data` names another file."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False
