"""Runtime benchmark: sdkwright's generated client vs. the Stainless ``cloudflare`` SDK vs. httpx.

Usage::

    python3 bench/runtime.py [--requests N] [--rounds R] [--import-runs K]

What is measured, all against a local HTTP/1.1 keep-alive server on 127.0.0.1 (a separate
process, so that it does not share the client's GIL) that answers
``POST .../meetings/{meeting_id}/livestreams`` with the example JSON of
``start_livestreaming_a_meeting`` in spec/livestream.yaml:

1. Per-request wall time of N sequential calls (after a warm-up), R rounds, the three clients
   interleaved round by round: (a) ``httpx.Client.post`` + ``json.loads`` (the baseline),
   (b) the generated ``cloudflare_realtime.Cloudflare`` (PYTHONPATH=generated), and (c) the
   Stainless-generated ``cloudflare`` SDK from PyPI, both calling
   ``client.realtime_kit.livestreams.start_livestreaming_a_meeting(...)``.
2. Cold import time: ``python -c "import X"`` in fresh interpreters, K runs each, median, minus
   the median of ``python -c "pass"``.
3. A fresh process that imports, builds a client and makes one call: time to first response
   and peak RSS (``resource.getrusage``).

Every measured process runs the same interpreter (the throwaway venv
/tmp/sdkwright-bench-venv, where ``cloudflare`` is pip-installed when missing), so httpx and
pydantic are the same versions for all three clients. Bytecode caches go to
/tmp/sdkwright-bench-pycache (PYTHONPYCACHEPREFIX), so nothing is written into the repository.
Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "spec" / "livestream.yaml"
GENERATED = REPO / "generated"
VENV = Path("/tmp/sdkwright-bench-venv")
VENV_PYTHON = VENV / "bin" / "python"
PYCACHE = Path("/tmp/sdkwright-bench-pycache")
OPERATION_ID = "start_livestreaming_a_meeting"
BASE_PATH = "/client/v4"  # the spec's server path, kept so both SDKs build the same URLs

ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353"
APP_ID = "app_id"
MEETING_ID = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"
TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY"

LABEL_STDLIB = "(floor) stdlib http.client + json.loads"
LABEL_HTTPX = "httpx.Client.post + json.loads"
LABEL_OURS = "sdkwright `cloudflare_realtime`"
LABEL_STAINLESS = "Stainless `cloudflare` (PyPI)"

# --------------------------------------------------------------------------------------
# The server: asyncio, one connection at a time is all it needs (requests are sequential),
# HTTP/1.1 keep-alive, a canned answer. Stops when its stdin closes.
SERVER = r"""
import asyncio, re, sys

body = open(sys.argv[1], "rb").read()
route = re.compile(sys.argv[2].encode())
OK = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
      b"content-length: " + str(len(body)).encode() + b"\r\nconnection: keep-alive\r\n\r\n" + body)
MISSING = b'{"success": false, "errors": [{"code": 7003, "message": "No route"}]}'
NOT_FOUND = (b"HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\n"
             b"content-length: " + str(len(MISSING)).encode() + b"\r\n\r\n" + MISSING)


async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            method, target, _ = lines[0].split(b" ", 2)
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length:
                await reader.readexactly(length)
            path = target.split(b"?", 1)[0]
            writer.write(OK if method == b"POST" and route.fullmatch(path) else NOT_FOUND)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    server.close()


asyncio.run(main())
"""

# --------------------------------------------------------------------------------------
# The client side, run in the venv: argv = base_url, n, rounds, warmup.
COMMON = r"""
import json, sys
import httpx

ACCOUNT_ID, APP_ID, MEETING_ID, TOKEN = %(ids)r
PATH = f"/accounts/{ACCOUNT_ID}/realtime/kit/{APP_ID}/meetings/{MEETING_ID}/livestreams"
BODY = {"name": "prdmmp-xhycsl", "video_config": {"height": 720, "width": 1280}}
EXPECTED_ID = %(expected_id)r


def make(kind, base):
    if kind == "stdlib":
        import http.client, urllib.parse

        url = urllib.parse.urlsplit(base)
        conn = http.client.HTTPConnection(url.hostname, url.port)
        full = url.path + PATH
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

        def call():
            conn.request("POST", full, body=json.dumps(BODY).encode(), headers=headers)
            return json.loads(conn.getresponse().read())["data"]["id"]

        return call
    if kind == "httpx":
        http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {TOKEN}"})

        def call():
            return json.loads(http.post(PATH, json=BODY).content)["data"]["id"]

        return call
    if kind == "ours":
        import cloudflare_realtime

        client = cloudflare_realtime.Cloudflare(api_token=TOKEN, base_url=base)
    else:
        import cloudflare

        client = cloudflare.Cloudflare(api_token=TOKEN, base_url=base)
    method = client.realtime_kit.livestreams.start_livestreaming_a_meeting

    def call():
        return method(MEETING_ID, account_id=ACCOUNT_ID, app_id=APP_ID, name=BODY["name"],
                      video_config=BODY["video_config"]).data.id

    return call
"""

TIMING = r"""
import gc, time

base, n, rounds, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
kinds = ["stdlib", "httpx", "ours", "stainless"]
calls = {k: make(k, base) for k in kinds}
for kind, call in calls.items():
    got = call()
    if got != EXPECTED_ID:
        raise SystemExit(f"{kind}: unexpected response {got!r}")
    for _ in range(warmup):
        call()
result = {k: {"means": [], "samples": []} for k in kinds}
clock = time.perf_counter_ns
for r in range(rounds):
    order = kinds[r % 4:] + kinds[:r % 4]  # rotate, so no client always runs first
    for kind in order:
        call = calls[kind]
        samples = [0] * n
        gc.collect()
        start = clock()
        for i in range(n):
            t0 = clock()
            call()
            samples[i] = clock() - t0
        result[kind]["means"].append((clock() - start) / n)
        result[kind]["samples"].extend(samples)
print(json.dumps(result))
"""

FIRST_CALL = r"""
import resource
kind, base = sys.argv[1], sys.argv[2]
call = make(kind, base)
t1 = time.perf_counter()
if call() != EXPECTED_ID:
    raise SystemExit("unexpected response")
t2 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"setup": t1 - T0, "call": t2 - t1, "rss_kib": rss}))
"""

RSS_ONLY = r"""
import json, resource
print(json.dumps({"rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CLOUDFLARE_") and "proxy" not in k.lower()}
    env["PYTHONPATH"] = str(GENERATED)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["NO_PROXY"] = "127.0.0.1,localhost"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def ensure_venv() -> None:
    """Create the throwaway venv and pip-install the Stainless SDK into it when missing."""
    if not VENV_PYTHON.exists():
        print(f"creating {VENV} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(VENV_PYTHON), "-c", "import cloudflare, httpx, pydantic"],
                           capture_output=True, check=False)
    if probe.returncode != 0:
        print(f"pip install cloudflare into {VENV} ...", file=sys.stderr, flush=True)
        subprocess.run([str(VENV_PYTHON), "-m", "pip", "install", "-q", "cloudflare"],
                       check=True)


def venv_versions() -> dict[str, str]:
    code = (
        "import json, platform, sys\n"
        "from importlib import metadata\n"
        "import cloudflare_realtime\n"
        "v = {p: metadata.version(p) for p in ('cloudflare', 'httpx', 'pydantic')}\n"
        "v['cloudflare_realtime'] = cloudflare_realtime.__version__\n"
        "v['python'] = platform.python_version()\n"
        "print(json.dumps(v))\n"
    )
    out = subprocess.run([str(VENV_PYTHON), "-c", code], env=child_env(), capture_output=True,
                         text=True, check=True).stdout
    versions: dict[str, str] = json.loads(out)
    return versions


def sdkwright_version() -> str:
    sys.path.insert(0, str(REPO))
    try:
        from sdkwright import __version__

        return str(__version__)
    finally:
        sys.path.remove(str(REPO))


def find_operation(spec: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    for path, item in spec["paths"].items():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == OPERATION_ID:
                return path, op
    raise SystemExit(f"{SPEC}: no operation {OPERATION_ID}")


def example_body(op: dict[str, Any]) -> Any:
    content = op["responses"]["200"]["content"]["application/json"]
    if "example" in content:
        return content["example"]
    examples = content.get("examples") or {}
    for example in examples.values():
        if isinstance(example, dict) and "value" in example:
            return example["value"]
    raise SystemExit(f"{SPEC}: {OPERATION_ID} has no 200 example")


def route_regex(path: str) -> str:
    return re.escape(BASE_PATH) + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path))


class Server:
    def __init__(self, body: bytes, route: str, workdir: Path) -> None:
        body_file = workdir / "body.json"
        body_file.write_bytes(body)
        self.proc = subprocess.Popen(
            [str(VENV_PYTHON), "-c", SERVER, str(body_file), route],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=child_env())
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{BASE_PATH}"

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def client_code(body: str, expected_id: str) -> str:
    """COMMON + body; the clock T0 starts before anything is imported."""
    ids = (ACCOUNT_ID, APP_ID, MEETING_ID, TOKEN)
    common = COMMON % {"ids": ids, "expected_id": expected_id}
    return "import time\nT0 = time.perf_counter()\n" + common + body


def run_json(code: str, *args: str, timeout: float = 600) -> Any:
    proc = subprocess.run([str(VENV_PYTHON), "-c", code, *args], env=child_env(),
                          capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


def wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([str(VENV_PYTHON), "-c", code], env=child_env(), check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def percentile(values: list[int], q: float) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, int(q * len(ordered)))])


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def bench_requests(base_url: str, expected_id: str, n: int, rounds: int) -> str:
    code = client_code(TIMING, expected_id)
    data = run_json(code, base_url, str(n), str(rounds), str(max(200, n // 10)))
    names = {"stdlib": LABEL_STDLIB, "httpx": LABEL_HTTPX, "ours": LABEL_OURS,
             "stainless": LABEL_STAINLESS}
    base = statistics.median(data["httpx"]["means"])
    base_p50 = statistics.median(data["httpx"]["samples"])
    rows = []
    for kind, label in names.items():
        means = data[kind]["means"]
        samples = data[kind]["samples"]
        med = statistics.median(means)
        p50 = statistics.median(samples)
        rows.append([
            label,
            f"{med / 1e6:.3f}",
            f"{min(means) / 1e6:.3f}-{max(means) / 1e6:.3f}",
            f"{p50 / 1e6:.3f}",
            f"{percentile(samples, 0.99) / 1e6:.3f}",
            f"{med / base:.2f}x",
            f"{p50 / base_p50:.2f}x",
            f"{(med - base) / 1e3:+.0f}",
        ])
    header = ["client", "ms/request (median of rounds)", "round range", "p50 ms", "p99 ms",
              "ratio vs httpx", "p50 ratio", "overhead vs httpx (µs)"]
    return table(header, rows)


def bench_imports(runs: int) -> str:
    modules = [("httpx", "httpx"), ("pydantic", "pydantic"),
               ("cloudflare_realtime", "cloudflare_realtime (sdkwright)"),
               ("cloudflare", "cloudflare (Stainless)")]
    codes = {"pass": "pass"} | {mod: f"import {mod}" for mod, _ in modules}
    for code in codes.values():  # warm-up: byte-compile into the pycache prefix
        wall(code)
    times: dict[str, list[float]] = {key: [] for key in codes}
    for _ in range(runs):
        for key, code in codes.items():  # interleaved, so drift hits all alike
            times[key].append(wall(code))
    empty = statistics.median(times["pass"])
    httpx_ms = (statistics.median(times["httpx"]) - empty) * 1e3
    rows = [["`python -c pass` (subtracted)", f"{empty * 1e3:.1f}", "", ""]]
    for mod, label in modules:
        med = (statistics.median(times[mod]) - empty) * 1e3
        spread = [(t - empty) * 1e3 for t in times[mod]]
        rows.append([f"`import {mod}` — {label}", f"{med:.1f}",
                     f"{min(spread):.1f}-{max(spread):.1f}", f"{med / httpx_ms:.2f}x"])
    return table(["what", "import ms (median)", "range", "ratio vs httpx"], rows)


def bench_first_call(base_url: str, expected_id: str, runs: int) -> str:
    code = client_code(FIRST_CALL, expected_id)
    baseline = run_json(RSS_ONLY)["rss_kib"]
    rows = [["`python -c pass`", "", "", "", f"{baseline / 1024:.1f}"]]
    labels = {"httpx": LABEL_HTTPX, "ours": LABEL_OURS, "stainless": LABEL_STAINLESS}
    results: dict[str, list[dict[str, float]]] = {k: [] for k in labels}
    for _ in range(runs):
        for kind in labels:
            results[kind].append(run_json(code, kind, base_url))
    for kind, label in labels.items():
        res = results[kind]
        setup = statistics.median(r["setup"] for r in res) * 1e3
        call = statistics.median(r["call"] for r in res) * 1e3
        rss = statistics.median(r["rss_kib"] for r in res) / 1024
        rows.append([label, f"{setup:.1f}", f"{call:.1f}", f"{setup + call:.1f}", f"{rss:.1f}"])
    header = ["client", "import + build client ms", "1st call ms", "total ms",
              "peak RSS MiB (import + 1 call)"]
    return table(header, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per round")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--import-runs", type=int, default=15)
    parser.add_argument("--first-call-runs", type=int, default=5)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    ensure_venv()
    PYCACHE.mkdir(parents=True, exist_ok=True)
    versions = venv_versions()
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    path, op = find_operation(spec)
    example = example_body(op)
    expected_id = str(example["data"]["id"])

    workdir = PYCACHE.parent / "sdkwright-bench-runtime"
    workdir.mkdir(parents=True, exist_ok=True)
    server = Server(json.dumps(example).encode(), route_regex(path), workdir)
    try:
        requests_table = bench_requests(server.base_url, expected_id, args.requests,
                                        args.rounds)
        first_call_table = bench_first_call(server.base_url, expected_id,
                                            args.first_call_runs)
    finally:
        server.close()
    import_table = bench_imports(args.import_runs)

    print("# sdkwright runtime benchmark\n")
    print(f"- machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(f"- interpreter for every measured process: {VENV_PYTHON} (Python "
          f"{versions['python']})")
    print(f"- measured: cloudflare_realtime {versions['cloudflare_realtime']} (generated by "
          f"sdkwright {sdkwright_version()}, PYTHONPATH={GENERATED}), cloudflare "
          f"{versions['cloudflare']} (Stainless, PyPI), httpx {versions['httpx']}, "
          f"pydantic {versions['pydantic']}")
    print(f"- both SDKs call `client.realtime_kit.livestreams.{OPERATION_ID}(...)` "
          f"(POST {BASE_PATH}{path}); server: asyncio HTTP/1.1 keep-alive on 127.0.0.1, "
          "separate process, answers the spec's example JSON\n")
    print(f"## Per request ({args.requests} sequential requests x {args.rounds} rounds, "
          "after warm-up; clients interleaved)\n")
    print(requests_table)
    print(f"\n## Cold import (fresh interpreter, {args.import_runs} runs, median, minus "
          "`python -c pass`)\n")
    print(import_table)
    print(f"\n## Fresh process: import + client + one call ({args.first_call_runs} runs, "
          "median)\n")
    print(first_call_table)
    print(f"\n_total benchmark time: {time.perf_counter() - started:.0f} s_")
    return 0


if __name__ == "__main__":
    sys.exit(main())
