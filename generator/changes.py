"""What `sdkwright diff` reports: changes to a client surface, the semver verdict, and the
two ways of printing them (a readable list, or JSON for tools).

Every change has an impact: `breaking` (user code that worked may fail: major), `compatible`
(something was added or loosened: minor) or `docs` (only the docs change: descriptions,
defaults, constraints, the request line; patch).

The JSON shape is stable: `{"verdict": "major" | "minor" | "patch" | "none", "changes":
[{"kind", "impact", "where", "message", "spec"}, ...]}`, breaking changes first, then
compatible, then docs; `spec` is the (new) spec the change was found in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

Impact = Literal["breaking", "compatible", "docs"]
Verdict = Literal["major", "minor", "patch", "none"]

IMPACTS: tuple[Impact, ...] = ("breaking", "compatible", "docs")
_HEADINGS: dict[Impact, str] = {
    "breaking": "breaking", "compatible": "compatible", "docs": "docs and defaults"}
_VERDICTS: dict[Impact, Verdict] = {"breaking": "major", "compatible": "minor", "docs": "patch"}


@dataclass(frozen=True)
class Change:
    kind: str  # what changed, as `<subject>-<change>`: `param-added`, `field-type`, ...
    impact: Impact
    where: str  # `client.pets.list(limit)`, `types.schemas.Pet.name`, ...
    message: str


@dataclass(frozen=True)
class SpecDiff:
    """The changes between two versions of one spec; `label` names them in the report."""

    spec: str
    label: str | None
    changes: tuple[Change, ...]


def verdict(changes: list[Change]) -> Verdict:
    """The semver part to bump: the highest impact's."""
    found = {c.impact for c in changes}
    return next((_VERDICTS[impact] for impact in IMPACTS if impact in found), "none")


def all_changes(diffs: list[SpecDiff]) -> list[Change]:
    return [c for d in diffs for c in d.changes]


def as_text(diffs: list[SpecDiff]) -> str:
    lines: list[str] = []
    for diff in diffs:
        if diff.label is not None:
            lines.append(f"{diff.label}:")
        lines.extend(_section_lines(diff.changes))
    lines.append(f"verdict: {verdict(all_changes(diffs))}")
    return "\n".join(lines) + "\n"


def _section_lines(changes: tuple[Change, ...]) -> list[str]:
    if not changes:
        return ["no changes"]
    lines: list[str] = []
    for impact in IMPACTS:
        found = [c for c in changes if c.impact == impact]
        if found:
            lines.append(f"{_HEADINGS[impact]} ({len(found)}):")
            lines.extend(f"  {c.where}: {c.message}" for c in found)
    return lines


def as_json(diffs: list[SpecDiff]) -> str:
    found = sorted(((d, c) for d in diffs for c in d.changes),
                   key=lambda pair: IMPACTS.index(pair[1].impact))
    changes = [{"kind": c.kind, "impact": c.impact, "where": c.where, "message": c.message,
                "spec": d.spec} for d, c in found]
    data = {"verdict": verdict(all_changes(diffs)), "changes": changes}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
