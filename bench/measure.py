"""Run one command; print its wall time, CPU time and peak memory as one JSON object.

Usage (bench/generate.py runs every timed command this way)::

    python bench/measure.py TIMEOUT LOG -- COMMAND [ARG ...]

The command's output (stdout and stderr) goes to the file LOG; it runs in the current folder
and environment, in a session of its own, and is killed with its children after TIMEOUT
seconds. Printed: ``wall`` and ``cpu`` (user + sys of the command and of the children it
waited for, from os.wait4) in seconds, ``rss_mb`` (its ru_maxrss: the peak resident set of
the largest single process), ``tree_rss_mb`` (the peak of the summed resident sets of the
command and all its descendants, sampled every SAMPLE_INTERVAL s), ``exit_code`` and
``timed_out``.

Why a process of its own: Linux starts a new program's ru_maxrss at the peak RSS of the
process that started it, so a command started by the benchmark itself, which holds large
specs in memory, would report at least the benchmark's peak. This process stays small.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

SAMPLE_INTERVAL = 0.2
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


class TreeMemory(threading.Thread):
    """Samples the summed resident set of a process and all its descendants and keeps the
    peak. ru_maxrss gives only the largest single process, which says little about a pool of
    worker processes; this sum counts the pages they share once per process, and can miss a
    peak shorter than the interval."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_INTERVAL):
            self.peak = max(self.peak, sum(map(resident_bytes, process_tree(self.pid))))

    def stop(self) -> float:
        """Stop sampling; the peak in MB."""
        self.done.set()
        self.join()
        return self.peak / 1e6


def process_tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(child) for child in children.read_text().split()]
            except OSError:  # the process has just ended
                continue
    return found


def resident_bytes(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):  # the process has just ended
        return 0


def measure(cmd: list[str], log: Path, timeout: float) -> dict[str, float | int | bool]:
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
        memory = TreeMemory(proc.pid)
        memory.start()
        # The command leads a session of its own, so that this kills its workers too.
        timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            tree_rss_mb = memory.stop()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss * 1024 / 1e6,  # ru_maxrss is in KiB on Linux
        "tree_rss_mb": tree_rss_mb,
        "exit_code": proc.returncode,
        "timed_out": wall >= timeout,
    }


def main(argv: list[str]) -> int:
    if len(argv) < 4 or argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    timeout, log, cmd = float(argv[0]), Path(argv[1]), argv[3:]
    print(json.dumps(measure(cmd, log, timeout)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
