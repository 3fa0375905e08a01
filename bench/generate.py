"""Generation-speed benchmark: sdkwright vs. openapi-python-client, per operation.

Usage::

    python3 bench/generate.py [--runs N] [--split-runs M] [--only NAME ...]

Specs: spec/livestream.yaml and, when present, ../shared/specs/{oai-petstore-expanded.yaml,
redocly-museum.yaml, twilio-lookups-v2.json, box-platform-v2025.0.json, xero-payroll-uk.yaml}.

Both generators run as subprocesses and the whole command's wall time is taken (N runs,
median):

- sdkwright: ``python3 -m generator generate SPEC --out DIR --package-name P --client-name C
  --env-prefix E`` from the repository. sdkwright keeps black's output in a content cache
  (SDKWRIGHT_CACHE_DIR), so it is timed twice: "cold" (a new, empty cache folder for every
  run: a first generation) and "warm" (the cache the cold runs filled: a regeneration).
- openapi-python-client (pip-installed into /tmp/sdkwright-bench-venv when missing):
  ``openapi-python-client generate --path SPEC --output-path DIR --overwrite``, with the venv's
  bin/ on PATH for its ruff post-hooks. Its warnings are counted, and so are the endpoint
  modules it wrote (``<package>/api/**/*.py``) against the spec's operations.

Then sdkwright's time is split by stage in fresh interpreters (M runs, default 1, median,
cold cache):
import, load, bundle + $ref check, validate, build (IR), render (Jinja), format (black), write,
with the functions of generator/ that generator/pipeline.py and generator/cli.py chain.

Bytecode caches go to /tmp/sdkwright-bench-pycache, outputs to a temporary folder: nothing is
written into the repository. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED_SPECS = REPO.parent / "shared" / "specs"
SPEC_NAMES = ("oai-petstore-expanded.yaml", "redocly-museum.yaml", "twilio-lookups-v2.json",
              "box-platform-v2025.0.json", "xero-payroll-uk.yaml")
VENV = Path("/tmp/sdkwright-bench-venv")
VENV_PYTHON = VENV / "bin" / "python"
OPC = VENV / "bin" / "openapi-python-client"
PYCACHE = Path("/tmp/sdkwright-bench-pycache")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
TIMEOUT = 300.0

STAGES = ("import", "load", "bundle+refs", "validate", "build", "render", "format", "write")

# One cold generation in a fresh interpreter, timed stage by stage (argv: spec, out, package,
# client, env prefix). Mirrors generator.pipeline.generate + generator.cli._generate.
SPLIT = r"""
import time
t = time.perf_counter()
marks = {}

def lap(name):
    global t
    now = time.perf_counter()
    marks[name] = now - t
    t = now

import json, sys
from pathlib import Path
from sdkwright.build import Names, build
from sdkwright.bundle import bundle
from sdkwright.errors import SpecError
from sdkwright.format import format_files
from sdkwright.load import load
from sdkwright.assets import default_templates
from sdkwright.pipeline import readable_document
from sdkwright.render import render
from sdkwright.validate import problems
from sdkwright.write import write
lap("import")
spec, out = Path(sys.argv[1]), Path(sys.argv[2])
names = Names(sys.argv[3], sys.argv[4], sys.argv[5])
doc = load(spec)
lap("load")
readable = readable_document(bundle(doc))
if readable.errors:
    raise SpecError(readable.errors)
doc = readable.doc
lap("bundle+refs")
found = problems(doc)
lap("validate")
built = build(doc, names)
lap("build")
files = render(built.api, built.fixtures, default_templates())
lap("render")
files = format_files(files).files
lap("format")
write(files, out)
lap("write")
marks["files"] = len(files)
marks["chars"] = sum(len(text) for text in files.values())
marks["py_files"] = sum(1 for name in files if name.endswith(".py"))
print(json.dumps(marks))
"""


@dataclass
class Spec:
    path: Path
    operations: int
    package: str
    client: str
    env_prefix: str


@dataclass
class OpcResult:
    times: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    warnings: int = 0
    skipped_endpoints: int = 0
    endpoints: int = 0
    first_warning: str = ""


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SDKWRIGHT_", "PYTHONPATH"))}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # let the prefix fill: later runs read it
    env["PATH"] = f"{VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra or {})
    return env


def ensure_venv() -> None:
    """Create the throwaway venv and pip-install openapi-python-client into it when missing."""
    if not VENV_PYTHON.exists():
        print(f"creating {VENV} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not OPC.exists() or not (VENV / "bin" / "ruff").exists():
        print(f"pip install openapi-python-client into {VENV} ...", file=sys.stderr, flush=True)
        subprocess.run(
            [str(VENV_PYTHON), "-m", "pip", "install", "-q", "openapi-python-client"],
            check=True)


def versions() -> dict[str, str]:
    code = ("import json\nfrom importlib import metadata\n"
            "print(json.dumps({p: metadata.version(p) for p in "
            "('openapi-python-client', 'ruff')}))\n")
    out = subprocess.run([str(VENV_PYTHON), "-c", code], capture_output=True, text=True,
                         check=True).stdout
    found: dict[str, str] = json.loads(out)
    code = ("import json, black, jinja2, yaml\nfrom sdkwright import __version__\n"
            "print(json.dumps({'sdkwright': __version__, 'black': black.__version__, "
            "'jinja2': jinja2.__version__, 'pyyaml': yaml.__version__}))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=child_env(),
                         capture_output=True, text=True, check=True).stdout
    found |= json.loads(out)
    found["python"] = platform.python_version()
    return found


def load_spec(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # safe


def count_operations(doc: Any) -> int:
    paths = doc.get("paths") if isinstance(doc, dict) else None
    if not isinstance(paths, dict):
        return 0
    return sum(1 for item in paths.values() if isinstance(item, dict)
               for method in HTTP_METHODS if method in item)


def specs(only: list[str]) -> list[Spec]:
    found = [Spec(REPO / "spec" / "livestream.yaml", 0, "cloudflare_realtime", "Cloudflare",
                  "CLOUDFLARE")]
    for name in SPEC_NAMES:
        path = SHARED_SPECS / name
        if not path.is_file():
            print(f"skip {name}: not found in {SHARED_SPECS}", file=sys.stderr)
            continue
        words = re.findall(r"[a-z]+|[0-9]+", path.stem.lower())
        found.append(Spec(path, 0, "_".join(words), "".join(w.title() for w in words),
                          "_".join(words).upper()))
    if only:
        found = [s for s in found if s.path.name in only or s.path.stem in only]
    for spec in found:
        spec.operations = count_operations(load_spec(spec.path))
    return found


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)
    return time.perf_counter() - start, proc.returncode, proc.stdout + proc.stderr


def sdkwright_cmd(spec: Spec, out: Path) -> list[str]:
    return [sys.executable, "-m", "sdkwright", "generate", str(spec.path), "--out", str(out),
            "--package-name", spec.package, "--client-name", spec.client,
            "--env-prefix", spec.env_prefix]


def run_sdkwright(spec: Spec, work: Path, runs: int) -> tuple[list[float], list[float], str]:
    """Cold (empty black cache every run) and warm (cache filled) wall times."""
    cache = work / "cache"
    cold: list[float] = []
    warm: list[float] = []
    note = ""
    for i in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        out = work / f"sdkwright-cold-{i}"
        took, code, text = timed(sdkwright_cmd(spec, out),
                                 child_env({"SDKWRIGHT_CACHE_DIR": str(cache)}), REPO)
        if code != 0:
            note = f"sdkwright exit {code}: {text.strip().splitlines()[-1:]}"
        cold.append(took)
    for i in range(runs):
        out = work / f"sdkwright-warm-{i}"
        took, _, _ = timed(sdkwright_cmd(spec, out),
                           child_env({"SDKWRIGHT_CACHE_DIR": str(cache)}), REPO)
        warm.append(took)
    return cold, warm, note


def opc_package(out: Path) -> Path | None:
    for child in sorted(out.iterdir()) if out.is_dir() else []:
        if child.is_dir() and (child / "client.py").is_file():
            return child
    return None


WARNING_HEAD = re.compile(r"^(WARNING|ERROR)\b", re.MULTILINE)
SKIPPED = re.compile(r"Endpoint will not be generated", re.IGNORECASE)


def run_opc(spec: Spec, work: Path, runs: int) -> OpcResult:
    result = OpcResult()
    for i in range(runs):
        out = work / f"opc-{i}"
        cmd = [str(OPC), "generate", "--path", str(spec.path), "--output-path", str(out),
               "--overwrite"]
        took, code, text = timed(cmd, child_env(), work)
        result.times.append(took)
        result.exit_codes.append(code)
        if i == 0:
            result.warnings = len(WARNING_HEAD.findall(text))
            result.skipped_endpoints = len(SKIPPED.findall(text))
            heads = [line for line in text.splitlines() if WARNING_HEAD.match(line)]
            result.first_warning = heads[0][:140] if heads else ""
            pkg = opc_package(out)
            api = pkg / "api" if pkg else None
            result.endpoints = (sum(1 for p in api.rglob("*.py") if p.name != "__init__.py")
                                if api and api.is_dir() else 0)
    return result


def run_split(spec: Spec, work: Path, runs: int) -> dict[str, float]:
    marks: list[dict[str, float]] = []
    for i in range(runs):
        cache = work / f"split-cache-{i}"
        out = work / f"split-{i}"
        proc = subprocess.run(
            [sys.executable, "-c", SPLIT, str(spec.path), str(out), spec.package, spec.client,
             spec.env_prefix],
            cwd=REPO, env=child_env({"SDKWRIGHT_CACHE_DIR": str(cache)}), capture_output=True,
            text=True, timeout=TIMEOUT, check=False)
        if proc.returncode != 0:
            print(f"split failed for {spec.path.name}: {proc.stderr.strip()[-300:]}",
                  file=sys.stderr)
            return {}
        marks.append(json.loads(proc.stdout))
    return {key: statistics.median(m[key] for m in marks) for key in marks[0]}


def linear_fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Intercept and slope of the least-squares line through (operations, seconds)."""
    if len({n for n, _ in points}) < 2:
        return float("nan"), float("nan")
    slope, intercept = statistics.linear_regression([float(n) for n, _ in points],
                                                     [t for _, t in points])
    return intercept, slope


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per generator and spec")
    parser.add_argument("--split-runs", type=int, default=1,
                        help="runs of the in-process stage split (0: skip); 1 keeps the "
                        "whole benchmark under 5 minutes on 2 cores")
    parser.add_argument("--only", nargs="*", default=[], help="spec file names or stems")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    ensure_venv()
    PYCACHE.mkdir(parents=True, exist_ok=True)
    found = specs(args.only)
    vers = versions()
    # One untimed run of each tool first: byte-compiles into the pycache prefix.
    with tempfile.TemporaryDirectory(prefix="sdkwright-bench-gen-") as tmp:
        warm_up = found[0]
        timed(sdkwright_cmd(warm_up, Path(tmp) / "s"),
              child_env({"SDKWRIGHT_CACHE_DIR": str(Path(tmp) / "c")}), REPO)
        timed([str(OPC), "generate", "--path", str(warm_up.path), "--output-path",
               str(Path(tmp) / "o"), "--overwrite"], child_env(), Path(tmp))

    main_rows: list[list[str]] = []
    opc_rows: list[list[str]] = []
    split_rows: list[list[str]] = []
    notes: list[str] = []
    points: dict[str, list[tuple[int, float]]] = {"cold": [], "warm": [], "opc": []}
    for spec in found:
        print(f"{spec.path.name}: {spec.operations} operations ...", file=sys.stderr,
              flush=True)
        with tempfile.TemporaryDirectory(prefix="sdkwright-bench-gen-") as tmp:
            work = Path(tmp)
            cold, warm, note = run_sdkwright(spec, work, args.runs)
            opc = run_opc(spec, work, args.runs)
            split = run_split(spec, work, args.split_runs) if args.split_runs else {}
        if note:
            notes.append(f"{spec.path.name}: {note}")
        ops = max(spec.operations, 1)
        c, w, o = (statistics.median(x) for x in (cold, warm, opc.times))
        for key, value in (("cold", c), ("warm", w), ("opc", o)):
            points[key].append((spec.operations, value))
        main_rows.append([
            f"`{spec.path.name}`", str(spec.operations),
            ms(c), f"{c * 1e3 / ops:.1f}",
            ms(w), f"{w * 1e3 / ops:.1f}",
            ms(o), f"{o * 1e3 / ops:.1f}",
            f"{c / o:.2f}x", f"{w / o:.2f}x",
        ])
        codes = sorted(set(opc.exit_codes))
        opc_rows.append([
            f"`{spec.path.name}`", str(spec.operations), str(opc.endpoints),
            str(spec.operations - opc.endpoints), str(opc.skipped_endpoints),
            str(opc.warnings), ",".join(map(str, codes)),
            opc.first_warning.replace("|", "\\|") or "-",
        ])
        if split:
            stages = sum(split[s] for s in STAGES)
            split_rows.append(
                [f"`{spec.path.name}`"] + [ms(split[s]) for s in STAGES]
                + [ms(stages), ms(c), f"{split['format'] / stages:.0%}",
                   f"{int(split['files'])} ({int(split['py_files'])} .py)",
                   f"{split['chars'] / 1e3:.0f}k"])

    total_ops = max(sum(n for n, _ in points["cold"]), 1)
    sums = {key: sum(t for _, t in pts) for key, pts in points.items()}
    main_rows.append([
        "**all**", str(total_ops),
        ms(sums["cold"]), f"{sums['cold'] * 1e3 / total_ops:.1f}",
        ms(sums["warm"]), f"{sums['warm'] * 1e3 / total_ops:.1f}",
        ms(sums["opc"]), f"{sums['opc'] * 1e3 / total_ops:.1f}",
        f"{sums['cold'] / sums['opc']:.2f}x", f"{sums['warm'] / sums['opc']:.2f}x",
    ])
    fit_rows = []
    labels = {"cold": "sdkwright, cold cache", "warm": "sdkwright, warm cache",
              "opc": "openapi-python-client"}
    for key, label in labels.items():
        fixed, per_op = linear_fit(points[key])
        fit_rows.append([label, ms(fixed), f"{per_op * 1e3:.1f}"])

    print("# sdkwright generation benchmark\n")
    print(f"- machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(f"- sdkwright {vers['sdkwright']} (Python {vers['python']}, black {vers['black']}, "
          f"jinja2 {vers['jinja2']}, PyYAML {vers['pyyaml']}) vs. openapi-python-client "
          f"{vers['openapi-python-client']} (ruff {vers['ruff']}, in {VENV})")
    print(f"- whole-command wall time, {args.runs} runs, median; ms/op = total / the spec's "
          "operations; ratio = sdkwright / openapi-python-client\n")
    print("## Wall time per spec\n")
    print(table(["spec", "ops", "sdkwright cold ms", "cold ms/op", "sdkwright warm-cache ms",
                 "warm ms/op", "openapi-python-client ms", "opc ms/op", "cold ratio",
                 "warm ratio"], main_rows))
    print("\n## What openapi-python-client generated (first run)\n")
    print(table(["spec", "spec ops", "endpoint modules written", "missing",
                 "'Endpoint will not be generated'", "WARNING/ERROR lines", "exit",
                 "first warning"], opc_rows))
    if len(points["cold"]) >= 3:
        print("\n## Fixed cost and marginal cost per operation (least-squares line through "
              "the specs' medians; rough: the specs differ in more than their size)\n")
        print(table(["generator", "fixed ms (intercept)", "marginal ms/op (slope)"],
                    fit_rows))
    if split_rows:
        print(f"\n## sdkwright in-process split (fresh interpreter, empty black cache, "
              f"{args.split_runs} runs, median ms)\n")
        print(table(["spec", *STAGES, "sum", "CLI wall (cold)", "format share", "files",
                     "chars"], split_rows))
    for note in notes:
        print(f"\n- {note}")
    print(f"\n_total benchmark time: {time.perf_counter() - started:.0f} s_")
    return 0


if __name__ == "__main__":
    sys.exit(main())
