"""Whether a generation would change nothing, decided without running it.

The manifest records the digest of the inputs it was made from (generator/inputs.py). When
the same inputs give the same digest now, and every file the manifest lists is on disk as
written, generating again would write the same bytes: there is nothing to do. Anything else
(no manifest, a stopped run's pending manifest or temporary files, an edited or missing file,
another spec) means the generation runs, and reports or repairs what it finds.
"""

from __future__ import annotations

from pathlib import Path

from .config import Names
from .errors import SpecError
from .inputs import generation_inputs
from .lock import locked
from .manifest import MANIFEST, PENDING, digest, parse_manifest, recorded_inputs
from .write import temp_name


def up_to_date(out: Path, spec: Path, names: Names, templates: Path | None) -> int | None:
    """How many files `out` holds (its manifest included), when they are all that generating
    `spec` now would write; None when that cannot be told without generating."""
    if not out.is_dir():
        return None
    with locked(out, shared=True):
        manifest = _read(out / MANIFEST)
        if manifest is None or (out / PENDING).exists():
            return None
        recorded = recorded_inputs(manifest)
        if recorded is None:
            return None
        current = generation_inputs(spec, recorded.spec_files, names, templates)
        if current is None or current.digest != recorded.digest:
            return None
        try:
            listed = parse_manifest(manifest, str(out / MANIFEST))
        except SpecError:
            return None
        if any((data := _read(out / rel)) is None or digest(data) != expected
               for rel, expected in listed.items()):
            return None
        if any((out / temp_name(rel)).exists() for rel in (MANIFEST, PENDING, *listed)):
            return None  # a stopped run's leftovers: the generation cleans them up
        return len(listed) + 1


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
