"""What a generation is made from, as one digest: when a rerun's inputs have the digest the
manifest records, and every file the manifest lists is as written, there is nothing to do.

The digest covers the spec's files (the root's bytes, whatever its name, and every file its
`$ref`s reach, by path relative to the root's folder), the naming options, the templates,
sdkwright's own source and the versions of the formatters whose output it writes. Line
endings are read as `\\n`, so a checkout with Windows line endings gives the same digest.
Nothing in it depends on where the files are: the same inputs give the same digest on every
machine.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from . import __version__
from .assets import default_templates
from .config import Names
from .load import Document

_SOURCE = Path(__file__).resolve().parent
# The formatters whose bytes land in the output.
_FORMATTERS = ("black", "ruff")


@dataclass(frozen=True)
class Provenance:
    """What the manifest records of how its files were made: the inputs, and for each file
    that was formatted, the digest of the text it was formatted from (`source_digest`)."""

    inputs: Inputs | None = None
    sources: Mapping[str, str] = field(default_factory=dict)


# Made from nothing recorded (a manifest with the files' digests alone).
UNRECORDED = Provenance()


def source_digest(text: str) -> str:
    """The digest of a file's text before formatting, with the code that formats it: the
    same digest means the same formatted bytes."""
    return "sha256:" + hashlib.sha256(f"{generator_digest()}\0{text}".encode()).hexdigest()


@dataclass(frozen=True)
class Inputs:
    digest: str
    # The other files of a multi-file spec, relative to the root spec's folder: what a rerun
    # hashes besides the root.
    spec_files: tuple[str, ...]


def spec_files(doc: Document) -> tuple[str, ...]:
    """The files a bundled document embeds, relative to the root spec's folder."""
    return tuple(sorted(doc.parts))


def inputs(spec: Path, files: Iterable[str], options: Mapping[str, object],
           templates: Path) -> Inputs | None:
    """The digest of a generation's inputs; None when a spec file cannot be read (then a
    rerun cannot be judged up to date)."""
    files = tuple(files)
    digest = hashlib.sha256()
    for part in (__version__, json.dumps(options, sort_keys=True), generator_digest(),
                 _tree_digest(templates)):
        _add(digest, part.encode())
    for rel, path in (("", spec), *((rel, spec.parent / rel) for rel in files)):
        try:
            data = path.read_bytes()
        except OSError:
            return None
        _add(digest, rel.encode())
        _add(digest, _normalized(data))
    return Inputs("sha256:" + digest.hexdigest(), files)


@cache
def generator_digest() -> str:
    """sdkwright's own code and its formatters' versions: a checkout whose code changed
    generates anew, whatever its version number says."""
    versions = ",".join(f"{name}={metadata.version(name)}" for name in _FORMATTERS)
    return _tree_digest(_SOURCE, "*.py") + versions


@cache
def _tree_digest(folder: Path, pattern: str = "*") -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file()
                       and "__pycache__" not in p.parts):
        _add(digest, path.relative_to(folder).as_posix().encode())
        _add(digest, _normalized(path.read_bytes()))
    return digest.hexdigest()


def _normalized(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n")


def _add(digest: hashlib._Hash, part: bytes) -> None:
    # Each part with its length, so that no two sequences of parts hash alike.
    digest.update(len(part).to_bytes(8, "big"))
    digest.update(part)


def generation_inputs(spec: Path, files: Iterable[str], names: Names,
                      templates: Path | None) -> Inputs | None:
    """The digest of what a generation of `spec` with these options is made from."""
    options = {"package": names.package, "client": names.client,
               "env_prefix": names.env_prefix, "reexports": [str(r) for r in names.reexports]}
    return inputs(spec, files, options, templates or default_templates())
