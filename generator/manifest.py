"""The manifest: the file in the output folder that says which files there sdkwright wrote.

`sdkwright-manifest.json` maps each generated file (POSIX path relative to the output folder)
to the SHA-256 of its bytes. A listed file whose bytes still match is sdkwright's to replace or
delete; everything else in the folder is the user's. The name is visible on purpose: copying
`out/*` elsewhere must take it along.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import PurePosixPath

from . import __version__
from .errors import Problem, SpecError
from .inputs import UNRECORDED, Inputs, Provenance

MANIFEST = "sdkwright-manifest.json"
# The next manifest, put in place before the first change and renamed onto MANIFEST after the
# last: while it exists, a file matching either one is sdkwright's.
PENDING = MANIFEST + ".pending"
GENERATOR = "sdkwright"
_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


def digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def manifest_bytes(files: Mapping[str, bytes], made: Provenance = UNRECORDED) -> bytes:
    """The manifest for `files`, made as `made` says: the same bytes for the same files, on
    every machine."""
    body: dict[str, object] = {"generator": GENERATOR, "version": __version__,
                               "files": {rel: digest(data) for rel, data in files.items()}}
    if made.inputs is not None:
        body["inputs"] = {"digest": made.inputs.digest, "spec": list(made.inputs.spec_files)}
    if made.sources:
        body["sources"] = dict(made.sources)
    return (json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def recorded_sources(data: bytes) -> dict[str, str]:
    """The source digests a manifest records (anything unexpected: none, and nothing is
    reused)."""
    try:
        sources = json.loads(data).get("sources")
    except (ValueError, AttributeError):
        return {}
    if not isinstance(sources, dict):
        return {}
    return {rel: found for rel, found in sources.items()
            if isinstance(rel, str) and isinstance(found, str) and _DIGEST.fullmatch(found)}


def recorded_inputs(data: bytes) -> Inputs | None:
    """The inputs a manifest records, if it records them in full (anything else: None; a
    rerun then generates, and the full parse reports a damaged manifest)."""
    try:
        record = json.loads(data).get("inputs")
        found, spec = record["digest"], record["spec"]
    except (ValueError, AttributeError, TypeError, KeyError):
        return None
    if not (isinstance(found, str) and _DIGEST.fullmatch(found) and isinstance(spec, list)
            and all(isinstance(rel, str) and is_safe_path(rel) for rel in spec)):
        return None
    return Inputs(found, tuple(spec))


def is_safe_path(rel: str) -> bool:
    """A plain relative POSIX path that stays inside the output folder."""
    parts = rel.split("/")
    return (bool(rel) and PurePosixPath(rel).as_posix() == rel and "\\" not in rel
            and "\0" not in rel and all(part not in ("", ".", "..") for part in parts)
            and rel not in (MANIFEST, PENDING))


def parse_manifest(data: bytes, where: str) -> dict[str, str]:
    """The files a manifest lists (path -> digest). Anything else is a SpecError that names
    `where` and the line at fault: the manifest decides what may be deleted, so a damaged one
    is never guessed at."""
    try:
        text = data.decode("utf-8")
        body = json.loads(text)
    except UnicodeDecodeError:
        raise _fault(where, 1, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _fault(where, exc.lineno, f"not valid JSON: {exc.msg}") from None
    if not isinstance(body, dict):
        raise _fault(where, 1, "not a JSON object")
    if body.get("generator") != GENERATOR:
        raise _fault(where, _line_of(text, '"generator"'),
                     f"'generator' is not {GENERATOR!r}; not an sdkwright manifest")
    files = body.get("files")
    if not isinstance(files, dict):
        raise _fault(where, _line_of(text, '"files"'), "'files' is not a JSON object")
    for rel, value in files.items():
        if not is_safe_path(rel):
            raise _fault(where, _line_of(text, json.dumps(rel, ensure_ascii=False)),
                         f"{rel!r} is not a relative path inside the output folder")
        if not isinstance(value, str) or not _DIGEST.fullmatch(value):
            raise _fault(where, _line_of(text, json.dumps(rel, ensure_ascii=False)),
                         f"{rel!r} has no 'sha256:<64 hex digits>' digest")
    return dict(files)


def _fault(where: str, line: int, message: str) -> SpecError:
    return SpecError([Problem(where, line, message)])


def _line_of(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1
