"""The black output cache is bounded: least recently used entries go first, a hit counts as a
use, the whole cache is only listed when its ledger says it may be over the bound, and
concurrent generations leave only whole entries. Real files in a temporary cache folder."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import SPEC, describe, env, sdkwright, snapshot, tree_difference
from sdkwright import cache
from sdkwright.assets import default_templates

NAMESPACE = "black-test"
PROBE_SPEC = """\
openapi: 3.0.3
info: {{title: {title}, version: "1"}}
paths:
  /pets:
    get:
      operationId: list_pets
      responses:
        "200": {{description: OK}}
"""
ENTRY = 1000  # bytes of text per entry in these tests
KIB = 1024


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SDKWRIGHT_CACHE_DIR", str(folder))
    monkeypatch.delenv("SDKWRIGHT_CACHE_MAX_MB", raising=False)
    yield folder


def _key(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def _text(name: str) -> str:
    return (name + ":").ljust(ENTRY, "x")


def _put(name: str, age: int) -> Path:
    """Store an entry and date its last use `age` seconds back."""
    cache.store(NAMESPACE, _key(name), _text(name))
    path = _path(name)
    seconds_ago = 1_000_000_000 - age
    os.utime(path, (seconds_ago, seconds_ago))
    return path


def _path(name: str) -> Path:
    root = cache.cache_root()
    assert root is not None
    found = list(root.rglob(_key(name)))
    assert len(found) == 1, found
    return found[0]


def _names_left(names: list[str]) -> list[str]:
    return [n for n in names if cache.lookup(NAMESPACE, _key(n)) is not None]


def _ledger(root: Path) -> str:
    return (root / cache.LEDGER).read_text("ascii")


def test_entries_round_trip_and_the_ledger_counts_them(root: Path) -> None:
    cache.store(NAMESPACE, _key("a"), _text("a"))
    cache.store(NAMESPACE, _key("b"), _text("b"))
    assert cache.lookup(NAMESPACE, _key("a")) == _text("a")
    assert cache.lookup(NAMESPACE, _key("missing")) is None
    assert _ledger(root) == f"{ENTRY}\n{ENTRY}\n"


def test_prune_deletes_least_recently_used_first(root: Path) -> None:
    names = [f"entry{i}" for i in range(8)]
    for age, name in enumerate(names):  # entry0 is the newest, entry7 the oldest
        _put(name, age * 60)
    left = cache.prune(root, 6 * ENTRY)
    # Over the bound: pruned down to LOW_WATER of it (4.5 entries), oldest first.
    assert _names_left(names) == names[:4]
    assert left == 4 * ENTRY
    assert _ledger(root) == f"{4 * ENTRY}\n"


def test_prune_within_the_bound_deletes_nothing(root: Path) -> None:
    names = [f"entry{i}" for i in range(4)]
    for age, name in enumerate(names):
        _put(name, age)
    assert cache.prune(root, 4 * ENTRY) == 4 * ENTRY
    assert _names_left(names) == names


def test_a_hit_makes_an_entry_recently_used(root: Path) -> None:
    old, newer = _put("old", 3600), _put("newer", 60)
    assert cache.lookup(NAMESPACE, _key("old")) == _text("old")  # a hit refreshes "old"
    assert old.stat().st_mtime > newer.stat().st_mtime
    cache.prune(root, int(1.5 * ENTRY))
    assert _names_left(["old", "newer"]) == ["old"]


def test_keep_bounded_trusts_the_ledger_below_the_bound(root: Path) -> None:
    _put("a", 10)
    # A file the ledger does not know about: only a listing would see it.
    stray = root / NAMESPACE / "zz" / "stray"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"x" * 100 * KIB)
    cache.keep_bounded(10 * KIB)
    assert stray.exists() and _names_left(["a"]) == ["a"], "the whole cache was listed"


def test_keep_bounded_prunes_when_the_ledger_is_over(root: Path) -> None:
    names = [f"entry{i}" for i in range(12)]
    for age, name in enumerate(names):
        _put(name, age)
    cache.keep_bounded(8 * ENTRY)
    assert _names_left(names) == names[:6]
    assert _ledger(root) == f"{6 * ENTRY}\n"


def test_a_cache_without_ledger_is_listed_once(root: Path) -> None:
    names = [f"entry{i}" for i in range(12)]
    for age, name in enumerate(names):
        _put(name, age)
    (root / cache.LEDGER).unlink()  # as left by a version without the ledger
    cache.keep_bounded(8 * ENTRY)
    assert _names_left(names) == names[:6]
    assert _ledger(root) == f"{6 * ENTRY}\n"


def test_a_long_ledger_is_compacted(root: Path) -> None:
    root.mkdir()
    lines = cache.LEDGER_MAX_LINES + 1
    (root / cache.LEDGER).write_text("1\n" * lines, "ascii")
    cache.keep_bounded(10 * KIB)
    assert _ledger(root) == f"{lines}\n"


def test_bound_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SDKWRIGHT_CACHE_MAX_MB", raising=False)
    assert cache.max_bytes() == 256 * 1024 * 1024
    monkeypatch.setenv("SDKWRIGHT_CACHE_MAX_MB", "0.5")
    assert cache.max_bytes() == 512 * 1024
    for bad in ("lots", "0", "-1", "nan", "inf"):
        monkeypatch.setenv("SDKWRIGHT_CACHE_MAX_MB", bad)
        assert cache.max_bytes() == 256 * 1024 * 1024, bad


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKWRIGHT_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    cache.store(NAMESPACE, _key("a"), _text("a"))
    assert cache.lookup(NAMESPACE, _key("a")) is None
    cache.keep_bounded(1)
    assert list(tmp_path.iterdir()) == []


# -- concurrency --------------------------------------------------------------------------------


def _worker(folder: str, seed: int) -> None:
    os.environ["SDKWRIGHT_CACHE_DIR"] = folder
    for i in range(150):
        name = f"entry{(seed * 37 + i) % 60}"
        found = cache.lookup(NAMESPACE, _key(name))
        assert found in (None, _text(name)), f"entry {name} read back wrong"
        if found is None:
            cache.store(NAMESPACE, _key(name), _text(name))
        if i % 10 == 0:
            cache.keep_bounded(20 * ENTRY)


def test_concurrent_runs_leave_only_whole_entries(root: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_worker, args=(str(root), seed)) for seed in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    files = [p for p in root.rglob("*") if p.is_file() and p.parent != root]
    assert files
    by_key = {_key(f"entry{i}"): _text(f"entry{i}") for i in range(60)}
    for path in files:
        assert path.name in by_key, f"left over: {path}"
        assert path.read_text("utf-8") == by_key[path.name]
    # The ledger is an estimate under concurrency (a compaction may drop a line written at
    # the same moment); a pruning lists the cache and resets it to the truth.
    left = cache.prune(root, 20 * ENTRY)
    assert left == sum(p.stat().st_size for p in root.rglob("*")
                       if p.is_file() and p.parent != root) <= 20 * ENTRY
    assert _ledger(root) == f"{left}\n"


# -- through the CLI ----------------------------------------------------------------------------


def _own_templates(tmp_path: Path) -> Path:
    """A copy of the built-in templates: other templates' output is all formatted by black,
    which is what the cache holds (the built-in ones' mostly goes through ruff)."""
    templates = tmp_path / "templates"
    shutil.copytree(default_templates(), templates)
    return templates


def test_generation_keeps_the_cache_within_the_bound(tmp_path: Path) -> None:
    folder, bound = tmp_path / "cache", 64 * KIB
    settings = env(SDKWRIGHT_CACHE_DIR=str(folder), SDKWRIGHT_CACHE_MAX_MB=str(bound / 2**20))
    templates = _own_templates(tmp_path)
    first = sdkwright("generate", SPEC, "--out", tmp_path / "one", "--templates", templates,
                      environ=settings)
    assert first.returncode == 0, describe(first)
    entries = [p for p in folder.rglob("*") if p.is_file() and p.parent != folder]
    assert entries, "nothing was cached"
    assert sum(p.stat().st_size for p in entries) <= bound
    again = sdkwright("generate", SPEC, "--out", tmp_path / "two", "--templates", templates,
                      environ=settings)
    assert again.returncode == 0, describe(again)
    assert tree_difference(snapshot(tmp_path / "two"), snapshot(tmp_path / "one")) == ""


# -- the suite's own cache ----------------------------------------------------------------------


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else set()


def test_the_suite_keeps_out_of_the_users_cache(tmp_path: Path) -> None:
    """conftest points SDKWRIGHT_CACHE_DIR at a temporary folder, and the CLI subprocesses
    that the tests start (with cli_support's environment) write their cache there: with HOME
    moved and XDG_CACHE_HOME unset, nothing lands in HOME, and the suite's folder grows."""
    suite_cache = Path(os.environ["SDKWRIGHT_CACHE_DIR"])
    assert suite_cache.is_absolute() and suite_cache.is_dir()
    assert suite_cache.resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
    assert not suite_cache.resolve().is_relative_to(Path.home().resolve() / ".cache")
    home = tmp_path / "home"
    home.mkdir()
    environ = env(HOME=str(home))
    environ.pop("XDG_CACHE_HOME", None)
    spec = tmp_path / "pets.yaml"
    # A title of its own makes code no other test formats: the run must write new entries.
    spec.write_text(PROBE_SPEC.format(title=f"Cache Probe {tmp_path.name}"), "utf-8")
    before = _files(suite_cache)
    proc = sdkwright("generate", spec, "--out", tmp_path / "out", "--templates",
                     _own_templates(tmp_path), environ=environ)
    assert proc.returncode == 0, describe(proc)
    assert _files(home) == set(), "the CLI wrote into HOME"
    assert _files(suite_cache) - before, "the CLI did not use the suite's cache"
