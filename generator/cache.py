"""The black output cache: formatted sources kept by content between runs, bounded in size.

Where: `$SDKWRIGHT_CACHE_DIR`, else `$XDG_CACHE_HOME/sdkwright`, else `~/.cache/sdkwright`
(`SDKWRIGHT_CACHE_DIR=off` turns it off). An entry is `<namespace>/<2 hex>/<sha256>`.

How big: `SDKWRIGHT_CACHE_MAX_MB` (default 256) megabytes of entries. Listing a big cache on
every run would cost more than it saves, so each new entry appends its size to a small
ledger file, and a generation only adds up that ledger when it ends. Only when the sum is
over the bound is the whole cache listed and the least recently used entries deleted (by
mtime: a hit touches its entry) until a quarter of the bound is free again.

Concurrent runs are safe: entries are written to a temporary file and renamed into place,
a ledger line is one small append, and any entry may vanish under a reader (a miss then, so
black runs again). The ledger is an estimate that each pruning resets to the real size.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

DEFAULT_MAX_MB = 256
LEDGER = "ledger"
# Pruning frees down to this share of the bound, so that it is not needed again soon.
LOW_WATER = 0.75
# A ledger with more lines than this is rewritten as one line: it is read on every run.
LEDGER_MAX_LINES = 1000
_TEMPORARY = ".tmp"


def cache_root() -> Path | None:
    setting = os.environ.get("SDKWRIGHT_CACHE_DIR")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sdkwright"


def max_bytes() -> int:
    """The bound from SDKWRIGHT_CACHE_MAX_MB (a positive number; else the default)."""
    try:
        megabytes = float(os.environ.get("SDKWRIGHT_CACHE_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return int((megabytes if 0 < megabytes < math.inf else DEFAULT_MAX_MB) * 1024 * 1024)


def _entry(root: Path, namespace: str, key: str) -> Path:
    return root / namespace / key[:2] / key


def lookup(namespace: str, key: str) -> str | None:
    """The cached text for `key`, or None. A hit marks the entry as recently used."""
    root = cache_root()
    if root is None:
        return None
    entry = _entry(root, namespace, key)
    try:
        text = entry.read_text("utf-8")
        os.utime(entry)
    except OSError:  # missing, pruned under us, or a read-only cache: a miss costs speed only
        return None
    return text


def store(namespace: str, key: str, text: str) -> None:
    """Keep `text` under `key`, and note its size in the ledger."""
    root = cache_root()
    if root is None:
        return
    entry = _entry(root, namespace, key)
    data = text.encode("utf-8")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f"{key}.{os.getpid()}{_TEMPORARY}")
        partial.write_bytes(data)
        partial.replace(entry)  # atomic: a concurrent reader never sees half a file
        with (root / LEDGER).open("a", encoding="ascii") as ledger:
            ledger.write(f"{len(data)}\n")  # one short append: atomic beside other runs'
    except OSError:
        pass  # a read-only or full disk only costs speed


def keep_bounded(limit: int | None = None) -> None:
    """Prune the cache if the ledger says it may be over `limit` (default: max_bytes())."""
    root = cache_root()
    if root is None or not root.is_dir():
        return
    limit = max_bytes() if limit is None else limit
    lines = _ledger_lines(root)
    total = sum(lines) if lines is not None else None
    if total is None or total > limit:
        # No ledger yet (a cache older than it) or over the bound: only a listing can tell.
        prune(root, limit)
    elif len(lines or ()) > LEDGER_MAX_LINES:
        _write_ledger(root, total)


def prune(root: Path, limit: int) -> int:
    """Delete the least recently used entries until at most LOW_WATER * `limit` bytes are
    left (nothing if the cache is within `limit`); reset the ledger. Returns bytes left."""
    entries = sorted(_entries(root))
    total = sum(size for _, size, _ in entries)
    if total > limit:
        target = int(limit * LOW_WATER)
        for _, size, path in entries:
            if total <= target:
                break
            try:
                path.unlink()
            except FileNotFoundError:
                pass  # another run pruned it first
            except OSError:
                continue
            total -= size
    _write_ledger(root, total)
    return total


def _entries(root: Path) -> list[tuple[int, int, Path]]:
    """(mtime in ns, size, path) of every file in the cache but the ledger."""
    found = []
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            if path.parent == root and name.startswith(LEDGER):
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((stat.st_mtime_ns, stat.st_size, path))
    return found


def _ledger_lines(root: Path) -> list[int] | None:
    """The sizes the ledger holds; None when there is no readable ledger."""
    try:
        text = (root / LEDGER).read_text("ascii")
    except (OSError, UnicodeDecodeError):
        return None
    # A line cut short by a crash is only a smaller estimate.
    return [int(line) for line in text.split() if line.isdigit()]


def _write_ledger(root: Path, total: int) -> None:
    partial = root / f"{LEDGER}.{os.getpid()}{_TEMPORARY}"
    try:
        partial.write_text(f"{total}\n", "ascii")
        partial.replace(root / LEDGER)
    except OSError:
        pass
