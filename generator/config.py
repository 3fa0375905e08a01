"""Client settings in pyproject.toml: `[[tool.sdkwright.clients]]` (the clients `sdkwright
generate` rebuilds) and the build hooks' tables (a client generated into a wheel)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError
from .reexport import Reexport, parse_reexport

_KEYS = {"spec", "out", "package", "client", "env_prefix", "templates", "reexport"}


@dataclass(frozen=True)
class Names:
    """The naming options of one generation (None: derived from the spec's title)."""

    package: str | None = None
    client: str | None = None
    env_prefix: str | None = None
    reexports: tuple[Reexport, ...] = ()


@dataclass(frozen=True)
class ClientConfig:
    spec: Path
    out: Path
    package: str | None
    client: str | None
    env_prefix: str | None
    templates: Path | None
    reexports: tuple[Reexport, ...] = ()


def read_pyproject(pyproject: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(pyproject.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{pyproject}: {exc}") from None


def read_clients(pyproject: Path) -> list[ClientConfig]:
    if not pyproject.is_file():
        raise UsageError(f"{pyproject}: not found; pass a SPEC or run where pyproject.toml lists "
                         "[[tool.sdkwright.clients]]")
    entries = read_pyproject(pyproject).get("tool", {}).get("sdkwright", {}).get("clients")
    if not isinstance(entries, list) or not entries:
        raise UsageError(f"{pyproject}: no [[tool.sdkwright.clients]] entries")
    return [client_config(entry, pyproject.parent,
                          f"{pyproject}: [[tool.sdkwright.clients]] #{i + 1}")
            for i, entry in enumerate(entries)]


def client_config(entry: object, base: Path, where: str, *,
                  out: Path | None = None) -> ClientConfig:
    """One client's table, checked, its paths taken relative to `base`; `where` names it in
    messages. A `[[tool.sdkwright.clients]]` entry names its output folder. A build hook's
    table does not (the hook passes `out`, its own build folder, and the client goes into the
    wheel) but must name `package`: that is the import name the wheel ships, and the default,
    made from the spec's title, would change whenever the title does."""
    required = ("spec", "out") if out is None else ("spec", "package")
    if not isinstance(entry, dict) or not set(required) <= entry.keys():
        raise UsageError(f"{where}: needs {' and '.join(repr(key) for key in required)}")
    if out is not None and "out" in entry:
        raise UsageError(f"{where}: 'out' does not apply: the client is generated into the "
                         "wheel")
    unknown = set(entry) - _KEYS
    if unknown:
        raise UsageError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    return ClientConfig(
        spec=base / str(entry["spec"]),
        out=base / str(entry["out"]) if out is None else out,
        package=_opt(entry, "package"),
        client=_opt(entry, "client"),
        env_prefix=_opt(entry, "env_prefix"),
        templates=base / str(entry["templates"]) if "templates" in entry else None,
        reexports=_reexports(entry.get("reexport", []), where),
    )


def _reexports(value: object, where: str) -> tuple[Reexport, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError(f"{where}: 'reexport' must be a list of \"lib.module:name\" strings")
    try:
        return tuple(parse_reexport(item) for item in value)
    except ValueError as exc:
        raise UsageError(f"{where}: reexport {exc}") from None


def _opt(entry: dict[str, object], key: str) -> str | None:
    value = entry.get(key)
    return None if value is None else str(value)
