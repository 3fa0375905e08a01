"""Compatibility benchmark: sdkwright vs. openapi-python-client over a corpus of specs.

Usage::

    python3 bench/compat.py [SPEC_DIR] [--only NAME ...] [--jobs N] [--keep]

SPEC_DIR defaults to ../shared/specs (beside the repository). Only the OpenAPI documents
directly in SPEC_DIR are used (its ``invalid/`` folder and other files are skipped). For
every spec, both generators are run and their output is checked: py_compile of every .py
file, an import of every module of the package in a fresh interpreter, ``black --check``,
``mypy --strict``, operation coverage and (sdkwright only) the generated package's own
tests, against their local server and against ``prism mock --dynamic`` serving the spec
(tests/prism.py; the generated tests skip, with a reason, requests that no client can make
valid).

openapi-python-client is installed into the throwaway venv /tmp/sdkwright-compat-venv
(with python-dateutil and types-python-dateutil, which its output imports) when missing.
mypy is the same binary with the same flags for both generators; for openapi-python-client
it is pointed at that venv (``--python-executable``) so that the dateutil stubs are found.

The Markdown table and the summary are printed and written to bench/compat-results.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import prism  # the tests' Prism runner: the same pinned version and flags

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "compat-results.md"
DEFAULT_SPEC_DIR = REPO.parent / "shared" / "specs"
VENV = Path("/tmp/sdkwright-compat-venv")
VENV_PYTHON = VENV / "bin" / "python"
OPC = VENV / "bin" / "openapi-python-client"

SDKWRIGHT = "sdkwright"
OPC_NAME = "openapi-python-client"
GENERATORS = (SDKWRIGHT, OPC_NAME)

GEN_TIMEOUT = 300.0
STEP_TIMEOUT = 300.0
MYPY_TIMEOUT = 600.0
TEST_TIMEOUT = 600.0

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SPEC_SUFFIXES = (".yaml", ".yml", ".json")

IMPORT_SCRIPT = r"""
import importlib, json, sys
from pathlib import Path

root, pkg = Path(sys.argv[1]), sys.argv[2]
mods = []
for path in sorted((root / pkg).rglob("*.py")):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    mods.append(".".join(parts))
failed = []
for mod in mods:
    try:
        importlib.import_module(mod)
    except BaseException as exc:  # noqa: BLE001
        failed.append([mod, f"{type(exc).__name__}: {exc}"[:300]])
print(json.dumps({"total": len(mods), "failed": failed}))
"""


@dataclass
class Proc:
    """The outcome of one subprocess; ``rc`` is None when it timed out."""

    rc: int | None
    out: str
    err: str
    seconds: float

    @property
    def timed_out(self) -> bool:
        return self.rc is None


@dataclass
class Row:
    spec: str
    generator: str
    generated: str = "-"
    compiles: str = "-"
    imports: str = "-"
    black: str = "-"
    mypy: str = "-"
    operations: str = "-"
    tests: str = "-"
    prism: str = "-"
    time: str = "-"
    ok_generated: bool = False
    ok_compiles: bool = False
    ok_imports: bool = False
    ok_black: bool = False
    ok_mypy: bool = False
    ok_tests: bool = False
    ok_prism: bool = False
    notes: list[str] = field(default_factory=list)

    def cells(self) -> list[str]:
        return [
            self.spec,
            self.generator,
            self.generated,
            self.compiles,
            self.imports,
            self.black,
            self.mypy,
            self.operations,
            self.tests,
            self.prism,
            self.time,
        ]


HEADER = [
    "spec",
    "generator",
    "generated?",
    "compiles",
    "imports",
    "black",
    "mypy errors",
    "operations",
    "tests",
    "tests vs Prism",
    "time",
]


def run(
    cmd: Sequence[str | Path],
    *,
    cwd: Path,
    timeout: float,
    env: dict[str, str] | None = None,
) -> Proc:
    """Run ``cmd``; on timeout kill its whole process group (only what we started)."""
    start = time.monotonic()
    proc = subprocess.Popen(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        rc: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        rc = None
    return Proc(rc, out, err, time.monotonic() - start)


def child_env(pythonpath: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("SDKWRIGHT_TEST_BASE_URL", "PYTEST_ADDOPTS", "PYTHONPATH", "MYPYPATH"):
        env.pop(name, None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    env["PATH"] = f"{VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def load_spec(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # a safe loader


def count_operations(doc: Any) -> int:
    paths = doc.get("paths") if isinstance(doc, dict) else None
    if not isinstance(paths, dict):
        return 0
    count = 0
    for item in paths.values():
        if isinstance(item, dict):
            count += sum(1 for method in HTTP_METHODS if method in item)
    return count


def discover_specs(spec_dir: Path, only: list[str]) -> dict[Path, int]:
    """The OpenAPI documents directly in ``spec_dir``, each with its operation count."""
    specs: dict[Path, int] = {}
    for path in sorted(spec_dir.iterdir()):
        if not path.is_file() or path.suffix not in SPEC_SUFFIXES:
            continue
        if only and path.name not in only and path.stem not in only:
            continue
        try:
            doc = load_spec(path)
        except (OSError, ValueError, yaml.YAMLError) as exc:
            print(f"skip {path.name}: cannot parse ({exc})", flush=True)
            continue
        if not isinstance(doc, dict) or "openapi" not in doc:
            print(f"skip {path.name}: not an OpenAPI document", flush=True)
            continue
        specs[path] = count_operations(doc)
    return specs


def ensure_opc() -> str:
    """Install openapi-python-client into the throwaway venv if needed; return its version."""
    if not OPC.exists() or not (VENV / "bin" / "ruff").exists():
        print(f"installing openapi-python-client into {VENV} ...", flush=True)
        if not VENV_PYTHON.exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [
                str(VENV_PYTHON),
                "-m",
                "pip",
                "install",
                "-q",
                "openapi-python-client",
                "python-dateutil",
                "types-python-dateutil",
            ],
            check=True,
        )
    res = subprocess.run([str(OPC), "--version"], capture_output=True, text=True, check=False)
    return (res.stdout.strip() or res.stderr.strip()).replace("openapi-python-client version: ", "")


def tool_version(module: str) -> str:
    res = subprocess.run(
        [sys.executable, "-m", module, "--version"], capture_output=True, text=True, check=False
    )
    return res.stdout.strip().splitlines()[0] if res.stdout.strip() else "?"


def find_package(out: Path, marker: str) -> Path | None:
    """The top-level folder of ``out`` that holds ``marker`` (``_client.py`` / ``client.py``)."""
    if not out.is_dir():
        return None
    for child in sorted(out.iterdir()):
        if child.is_dir() and (child / marker).is_file() and (child / "__init__.py").is_file():
            return child
    return None


def first_line(text: str, limit: int = 200) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:limit]
    return ""


# -- steps -----------------------------------------------------------------------------------


def generate_sdkwright(spec: Path, out: Path, row: Row) -> Path | None:
    proc = run(
        [sys.executable, "-m", "sdkwright", "generate", spec, "--out", out],
        cwd=REPO,
        timeout=GEN_TIMEOUT,
        env=child_env(),
    )
    row.time = f"{proc.seconds:.1f}s"
    if proc.timed_out:
        row.generated = "timeout"
        return None
    lines = proc.err.splitlines()
    warnings = sum(1 for line in lines if ": warning:" in line)
    internal = [line for line in lines if "internal error" in line]
    if internal:
        row.generated = f"internal error (exit {proc.rc})"
        row.notes.extend(internal[:3])
        return None
    if proc.rc == 2:
        errors = [line for line in lines if line.strip() and ": warning:" not in line]
        row.generated = f"refused ({len(errors)} errors)"
        row.notes.extend(f"refused: {line[:300]}" for line in errors[:3])
        return None
    if proc.rc != 0:
        row.generated = f"crash (exit {proc.rc})"
        tail = [line for line in lines if line.strip()][-3:]
        row.notes.extend(f"crash: {line[:300]}" for line in tail)
        return None
    pkg = find_package(out, "_client.py")
    if pkg is None:
        row.generated = "no package"
        return None
    row.generated = f"ok ({warnings} warn)" if warnings else "ok"
    row.ok_generated = True
    return pkg


def generate_opc(spec: Path, out: Path, row: Row) -> Path | None:
    proc = run(
        [OPC, "generate", "--path", spec, "--output-path", out, "--overwrite", "--meta", "poetry"],
        cwd=out.parent,
        timeout=GEN_TIMEOUT,
        env=child_env(),
    )
    row.time = f"{proc.seconds:.1f}s"
    if proc.timed_out:
        row.generated = "timeout"
        return None
    text = proc.out + proc.err
    if proc.rc != 0:
        row.generated = f"failed (exit {proc.rc})"
        row.notes.append(f"failed: {opc_failure(text)}")
        return None
    pkg = find_package(out, "client.py")
    if pkg is None:
        row.generated = "no package"
        row.notes.append(f"no package: {first_line(text)}")
        return None
    row.generated = "ok (warnings)" if "Warning(s) encountered" in text else "ok"
    row.ok_generated = True
    return pkg


def opc_failure(text: str) -> str:
    """A one-line reason from openapi-python-client's error report."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for i, line in enumerate(lines):
        if re.match(r"\d+ validation errors? for", line):
            detail = " ".join(lines[i + 1 : i + 3])
            return f"{line}; first: {detail}"[:400]
    useful = [ln for ln in lines if not ln.startswith(("Error(s) encountered", "If you believe"))]
    return "; ".join(useful[:2])[:400] or first_line(text)


def check_compiles(out: Path, row: Row) -> None:
    files = sorted(p for p in out.rglob("*.py") if ".ruff_cache" not in p.parts)
    failed: list[str] = []
    for path in files:
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            failed.append(f"{path.relative_to(out)}: {exc}")
    if failed:
        row.compiles = f"{len(failed)}/{len(files)} fail"
        row.notes.append(f"compile: {failed[0][:300]}")
    else:
        row.compiles = f"ok ({len(files)})"
        row.ok_compiles = True


def check_imports(out: Path, pkg: Path, row: Row) -> None:
    proc = run(
        [sys.executable, "-c", IMPORT_SCRIPT, out, pkg.name],
        cwd=out,
        timeout=STEP_TIMEOUT,
        env=child_env(out),
    )
    if proc.timed_out:
        row.imports = "timeout"
        return
    try:
        data = json.loads(proc.out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        row.imports = f"crash (exit {proc.rc})"
        row.notes.append(f"imports: {first_line(proc.err[-2000:])}")
        return
    total = int(data["total"])
    failed: list[list[str]] = data["failed"]
    if failed:
        row.imports = f"{len(failed)}/{total} fail"
        row.notes.append(f"import {failed[0][0]}: {failed[0][1]}")
    else:
        row.imports = f"ok ({total})"
        row.ok_imports = True


def check_black(out: Path, row: Row) -> None:
    proc = run(
        [sys.executable, "-m", "black", "--check", "."],
        cwd=out,
        timeout=STEP_TIMEOUT,
        env=child_env(),
    )
    if proc.timed_out:
        row.black = "timeout"
        return
    lines = proc.err.splitlines()
    reformat = sum(1 for line in lines if line.startswith("would reformat"))
    errors = sum(1 for line in lines if line.startswith("error:"))
    if proc.rc == 0:
        row.black = "ok"
        row.ok_black = True
    elif reformat or errors:
        parts = []
        if reformat:
            parts.append(f"{reformat} to reformat")
        if errors:
            parts.append(f"{errors} errors")
        row.black = ", ".join(parts)
    else:
        row.black = f"exit {proc.rc}"


def check_mypy(out: Path, pkg: Path, cache: Path, row: Row) -> None:
    cmd: list[str | Path] = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", cache]
    if row.generator == OPC_NAME:
        cmd += ["--python-executable", VENV_PYTHON]
    cmd.append(pkg.name)
    proc = run(cmd, cwd=out, timeout=MYPY_TIMEOUT, env=child_env())
    if proc.timed_out:
        row.mypy = "timeout"
        return
    text = proc.out + proc.err
    if proc.rc == 0 and "Success" in text:
        row.mypy = "0"
        row.ok_mypy = True
        return
    found = re.search(r"Found (\d+) errors? in (\d+) files?", text)
    if found:
        row.mypy = f"{found.group(1)} ({found.group(2)} files)"
        first = next((ln for ln in proc.out.splitlines() if ": error:" in ln), "")
        if first:
            row.notes.append(f"mypy: {first[:300]}")
    else:
        row.mypy = f"crash (exit {proc.rc})"
        row.notes.append(f"mypy: {first_line(text)}")


def count_generated_ops(out: Path, pkg: Path, generator: str) -> int:
    if generator == OPC_NAME:
        api = pkg / "api"
        return sum(1 for p in api.rglob("*.py") if p.name != "__init__.py") if api.is_dir() else 0
    api_md = out / "api.md"
    if api_md.is_file():
        row_re = re.compile(r"^\|.*\|\s*`(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)`", re.I)
        return sum(1 for line in api_md.read_text().splitlines() if row_re.match(line))
    # Fallback: public methods of the sync ...Resource classes.
    count = 0
    resources = pkg / "resources"
    for path in resources.rglob("__init__.py") if resources.is_dir() else []:
        in_sync = False
        for line in path.read_text().splitlines():
            if line.startswith("class "):
                name = line[6:].split("(")[0].split(":")[0]
                in_sync = name.endswith("Resource") and not name.startswith("Async")
            elif in_sync and re.match(r"    def [a-z]\w*\(", line):
                count += 1
    return count


def run_tests(out: Path, row: Row, base_url: str | None = None) -> tuple[str, bool]:
    """The generated tests' outcome (cell text, all green), against `base_url` if given."""
    env = {**child_env(out), "COLUMNS": "400"}
    if base_url is not None:
        env["SDKWRIGHT_TEST_BASE_URL"] = base_url
    proc = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
               cwd=out, timeout=TEST_TIMEOUT, env=env)
    where = "prism" if base_url else "tests"
    if proc.timed_out:
        return "timeout", False
    tail = proc.out.strip().splitlines()[-1] if proc.out.strip() else ""
    counts = {k: 0 for k in ("passed", "failed", "error", "skipped")}
    for num, word in re.findall(r"(\d+) (passed|failed|errors?|skipped)", tail):
        counts["error" if word.startswith("error") else word] += int(num)
    if proc.rc == 5:
        return "no tests", False
    parts = [f"{counts['passed']} passed", f"{counts['failed']} failed"]
    if counts["error"]:
        parts.append(f"{counts['error']} errors")
    if counts["skipped"]:
        parts.append(f"{counts['skipped']} skipped")
    if proc.rc == 0 and counts["passed"] > 0:
        return ", ".join(parts), True
    if not any(counts.values()):
        row.notes.append(f"{where}: {first_line(proc.err) or tail}")
        return f"crash (exit {proc.rc})", False
    failing = [ln for ln in proc.out.splitlines() if ln.startswith(("FAILED", "ERROR"))]
    if failing:
        row.notes.append(f"{where}: {failing[0][:300]}")
    return ", ".join(parts), False


def run_tests_against_prism(spec: Path, out: Path, row: Row) -> tuple[str, bool]:
    if prism.skip_reason() is not None:
        return "no Prism", False
    try:
        with prism.run_prism(spec, dynamic=True) as url:
            return run_tests(out, row, url)
    except prism.PrismError as exc:
        row.notes.append(f"prism: {first_line(str(exc))}")
        return "Prism failed", False


def evaluate(spec: Path, spec_ops: int, generator: str, work: Path) -> Row:
    row = Row(spec.name, generator)
    if generator == SDKWRIGHT:
        row.tests = row.prism = "-"
    else:
        row.tests = row.prism = "n/a"
    base = work / spec.stem / generator
    base.mkdir(parents=True, exist_ok=True)
    out = base / "out"
    try:
        if generator == SDKWRIGHT:
            pkg = generate_sdkwright(spec, out, row)
        else:
            pkg = generate_opc(spec, out, row)
        if pkg is None:
            row.operations = f"-/{spec_ops}"
            return row
        row.operations = f"{count_generated_ops(out, pkg, generator)}/{spec_ops}"
        check_compiles(out, row)
        check_imports(out, pkg, row)
        check_black(out, row)
        check_mypy(out, pkg, base / "mypy-cache", row)
        if generator == SDKWRIGHT:
            row.tests, row.ok_tests = run_tests(out, row)
            row.prism, row.ok_prism = run_tests_against_prism(spec, out, row)
    except Exception as exc:  # a bug here must not lose the other rows
        row.notes.append(f"compat.py error: {type(exc).__name__}: {exc}")
    return row


# -- report ----------------------------------------------------------------------------------


def markdown_table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows:
        cells = [c.replace("|", "\\|") for c in row.cells()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary_line(rows: list[Row]) -> str:
    parts = []
    for gen in GENERATORS:
        mine = [r for r in rows if r.generator == gen]
        if not mine:
            continue
        text = (
            f"{gen}: {sum(r.ok_generated for r in mine)}/{len(mine)} generated, "
            f"{sum(r.ok_compiles for r in mine)} compile, "
            f"{sum(r.ok_imports for r in mine)} import, "
            f"{sum(r.ok_black for r in mine)} black-clean, "
            f"{sum(r.ok_mypy for r in mine)} mypy-clean"
        )
        if gen == SDKWRIGHT:
            text += (f", {sum(r.ok_tests for r in mine)} tests green, "
                     f"{sum(r.ok_prism for r in mine)} green against Prism")
        parts.append(text)
    return "SUMMARY " + "; ".join(parts)


def notes_section(rows: list[Row]) -> str:
    lines = []
    for row in rows:
        for note in row.notes:
            lines.append(f"- `{row.spec}` / {row.generator}: {note}")
    return "\n".join(lines) if lines else "- none"


def shown(folder: Path) -> str:
    """`folder` relative to the repository root where it can be (`../shared/specs`), so that
    the results do not name this machine's paths."""
    return os.path.relpath(folder.resolve(), REPO.resolve())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("spec_dir", nargs="?", type=Path, default=DEFAULT_SPEC_DIR)
    parser.add_argument(
        "--only", nargs="+", action="extend", default=[], metavar="NAME", help="spec file/stem"
    )
    parser.add_argument("--jobs", type=int, default=2, help="parallel (spec, generator) jobs")
    parser.add_argument("--keep", action="store_true", help="keep the generated outputs")
    args = parser.parse_args(argv)

    spec_dir: Path = args.spec_dir
    if not spec_dir.is_dir():
        print(f"compat: spec folder {spec_dir} does not exist; nothing to do.")
        return 0
    started = time.monotonic()
    specs = discover_specs(spec_dir, args.only)
    if not specs:
        print(f"compat: no OpenAPI documents found in {spec_dir}; nothing to do.")
        return 0

    opc_version = ensure_opc()
    sdk_version = run(
        [sys.executable, "-m", "sdkwright", "--version"], cwd=REPO, timeout=60, env=child_env()
    ).out.strip()
    head = run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, timeout=60).out.strip()
    dirty = run(["git", "status", "--porcelain", "generator", "templates"], cwd=REPO, timeout=60)
    sdk_version = sdk_version or "sdkwright ?"
    sdk_version += f" at {head or '?'}" + (" + uncommitted changes" if dirty.out.strip() else "")
    versions = (
        f"{sdk_version}; openapi-python-client {opc_version}; "
        f"{tool_version('black')}; {tool_version('mypy')}; Python {sys.version.split()[0]}"
    )
    print(f"openapi-python-client version: {opc_version}", flush=True)
    print(f"versions: {versions}", flush=True)

    work = Path(tempfile.mkdtemp(prefix="sdkwright-compat-"))
    # sdkwright's black cache goes with the work folder, not into the user's cache.
    os.environ.setdefault("SDKWRIGHT_CACHE_DIR", str(work / "black-cache"))
    print(f"{len(specs)} specs, jobs={args.jobs}, work dir {work}", flush=True)
    tasks = [(spec, ops, gen) for spec, ops in specs.items() for gen in GENERATORS]
    rows: list[Row] = []
    lock = threading.Lock()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(evaluate, spec, ops, gen, work) for spec, ops, gen in tasks]
        for future in as_completed(futures):
            row = future.result()
            with lock:
                rows.append(row)
                elapsed = time.monotonic() - started
                print(
                    f"[{len(rows)}/{len(tasks)} {elapsed:.0f}s] {row.spec} {row.generator}: "
                    f"{row.generated}, compiles {row.compiles}, imports {row.imports}, "
                    f"mypy {row.mypy}, ops {row.operations}, tests {row.tests}, prism {row.prism}",
                    flush=True,
                )

    order = {gen: i for i, gen in enumerate(GENERATORS)}
    rows.sort(key=lambda r: (r.spec, order[r.generator]))
    total = time.monotonic() - started
    table = markdown_table(rows)
    summary = summary_line(rows)
    print()
    print(table)
    print()
    print(summary)
    print(f"total runtime: {total:.0f}s")

    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    RESULTS.write_text(
        f"# Compatibility results\n\n"
        f"Generated by `python3 bench/compat.py` on {stamp} over `{shown(spec_dir)}` "
        f"({len(specs)} specs, jobs={args.jobs}, total runtime {total:.0f}s).\n\n"
        f"Versions: {versions}.\n\n"
        f"{table}\n\n{summary}\n\n## Notes (first messages per row)\n\n"
        f"{notes_section(rows)}\n",
        encoding="utf-8",
    )
    print(f"written to {RESULTS}")
    if args.keep:
        print(f"outputs kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
