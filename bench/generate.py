"""Generation-speed benchmark: sdkwright against openapi-python-client (the peer), issue 9.

Usage::

    python3 bench/generate.py [--runs N] [--format json|yaml|both] [--sizes N ...]
                              [--sets synthetic real small ...] [--large] [--split]
                              [--python PATH] [--json FILE] [--write-specs DIR]

What is measured, each run in a fresh process:

- cold: ``PYTHON -m sdkwright generate SPEC --out DIR`` into an empty folder with an empty
  cache (SDKWRIGHT_CACHE_DIR is a new folder every run), validation, formatting and the compile
  gate included; and the peer's ``openapi-python-client generate --path SPEC --output-path DIR
  --overwrite`` (its venv's bin/ on PATH, for its ruff hooks). The two alternate (sdkwright,
  peer, sdkwright, peer, ...), so that a change of the machine's load hits both. For each:
  wall time, CPU time (user + sys of the process and the children it waited for, from
  ``os.wait4``) and peak RSS: that of the largest single process (``os.wait4``'s maxrss, by
  which the targets are judged) and the peak of the whole process tree's sum, sampled every
  0.2 s from /proc (a worker pool's processes added up). Each command is started by
  bench/measure.py, a small process of its own, so that its maxrss is its own.
- regeneration, on the synthetic specs: right after a cold run, sdkwright again into the folder
  that run filled, with the cache it filled: the spec unchanged, then with one operation's
  summary edited.
- the spec sets: ``synthetic`` (--sizes, default 10, 100, 1,000 and 3,000 operations, copies
  of spec/livestream.yaml: bench/synthetic.py), ``real`` (the largest real specs: OpenAI,
  Discord and Vimeo from ../shared/specs) and ``small`` (spec/livestream.yaml and five small
  real specs). A spec missing from ../shared/specs is skipped with a note. The synthetic
  specs are JSON by default: the peer reads JSON with json.loads and YAML with pure-Python
  ruamel, so JSON is its fastest path and the stricter comparison (sdkwright reads both
  through libyaml's composer); ``--format both`` measures both.
- ``--large``: a synthetic spec of about 50 MB (in the first --format), one run per tool
  whatever --runs says (it is slow).
- ``--split``: one more cold sdkwright run per spec, in-process and timed stage by stage
  (bench/stages.py).

Printed: a machine line, Markdown tables (medians of --runs; ratios are sdkwright / peer;
per-operation cost is the median wall time over the spec's operations) and issue 9's targets
with "yes" or "no". ``--json FILE`` also writes every raw number. Timings are reported, never
asserted. Outputs go to a temporary folder, bytecode caches to /tmp/sdkwright-bench-pycache:
nothing is written into the repository. At today's speed the default run takes about 40
minutes on 2 cores; ``--sizes 10 100 1000 --sets synthetic`` about 10.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import synthetic  # bench/synthetic.py: a script's own folder is on sys.path
import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED_SPECS = REPO.parent / "shared" / "specs"
REAL_SPECS = ("openai-api.yaml", "discord-api.json", "vimeo-api.yaml")
SMALL_SHARED_SPECS = ("oai-petstore-expanded.yaml", "redocly-museum.yaml",
                      "twilio-lookups-v2.json", "box-platform-v2025.0.json",
                      "xero-payroll-uk.yaml")
SETS = ("synthetic", "real", "small")
SIZES = (10, 100, 1000, 3000)
LARGE_BYTES = 50_000_000
VENV = Path("/tmp/sdkwright-bench-venv")
VENV_PYTHON = VENV / "bin" / "python"
PEER = VENV / "bin" / "openapi-python-client"
PYCACHE = Path("/tmp/sdkwright-bench-pycache")
# Long enough for today's 3,000-operation and 50 MB runs to finish, so they can be reported.
TIMEOUT = 1800.0
MEASURE = REPO / "bench" / "measure.py"
STAGES = ("import", "load", "validate", "build", "render", "format", "gate",
          "write")

# Issue 9's targets.
RATIO_TARGET = 0.5
RSS_TARGET_MB = 300
LINEARITY_TARGET = 1.2
UNCHANGED_TARGET_S = 1.0
ONE_CHANGE_TARGET_S = 2.0
LARGE_TIME_TARGET_S = 120
LARGE_RSS_TARGET_MB = 1000

SDKWRIGHT, PEER_NAME, UNCHANGED, ONE_CHANGE = "sdkwright", "peer", "unchanged", "one-change"


@dataclass(frozen=True)
class Case:
    """One spec to generate, and how."""

    name: str
    path: Path
    kind: str  # "synthetic", "large", "real" or "small"
    fmt: str
    operations: int
    package: str
    client: str
    env_prefix: str
    changed: Path | None = None
    """The same spec with one operation's summary edited (synthetic specs only)."""


@dataclass
class Sample:
    """One process: its wall time, CPU time and peak RSS."""

    wall: float
    cpu: float
    rss_mb: float
    tree_rss_mb: float
    """The peak of the summed resident sets of the process and its descendants, sampled."""
    exit_code: int
    timed_out: bool
    summary: str = ""
    """What went wrong, when the process failed."""

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out


@dataclass
class Coverage:
    """What the peer wrote on the first run, against the spec's operations."""

    endpoints: int
    not_generated: int
    warnings: int
    first_warning: str


@dataclass
class Result:
    case: Case
    spec_bytes: int
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    coverage: Coverage | None = None
    split: dict[str, Any] | None = None

    def median(self, key: str, attr: str = "wall") -> float | None:
        """The median over the successful runs, None when none succeeded."""
        values = [getattr(s, attr) for s in self.samples.get(key, []) if s.ok]
        return statistics.median(values) if values else None

    def failure(self, key: str) -> str:
        failed = [s for s in self.samples.get(key, []) if not s.ok]
        if not failed:
            return ""
        first = failed[0]
        if first.timed_out:
            return f"killed after {TIMEOUT:.0f} s"
        return f"exit {first.exit_code}: {first.summary}"


@dataclass
class Check:
    target: str
    measured: str
    holds: str  # "yes", "no", "not measured" or "n/a"


# -- running a process ------------------------------------------------------------------------


def measured(cmd: list[str], env: dict[str, str], cwd: Path,
             timeout: float = TIMEOUT) -> tuple[Sample, str]:
    """Run `cmd` to its end through bench/measure.py (its docstring says why a process of its
    own); the numbers, and the command's output."""
    with tempfile.TemporaryDirectory(prefix="sdkwright-bench-log-") as tmp:
        log = Path(tmp) / "output"
        proc = subprocess.run([sys.executable, str(MEASURE), str(timeout), str(log), "--",
                               *cmd], env=env, cwd=cwd, capture_output=True, text=True,
                              check=True)
        output = log.read_text(encoding="utf-8", errors="replace")
    numbers = json.loads(proc.stdout)
    summary = failure_summary(output) if numbers["exit_code"] else ""
    return Sample(**numbers, summary=summary), output


def failure_summary(output: str) -> str:
    """The first lines of a failed command's output that say what went wrong: not its
    warnings, nor the peer's closing invitation to file an issue."""
    skipped = (": warning: ", "WARNING", "If you believe", "For further information")
    lines = [line.strip() for line in output.splitlines()
             if line.strip() and not any(mark in line for mark in skipped)]
    return " / ".join(lines[:3])[:240]


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SDKWRIGHT_", "PYTHONPATH", "VIRTUAL_ENV"))}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # let the prefix fill: later runs read it
    return env


def with_bin(env: dict[str, str], folder: Path) -> dict[str, str]:
    """`env` with `folder` first on PATH, as an activated venv has it: each tool finds its own
    helpers (the peer its ruff), never the other's."""
    return {**env, "PATH": f"{folder}{os.pathsep}{env.get('PATH', '')}"}


def run_sdkwright(python: Path, case: Case, spec: Path, out: Path, cache: Path) -> Sample:
    cmd = [str(python), "-m", "sdkwright", "generate", str(spec), "--out", str(out),
           "--package-name", case.package, "--client-name", case.client,
           "--env-prefix", case.env_prefix, "--quiet"]
    env = with_bin(base_env(), python.parent) | {"SDKWRIGHT_CACHE_DIR": str(cache)}
    sample, _ = measured(cmd, env, out.parent)
    return sample


def run_peer(spec: Path, out: Path) -> tuple[Sample, str]:
    cmd = [str(PEER), "generate", "--path", str(spec), "--output-path", str(out), "--overwrite"]
    return measured(cmd, with_bin(base_env(), PEER.parent), out.parent)


def ensure_venv() -> None:
    """Create the throwaway venv and pip-install openapi-python-client into it when missing."""
    if not VENV_PYTHON.exists():
        print(f"creating {VENV} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not PEER.exists() or not (VENV / "bin" / "ruff").exists():
        print(f"pip install openapi-python-client into {VENV} ...", file=sys.stderr, flush=True)
        subprocess.run(
            [str(VENV_PYTHON), "-m", "pip", "install", "-q", "openapi-python-client"],
            check=True)


# -- the peer's coverage ----------------------------------------------------------------------

WARNING_HEAD = re.compile(r"^(WARNING|ERROR)\b", re.MULTILINE)
NOT_GENERATED = re.compile(r"Endpoint will not be generated", re.IGNORECASE)


def peer_package(out: Path) -> Path | None:
    for child in sorted(out.iterdir()) if out.is_dir() else []:
        if child.is_dir() and (child / "client.py").is_file():
            return child
    return None


def peer_coverage(output: str, out: Path) -> Coverage:
    """The peer's endpoint modules in `out` (one per operation it generated) and its
    warnings in `output`."""
    heads = [line for line in output.splitlines() if WARNING_HEAD.match(line)]
    package = peer_package(out)
    api = package / "api" if package else None
    endpoints = (sum(1 for p in api.rglob("*.py") if p.name != "__init__.py")
                 if api and api.is_dir() else 0)
    return Coverage(endpoints, len(NOT_GENERATED.findall(output)), len(heads),
                    heads[0][:140] if heads else "")


# -- the specs --------------------------------------------------------------------------------


def read_spec(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # safe


def names_for(stem: str) -> tuple[str, str, str]:
    """Package, client class and environment prefix made from a file name."""
    words = re.findall(r"[a-z]+|[0-9]+", stem.lower())
    return "_".join(words), "".join(w.title() for w in words), "_".join(words).upper()


def file_case(path: Path, kind: str) -> Case:
    package, client, env_prefix = names_for(path.stem)
    return Case(path.name, path, kind, path.suffix.lstrip("."),
                synthetic.count_operations(read_spec(path)), package, client, env_prefix)


def shared_cases(names: tuple[str, ...], kind: str, notes: list[str]) -> list[Case]:
    found = []
    for name in names:
        path = SHARED_SPECS / name
        if path.is_file():
            found.append(file_case(path, kind))
        else:
            notes.append(f"{name}: not found in {SHARED_SPECS}; skipped")
    return found


def synthetic_case(folder: Path, base: dict[str, Any], operations: int, fmt: str,
                   kind: str = "synthetic") -> Case:
    """Write the spec of `operations` operations (and, for regeneration, the same spec with
    one summary edited) into `folder`."""
    doc = synthetic.synthetic_spec(operations, base)
    name = f"livestreams-{operations}"
    path = synthetic.write_spec(folder, doc, name, fmt)
    changed = (synthetic.write_spec(folder, synthetic.with_one_summary_changed(doc),
                                    f"{name}-changed", fmt) if kind == "synthetic" else None)
    return Case(path.name, path, kind, fmt, operations, "livestreams", "Livestreams",
                "LIVESTREAMS", changed)


def collect_cases(args: argparse.Namespace, formats: tuple[str, ...], folder: Path,
                  notes: list[str]) -> list[Case]:
    base = synthetic.load_livestream()
    cases = []
    if "synthetic" in args.sets:
        cases += [synthetic_case(folder, base, n, fmt) for fmt in formats for n in args.sizes]
    if "real" in args.sets:
        cases += shared_cases(REAL_SPECS, "real", notes)
    if "small" in args.sets:
        cases.append(file_case(synthetic.LIVESTREAM, "small"))
        cases += shared_cases(SMALL_SHARED_SPECS, "small", notes)
    if args.large:
        operations = synthetic.operations_for_size(LARGE_BYTES, formats[0], base)
        large = synthetic_case(folder, base, operations, formats[0], kind="large")
        nodes = synthetic.count_nodes(synthetic.synthetic_spec(operations, base))
        notes.append(f"{large.name}: {operations:,} operations, {nodes:,} YAML nodes")
        cases.append(large)
    return cases


# -- measuring --------------------------------------------------------------------------------


def measure(case: Case, python: Path, runs: int, work: Path) -> Result:
    """`runs` cold runs of both tools, alternating, each followed (synthetic specs) by an
    unchanged and a one-operation regeneration into the folder it filled."""
    result = Result(case, case.path.stat().st_size)
    for key in (SDKWRIGHT, PEER_NAME) + ((UNCHANGED, ONE_CHANGE) if case.changed else ()):
        result.samples[key] = []
    for i in range(runs):
        folder = work / f"run-{i}"
        folder.mkdir(parents=True)
        # A private copy, edited in place for the one-operation change, as a user would.
        spec = folder / case.path.name if case.changed else case.path
        if case.changed:
            shutil.copyfile(case.path, spec)
        # Not named `sdkwright`: in the working folder, that would shadow `-m sdkwright`.
        out, cache = folder / "out-sdkwright", folder / "cache"
        cold = run_sdkwright(python, case, spec, out, cache)
        peer, output = run_peer(spec, folder / "out-peer")
        result.samples[SDKWRIGHT].append(cold)
        result.samples[PEER_NAME].append(peer)
        if result.coverage is None:
            result.coverage = peer_coverage(output, folder / "out-peer")
        line = f"sdkwright {cold.wall:.2f} s, peer {peer.wall:.2f} s"
        if case.changed and cold.ok:
            unchanged = run_sdkwright(python, case, spec, out, cache)
            shutil.copyfile(case.changed, spec)
            one_change = run_sdkwright(python, case, spec, out, cache)
            result.samples[UNCHANGED].append(unchanged)
            result.samples[ONE_CHANGE].append(one_change)
            line += f", unchanged {unchanged.wall:.2f} s, one change {one_change.wall:.2f} s"
        shutil.rmtree(folder)
        print(f"{case.name} run {i + 1}/{runs}: {line}", file=sys.stderr, flush=True)
    return result


def warm_up(python: Path, folder: Path) -> None:
    """One untimed run of each tool, so that the bytecode cache is filled before timing."""
    case = synthetic_case(folder, synthetic.load_livestream(), 10, "json", kind="warm-up")
    run_sdkwright(python, case, case.path, folder / "warm-up-sdkwright", folder / "warm-cache")
    run_peer(case.path, folder / "warm-up-peer")


def run_split(python: Path, case: Case, work: Path, notes: list[str]) -> dict[str, Any] | None:
    """One cold sdkwright run of `case` in a fresh interpreter, timed stage by stage."""
    work.mkdir(parents=True, exist_ok=True)
    cmd = [str(python), str(REPO / "bench" / "stages.py"), str(case.path), str(work / "out"),
           case.package, case.client, case.env_prefix]
    env = base_env() | {"SDKWRIGHT_CACHE_DIR": str(work / "cache")}
    proc = subprocess.run(cmd, env=env, cwd=work, capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)
    if proc.returncode != 0:
        notes.append(f"{case.name}: stage split failed: {proc.stderr.strip()[-300:]}")
        return None
    split: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return split


# -- the machine ------------------------------------------------------------------------------

VERSIONS = """
import json, platform
from importlib import metadata
from pathlib import Path
import sdkwright
found = {"python": platform.python_version(), "location": str(Path(sdkwright.__file__).parent)}
for dist in ("sdkwright", "black", "ruff", "openapi-spec-validator", "pyyaml", "jinja2"):
    try:
        found[dist] = metadata.version(dist)
    except metadata.PackageNotFoundError:
        pass
print(json.dumps(found))
"""


def cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or platform.machine()
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else platform.machine()


def git_describe(folder: Path) -> str:
    proc = subprocess.run(["git", "-C", str(folder), "describe", "--always", "--dirty"],
                          capture_output=True, text=True, check=False)
    return proc.stdout.strip() if proc.returncode == 0 else "not a git checkout"


def machine_info(python: Path) -> dict[str, Any]:
    """The machine, and the versions of what runs on it."""
    proc = subprocess.run([str(python), "-c", VERSIONS], env=base_env(), capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"{python} cannot import sdkwright: {proc.stderr.strip()[-300:]}")
    sdk: dict[str, str] = json.loads(proc.stdout)
    peer_code = ("import json\nfrom importlib import metadata\nprint(json.dumps({p: "
                 "metadata.version(p) for p in ('openapi-python-client', 'ruff')}))")
    peer = json.loads(subprocess.run([str(VENV_PYTHON), "-c", peer_code], capture_output=True,
                                     text=True, check=True).stdout)
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "load_start": os.getloadavg(),
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "sdkwright": sdk,
        "commit": git_describe(Path(sdk["location"])),
        "peer": peer,
    }


def machine_line(info: dict[str, Any]) -> str:
    sdk, peer = info["sdkwright"], info["peer"]
    tools = ", ".join(f"{name} {sdk[name]}" for name in ("black", "ruff",
                                                         "openapi-spec-validator", "pyyaml")
                      if name in sdk)
    start, end = (" / ".join(f"{x:.2f}" for x in info[key]) for key in ("load_start",
                                                                        "load_end"))
    return (f"{info['cpu']}, {info['cores']} cores; load average (1/5/15 min) {start} at "
            f"start, {end} at end; Python {sdk['python']}; sdkwright {sdk['sdkwright']} "
            f"({sdk['location']}, {info['commit']}; {tools}); openapi-python-client "
            f"{peer['openapi-python-client']} (ruff {peer['ruff']}); {info['date']}")


# -- the report -------------------------------------------------------------------------------


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}x"


def per_op(result: Result, key: str) -> float | None:
    """Median wall time per operation, in milliseconds."""
    wall = result.median(key)
    return None if wall is None else wall * 1e3 / max(result.case.operations, 1)


def markdown(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def rss(result: Result, key: str) -> str:
    """Peak RSS of the largest process / sampled peak of the whole process tree, in MB."""
    largest, tree = result.median(key, "rss_mb"), result.median(key, "tree_rss_mb")
    return "—" if largest is None or tree is None else f"{largest:.0f} / {tree:.0f}"


def cold_row(result: Result) -> list[str]:
    case = result.case
    row = [f"`{case.name}`", case.kind, case.fmt, f"{case.operations:,}",
           f"{result.spec_bytes / 1e6:.2f}"]
    for key in (SDKWRIGHT, PEER_NAME):
        failed = result.failure(key)
        wall = result.median(key)
        row += [seconds(wall) if not failed or wall is not None else "failed",
                seconds(result.median(key, "cpu")), rss(result, key)]
    row += [times(ratio(result.median(SDKWRIGHT), result.median(PEER_NAME))),
            times(ratio(result.median(SDKWRIGHT, "cpu"), result.median(PEER_NAME, "cpu")))]
    row += [f"{value:.1f}" if value is not None else "—"
            for value in (per_op(result, SDKWRIGHT), per_op(result, PEER_NAME))]
    return row


COLD_HEADER = ["spec", "set", "format", "ops", "spec MB", "sdkwright s", "sdkwright CPU s",
               "sdkwright RSS MB (largest / tree)", "peer s", "peer CPU s",
               "peer RSS MB (largest / tree)", "ratio (wall)", "ratio (CPU)",
               "sdkwright ms/op", "peer ms/op"]


def rerun_rows(results: list[Result]) -> list[list[str]]:
    return [[f"`{r.case.name}`", f"{r.case.operations:,}", seconds(r.median(SDKWRIGHT)),
             seconds(r.median(UNCHANGED)), seconds(r.median(ONE_CHANGE)),
             seconds(r.median(UNCHANGED, "cpu")), seconds(r.median(ONE_CHANGE, "cpu"))]
            for r in results if r.samples.get(UNCHANGED)]


def coverage_rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for r in results:
        cov = r.coverage
        if cov is None:
            continue
        codes = sorted({s.exit_code for s in r.samples[PEER_NAME]})
        rows.append([f"`{r.case.name}`", f"{r.case.operations:,}", f"{cov.endpoints:,}",
                     f"{r.case.operations - cov.endpoints:,}", str(cov.not_generated),
                     str(cov.warnings), ",".join(map(str, codes)),
                     cov.first_warning.replace("|", "\\|") or "-"])
    return rows


def split_rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for r in results:
        if not r.split:
            continue
        stages = r.split["stages"]
        rows.append([f"`{r.case.name}`"] + [seconds(stages.get(s)) for s in STAGES]
                    + [seconds(sum(stages.values())), seconds(r.median(SDKWRIGHT)),
                       f"{r.split['files']:,} ({r.split['py_files']:,} .py)",
                       f"{r.split['bytes'] / 1e6:.1f}"])
    return rows


# -- issue 9's targets ------------------------------------------------------------------------


def find(results: list[Result], kind: str, operations: int | None = None,
         fmt: str | None = None, name: str | None = None) -> Result | None:
    for r in results:
        if (r.case.kind == kind and operations in (None, r.case.operations)
                and fmt in (None, r.case.fmt) and name in (None, r.case.name)):
            return r
    return None


def verdict(value: float | None, limit: float) -> str:
    """"yes" when `value` is within `limit`; a value that could not be measured because
    sdkwright failed does not meet it."""
    return "yes" if value is not None and value <= limit else "no"


def measured_check(target: str, result: Result | None,
                   judge: Callable[[Result], tuple[str, float | None]], limit: float) -> Check:
    """Judge `result` (the value that `judge` gives, against `limit`), or say why not."""
    if result is None:
        return Check(target, "—", "not measured")
    if result.failure(SDKWRIGHT) and result.median(SDKWRIGHT) is None:
        return Check(target, f"sdkwright failed ({result.failure(SDKWRIGHT)})", "no")
    shown, value = judge(result)
    return Check(target, shown, verdict(value, limit))


def ratio_check(target: str, result: Result | None) -> Check:
    def judge(r: Result) -> tuple[str, float | None]:
        mine, peer = r.median(SDKWRIGHT), r.median(PEER_NAME)
        value = ratio(mine, peer)
        shown = f"{times(value)} ({seconds(mine)} s against {seconds(peer)} s)"
        cov = r.coverage
        if cov and cov.endpoints < r.case.operations:
            shown += f"; the peer wrote {cov.endpoints:,} of {r.case.operations:,} operations"
        return shown, value

    if result is not None and result.median(PEER_NAME) is None:
        return Check(target, f"peer failed ({result.failure(PEER_NAME)})", "n/a")
    return measured_check(target, result, judge, RATIO_TARGET)


def value_check(target: str, result: Result | None, key: str, attr: str,
                limit: float) -> Check:
    """The median of `attr` ("wall" in s or "rss_mb" in MB) of the `key` runs, within `limit`.
    Memory is judged by the largest process, as ru_maxrss gives it; the tree's sum is shown."""
    def judge(r: Result) -> tuple[str, float | None]:
        value = r.median(key, attr)
        if value is None:
            return f"failed ({r.failure(key)})", None
        if attr == "wall":
            return f"{value:.2f} s", value
        tree = r.median(key, "tree_rss_mb") or 0
        return f"{value:.0f} MB ({tree:.0f} MB summed over its processes)", value

    return measured_check(target, result, judge, limit)


def linearity_check(target: str, at_1000: Result | None, at_3000: Result | None) -> Check:
    if at_1000 is None or at_3000 is None:
        return Check(target, "—", "not measured")
    low, high = per_op(at_1000, SDKWRIGHT), per_op(at_3000, SDKWRIGHT)
    value = ratio(high, low)
    if high is None or low is None or value is None:
        return Check(target, "sdkwright failed", "no")
    return Check(target, f"{value:.2f} ({high:.1f} against {low:.1f} ms/op)",
                 verdict(value, LINEARITY_TARGET))


def synthetic_checks(results: list[Result], fmt: str) -> Iterator[Check]:
    at_1000, at_3000 = (find(results, "synthetic", n, fmt) for n in (1000, 3000))
    yield ratio_check(f"cold ≤ {RATIO_TARGET}x the peer, 1,000 ops ({fmt})", at_1000)
    yield ratio_check(f"cold ≤ {RATIO_TARGET}x the peer, 3,000 ops ({fmt})", at_3000)
    yield value_check(f"peak RSS ≤ {RSS_TARGET_MB} MB, 3,000 ops ({fmt})", at_3000,
                      SDKWRIGHT, "rss_mb", RSS_TARGET_MB)
    yield linearity_check(f"ms/op at 3,000 ≤ {LINEARITY_TARGET}x ms/op at 1,000 ({fmt})",
                          at_1000, at_3000)
    yield value_check(f"unchanged rerun ≤ {UNCHANGED_TARGET_S:.0f} s, 1,000 ops ({fmt})",
                      at_1000, UNCHANGED, "wall", UNCHANGED_TARGET_S)
    yield value_check(f"one-operation change ≤ {ONE_CHANGE_TARGET_S:.0f} s, 1,000 ops ({fmt})",
                      at_1000, ONE_CHANGE, "wall", ONE_CHANGE_TARGET_S)


def targets(results: list[Result], formats: tuple[str, ...]) -> list[Check]:
    checks: list[Check] = []
    for fmt in formats:
        checks += synthetic_checks(results, fmt)
    checks += [ratio_check(f"`{name}`: cold ≤ {RATIO_TARGET}x the peer",
                           find(results, "real", name=name)) for name in REAL_SPECS]
    large = find(results, "large")
    checks.append(value_check(f"~50 MB spec within {LARGE_TIME_TARGET_S} s", large,
                              SDKWRIGHT, "wall", LARGE_TIME_TARGET_S))
    checks.append(value_check(f"~50 MB spec within {LARGE_RSS_TARGET_MB:,} MB", large,
                              SDKWRIGHT, "rss_mb", LARGE_RSS_TARGET_MB))
    return checks


def report(results: list[Result], checks: list[Check], info: dict[str, Any], runs: int,
           formats: tuple[str, ...], notes: list[str]) -> str:
    parts = [
        "# sdkwright generation benchmark",
        f"Machine: {machine_line(info)}.",
        f"Medians of {runs} run{'s' if runs > 1 else ''} per tool and spec (the ~50 MB spec: "
        "1 run), the tools alternating, each run a fresh process. Cold: empty output folder "
        "and empty SDKWRIGHT_CACHE_DIR. CPU: user + sys of the process and its children. "
        "RSS: peak resident set of the largest single process / sampled peak of the sum over "
        "the process and its children (shared pages counted in each). Ratios: sdkwright / "
        f"peer. ms/op: median wall time / operations. Synthetic specs: {' and '.join(formats)}.",
        "## Issue 9's targets",
        markdown(["target", "measured", "holds"],
                 [[c.target, c.measured, c.holds] for c in checks]),
        "## Cold generation",
        markdown(COLD_HEADER, [cold_row(r) for r in results]),
    ]
    reruns = rerun_rows(results)
    if reruns:
        parts += ["## Regeneration into the cold run's folder, with its cache",
                  markdown(["spec", "ops", "cold s", "unchanged s", "one-operation change s",
                            "unchanged CPU s", "one-operation CPU s"], reruns)]
    parts += ["## What the peer generated (first run)",
              markdown(["spec", "spec ops", "endpoint modules", "missing",
                        "'Endpoint will not be generated'", "WARNING/ERROR lines", "exit",
                        "first warning"], coverage_rows(results))]
    splits = split_rows(results)
    if splits:
        parts += ["## sdkwright stage by stage (one in-process cold run, s)",
                  markdown(["spec", *STAGES, "sum", "CLI cold s", "files", "output MB"],
                           splits)]
    failures = [f"{r.case.name}: {tool} {r.failure(key)}" for r in results
                for key, tool in ((SDKWRIGHT, "sdkwright"), (PEER_NAME, "peer"),
                                  (UNCHANGED, "unchanged rerun"),
                                  (ONE_CHANGE, "one-operation rerun"))
                if r.failure(key)]
    if notes or failures:
        parts.append("\n".join(f"- {note}" for note in notes + failures))
    return "\n\n".join(parts) + "\n"


def write_json(path: Path, results: list[Result], checks: list[Check],
               info: dict[str, Any], args: argparse.Namespace, notes: list[str]) -> None:
    data = {"machine": info, "arguments": vars(args), "targets": [asdict(c) for c in checks],
            "results": [asdict(r) for r in results], "notes": notes}
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")


# -- the command ------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3,
                        help="cold runs per tool and spec; the median is reported (default 3)")
    parser.add_argument("--format", choices=("json", "yaml", "both"), default="json",
                        help="format of the synthetic specs (default json: the peer reads "
                        "JSON with json.loads, YAML with pure-Python ruamel; sdkwright reads "
                        "both with libyaml)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES),
                        help="operations of the synthetic specs (multiples of 10; default "
                        "10 100 1000 3000)")
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS),
                        help="which specs to measure (default: all three sets)")
    parser.add_argument("--large", action="store_true",
                        help="also the ~50 MB synthetic spec (slow: one run per tool)")
    parser.add_argument("--split", action="store_true",
                        help="also one in-process run per spec, timed stage by stage")
    parser.add_argument("--python", type=Path, default=Path(sys.executable),
                        help="the interpreter whose sdkwright is measured (default: this one)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the raw numbers")
    parser.add_argument("--write-specs", type=Path, metavar="DIR",
                        help="only write the synthetic specs (and the ~50 MB one with "
                        "--large) into DIR, for profiling, and measure nothing")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    formats = synthetic.FORMATS if args.format == "both" else (args.format,)
    notes: list[str] = []
    if args.write_specs:
        args.write_specs.mkdir(parents=True, exist_ok=True)
        args.sets = ["synthetic"]
        for case in collect_cases(args, formats, args.write_specs, notes):
            print(case.path)
        return 0
    started = time.perf_counter()
    ensure_venv()
    PYCACHE.mkdir(parents=True, exist_ok=True)
    info = machine_info(args.python)
    with tempfile.TemporaryDirectory(prefix="sdkwright-bench-") as tmp:
        work = Path(tmp)
        (work / "specs").mkdir()
        warm_up(args.python, work)
        cases = collect_cases(args, formats, work / "specs", notes)
        results = [measure(case, args.python, 1 if case.kind == "large" else args.runs,
                           work / f"case-{i}") for i, case in enumerate(cases)]
        if args.split:
            for i, result in enumerate(results):
                if result.case.kind != "large":
                    result.split = run_split(args.python, result.case, work / f"split-{i}",
                                             notes)
    info["load_end"] = os.getloadavg()
    notes.append(f"benchmark time: {time.perf_counter() - started:.0f} s")
    checks = targets(results, formats)
    print(report(results, checks, info, args.runs, formats, notes))
    if args.json:
        write_json(args.json, results, checks, info, args, notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
