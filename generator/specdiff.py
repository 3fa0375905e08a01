"""The specs `sdkwright diff` compares: two files, or each configured client's spec at git
HEAD and in the working copy. Both sides are built with the same naming options, each into
its client surface, and compared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .apidiff import compare
from .changes import SpecDiff
from .config import ClientConfig, Names
from .errors import Problem, SpecError
from .githead import spec_at_head
from .pipeline import build_api
from .surface import EMPTY, Surface, surface


def compare_files(old: Path, new: Path, names: Names) -> SpecDiff:
    before, after = _both(lambda: spec_surface(old, names), lambda: spec_surface(new, names))
    return SpecDiff(str(new), None, tuple(compare(before, after)))


def compare_with_head(clients: list[ClientConfig], cwd: Path) -> list[SpecDiff]:
    return [_against_head(client, cwd) for client in clients]


def _against_head(client: ClientConfig, cwd: Path) -> SpecDiff:
    names = Names(client.package, client.client, client.env_prefix)
    with spec_at_head(client.spec, cwd) as copy:
        if copy is None:
            before, after = EMPTY, spec_surface(client.spec, names)
            label = f"{client.spec}: new since HEAD"
        else:
            def committed() -> Surface:
                try:
                    return spec_surface(copy.path, names)
                except SpecError as exc:
                    raise SpecError([copy.relabel(p) for p in exc.problems]) from None

            before, after = _both(committed, lambda: spec_surface(client.spec, names))
            label = f"{client.spec}: HEAD -> working copy"
    return SpecDiff(str(client.spec), label, tuple(compare(before, after)))


def spec_surface(spec: Path, names: Names) -> Surface:
    """The client surface of a spec, read past the faults that generation reads past."""
    built, _ = build_api(spec, names, strict=False)
    return surface(built.api)


def _both(old: Callable[[], Surface], new: Callable[[], Surface]) -> tuple[Surface, Surface]:
    """Both surfaces; a bad spec on either side or both is one SpecError listing them all."""
    found: list[Problem] = []
    surfaces: list[Surface] = []
    for side in (old, new):
        try:
            surfaces.append(side())
        except SpecError as exc:
            found += exc.problems
    if found:
        raise SpecError(found)
    return surfaces[0], surfaces[1]
