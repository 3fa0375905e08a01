"""`[[tool.sdkwright.clients]]` in ./pyproject.toml: the clients `sdkwright generate` rebuilds."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .reexport import Reexport, parse_reexport

_KEYS = {"spec", "out", "package", "client", "env_prefix", "templates", "reexport"}


@dataclass(frozen=True)
class ClientConfig:
    spec: Path
    out: Path
    package: str | None
    client: str | None
    env_prefix: str | None
    templates: Path | None
    reexports: tuple[Reexport, ...] = ()


def read_clients(pyproject: Path) -> list[ClientConfig]:
    if not pyproject.is_file():
        raise UsageError(f"{pyproject}: not found; pass a SPEC or run where pyproject.toml lists "
                         "[[tool.sdkwright.clients]]")
    try:
        data = tomllib.loads(pyproject.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{pyproject}: {exc}") from None
    entries = data.get("tool", {}).get("sdkwright", {}).get("clients")
    if not isinstance(entries, list) or not entries:
        raise UsageError(f"{pyproject}: no [[tool.sdkwright.clients]] entries")
    base = pyproject.parent
    out: list[ClientConfig] = []
    for i, entry in enumerate(entries):
        where = f"{pyproject}: [[tool.sdkwright.clients]] #{i + 1}"
        if not isinstance(entry, dict) or not {"spec", "out"} <= entry.keys():
            raise UsageError(f"{where}: needs 'spec' and 'out'")
        unknown = set(entry) - _KEYS
        if unknown:
            raise UsageError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        out.append(ClientConfig(
            spec=base / str(entry["spec"]),
            out=base / str(entry["out"]),
            package=_opt(entry, "package"),
            client=_opt(entry, "client"),
            env_prefix=_opt(entry, "env_prefix"),
            templates=base / str(entry["templates"]) if "templates" in entry else None,
            reexports=_reexports(entry.get("reexport", []), where),
        ))
    return out


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
