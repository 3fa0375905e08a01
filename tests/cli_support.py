"""Helpers for the tests that drive the real `sdkwright` CLI in subprocesses.

Nothing here imports the generator: every test goes through `python -m sdkwright` (or an
installed `sdkwright` script), the way a user runs it. `sdkwright` is this checkout's, installed
editable by the README's test command (conftest.py refuses to run against another copy).
"""

from __future__ import annotations

import json
import os
import re
import site
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "spec" / "livestream.yaml"
GENERATED = REPO / "generated"
FIXTURES = REPO / "tests" / "fixtures"
INVALID = FIXTURES / "invalid"
VARIANTS = FIXTURES / "variants"



@dataclass(frozen=True)
class Golden:
    """A committed golden project: a `[[tool.sdkwright.clients]]` entry of the repository,
    which `sdkwright generate` in the repository regenerates."""

    spec: Path
    out: Path
    package: str
    client: str
    env_prefix: str

    @property
    def name(self) -> str:
        """The output folder's name (`generated`, `generated-darkroom`): test ids."""
        return self.out.name

    @property
    def names(self) -> tuple[str, ...]:
        """The names it is made with, as command-line options."""
        return ("--package-name", self.package, "--client-name", self.client,
                "--env-prefix", self.env_prefix)


def _goldens() -> tuple[Golden, ...]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    return tuple(Golden((REPO / entry["spec"]).resolve(), (REPO / entry["out"]).resolve(),
                        str(entry["package"]), str(entry["client"]), str(entry["env_prefix"]))
                 for entry in data["tool"]["sdkwright"]["clients"])


GOLDENS = _goldens()


def _golden(out: Path, spec: Path) -> Golden:
    for golden in GOLDENS:
        if golden.out == out and golden.spec == spec:
            return golden
    raise AssertionError(f"pyproject.toml has no [[tool.sdkwright.clients]] entry for {out}")


LIVESTREAM = _golden(GENERATED, SPEC)
DARKROOM = _golden(REPO / "generated-darkroom", REPO / "spec" / "darkroom.yaml")
# The names generated/ is made with.
REPO_CLIENT = {"package": LIVESTREAM.package, "client": LIVESTREAM.client,
               "env_prefix": LIVESTREAM.env_prefix}
REPO_PACKAGE = LIVESTREAM.package
REPO_NAMES = LIVESTREAM.names

# Folders that tools create inside a generated project; never part of the comparison.
IGNORED_DIRS = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"})
TIMEOUT = 600.0
# Subprocesses run side by side: the work is CPU-bound (black, mypy), one per core.
WORKERS = max(2, min(8, os.cpu_count() or 2))

Proc = subprocess.CompletedProcess[str]
T = TypeVar("T")


def env(**overrides: str) -> dict[str, str]:
    """The environment for a subprocess: no debug switch, no PYTHONPATH, no bytecode written."""
    out = dict(os.environ)
    out.pop("SDKWRIGHT_DEBUG", None)
    out.pop("PYTHONPATH", None)
    out["PYTHONDONTWRITEBYTECODE"] = "1"
    out["PYTHONIOENCODING"] = "utf-8"
    out.update(overrides)
    return out


def run(cmd: Iterable[str | Path], *, cwd: Path, environ: Mapping[str, str] | None = None,
        stdin: str | None = None) -> Proc:
    return subprocess.run(
        [str(part) for part in cmd],
        cwd=cwd,
        env=dict(environ) if environ is not None else env(),
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
        check=False,
    )


def ok(proc: Proc) -> Proc:
    """`proc`, which must have succeeded without a traceback."""
    assert proc.returncode == 0, describe(proc)
    assert "Traceback" not in proc.stderr, describe(proc)
    return proc


def lend_dependencies(py: Path, root: Path, environ: Mapping[str, str]) -> None:
    """Make the dependencies of the interpreter running the tests importable in the venv of
    `py`, after its own site-packages, so nothing is downloaded. `--system-site-packages` would
    not do: inside a virtualenv it means the base interpreter, which lacks them. Folders named
    in a .pth file are only added to the path: their own .pth files (this checkout's editable
    install among them) are not run, so `sdkwright` is not importable there."""
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = Path(ok(run([py, "-c", where], cwd=root, environ=environ)).stdout.strip())
    ours = [p for p in (*site.getsitepackages(), site.getusersitepackages()) if Path(p).is_dir()]
    (purelib / "_sdkwright_test_dependencies.pth").write_text("\n".join(ours) + "\n", "utf-8")


def sdkwright(*args: str | Path, cwd: Path = REPO,
              environ: Mapping[str, str] | None = None) -> Proc:
    """`python -m sdkwright ARGS` with this checkout's generator."""
    return run([sys.executable, "-m", "sdkwright", *args], cwd=cwd, environ=environ)


def python(*args: str | Path, cwd: Path, environ: Mapping[str, str] | None = None) -> Proc:
    """`python ARGS` for tools run on generated output (black, mypy, pytest, scripts)."""
    return run([sys.executable, *args], cwd=cwd,
               environ=environ if environ is not None else env())


def describe(proc: Proc) -> str:
    """A failure message with the command, its exit code and the tail of its output."""
    cmd = " ".join(str(part) for part in proc.args)
    return (f"\n$ {cmd}\nexit code {proc.returncode}\n--- stdout ---\n{proc.stdout[-6000:]}"
            f"\n--- stderr ---\n{proc.stderr[-6000:]}")


def generate(spec: Path, out: Path, *names: str, cwd: Path = REPO,
             environ: Mapping[str, str] | None = None) -> Path:
    """Generate `spec` into `out` and insist that it worked."""
    proc = sdkwright("generate", spec, "--out", out, *names, cwd=cwd, environ=environ)
    assert proc.returncode == 0, describe(proc)
    assert "Traceback" not in proc.stderr, describe(proc)
    return out


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` (POSIX relative path -> bytes), tool caches left out."""
    found: dict[str, bytes] = {}
    if not root.exists():
        return found
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in IGNORED_DIRS)
        for name in files:
            path = Path(folder, name)
            found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


# A fenced Python example in a generated Markdown file (the fence as long as its code needs).
_PYTHON_BLOCK = re.compile(r"^(`{3,})python\n(.*?)^\1$", re.DOTALL | re.MULTILINE)


def examples_black_would_change(out: Path) -> list[str]:
    """The Markdown files under `out` holding a Python example that black, at the docs' 100
    columns, would format otherwise: generation formats them with ruff, black is the judge."""
    import black

    mode = black.Mode(line_length=100)
    return sorted(
        page.relative_to(out).as_posix() for page in out.rglob("*.md")
        if any(black.format_str(m.group(2), mode=mode) != m.group(2)
               for m in _PYTHON_BLOCK.finditer(page.read_text("utf-8"))))


def without_inputs(tree: Mapping[str, bytes]) -> dict[str, bytes]:
    """`tree` with its manifest's record of the inputs left out: two specs that say the same
    in different words generate the same files, but were made from different inputs."""
    out = dict(tree)
    if "sdkwright-manifest.json" in out:
        manifest = json.loads(out["sdkwright-manifest.json"])
        manifest.pop("inputs", None)
        out["sdkwright-manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return out


def tree_difference(actual: Mapping[str, bytes], expected: Mapping[str, bytes]) -> str:
    """'' when both trees hold the same files with the same bytes, else what differs."""
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(p for p in set(actual) & set(expected) if actual[p] != expected[p])
    parts = []
    if missing:
        parts.append(f"missing: {missing}")
    if extra:
        parts.append(f"unexpected: {extra}")
    if changed:
        parts.append(f"different bytes: {changed}")
    return "; ".join(parts)


def package_dir(out: Path) -> Path:
    """The one import package of a generated project (the folder holding py.typed)."""
    marked = sorted(p.parent for p in out.glob("*/py.typed"))
    assert len(marked) == 1, f"expected one package with py.typed in {out}, found {marked}"
    return marked[0]


def python_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if not IGNORED_DIRS & set(p.parts))


def black_check(out: Path) -> Proc:
    return python("-m", "black", "--check", "--quiet", ".", cwd=out)


def mypy_strict(out: Path, cache: Path, *targets: str) -> Proc:
    return python("-m", "mypy", "--strict", "--cache-dir", str(cache), "--no-error-summary",
                  *targets, cwd=out)


def generated_tests(out: Path) -> Proc:
    """The generated project's own test suite, as its README says to run it."""
    return python("-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:benchmark",
                  "-p", "no:randomly", cwd=out)


def ruff_lint(out: Path) -> Proc:
    """`ruff check --select F,I` (pyflakes, import order) run inside a generated project, so
    that its pyproject.toml's known-first-party applies; no cache is written into it."""
    return python("-m", "ruff", "check", "--select", "F,I", "--no-cache", "--output-format",
                  "concise", ".", cwd=out)


# Parses each operation's example answer (its fixture, from sdkwright's `build_api`, the
# answer the docs show and the generated tests serve) into the operation's response type,
# once from JSON text and once from the Python value, and prints one JSON entry per answer
# with the repr of each result (class names and value types included) or, where it fails, where
# and why (pydantic's error types: its messages differ between the modes).
# Run it in the generated project's folder, with its names: SPEC PACKAGE CLIENT ENV_PREFIX
# (empty for the defaults).
JSON_AND_PYTHON = """
import importlib, json, sys
from pathlib import Path
import pydantic
from sdkwright.config import Names
from sdkwright.pipeline import build_api

spec, *names = sys.argv[1:5]
built, _ = build_api(Path(spec), Names(*(name or None for name in names)), strict=False)

def outcome(parse):
    try:
        return repr(parse())
    except pydantic.ValidationError as exc:
        return "ValidationError: " + json.dumps([[e["loc"], e["type"]] for e in exc.errors()])

found = []
for op in built.api.operations:
    answer = built.fixtures[op.pointer].answer
    if not op.response.parsed or answer is None:
        continue
    ref = op.response.type
    module = importlib.import_module(".".join((built.api.package, *ref.module)))
    target = getattr(module, ref.name)
    text = json.dumps(answer.value)
    if op.response.kind == "model":
        from_json = outcome(lambda: target.model_validate_json(text))
        from_python = outcome(lambda: target.model_validate(answer.value))
    else:
        adapter = pydantic.TypeAdapter(target)
        from_json = outcome(lambda: adapter.validate_json(text))
        from_python = outcome(lambda: adapter.validate_python(answer.value))
    found.append({"operation": op.call_path, "type": ref.name, "answer": answer.value,
                  "json": from_json, "python": from_python})
print(json.dumps(found))
"""


def json_and_python(out: Path, spec: Path, package: str = "", client: str = "",
                    env_prefix: str = "") -> Proc:
    return python("-c", JSON_AND_PYTHON, spec, package, client, env_prefix, cwd=out)


def parsed_both_ways(proc: Proc) -> list[dict[str, Any]]:
    """The answers `json_and_python` parsed; each must give the same value both ways."""
    assert proc.returncode == 0, describe(proc)
    found: list[dict[str, Any]] = json.loads(proc.stdout)
    differ = [entry for entry in found if entry["json"] != entry["python"]]
    assert differ == [], json.dumps(differ, indent=2)
    return found


# Imports every module of a package and prints their names, one a line.
IMPORT_ALL = """
import importlib, pkgutil, sys
pkg = importlib.import_module(sys.argv[1])
names = [pkg.__name__]
for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
    importlib.import_module(info.name)
    names.append(info.name)
print("\\n".join(sorted(names)))
"""


def import_all(out: Path, package: str) -> Proc:
    return python("-c", IMPORT_ALL, package, cwd=out)


def module_names(package: Path) -> set[str]:
    """The dotted names of every module file under a package folder."""
    names = set()
    for path in python_files(package):
        rel = path.relative_to(package.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.add(".".join(parts))
    return names


class Batch(Generic[T]):
    """Independent jobs (each usually a few subprocesses) run concurrently, once.

    Tests read a job's result with `batch[name]`, which re-raises whatever the job raised, so
    one failing setup only fails the tests that use it.
    """

    def __init__(self, jobs: Mapping[str, Callable[[], T]]) -> None:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            self._futures: dict[str, Future[T]] = {
                name: pool.submit(job) for name, job in jobs.items()}
            wait(self._futures.values())

    def __getitem__(self, name: str) -> T:
        return self._futures[name].result()
