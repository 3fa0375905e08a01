"""What an earlier generation into the same folder left that this one can take as it is.

The manifest records, for each file that was formatted, the digest of the text it was
formatted from, with the code that formatted it (`inputs.source_digest`). When this run
renders a file to text of the same digest, and the file on disk is still the bytes the
manifest lists, those bytes are what formatting would give again, and they compiled when
they were written: both steps are skipped for it. A one-operation change to a large API then
formats and compiles only the files that operation touches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import SpecError
from .manifest import MANIFEST, PENDING, digest, parse_manifest, recorded_sources


@dataclass(frozen=True)
class Earlier:
    """Files of an earlier generation, each with the digest of the text it was made from."""

    files: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> (digest, text)

    def take(self, path: str, source: str) -> str | None:
        """The earlier file at `path`, if it was formatted from text of digest `source`."""
        found = self.files.get(path)
        return found[1] if found is not None and found[0] == source else None


# No earlier files: everything is formatted and compiled.
NOTHING = Earlier()


def earlier_output(out: Path) -> Earlier:
    """The reusable files of `out`: listed with a source digest and unedited. A folder a run
    stopped in (a pending manifest) offers none."""
    try:
        manifest = (out / MANIFEST).read_bytes()
        if (out / PENDING).exists():
            return NOTHING
        listed = parse_manifest(manifest, str(out / MANIFEST))
    except (OSError, SpecError):
        return NOTHING
    files = {}
    for rel, source in recorded_sources(manifest).items():
        try:
            data = (out / rel).read_bytes()
        except OSError:
            continue
        if listed.get(rel) == digest(data):
            files[rel] = (source, data.decode("utf-8"))
    return Earlier(files)
