"""Run a Prism mock server (``@stoplight/prism-cli``) for contract tests.

Prism is installed per repository into the git-ignored folder ``.tools/prism``::

    npm install --prefix .tools/prism --no-audit --no-fund @stoplight/prism-cli@5.14.2

Tests call :func:`skip_reason` to skip when Prism cannot run, and
:func:`run_prism` to get the base URL of a mock server for one spec.

Findings for Prism 5.16.0 and 5.14.2, which is pinned because it supports node 20
(``prism mock SPEC -h 127.0.0.1 -p PORT --errors``):

* Requests are always validated in mock mode; no flag is needed to turn that
  on (and none exists to turn it off). Invalid requests never get a 2xx:

  - missing or wrong-scheme credentials for a secured operation -> 401. Prism
    uses the operation's documented 401 response if there is one; otherwise it
    generates a problem+json ``#UNAUTHORIZED`` body with
    ``WWW-Authenticate: Bearer``. Security is checked before parameters.
  - wrong type of path/query parameter, missing required query parameter,
    missing required body, wrong body type, or a missing required property
    -> 422 problem+json ``#UNPROCESSABLE_ENTITY`` with a ``validation`` list.
    If the operation documents a 400 response, Prism returns 400 and its
    example instead. If it has only a ``default`` response, Prism returns 422
    with the ``default`` example.
  - an unsupported ``Content-Type`` -> 415. An unknown path -> 404
    ``#NO_PATH_MATCHED_ERROR``.
  - undeclared extra query parameters are *not* rejected.

* A valid request gets the documented example for the lowest 2xx response
  (static mode; we never pass ``--dynamic``). The request header
  ``Prefer: code=NNN`` picks another documented response.

* ``--errors`` affects only *response* validation. With it, an example that
  does not match its own schema becomes a 500 problem+json ``#VIOLATIONS``.
  Without it, Prism serves the invalid example with a 2xx. We pass it so that a
  broken spec example fails loudly.

* Caveat: 5.16.0 declares ``engines.node >=24.18.0``. On node 20 it works for
  all of the above, but a body that is not valid JSON is never answered: the
  connection hangs until the client times out. 5.14.2, the newest release that
  supports node 18/20, answers 400 ``invalid_json``. Always use client timeouts.

* Prism starts listening in about 1 s. It logs every request, so its output
  goes to a temporary file, not a pipe that nobody reads (a full pipe would
  block it). That output is included in the error when startup fails.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
import yaml

__all__ = [
    "INSTALL_COMMAND",
    "PRISM_DIR",
    "PRISM_FLAGS",
    "PRISM_VERSION",
    "PrismError",
    "prism_executable",
    "require_prism",
    "run_prism",
    "skip_reason",
]

PRISM_VERSION = "5.14.2"
REPO_ROOT = Path(__file__).resolve().parent.parent
PRISM_DIR = REPO_ROOT / ".tools" / "prism"
INSTALL_COMMAND = (
    f"npm install --prefix .tools/prism --no-audit --no-fund @stoplight/prism-cli@{PRISM_VERSION}"
)
# Extra flags for ``prism mock``: see the module docstring.
PRISM_FLAGS: tuple[str, ...] = ("--errors",)
DYNAMIC_SEED = "sdkwright"
HOST = "127.0.0.1"
STARTUP_TIMEOUT = 60.0
SHUTDOWN_TIMEOUT = 10.0


class PrismError(RuntimeError):
    """Prism could not be started."""


def prism_executable() -> Path | None:
    """Return the installed ``node_modules/.bin/prism``, or None if missing."""
    exe = PRISM_DIR / "node_modules" / ".bin" / "prism"
    return exe if exe.is_file() else None


def _installed_version() -> str | None:
    package_json = PRISM_DIR / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    try:
        data = json.loads(package_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = data.get("version") if isinstance(data, dict) else None
    return version if isinstance(version, str) else None


def skip_reason() -> str | None:
    """Explain in one sentence why Prism cannot run here, or return None if it can."""
    if os.name != "posix":
        return "Prism contract tests need a POSIX system (process groups)."
    if prism_executable() is None:
        hint = "" if shutil.which("npm") else " (npm not found)"
        return f"Prism is not installed: run `{INSTALL_COMMAND}`{hint}"
    if shutil.which("node") is None:
        return "Prism is installed in .tools/prism but `node` is not on PATH."
    installed = _installed_version()
    if installed != PRISM_VERSION:
        return (
            f"Prism {installed or '(unknown version)'} is installed in .tools/prism but "
            f"{PRISM_VERSION} is expected: run `{INSTALL_COMMAND}`"
        )
    return None


def require_prism() -> None:
    """Skip the calling test when Prism cannot run; fail it instead under
    SDKWRIGHT_REQUIRE_PRISM=1 (CI), where a silent skip would hide a broken install."""
    reason = skip_reason()
    if reason is None:
        return
    if os.environ.get("SDKWRIGHT_REQUIRE_PRISM") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _read_log(log: IO[bytes]) -> str:
    log.flush()
    log.seek(0)
    return log.read().decode("utf-8", errors="replace")


def _accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate Prism's whole process group, escalating to SIGKILL."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            continue
        return


@contextlib.contextmanager
def run_prism(
    spec: Path, *, timeout: float = STARTUP_TIMEOUT, dynamic: bool = False
) -> Iterator[str]:
    """Mock ``spec`` with Prism and yield its base URL, e.g. ``http://127.0.0.1:41234``.

    Raises :class:`PrismError`, with Prism's output, if Prism is not installed,
    exits early, or does not accept connections within ``timeout`` seconds.
    Prism and its children are always terminated on exit.
    """
    exe = prism_executable()
    if exe is None:
        raise PrismError(skip_reason() or "Prism is not installed")
    with tempfile.TemporaryDirectory() as folder:
        readable = _readable_by_prism(spec, Path(folder))
        with _serve(exe, readable, timeout=timeout, dynamic=dynamic) as url:
            yield url


def _readable_by_prism(spec: Path, folder: Path) -> Path:
    """`spec`, or the same document as JSON in `folder` when it is YAML with mapping keys that
    are not strings (`200:` unquoted, as in Vimeo's spec): Prism's YAML parser refuses those,
    where OpenAPI tools read them as text. Multi-file specs are served as they are."""
    if spec.suffix not in (".yaml", ".yml"):
        return spec
    data = yaml.safe_load(spec.read_text("utf-8"))
    if not _has_other_keys(data) or _has_file_refs(data):
        return spec
    converted = folder / f"{spec.stem}.json"
    converted.write_text(json.dumps(data, default=str), "utf-8")
    return converted


def _has_other_keys(node: object) -> bool:
    if isinstance(node, dict):
        return any(not isinstance(k, str) or _has_other_keys(v) for k, v in node.items())
    return isinstance(node, list) and any(_has_other_keys(v) for v in node)


def _has_file_refs(node: object) -> bool:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            return True
        return any(_has_file_refs(v) for v in node.values())
    return isinstance(node, list) and any(_has_file_refs(v) for v in node)


@contextlib.contextmanager
def _serve(exe: Path, spec: Path, *, timeout: float, dynamic: bool) -> Iterator[str]:
    port = _free_port()
    # dynamic: answers generated from the schema instead of the spec's examples, which real
    # specs often get wrong. A fixed seed makes those answers the same on every run, so a
    # run that passes keeps passing (Prism's generator sometimes invents invalid data).
    # (--errors is left out there: Prism's own generated answers can trip it.)
    flags = ("--dynamic", "--seed", DYNAMIC_SEED) if dynamic else PRISM_FLAGS
    cmd = [str(exe), "mock", str(spec), "-h", HOST, "-p", str(port), *flags]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group, so _stop reaches children
        )
        try:
            deadline = time.monotonic() + timeout
            while not _accepts_connections(port):
                if proc.poll() is not None:
                    raise PrismError(
                        f"Prism exited with code {proc.returncode} before listening "
                        f"on port {port}.\n$ {' '.join(cmd)}\n{_read_log(log)}"
                    )
                if time.monotonic() > deadline:
                    raise PrismError(
                        f"Prism did not accept connections on port {port} within "
                        f"{timeout:g} s.\n$ {' '.join(cmd)}\n{_read_log(log)}"
                    )
                time.sleep(0.1)
            yield f"http://{HOST}:{port}"
        finally:
            _stop(proc)
